"""Rules about the focus keyphrase (category ``keyphrase``)."""
