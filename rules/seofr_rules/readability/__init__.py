"""Rules about reading ease, sentences and paragraphs (category ``readability``)."""
