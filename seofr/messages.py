"""The engine's own messages: notes about the input, rule failures, broken templates.

Rules carry their messages in their ``templates``; these are the few the engine
itself writes, under the pseudo-rule ``input`` (code ``X001``), for a rule that
crashed (key ``__crash__``) and for a finding whose template and values disagree.
"""

from __future__ import annotations

from seofr.document.model import TitleOrigin
from seofr.i18n import Template, Text
from seofr.verdicts import Severity

INPUT_RULE = "input"
INPUT_CODE = "X001"

INPUT_NOTES: dict[str, Template] = {
    "decoding-fallback": Template(
        Text(
            fr="Le fichier n’est pas en UTF-8 : il a été lu comme {encoding}.",
            en="The file is not UTF-8: it was read as {encoding}.",
        ),
        Text(
            fr="Enregistrez le fichier en UTF-8 pour éviter les caractères mal lus.",
            en="Save the file as UTF-8 so no character is misread.",
        ),
    ),
    "decoding-declared": Template(
        Text(
            fr="Le fichier a été lu avec l’encodage qu’il déclare : {encoding}.",
            en="The file was read with the encoding it declares: {encoding}.",
        ),
        Text(
            fr="Préférez UTF-8, l’encodage attendu par les navigateurs et les moteurs.",
            en="Prefer UTF-8, the encoding browsers and search engines expect.",
        ),
    ),
    "bytes-replaced": Template(
        Text(
            fr="{count} {count:octet illisible|octets illisibles} en {encoding} {count:a été remplacé|ont été remplacés} par « � ».",
            en="{count} {count:byte|bytes} not valid in {encoding} {count:was|were} replaced with “�”.",
        ),
        Text(
            fr="Vérifiez l’encodage du fichier et corrigez les caractères remplacés.",
            en="Check the file’s encoding and correct the replaced characters.",
        ),
    ),
    "characters-replaced": Template(
        Text(
            fr="{count} {count:caractère invalide|caractères invalides} (demi-paires UTF-16) {count:remplacé|remplacés} par « � ».",
            en="{count} invalid {count:character|characters} (lone UTF-16 surrogates) replaced with “�”.",
        ),
        Text(
            fr="Corrigez le texte à la source : il a été mal converti.",
            en="Correct the text at its source: it was badly converted.",
        ),
    ),
    "selector-missed": Template(
        Text(
            fr="Le sélecteur de contenu « {selector} » ne trouve rien dans la page :"
            " la zone principale a été choisie automatiquement.",
            en="The content selector “{selector}” matches nothing in the page: the main"
            " region was chosen automatically.",
        ),
        Text(
            fr="Corrigez content-selector pour qu’il désigne le contenu de cette page.",
            en="Correct content-selector so that it names this page’s content.",
        ),
    ),
    "front-matter-invalid": Template(
        Text(
            fr="L’en-tête {syntax} du fichier est illisible et a été ignoré : {error}.",
            en="The {syntax} front matter could not be read and was ignored: {error}.",
        ),
        Text(
            fr="Corrigez la syntaxe {syntax} de l’en-tête : ses réglages (titre,"
            " description, mot-clé) ne sont pas lus tant qu’il est illisible.",
            en="Fix the {syntax} syntax of the front matter: its settings (title,"
            " description, keyphrase) are not read while it is broken.",
        ),
    ),
    "directive-unknown": Template(
        Text(
            fr="La directive « {directive} » n’existe pas et ne désactive rien.",
            en="The directive “{directive}” does not exist and switches nothing off.",
        ),
        Text(
            fr="Écrivez l’une de celles-ci : {known}.",
            en="Write one of these: {known}.",
        ),
    ),
    "directive-rule-unknown": Template(
        Text(
            fr="« {directive} » nomme une règle inconnue, « {rule} » : rien n’est désactivé.",
            en="“{directive}” names an unknown rule, “{rule}”: nothing is switched off.",
        ),
        Text(
            fr="Corrigez le nom ou le code de la règle (voir « seofr rules »).",
            en="Correct the rule’s name or code (see “seofr rules”).",
        ),
    ),
}

INPUT_FAILURES: dict[str, Text] = {
    "missing": Text(fr="{path} : fichier introuvable", en="{path}: no such file"),
    "directory": Text(fr="{path} : c’est un dossier, pas un fichier", en="{path}: is a directory"),
    "permission": Text(
        fr="{path} : lecture refusée (droits insuffisants)", en="{path}: permission denied"
    ),
    "os-error": Text(
        fr="{path} : fichier illisible (le système répond : « {detail} »)",
        en="{path}: cannot be read ({detail})",
    ),
    "too-large": Text(
        fr="{path} : plus gros que la limite de {limit} octets (max-bytes)",
        en="{path}: larger than the limit of {limit} bytes (max-bytes)",
    ),
    "undecodable": Text(
        fr="{path} : {count} {count:octet n’a pu être lu|octets n’ont pu être lus} en"
        " {encoding} ; le fichier n’est pas corrigé, pour n’en perdre aucun",
        en="{path}: {count} {count:byte|bytes} could not be decoded as {encoding};"
        " not fixed, so that none is lost",
    ),
    "changed-on-disk": Text(
        fr="{path} : modifié pendant la correction ; laissé tel quel",
        en="{path}: changed on disk while it was being fixed; left as it is",
    ),
    "not-rewritable": Text(
        fr="{path} : impossible de réécrire le fichier (le système répond : « {detail} »)",
        en="{path}: cannot be rewritten ({detail})",
    ),
    "config": Text(
        fr="{path} : réglages invalides — {message}",
        en="{path}: invalid settings — {message}",
    ),
    "unreadable": Text(
        fr="{path} : illisible — {message}",
        en="{path}: unreadable — {message}",
    ),
}
"""Why an input could not be checked, by :attr:`~seofr.errors.InputError.reason`;
``config`` and ``unreadable`` wrap a message that has no reason of its own."""

NOTE_SEVERITIES: dict[str, Severity] = {
    # the document's own settings (title, keyphrase, profile) were not read
    "front-matter-invalid": Severity.ERROR,
    "directive-unknown": Severity.WARNING,
    "directive-rule-unknown": Severity.WARNING,
}
"""Notes more serious than information; every other note is ``info``."""

CRASHED = "__crash__"

RULE_CRASHED = Template(
    Text(
        fr="La règle a échoué sur ce document : {error}.",
        en="The rule crashed on this document: {error}.",
    ),
    Text(
        fr="Signalez ce problème aux auteurs de la règle ({package}) avec le document.",
        en="Report this problem to the rule’s authors ({package}) with the document.",
    ),
)

BROKEN_MESSAGE = Template(
    Text(
        fr="Erreur interne : le message « {key} » de la règle {rule} n’a pas pu être écrit"
        " ({error}).",
        en="Internal error: the message “{key}” of the rule {rule} could not be written ({error}).",
    ),
    Text(
        fr="Signalez ce problème aux auteurs de la règle : son modèle de message et ses"
        " valeurs ne concordent pas.",
        en="Report this problem to the rule’s authors: its message template and its values"
        " disagree.",
    ),
)

INPUT_SUMMARY = Template(
    Text(
        fr="Remarques sur la lecture du fichier (encodage, front matter).",
        en="Notes on how the file was read (encoding, front matter).",
    )
)

FIX_MESSAGES: dict[str, Text] = {
    "fixed": Text(
        fr="{path}\u00a0: {count} {count:correction appliquée|corrections appliquées}",
        en="{path}: {count} {count:fix|fixes} applied",
    ),
    "would-fix": Text(
        fr="{path}\u00a0: {count} {count:correction à appliquer|corrections à appliquer}",
        en="{path}: {count} {count:fix|fixes} to apply",
    ),
    "summary": Text(
        fr="{count} {count:correction|corrections} dans {files} {files:fichier|fichiers}\u202f;"
        " {remaining} {remaining:constat reste|constats restent} à traiter à la main.",
        en="{count} {count:fix|fixes} in {files} {files:file|files};"
        " {remaining} {remaining:finding is|findings are} left for a writer.",
    ),
    "nothing": Text(
        fr="Rien à corriger automatiquement.",
        en="Nothing to fix automatically.",
    ),
    "unsafe-hint": Text(
        fr="{count} {count:autre correction demande|autres corrections demandent} une relecture\u00a0:"
        " relancez avec --unsafe pour {count:l’appliquer|les appliquer}.",
        en="{count} more {count:fix needs|fixes need} a writer’s eye:"
        " run again with --unsafe to apply {count:it|them}.",
    ),
}
"""What ``seofr fix`` tells the writer."""

ENGINE_TEMPLATES: dict[str, Template] = {
    **INPUT_NOTES,
    CRASHED: RULE_CRASHED,
    "__input__": INPUT_SUMMARY,
}
"""Every template the engine itself may use, by key."""

TITLE_ORIGINS: dict[str, Text] = {
    TitleOrigin.HTML_TITLE: Text(fr="balise <title>", en="<title> tag"),
    TitleOrigin.FRONT_MATTER: Text(fr="en-tête du fichier", en="front matter"),
    TitleOrigin.FIRST_H1: Text(fr="premier H1", en="first H1"),
    TitleOrigin.FIRST_LINE: Text(fr="première ligne", en="first line"),
}
"""Where a document's title was found, as messages and reports name it."""
