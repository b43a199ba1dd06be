"""Rules about links and images (category ``links``)."""
