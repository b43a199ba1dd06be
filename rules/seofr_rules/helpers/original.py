"""What the rules comparing a rewrite with its original share."""

from __future__ import annotations

from seofr.plugin import Template, Text

NO_ORIGINAL = Template(
    Text(fr="Aucun article d’origine fourni.", en="No original article given."),
    Text(fr="Passez l’original avec --original.", en="Pass the original with --original."),
)
