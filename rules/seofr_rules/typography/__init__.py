"""Rules about French typography (category ``typography``): spaces, quotes, marks, numbers."""
