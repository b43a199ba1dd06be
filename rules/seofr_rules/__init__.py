"""The built-in seofr rules and profiles.

They are registered through the entry-point groups ``seofr.rules`` and
``seofr.profiles`` exactly as a third-party package registers its own.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from seofr.plugin import Rule


def builtin_rules() -> list[type[Rule[Any]]]:
    """Every built-in rule class."""
    from seofr_rules.headings import HeadingHierarchy, Subheadings
    from seofr_rules.indexing import Indexable
    from seofr_rules.keyphrase import KEYPHRASE_RULES
    from seofr_rules.language import ForeignFragments, Language
    from seofr_rules.leftovers import Boilerplate
    from seofr_rules.links import ImageAlt, Links, LinkText
    from seofr_rules.readability import (
        ParagraphLength,
        Readability,
        SentenceBeginnings,
        SentenceLength,
    )
    from seofr_rules.rewrite import OriginalOverlap, TitleRewritten
    from seofr_rules.style import PassiveVoice, TransitionWords
    from seofr_rules.title import MetaDescription, TitleLength
    from seofr_rules.words import WordCount

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
        *KEYPHRASE_RULES,
    ]


def profile_dir() -> Traversable:
    """The folder of the built-in profiles (``article``, ``page``)."""
    return files("seofr_rules") / "profiles"
