"""Shared code of the built-in rules: no module here defines a rule."""
