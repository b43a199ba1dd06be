"""Rules about the language of the text (category ``language``)."""
