"""Language rules: the text is French, and says so; no foreign leftovers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.document.model import Block, BlockKind, Document
from seofr.french.lang import detect_language, is_french_tag, plainly_french
from seofr.french.words import count_words
from seofr.i18n import Text
from seofr.plugin import Context, Emitted, Need, Rule, Severity, Template, option

LANGUAGE_NAMES: dict[str, Text] = {
    "fr": Text(fr="français", en="French"),
    "en": Text(fr="anglais", en="English"),
    "de": Text(fr="allemand", en="German"),
    "es": Text(fr="espagnol", en="Spanish"),
    "it": Text(fr="italien", en="Italian"),
    "pt": Text(fr="portugais", en="Portuguese"),
    "nl": Text(fr="néerlandais", en="Dutch"),
}


def language_name(code: str | None, lang: str) -> str:
    """A language's name in the report's language, else its code."""
    if code is None:
        return "?"
    name = LANGUAGE_NAMES.get(code)
    return name.render("fr" if lang == "fr" else "en") if name else code


def percent(probability: float) -> int:
    """A probability as a whole percentage."""
    return round(100 * probability)


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


# Quoted passages may be in any language: « … », “ … ”, " … ".
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# A word (a run of non-spaces) whose first letter or digit is a capital or a digit.
_CAPITALIZED = re.compile(r"(?<!\S)[^\w\s]*[A-ZÀ-ÖØ-Þ0-9]")


@dataclass(frozen=True)
class ForeignFragmentsOptions:
    """Options of ``foreign-fragments``."""

    min_words: int = option(
        4,
        fr="Nombre minimal de mots d’un fragment pour juger sa langue.",
        en="Fewest words a fragment needs for its language to be judged.",
    )
    min_probability: float = option(
        0.9,
        fr="Probabilité minimale d’une autre langue pour signaler le fragment.",
        en="Lowest probability of another language to report the fragment.",
    )


class ForeignFragments(Rule[ForeignFragmentsOptions]):
    """No block or line of the text is in another language than French.

    Scraped or machine-rewritten pages keep leftovers such as "Please follow and
    like us". Each line of at least ``min-words`` words is identified on its
    own; quotations, code, and lines made of proper nouns are not judged.

    ```md pass
    Le maire a inauguré la nouvelle médiathèque samedi matin.

    Elle ouvrira ses portes au public dès lundi.
    ```

    ```md fail
    Le maire a inauguré la nouvelle médiathèque samedi matin.

    Please follow and like us on social media for more updates.
    ```
    """

    name = "foreign-fragments"
    code = "L002"
    category = "language"
    needs = frozenset({Need.LANGUAGE})
    summary = Text(
        fr="Aucun passage n’est resté dans une autre langue.",
        en="No passage was left in another language.",
    )
    Options = ForeignFragmentsOptions
    templates = {
        "foreign": Template(
            Text(
                fr="Passage en {language} (probabilité {probability} %) : « {excerpt} »",
                en="Passage in {language} (probability {probability}%): “{excerpt}”",
            ),
            Text(
                fr="Traduisez ce passage en français ou supprimez-le.",
                en="Translate this passage into French or remove it.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: ForeignFragmentsOptions
    ) -> Iterator[Emitted]:
        for element in ctx.prose:
            if isinstance(element, Block) and element.kind in (BlockKind.QUOTE, BlockKind.CODE):
                continue
            for start, end in element.lines(doc.source):
                text = _QUOTED.sub(" ", element.text[start:end]).strip()
                words = text.split()
                # cheapest tests first: the split bounds the word count from above,
                # and most lines are plainly French
                if len(words) < options.min_words or plainly_french(text):
                    continue
                if count_words(text) < options.min_words:
                    continue
                if len(_CAPITALIZED.findall(text)) > 0.6 * len(words):
                    continue  # names and titles, not sentences
                guess = detect_language(text, shortcut=False)
                if (
                    guess.language is not None
                    and not guess.is_french
                    and guess.probability >= options.min_probability
                ):
                    span = doc.source_map.span(
                        element.source_offset(start), element.source_offset(end)
                    )
                    yield self.fail(
                        "foreign",
                        span,
                        language=language_name(guess.language, ctx.lang),
                        probability=percent(guess.probability),
                        excerpt=" ".join(words)[:80],
                    )
