"""Rules about the title, description and indexing of the page (category ``metadata``)."""
