"""``language``: the text is French, and the page declares it (``<html lang>``, front matter ``lang``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.lang import is_french_tag
from seofr.plugin import Context, Document, Emitted, Need, Rule, Severity, Template, Text, option
from seofr_rules.helpers.languages import language_name, percent


@dataclass(frozen=True)
class LanguageOptions:
    """Options of ``language``."""

    min_probability: float = option(
        0.8,
        fr="Probabilité minimale que le texte soit en français.",
        en="Lowest probability that the text is French.",
    )


class Language(Rule[LanguageOptions]):
    """The text is French, and the page declares it (``<html lang>``, front matter ``lang``).

    The language is identified with langdetect (fixed seed, so the same text
    always gives the same answer) and its probability is reported. A declared
    language that is not French, or no declaration at all, is a finding.

    ```html pass
    <html lang="fr"><body><p>Le conseil municipal a voté le budget de la ville pour l’année prochaine.</p></body></html>
    ```

    ```html fail
    <html lang="fr"><body><p>The city council voted on next year's budget during a long evening session.</p></body></html>
    ```

    ```html warn
    <html><body><p>Le conseil municipal a voté le budget de la ville pour l’année prochaine.</p></body></html>
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
    Options = LanguageOptions
    templates = {
        "not-french": Template(
            Text(
                fr="Le texte semble écrit en {language} (probabilité {probability} %), pas en français.",
                en="The text seems to be written in {language} (probability {probability}%), not French.",
            ),
            Text(
                fr="Traduisez le texte en français ou vérifiez que c’est le bon fichier.",
                en="Translate the text into French or check that this is the right file.",
            ),
        ),
        "undeclared": Template(
            Text(
                fr="La page ne déclare pas sa langue.",
                en="The page does not declare its language.",
            ),
            Text(
                fr='Ajoutez lang="fr" à la balise <html> (ou « lang: fr » au front matter).',
                en='Add lang="fr" to the <html> tag (or “lang: fr” to the front matter).',
            ),
        ),
        "declared-other": Template(
            Text(
                fr="La page se déclare en « {declared} » alors que le texte est en français.",
                en="The page declares “{declared}” while the text is in French.",
            ),
            Text(
                fr='Déclarez la langue française : lang="fr" (ou fr-FR, fr-CA…).',
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
        if not guess.is_french or guess.probability < options.min_probability:
            yield self.fail(
                "not-french",
                language=language_name(guess.language, ctx.lang),
                probability=percent(guess.probability),
            )
        declared = doc.lang
        if declared is None or not declared.value.strip():
            if doc.format != "text":
                yield self.warn("undeclared")
        elif not is_french_tag(declared.value):
            yield self.fail("declared-other", declared.span, declared=declared.value)
