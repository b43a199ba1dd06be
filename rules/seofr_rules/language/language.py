"""``language``: the text is French, and the page declares it (``<html lang>``, front matter ``lang``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.lang import LanguageGuess, is_french_tag, tag_language
from seofr.plugin import (
    Context,
    Document,
    Emitted,
    Field,
    Need,
    Param,
    Rule,
    Severity,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.languages import in_language, percent


@dataclass(frozen=True)
class LanguageOptions:
    """Options of ``language``."""

    min_probability: float = option(
        0.5,
        fr="Part minimale des mots du texte qui doivent être en français (chaque bloc compté "
        "selon la probabilité qu’il soit en français).",
        en="Lowest share of the text’s words that must be in French (each block counted by "
        "the probability that it is French).",
    )
    default_lang: str = option(
        "",
        fr="Langue de tout le site, prise pour celle d’une page qui ne déclare pas la sienne"
        " (un site Hugo ou Jekyll la déclare dans son gabarit, pas dans chaque article)\u00a0:"
        " «\u00a0fr\u00a0», «\u00a0fr-FR\u00a0»…",
        en="The site's language, taken as the language of a page that declares none (a Hugo"
        " or Jekyll site declares it in its template, not in every article): “fr”, “fr-FR”…",
    )


class Language(Rule[LanguageOptions]):
    """The text is French, and the page declares it (``<html lang>``, front matter ``lang``).

    The whole prose is read, block by block, and each language gets its share
    of the words (a block's words counted by the probability of the language
    in it, on langdetect's profiles, always the same answer for the same text).
    The text is French when French holds at least ``min-probability`` of the
    words, a majority by default: a French page with English passages passes
    (``foreign-fragments`` points at them), a page mostly in another language
    fails. A declared language that is not French, or no declaration at all
    (``<html lang>``, ``<body lang>``, the front matter's ``lang``, else the
    ``default-lang`` option), is a finding.

    ```html pass
    <html lang="fr"><body><p>Le conseil municipal a voté le budget de la ville pour l’année prochaine.</p></body></html>
    ```

    ```html fail
    <html lang="fr"><body><p>The city council voted on next year's budget during a long evening session.</p></body></html>
    ```

    ```md fail
    # Guide d’installation du serveur

    This guide explains how to install the server on a new machine and how to check that it runs.

    Download the latest release, unpack it in a folder of your choice and start the service.
    ```

    ```html warn
    <html><body><p>Le conseil municipal a voté le budget de la ville pour l’année prochaine.</p></body></html>
    ```

    A site that declares its language once, in its template, says so with
    ``default-lang``:

    ```md pass default-lang="fr"
    # Le budget de la ville

    Le conseil municipal a voté le budget de la ville pour l’année prochaine.
    ```
    """

    name = "language"
    code = "L001"
    category = "language"
    severity = Severity.ERROR
    needs = frozenset({Need.LANGUAGE})
    summary = Text(
        fr="Le texte est en français et la page le déclare.",
        en="The text is in French and the page declares it.",
    )
    description_fr = """Le texte est en français, et la page le déclare (``<html lang>``, clé ``lang`` de l’en-tête du fichier).

    Toute la prose est lue, bloc par bloc, et chaque langue reçoit sa part
    des mots\u00a0: les mots d’un bloc sont comptés selon la probabilité de
    chaque langue dans ce bloc, d’après les profils de langdetect, qui
    donnent toujours la même réponse pour le même texte. Le texte est en
    français quand le français réunit au moins ``min-probability`` des
    mots, la majorité par défaut\u00a0: une page française avec des passages en
    anglais réussit (``foreign-fragments`` les signale), une page écrite
    surtout dans une autre langue échoue. Une langue déclarée autre que le
    français est signalée, de même que l’absence de toute déclaration
    (``<html lang>``, ``<body lang>``, la clé ``lang`` de l’en-tête du
    fichier, à défaut l’option ``default-lang``).

    Un site qui déclare sa langue une seule fois, dans son gabarit,
    l’indique avec ``default-lang`` (voir les exemples).
    """
    Options = LanguageOptions
    templates = {
        "not-french": Template(
            Text(
                fr="Le texte est surtout écrit {language} ({probability} % des mots), "
                "contre {french} % en français.",
                en="The text is mostly written {language} ({probability}% of its words), "
                "against {french}% in French.",
            ),
            Text(
                fr="Traduisez le texte en français ou vérifiez que c’est le bon fichier.",
                en="Translate the text into French or check that this is the right file.",
            ),
        ),
        "french-uncertain": Template(
            Text(
                fr="Le français ne tient que {probability} % des mots du texte, "
                "moins que les {required} % demandés ; le reste mêle d’autres langues.",
                en="French holds only {probability}% of the text’s words, "
                "below the {required}% required; the rest mixes other languages.",
            ),
            Text(
                fr="Traduisez en français les passages en d’autres langues "
                "(foreign-fragments les signale).",
                en="Translate the passages in other languages into French "
                "(foreign-fragments points at them).",
            ),
        ),
        "undeclared": Template(
            Text(
                fr="La page ne déclare pas sa langue.",
                en="The page does not declare its language.",
            ),
            Text(
                fr='Ajoutez lang="fr" à la balise <html>, ou la clé lang de valeur fr à'
                " l’en-tête du fichier (ou l’option default-lang pour tout le site).",
                en='Add lang="fr" to the <html> tag, or the key lang with the value fr to the'
                " front matter (or the default-lang option for the whole site).",
            ),
        ),
        "declared-other": Template(
            Text(
                fr="La page se déclare {language} alors que le texte est en français.",
                en="The page is declared {language} while its text is in French.",
            ),
            Text(
                fr='Déclarez la langue française : lang="fr" (ou fr-FR, fr-CA…).',
                en='Declare French: lang="fr" (or fr-FR, fr-CA…).',
            ),
        ),
        "no-text": Template(
            Text(fr="Le texte est vide.", en="The text is empty."),
            Text(fr="Écrivez le texte.", en="Write the text."),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: LanguageOptions) -> Iterator[Emitted]:
        guess = ctx.language
        if guess.language is None:
            yield self.skip("no-text")
            return
        judged = verdict(guess, options.min_probability)
        if judged is not None:
            key, params = judged
            yield self.fail(key, None, **params)
        declared = doc.lang
        if declared is None or not declared.value.strip():
            if options.default_lang.strip():
                declared = Field(options.default_lang.strip())
            elif doc.format != "text":
                yield self.warn("undeclared")
                return
            else:
                return
        if not is_french_tag(declared.value) and judged is None:
            # a page in another language is one finding, not two
            language = in_language(tag_language(declared.value))
            yield self.fail("declared-other", declared.span, language=language)


def verdict(guess: LanguageGuess, min_probability: float) -> tuple[str, dict[str, Param]] | None:
    """The key and values of the finding on the text's language, ``None`` when it is French.

    ``not-french`` names the most probable language and is used only when it is
    not French; French on top but under the threshold is ``french-uncertain``.
    """
    french = guess.probability_of("fr")
    if guess.language is None or french >= min_probability:
        return None
    if guess.is_french:
        return "french-uncertain", {
            "probability": int(100 * french),  # floored: 79.6 % is not "80 %, under 80 %"
            "required": percent(min_probability),
        }
    return "not-french", {
        "language": in_language(guess.language),
        "probability": percent(guess.probability),
        "french": percent(french),
    }
