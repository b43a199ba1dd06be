"""The exceptions seofr raises. Nothing else escapes its public API."""

from __future__ import annotations


class SeofrError(Exception):
    """Base class of every error seofr reports."""


class InputError(SeofrError):
    """A document could not be read: missing, unreadable, unknown format, too large."""


class ConfigError(SeofrError):
    """A configuration is wrong: unknown rule or option, value of the wrong type…"""


class DocumentConfigError(InputError, ConfigError):
    """A document's own settings (its front matter's ``seofr`` table) are wrong.

    Both an input error (the document is at fault) and a configuration error.
    """
