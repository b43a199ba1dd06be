"""The exceptions seofr raises. Nothing else escapes its public API."""

from __future__ import annotations


class SeofrError(Exception):
    """Base class of every error seofr reports."""


class InputError(SeofrError):
    """A document could not be read: missing, unreadable, unknown format, too large.

    ``reason`` names the message of :data:`seofr.messages.INPUT_FAILURES` that
    says it in the reader's language, ``params`` fill it; the exception's own
    text is the English one, for logs and tracebacks.
    """

    def __init__(self, message: str, *, reason: str | None = None, **params: str | int) -> None:
        super().__init__(message)
        self.reason = reason
        self.params = params


class ConfigError(SeofrError):
    """A configuration is wrong: unknown rule or option, value of the wrong type…"""


class DocumentConfigError(InputError, ConfigError):
    """A document's own settings (its front matter's ``seofr`` table) are wrong.

    Both an input error (the document is at fault) and a configuration error.
    """
