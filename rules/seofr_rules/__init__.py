"""The built-in seofr rules and profiles.

They are registered through the entry-point groups ``seofr.rules`` and
``seofr.profiles`` exactly as a third-party package registers its own.

Each rule is one module, ``<category>/<rule_name>.py`` (``content/word_count.py``
holds ``word-count``), importing only ``seofr.plugin``, ``seofr.french`` and
the shared code of ``helpers/``; no rule module imports another
(``tests/test_rule_layout.py``). Word lists and font metrics are in ``data/``,
profiles in ``profiles/``.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from seofr.plugin import Rule


def builtin_rules() -> list[type[Rule[Any]]]:
    """Every built-in rule class, one module each: ``seofr_rules/<category>/<rule_name>.py``."""
    from seofr_rules.content.boilerplate import Boilerplate
    from seofr_rules.content.word_count import WordCount
    from seofr_rules.keyphrase.competing_links import CompetingLinks
    from seofr_rules.keyphrase.keyphrase_length import KeyphraseLength
    from seofr_rules.keyphrase.keyword_density import KeywordDensity
    from seofr_rules.keyphrase.keyword_distribution import KeywordDistribution
    from seofr_rules.keyphrase.keyword_in_image_alt import KeywordInImageAlt
    from seofr_rules.keyphrase.keyword_in_introduction import KeywordInIntroduction
    from seofr_rules.keyphrase.keyword_in_meta_description import KeywordInMetaDescription
    from seofr_rules.keyphrase.keyword_in_slug import KeywordInSlug
    from seofr_rules.keyphrase.keyword_in_subheadings import KeywordInSubheadings
    from seofr_rules.keyphrase.keyword_in_title import KeywordInTitle
    from seofr_rules.language.foreign_fragments import ForeignFragments
    from seofr_rules.language.language import Language
    from seofr_rules.links.image_alt import ImageAlt
    from seofr_rules.links.link_text import LinkText
    from seofr_rules.links.links import Links
    from seofr_rules.metadata.indexable import Indexable
    from seofr_rules.metadata.meta_description import MetaDescription
    from seofr_rules.metadata.title_length import TitleLength
    from seofr_rules.readability.paragraph_length import ParagraphLength
    from seofr_rules.readability.passive_voice import PassiveVoice
    from seofr_rules.readability.readability import Readability
    from seofr_rules.readability.sentence_beginnings import SentenceBeginnings
    from seofr_rules.readability.sentence_length import SentenceLength
    from seofr_rules.readability.transition_words import TransitionWords
    from seofr_rules.rewrite.original_overlap import OriginalOverlap
    from seofr_rules.rewrite.title_rewritten import TitleRewritten
    from seofr_rules.structure.heading_hierarchy import HeadingHierarchy
    from seofr_rules.structure.subheadings import Subheadings
    from seofr_rules.typography.apostrophe import Apostrophe
    from seofr_rules.typography.ellipsis import Ellipses
    from seofr_rules.typography.nbsp_punctuation import NbspPunctuation
    from seofr_rules.typography.number_unit import NumberUnit
    from seofr_rules.typography.ordinals import Ordinals
    from seofr_rules.typography.quotes import Quotes
    from seofr_rules.typography.spacing import Spacing
    from seofr_rules.typography.thousands import Thousands

    return [
        WordCount,
        HeadingHierarchy,
        Subheadings,
        TitleLength,
        MetaDescription,
        Indexable,
        Links,
        LinkText,
        ImageAlt,
        Boilerplate,
        TitleRewritten,
        OriginalOverlap,
        Language,
        ForeignFragments,
        Readability,
        SentenceLength,
        ParagraphLength,
        SentenceBeginnings,
        PassiveVoice,
        TransitionWords,
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
        NbspPunctuation,
        Quotes,
        Apostrophe,
        Ellipses,
        Ordinals,
        Thousands,
        NumberUnit,
        Spacing,
    ]


def profile_dir() -> Traversable:
    """The folder of the built-in profiles (``article``, ``page``)."""
    return files("seofr_rules") / "profiles"
