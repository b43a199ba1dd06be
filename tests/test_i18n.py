"""Every message exists in French and English, with the same placeholders."""

from __future__ import annotations

import pytest

from seofr.formatters.text import LABELS, SEVERITY_LABELS
from seofr.i18n import Lang, Text, format_number
from seofr.messages import FIX_MESSAGES, INPUT_NOTES, RULE_CRASHED
from seofr.registry import registry


def _all_texts() -> list[tuple[str, Text]]:
    texts: list[tuple[str, Text]] = []
    for name, rule in registry().rules.items():
        texts.append((f"{name}.summary", rule.summary))
        for key, template in rule.templates.items():
            texts.append((f"{name}.{key}", template.message))
            assert template.fix is not None, f"{name}.{key} has no fix"
            texts.append((f"{name}.{key}.fix", template.fix))
        import dataclasses

        for f in dataclasses.fields(rule.Options):
            doc = f.metadata.get("doc")
            assert isinstance(doc, Text), f"option {name}.{f.name} is not documented"
            texts.append((f"{name}.option.{f.name}", doc))
    for key, template in INPUT_NOTES.items():
        texts.append((f"input.{key}", template.message))
        if template.fix:
            texts.append((f"input.{key}.fix", template.fix))
    texts.append(("crash", RULE_CRASHED.message))
    texts += [(f"fix.{k}", v) for k, v in FIX_MESSAGES.items()]
    texts += [(f"label.{k}", v) for k, v in LABELS.items()]
    texts += [(f"severity.{k}", v) for k, v in SEVERITY_LABELS.items()]
    return texts


@pytest.mark.parametrize(
    ("where", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_message_has_both_languages(where: str, text: Text) -> None:
    assert text.fr.strip(), f"{where}: French text missing"
    assert text.en.strip(), f"{where}: English text missing"
    assert text.fr != text.en or len(text.fr) < 25, f"{where}: English text was not translated"
    assert text.placeholders("fr") == text.placeholders("en"), where


def test_numbers_follow_each_language() -> None:
    assert format_number(1234, "fr") == "1\u202f234"
    assert format_number(1234, "en") == "1,234"
    assert format_number(2.5, "fr") == "2,5"
    assert format_number(2.5, "en") == "2.5"
    assert format_number(70.0, "fr", 0) == "70"


def test_plurals_follow_each_language() -> None:
    text = Text(
        fr="{n} {n:lien sortant|liens sortants}, {r} {r:syllabe|syllabes} par mot",
        en="{n} outbound {n:link|links}, {r} {r:syllable|syllables} per word",
    )
    assert text.render("fr", {"n": 0, "r": 1.5}) == "0 lien sortant, 1,5 syllabe par mot"
    assert text.render("fr", {"n": 2, "r": 2.0}) == "2 liens sortants, 2,0 syllabes par mot"
    assert text.render("en", {"n": 0, "r": 1.5}) == "0 outbound links, 1.5 syllables per word"
    assert text.render("en", {"n": 1, "r": 1}) == "1 outbound link, 1 syllable per word"
    with pytest.raises(ValueError, match="number"):
        text.render("fr", {"n": "deux", "r": 1})


def test_no_message_writes_a_plural_in_brackets() -> None:
    bracketed = [where for where, text in _all_texts() if "(s)" in text.fr + text.en]
    assert bracketed == []


def test_french_messages_follow_french_typography() -> None:
    """No-break space before « : », « % » and inside guillemets, a narrow one before « ; ! ? »."""
    import re

    plain = re.compile(r" [:;!?»%]|« ")
    wrong = [(where, text.fr) for where, text in _all_texts() if plain.search(text.fr)]
    assert wrong == []


def _rendered(text: Text, lang: Lang, count: int) -> str:
    names = text.placeholders(lang)
    return text.render(lang, dict.fromkeys(names, count))


@pytest.mark.parametrize(
    ("where", "text"), _all_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_message_renders_with_counts_0_1_and_2(where: str, text: Text) -> None:
    """Each placeholder given 0, 1 and 2: no gap, no bracketed plural, and each language
    agrees its words the way it should (French: 0 and 1 singular; English: only 1)."""
    import re

    for lang in ("fr", "en"):
        forms = {count: _rendered(text, lang, count) for count in (0, 1, 2)}
        for shown in forms.values():
            assert "{" not in shown and "}" not in shown, (where, shown)
            assert "(s)" not in shown, (where, shown)
        # with the digits masked, only the agreeing words differ between counts
        masked = {count: re.sub(r"\d", "#", shown) for count, shown in forms.items()}
        if lang == "fr":
            assert masked[0] == masked[1], (where, forms)
        else:
            assert masked[0] == masked[2], (where, forms)
        if re.search(r"\{\w+:[^{}|]*\|[^{}]*\}", text.fr if lang == "fr" else text.en):
            assert masked[1] != masked[2], (where, forms)


def test_a_text_value_is_shown_as_written() -> None:
    # a value made from a page (an excerpt, a candidate) may hold braces
    message = Text(fr="Phrase\u00a0: {excerpt}", en="Sentence: {excerpt}")
    value = Text(fr="«\u00a0le style {Titre}\u00a0»", en="“the {Title} style”")
    assert (
        message.render("fr", {"excerpt": value}) == "Phrase\u00a0: «\u00a0le style {Titre}\u00a0»"
    )
    assert message.render("en", {"excerpt": value}) == "Sentence: “the {Title} style”"
