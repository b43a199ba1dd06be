"""Focus keyphrase rules: density, placement, length, distribution, competing links.

Matching is French-aware (lemmas, accents, elision, hyphens): see
:mod:`seofr.french.keyphrase`. Without a keyphrase these rules are skipped, and
``keyphrase-length`` proposes candidates found in the text.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from seofr.document.model import Block, BlockKind, Document, Heading
from seofr.french.analysis import Sentence
from seofr.french.keyphrase import Matcher, Unit, suggest_keyphrases, units_of_text
from seofr.i18n import Param, Text
from seofr.plugin import Context, Emitted, Level, Need, Rule, Score, Template, option
from seofr_rules.indexing import own_keys

NEEDS = frozenset({Need.SENTENCES, Need.LEMMAS})
NO_KEYPHRASE = Template(
    Text(fr="Aucune expression clé n’est donnée.", en="No focus keyphrase is given."),
    Text(
        fr="Indiquez l’expression clé avec -k ou « keyword » dans le front matter.",
        en="Give the keyphrase with -k or “keyword” in the front matter.",
    ),
)


class KeyphraseRule(Rule[Any]):
    """A rule checked once per focus keyphrase; skipped when there is none."""

    needs = NEEDS
    category = "keyphrase"

    def check(self, doc: Document, ctx: Context, options: Any) -> Iterator[Emitted]:
        if not ctx.keyphrases:
            yield self.skip("no-keyphrase")
            return
        analysis = ctx.keyphrase
        for index, matcher in enumerate(analysis.matchers):
            if matcher.keyphrase.is_empty:
                continue  # keyphrase-length reports it
            yield from self.check_keyphrase(doc, ctx, options, index, matcher)

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: Any, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        """Check one keyphrase; ``index`` is its rank among the keyphrases."""
        raise NotImplementedError


def _present(matchers: Sequence[Matcher], units: Sequence[Unit], share: float = 1.0) -> bool:
    """Whether one of the matchers covers at least ``share`` of its content words."""
    for matcher in matchers:
        if matcher.keyphrase.exact:
            if matcher.count(units):
                return True
        elif matcher.keyphrase.words and matcher.coverage(units) >= share - 1e-9:
            return True
    return False


@dataclass(frozen=True)
class DensityOptions:
    """Options of ``keyword-density``."""

    min_percent: float = option(0.5, fr="Densité minimale (%).", en="Lowest density (%).")
    max_percent: float = option(
        3.0, fr="Densité maximale sans alerte (%).", en="Highest density without a warning (%)."
    )
    fail_percent: float = option(
        4.0, fr="Au-delà de cette densité (%), échec.", en="Above this density (%), fail."
    )
    short_text_words: int = option(
        300,
        fr="En dessous de ce nombre de mots, on exige un nombre d’occurrences plutôt qu’une densité.",
        en="Below this many words a count of occurrences is required instead of a density.",
    )
    min_count: int = option(
        2,
        fr="Nombre minimal d’occurrences d’un texte court.",
        en="Fewest occurrences in a short text.",
    )


class KeywordDensity(KeyphraseRule):
    """The keyphrase appears often enough, but not too often: 0.5 % to 3 % of words.

    Density is occurrences ÷ words. Every inflected form counts (« démissions »
    for « démission »). From 3 % to 4 % the text looks over-optimized (warn);
    above 4 % or below 0.5 % the rule fails. A text shorter than
    ``short-text-words`` is only asked for ``min-count`` occurrences.

    ```md pass keyword="marché"
    Le marché ouvre samedi. Les marchés de la vallée attirent du monde. On y vend des fruits, des légumes, du pain et des fromages.
    ```

    ```md fail keyword="piscine"
    Le marché ouvre samedi. On y vend des fruits, des légumes, du pain et des fromages.
    ```
    """

    name = "keyword-density"
    code = "K001"
    summary = Text(
        fr="L’expression clé revient assez souvent, sans excès.",
        en="The keyphrase appears often enough, without excess.",
    )
    Options = DensityOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "low": Template(
            Text(
                fr="« {keyphrase} » apparaît {count} fois pour {words} mots ({density} %) : trop peu.",
                en="“{keyphrase}” appears {count} time(s) in {words} words ({density}%): too few.",
            ),
            Text(
                fr="Ajoutez environ {change} occurrence(s), réparties dans le texte.",
                en="Add about {change} occurrence(s), spread through the text.",
            ),
        ),
        "high": Template(
            Text(
                fr="« {keyphrase} » apparaît {count} fois pour {words} mots ({density} %) : suroptimisation.",
                en="“{keyphrase}” appears {count} times in {words} words ({density}%): over-optimized.",
            ),
            Text(
                fr="Retirez environ {change} occurrence(s) ou remplacez-les par des synonymes.",
                en="Remove about {change} occurrence(s) or replace them with synonyms.",
            ),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: DensityOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        count = sum(
            analysis.count_in_sentence(matcher, i) for i in range(len(analysis.sentence_units))
        )
        words = ctx.word_count
        if not words:
            return
        density = 100 * count / words
        params: dict[str, Param] = {
            "keyphrase": matcher.keyphrase.text,
            "count": count,
            "words": words,
            "density": round(density, 2),
        }
        if words < options.short_text_words:
            # a density means little on a few sentences: ask for a count only
            if count < options.min_count:
                yield self.fail("low", None, change=options.min_count - count, **params)
            return
        if density < options.min_percent:
            needed = math.ceil(options.min_percent * words / 100)
            yield self.fail("low", None, change=needed - count, **params)
        elif density > options.max_percent:
            allowed = math.floor(options.max_percent * words / 100)
            level = Level.FAIL if density > options.fail_percent else Level.WARN
            yield self.at(level, "high", None, change=max(count - allowed, 1), **params)


@dataclass(frozen=True)
class PlacementOptions:
    """Options of a keyphrase rule without settings of its own."""


class KeywordInTitle(KeyphraseRule):
    """The title starts with the keyphrase (leading function words aside).

    Elsewhere in the title, the rule warns; missing, it fails.

    ```md pass keyword="vélo électrique"
    # Vélos électriques : le guide pour la ville
    ```

    ```md warn keyword="vélo électrique"
    # Le guide du vélo électrique en ville
    ```

    ```md fail keyword="vélo électrique"
    # Le guide de la trottinette
    ```
    """

    name = "keyword-in-title"
    code = "K002"
    summary = Text(
        fr="Le titre commence par l’expression clé.",
        en="The title starts with the keyphrase.",
    )
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "not-first": Template(
            Text(
                fr="« {keyphrase} » est dans le titre, mais pas au début.",
                en="“{keyphrase}” is in the title, but not at the start.",
            ),
            Text(
                fr="Placez l’expression clé en tête du titre.",
                en="Move the keyphrase to the start of the title.",
            ),
        ),
        "missing": Template(
            Text(
                fr="Le titre ne contient pas « {keyphrase} ».",
                en="The title does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Réécrivez le titre pour qu’il commence par l’expression clé.",
                en="Rewrite the title so that it starts with the keyphrase.",
            ),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        units = ctx.keyphrase.title_units
        span = doc.title.span if doc.title else None
        if not _present([matcher], units):
            yield self.fail("missing", span, keyphrase=matcher.keyphrase.text)
            return
        content = [u for u in units if not u.is_function_word]
        size = len(matcher.keyphrase.exact or matcher.keyphrase.words)
        head = units[: units.index(content[size - 1]) + 1] if len(content) >= size else units
        if not _present([matcher], head):
            yield self.warn("not-first", span, keyphrase=matcher.keyphrase.text)


class KeywordInIntroduction(KeyphraseRule):
    """The first paragraph holds the keyphrase, ideally within one sentence.

    Spread over several sentences of the paragraph, the rule warns; missing, it
    fails. Synonyms count.

    ```md pass keyword="compost"
    # Réussir son compost

    Le compost transforme les épluchures en terreau. Il demande peu de soin.
    ```

    ```md fail keyword="compost"
    # Réussir son compost

    Les épluchures deviennent du terreau. Il faut peu de soin.
    ```
    """

    name = "keyword-in-introduction"
    code = "K003"
    summary = Text(
        fr="L’introduction contient l’expression clé.",
        en="The introduction holds the keyphrase.",
    )
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "spread": Template(
            Text(
                fr="Les mots de « {keyphrase} » sont dans l’introduction, mais pas dans une même phrase.",
                en="The words of “{keyphrase}” are in the introduction, but not in one sentence.",
            ),
            Text(
                fr="Réunissez l’expression clé dans la première ou la deuxième phrase.",
                en="Bring the keyphrase together in the first or second sentence.",
            ),
        ),
        "missing": Template(
            Text(
                fr="L’introduction ne contient pas « {keyphrase} ».",
                en="The introduction does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Citez l’expression clé dès la première phrase.",
                en="Use the keyphrase in the first sentence.",
            ),
        ),
        "no-introduction": Template(
            Text(fr="Le texte n’a pas de paragraphe.", en="The text has no paragraph."),
            Text(fr="Écrivez une introduction.", en="Write an introduction."),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        first = next(
            (b for b in ctx.prose if isinstance(b, Block) and b.kind is BlockKind.PARAGRAPH), None
        )
        if first is None:
            yield self.skip("no-introduction")
            return
        matchers = analysis.topic_matchers(index)
        units = [
            u
            for s, su in zip(analysis.sentences, analysis.sentence_units, strict=True)
            if s.element is first
            for u in su
        ]
        per_sentence = [
            su
            for s, su in zip(analysis.sentences, analysis.sentence_units, strict=True)
            if s.element is first
        ]
        if any(_present(matchers, su) for su in per_sentence):
            return
        if _present(matchers, units):
            yield self.warn("spread", first.span, keyphrase=matcher.keyphrase.text)
        else:
            yield self.fail("missing", first.span, keyphrase=matcher.keyphrase.text)


@dataclass(frozen=True)
class SubheadingsOptions:
    """Options of ``keyword-in-subheadings``."""

    min_percent: float = option(
        30.0,
        fr="Part minimale (%) des H2 et H3 qui reprennent l’expression clé.",
        en="Lowest share (%) of H2 and H3 that reflect the keyphrase.",
    )
    max_percent: float = option(
        75.0,
        fr="Part maximale (%) avant la suroptimisation.",
        en="Highest share (%) before over-optimization.",
    )


class KeywordInSubheadings(KeyphraseRule):
    """Between 30 % and 75 % of the H2 and H3 reflect the keyphrase.

    A subheading reflects the keyphrase (or a synonym) when it holds at least
    half of its content words. Too few fails; too many warns.

    ```md pass keyword="vélo électrique"
    ## Choisir son vélo électrique
    ## Le budget
    ## L’entretien
    ```

    ```md fail keyword="vélo électrique"
    ## Le budget
    ## L’entretien
    ## La sécurité
    ```
    """

    name = "keyword-in-subheadings"
    code = "K004"
    summary = Text(
        fr="Une partie des intertitres reprend l’expression clé.",
        en="Some of the subheadings reflect the keyphrase.",
    )
    Options = SubheadingsOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "few": Template(
            Text(
                fr="{with_keyphrase} intertitre(s) H2/H3 sur {total} reprennent « {keyphrase} » ({share} %).",
                en="{with_keyphrase} of {total} H2/H3 subheadings reflect “{keyphrase}” ({share}%).",
            ),
            Text(
                fr="Reprenez l’expression clé ou un synonyme dans environ {change} intertitre(s) de plus.",
                en="Use the keyphrase or a synonym in about {change} more subheading(s).",
            ),
        ),
        "many": Template(
            Text(
                fr="{with_keyphrase} intertitre(s) H2/H3 sur {total} reprennent « {keyphrase} » ({share} %) : suroptimisation.",
                en="{with_keyphrase} of {total} H2/H3 subheadings reflect “{keyphrase}” ({share}%): over-optimized.",
            ),
            Text(
                fr="Variez : retirez l’expression clé d’environ {change} intertitre(s).",
                en="Vary them: take the keyphrase out of about {change} subheading(s).",
            ),
        ),
        "no-subheadings": Template(
            Text(fr="Le texte n’a pas d’intertitre H2 ou H3.", en="The text has no H2 or H3."),
            Text(fr="Voir la règle subheadings.", en="See the subheadings rule."),
        ),
    }

    def check_keyphrase(
        self,
        doc: Document,
        ctx: Context,
        options: SubheadingsOptions,
        index: int,
        matcher: Matcher,
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        matchers = analysis.topic_matchers(index)
        headings: dict[int, list[Unit]] = {}
        for sentence, units in zip(analysis.sentences, analysis.sentence_units, strict=True):
            element = sentence.element
            if isinstance(element, Heading) and element.level in (2, 3):
                headings.setdefault(sentence.element_index, []).extend(units)
        if not headings:
            yield self.skip("no-subheadings")
            return
        total = len(headings)
        hits = sum(1 for units in headings.values() if _present(matchers, units, 0.5))
        share = 100 * hits / total
        params: dict[str, Param] = {
            "keyphrase": matcher.keyphrase.text,
            "with_keyphrase": hits,
            "total": total,
            "share": round(share),
        }
        if share < options.min_percent:
            change = math.ceil(options.min_percent * total / 100) - hits
            yield self.fail("few", None, change=max(change, 1), **params)
        elif share > options.max_percent:
            change = hits - math.floor(options.max_percent * total / 100)
            yield self.warn("many", None, change=max(change, 1), **params)


class KeywordInMetaDescription(KeyphraseRule):
    """The meta description holds the keyphrase once or twice.

    ```md pass keyword="compost"
    ---
    description: Tout pour réussir son compost en appartement, des bons gestes au choix du bac.
    ---
    ```

    ```md fail keyword="compost"
    ---
    description: Tout pour transformer ses épluchures en terreau, des bons gestes au choix du bac.
    ---
    ```
    """

    name = "keyword-in-meta-description"
    code = "K005"
    summary = Text(
        fr="La méta-description contient l’expression clé.",
        en="The meta description holds the keyphrase.",
    )
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "missing": Template(
            Text(
                fr="La méta-description ne contient pas « {keyphrase} ».",
                en="The meta description does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Glissez l’expression clé dans la description, une fois.",
                en="Work the keyphrase into the description, once.",
            ),
        ),
        "many": Template(
            Text(
                fr="La méta-description répète « {keyphrase} » {count} fois.",
                en="The meta description repeats “{keyphrase}” {count} times.",
            ),
            Text(
                fr="Gardez une ou deux occurrences.",
                en="Keep one or two occurrences.",
            ),
        ),
        "no-description": Template(
            Text(fr="La page n’a pas de méta-description.", en="The page has no meta description."),
            Text(fr="Voir la règle meta-description.", en="See the meta-description rule."),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        if doc.meta_description is None or not doc.meta_description.value.strip():
            yield self.skip("no-description")
            return
        span = doc.meta_description.span
        count = matcher.count(ctx.keyphrase.description_units)
        if count == 0:
            yield self.fail("missing", span, keyphrase=matcher.keyphrase.text)
        elif count > 2:
            yield self.warn("many", span, keyphrase=matcher.keyphrase.text, count=count)


class KeywordInSlug(KeyphraseRule):
    """The page's address holds the keyphrase's content words.

    The slug is the front matter's ``slug``, else the canonical URL's last
    segment, else the file name. Accents and case do not matter.

    ```md pass keyword="vélo électrique"
    ---
    slug: velo-electrique-ville
    ---
    ```

    ```md fail keyword="vélo électrique"
    ---
    slug: guide-ville-2024
    ---
    ```
    """

    name = "keyword-in-slug"
    code = "K006"
    summary = Text(
        fr="L’adresse de la page contient l’expression clé.",
        en="The page address holds the keyphrase.",
    )
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "missing": Template(
            Text(
                fr="L’adresse « {slug} » ne contient pas « {keyphrase} ».",
                en="The address “{slug}” does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Choisissez une adresse courte qui contient l’expression clé, comme « {suggestion} ».",
                en="Choose a short address holding the keyphrase, such as “{suggestion}”.",
            ),
        ),
        "no-slug": Template(
            Text(fr="La page n’a pas d’adresse connue.", en="The page has no known address."),
            Text(
                fr="Indiquez « slug » dans le front matter.",
                en="Set “slug” in the front matter.",
            ),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        slugs = sorted(own_keys(doc))
        if doc.canonical is not None:
            slugs.append(doc.canonical.value.rstrip("/").rsplit("/", 1)[-1])
        if not slugs:
            yield self.skip("no-slug")
            return
        slug = slugs[0]
        if any(_present([matcher], units_of_text(s.replace("-", " "))) for s in slugs):
            return
        suggestion = "-".join(u.form for u in units_of_text(matcher.keyphrase.text.strip('"«» ')))
        yield self.fail(
            "missing", None, slug=slug, keyphrase=matcher.keyphrase.text, suggestion=suggestion
        )


class KeywordInImageAlt(KeyphraseRule):
    """When the page has images, at least one alternative text holds the keyphrase.

    ```md pass keyword="compost"
    ![Un bac à compost dans une cour](/img/bac.jpg)
    ```

    ```md fail keyword="compost"
    ![Une cour d’immeuble fleurie](/img/cour.jpg)
    ```
    """

    name = "keyword-in-image-alt"
    code = "K007"
    summary = Text(
        fr="Une image au moins a l’expression clé dans son texte alternatif.",
        en="At least one image has the keyphrase in its alternative text.",
    )
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "missing": Template(
            Text(
                fr="Aucun texte alternatif d’image ne contient « {keyphrase} » ({images} image(s)).",
                en="No image alternative text holds “{keyphrase}” ({images} image(s)).",
            ),
            Text(
                fr="Décrivez l’image principale avec l’expression clé, si elle s’y prête.",
                en="Describe the main image with the keyphrase, where it fits.",
            ),
        ),
        "no-images": Template(
            Text(fr="La page n’a pas d’image.", en="The page has no image."),
            Text(fr="Aucune action nécessaire.", en="Nothing to do."),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        if not doc.images:
            yield self.skip("no-images")
            return
        matchers = ctx.keyphrase.topic_matchers(index)
        if not any(_present(matchers, units) for units in ctx.keyphrase.alt_units):
            yield self.fail(
                "missing",
                doc.images[0].span,
                keyphrase=matcher.keyphrase.text,
                images=len(doc.images),
            )


def _without_leftovers(ctx: Context) -> list[Sentence]:
    """The sentences of the prose, but those on a leftover line (share widgets, forms…).

    A scraper's widget labels repeat on every page: « Pin Share » must not come
    out as what the article is about.
    """
    leftovers = ctx.leftovers
    return [
        s for s in ctx.french.sentences if not leftovers.covers(s.element_index, s.start, s.end)
    ]


@dataclass(frozen=True)
class KeyphraseLengthOptions:
    """Options of ``keyphrase-length``."""

    max_words: int = option(
        4,
        fr="Nombre maximal de mots pleins sans alerte.",
        en="Most content words without a warning.",
    )
    fail_words: int = option(
        8,
        fr="Au-delà de ce nombre de mots pleins, échec.",
        en="Above this many content words, fail.",
    )


class KeyphraseLength(Rule[KeyphraseLengthOptions]):
    """The keyphrase has one to four content words; without one, candidates are proposed.

    Function words (« de », « la », « pour »…) do not count. Five to eight
    content words warn, more fail, and a keyphrase of function words only
    cannot be matched at all. When no keyphrase is given, this rule is skipped
    and proposes up to five candidates found in the text, leaving out the
    lines that ``boilerplate`` reports (share widgets, comment forms…).

    ```md pass keyword="vélo électrique"
    Texte.
    ```

    ```md fail keyword="le la les de du des pour"
    Texte.
    ```

    ```md skip
    Le vélo électrique plaît. Un vélo électrique coûte cher. Le vélo électrique roule vite.
    ```
    """

    name = "keyphrase-length"
    code = "K008"
    category = "keyphrase"
    needs = NEEDS | {Need.LEFTOVERS}
    summary = Text(
        fr="L’expression clé est courte, et il y en a une.",
        en="There is a keyphrase, and it is short.",
    )
    Options = KeyphraseLengthOptions
    templates: ClassVar[dict[str, Template]] = {
        "no-keyphrase": NO_KEYPHRASE,
        "candidates": Template(
            Text(
                fr="Aucune expression clé n’est donnée ; le texte parle surtout de : {candidates}.",
                en="No focus keyphrase is given; the text is mostly about: {candidates}.",
            ),
            Text(
                fr="Choisissez l’expression clé de l’article (-k ou « keyword » dans le front matter).",
                en="Choose the article’s keyphrase (-k or “keyword” in the front matter).",
            ),
        ),
        "long": Template(
            Text(
                fr="« {keyphrase} » compte {words} mots pleins (maximum conseillé {max_words}).",
                en="“{keyphrase}” has {words} content words (advised maximum {max_words}).",
            ),
            Text(
                fr="Resserrez l’expression clé sur {max_words} mots pleins au plus.",
                en="Narrow the keyphrase down to {max_words} content words at most.",
            ),
        ),
        "function-only": Template(
            Text(
                fr="« {keyphrase} » ne contient que des mots outils : rien à rechercher.",
                en="“{keyphrase}” holds only function words: nothing to look for.",
            ),
            Text(
                fr="Choisissez une expression clé avec des noms ou des adjectifs.",
                en="Choose a keyphrase with nouns or adjectives.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: KeyphraseLengthOptions
    ) -> Iterator[Emitted]:
        if not ctx.keyphrases:
            # no keyphrase to match: read the title as it is, without building ctx.keyphrase
            title = doc.title.value if doc.title else ""
            emphasized = [units_of_text(title)] + [units_of_text(h.text) for h in doc.headings]
            candidates = suggest_keyphrases(_without_leftovers(ctx), emphasized)
            if candidates:
                yield self.info(
                    "candidates", None, candidates=", ".join(f"« {c} »" for c in candidates)
                )
            yield self.skip("no-keyphrase")
            return
        for matcher in ctx.keyphrase.matchers:
            phrase = matcher.keyphrase
            words = len(phrase.words)
            if phrase.is_empty:
                yield self.fail("function-only", None, keyphrase=phrase.text)
            elif words > options.max_words:
                level = Level.FAIL if words > options.fail_words else Level.WARN
                yield self.at(
                    level,
                    "long",
                    None,
                    keyphrase=phrase.text,
                    words=words,
                    max_words=options.max_words,
                )


@dataclass(frozen=True)
class DistributionOptions:
    """Options of ``keyword-distribution``."""

    min_words: int = option(
        300,
        fr="En dessous de ce nombre de mots, la règle ne s’applique pas.",
        en="Below this many words the rule does not apply.",
    )
    parts: int = option(
        3, fr="Nombre de parties égales du texte.", en="Number of equal parts of the text."
    )


class KeywordDistribution(KeyphraseRule):
    """Each third of a long text holds the keyphrase (or a synonym).

    Texts shorter than ``min-words`` are skipped. A third without a match is
    reported with its span.

    ```md pass keyword="vélo" min-words=9 parts=3
    Le vélo est pratique. Le vélo est rapide. Le vélo est sain.
    ```

    ```md fail keyword="vélo" min-words=9 parts=3
    Le vélo est pratique. La voiture est rapide. Le bus est lent.
    ```
    """

    name = "keyword-distribution"
    code = "K009"
    summary = Text(
        fr="L’expression clé est répartie dans tout le texte.",
        en="The keyphrase is spread through the whole text.",
    )
    Options = DistributionOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "gap": Template(
            Text(
                fr="La partie {part} sur {parts} du texte ne contient pas « {keyphrase} ».",
                en="Part {part} of {parts} of the text does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Reprenez l’expression clé ou un synonyme dans cette partie.",
                en="Use the keyphrase or a synonym in this part.",
            ),
        ),
        "short": Template(
            Text(
                fr="Texte trop court pour juger la répartition.",
                en="Text too short to judge the spread.",
            ),
            Text(fr="Aucune action nécessaire.", en="Nothing to do."),
        ),
    }

    def check_keyphrase(
        self,
        doc: Document,
        ctx: Context,
        options: DistributionOptions,
        index: int,
        matcher: Matcher,
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        sentences = analysis.sentences
        total = sum(s.word_count for s in sentences)
        if total < options.min_words or not sentences:
            yield self.skip("short")
            return
        parts = max(options.parts, 1)
        matchers = analysis.topic_matchers(index)
        hits = [False] * parts
        bounds: list[list[int]] = [[] for _ in range(parts)]
        seen = 0
        for number, sentence in enumerate(sentences):
            part = min(seen * parts // total, parts - 1)
            bounds[part].append(number)
            seen += sentence.word_count
            if any(analysis.count_in_sentence(m, number) for m in matchers):
                hits[part] = True
        yield Score(sum(hits) / parts)
        for part, hit in enumerate(hits):
            if hit or not bounds[part]:
                continue
            first, last = sentences[bounds[part][0]], sentences[bounds[part][-1]]
            span = doc.source_map.span(first.span.start, last.span.end)
            yield self.fail(
                "gap", span, part=part + 1, parts=parts, keyphrase=matcher.keyphrase.text
            )


class CompetingLinks(KeyphraseRule):
    """No link uses the keyphrase as its anchor text.

    A link whose anchor is the keyphrase tells search engines that another page
    is the reference for that topic: it competes with this one.

    ```md pass keyword="compost"
    Le compost se fait en bac. Voir [notre guide des déchets](/dechets).
    ```

    ```md fail keyword="compost"
    Le tri se fait en bac. Voir [le compost](/compost).
    ```
    """

    name = "competing-links"
    code = "K010"
    summary = Text(
        fr="Aucun lien n’a l’expression clé pour texte.",
        en="No link has the keyphrase as its text.",
    )
    Options = PlacementOptions
    templates = {
        "competing": Template(
            Text(
                fr="Le lien « {text} » vers {href} a pour texte l’expression clé « {keyphrase} ».",
                en="The link “{text}” to {href} uses the keyphrase “{keyphrase}” as its text.",
            ),
            Text(
                fr="Changez le texte du lien pour qu’il décrive la page visée sans l’expression clé.",
                en="Change the link text to describe its target without the keyphrase.",
            ),
        ),
        "no-keyphrase": NO_KEYPHRASE,
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        for link, units in zip(doc.links, ctx.keyphrase.anchor_units, strict=True):
            if _present([matcher], units):
                yield self.fail(
                    "competing",
                    link.span,
                    text=link.text,
                    href=link.href,
                    keyphrase=matcher.keyphrase.text,
                )


KEYPHRASE_RULES = [
    KeywordDensity,
    KeywordInTitle,
    KeywordInIntroduction,
    KeywordInSubheadings,
    KeywordInMetaDescription,
    KeywordInSlug,
    KeywordInImageAlt,
    KeyphraseLength,
    KeywordDistribution,
    CompetingLinks,
]
