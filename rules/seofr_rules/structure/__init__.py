"""Rules about headings and sections (category ``structure``)."""
