"""Rules comparing a rewrite with its original article (category ``rewrite``)."""
