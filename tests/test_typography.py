"""The French typography rules: what each changes, what none touches, and seofr's own messages.

Every rule is run alone through :func:`seofr.fix` on French text and its
edits are compared with the expected text, character for character (the
no-break spaces are written as escapes: U+00A0 word-wide, U+202F narrow).
Then: nothing in code, URLs, front matter, attributes, tags or English
sentences changes; on generated French Markdown and HTML, fixing twice is
fixing once, every change lies inside the prose and the document keeps its
blocks, headings, links and images; and every French message seofr can
write, filled with sample values, passes the rules (issue 15, item 5).
"""

from __future__ import annotations

import dataclasses
import io
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import seofr
from seofr.cli import main
from seofr.document import parse_document
from seofr.document.edits import EditableSource
from seofr.document.model import Block, Edit
from seofr.fixer import apply_edits
from seofr.formatters.text import LABELS, SEVERITY_LABELS
from seofr.i18n import LANGS, Text
from seofr.messages import ENGINE_TEMPLATES, FIX_MESSAGES, INPUT_FAILURES
from seofr.registry import registry
from seofr.rule import NoOptions, Rule
from seofr.ruledoc import description
from seofr.settings import Settings

TYPOGRAPHY = ["T"]  # the code prefix of every typography rule
FIXERS = [*TYPOGRAPHY, "boilerplate"]  # every rule whose findings carry edits
NB, NNB = "\u00a0", "\u202f"


def _fix(
    text: str,
    rule: str,
    path: str = "a.md",
    unsafe: bool = False,
    options: dict[str, Any] | None = None,
) -> str:
    rules = {rule: options} if options else None
    return seofr.fix(text, path=path, select=[rule], rules=rules, unsafe=unsafe, config=False).fixed


_FORMATS = {"md": "markdown", "html": "html", "txt": "text"}


def _findings(
    text: str, rule: str, path: str = "a.md", options: dict[str, Any] | None = None
) -> list[str]:
    rules = {rule: options} if options else None
    report = seofr.analyze(
        text,
        input_format=_FORMATS[path.rpartition(".")[2]],
        select=[rule],
        rules=rules,
        config=False,
    )
    return [f.key for f in report.findings if f.rule == rule]


def test_every_typography_rule_is_selected_by_its_code_prefix() -> None:
    names = sorted(registry().matching("T"))
    assert names == sorted(
        [
            "apostrophe",
            "ellipsis",
            "nbsp-punctuation",
            "number-unit",
            "ordinals",
            "quotes",
            "spacing",
            "thousands",
        ]
    )
    assert {registry().rules[n].category for n in names} == {"typography"}
    assert {str(registry().rules[n].severity) for n in names} == {"info"}


# -- each rule: exact edits ------------------------------------------------------------

CASES = [
    # nbsp-punctuation: U+00A0 before a colon, U+202F before ; ! ?, U+00A0 inside « »
    ("nbsp-punctuation", "Le programme: une visite.", f"Le programme{NB}: une visite."),
    ("nbsp-punctuation", "Le programme : une visite.", f"Le programme{NB}: une visite."),
    ("nbsp-punctuation", "Venez-vous ? Oui !", f"Venez-vous{NNB}? Oui{NNB}!"),
    ("nbsp-punctuation", "Quoi?! Vraiment; bon.", f"Quoi{NNB}?! Vraiment{NNB}; bon."),
    ("nbsp-punctuation", "Il a dit «oui».", f"Il a dit «{NB}oui{NB}»."),
    ("nbsp-punctuation", "Il a dit « oui ».", f"Il a dit «{NB}oui{NB}»."),
    ("nbsp-punctuation", "**Note**: lisez.", f"**Note**{NB}: lisez."),
    ("nbsp-punctuation", f"Le prix {NB}: dix.", f"Le prix{NB}: dix."),
    # quotes
    ("quotes", 'Il a dit "oui" hier.', f"Il a dit «{NB}oui{NB}» hier."),
    ("quotes", '"Partez", dit-il.', f"«{NB}Partez{NB}», dit-il."),
    ("quotes", f'Elle lit «{NB}le mot "demain"{NB}».', f"Elle lit «{NB}le mot “demain”{NB}»."),
    # apostrophe
    ("apostrophe", "L'été s'annonce aujourd'hui.", "L’été s’annonce aujourd’hui."),
    # ellipsis
    ("ellipsis", "Il hésita... puis partit.", "Il hésita… puis partit."),
    ("ellipsis", "Des pommes, des poires, etc...", "Des pommes, des poires, etc."),
    ("ellipsis", "Des pommes, etc… et des poires.", "Des pommes, etc. et des poires."),
    ("ellipsis", "Une coupe [...] dans la citation.", "Une coupe […] dans la citation."),
    # ordinals
    ("ordinals", "La 2ème édition du XIXème siècle.", "La 2e édition du XIXe siècle."),
    ("ordinals", "Sa 1ère visite, la 2nde fois.", "Sa 1re visite, la 2de fois."),
    ("ordinals", "Les 3èmes, le 1ier, la 2è, la Vème.", "Les 3es, le 1er, la 2e, la Ve."),
    ("ordinals", "Les 1ères et les 2nds.", "Les 1res et les 2ds."),
    # thousands
    ("thousands", "La ville compte 12000 habitants.", f"La ville compte 12{NNB}000 habitants."),
    ("thousands", "Un budget de 1,500,000 euros.", f"Un budget de 1{NNB}500{NNB}000 euros."),
    ("thousands", "Soit 12 000 de plus.", f"Soit 12{NNB}000 de plus."),
    ("thousands", "Il coûte 250000€ net.", f"Il coûte 250{NNB}000€ net."),
    ("thousands", "Entre 15000 et 20000 visiteurs.", f"Entre 15{NNB}000 et 20{NNB}000 visiteurs."),
    # number-unit
    ("number-unit", "Une hausse de 10% sur 5km.", f"Une hausse de 10{NB}% sur 5{NB}km."),
    ("number-unit", "Il coûte 20 € à 20°C.", f"Il coûte 20{NB}€ à 20{NB}°C."),
    ("number-unit", "Roulez à 50 km/h, 2,5 kg.", f"Roulez à 50{NB}km/h, 2,5{NB}kg."),
    ("number-unit", "Une promotion de -20% ce jour.", f"Une promotion de -20{NB}% ce jour."),
    # spacing
    ("spacing", "Le marché , place du Pommier .", "Le marché, place du Pommier."),
    ("spacing", "Près ( de la mairie ) ici.", "Près (de la mairie) ici."),
    ("spacing", "Le marché ouvre.  Entrée libre.", "Le marché ouvre. Entrée libre."),
    ("spacing", f"Le prix {NB}compte.", f"Le prix{NB}compte."),
]


@pytest.mark.parametrize(("rule", "before", "after"), CASES)
def test_a_rule_fixes_exactly_what_it_reports(rule: str, before: str, after: str) -> None:
    assert _findings(before, rule), "the fault is reported"
    assert _fix(before, rule) == after
    assert not _findings(after, rule), "the fixed text passes"


UNTOUCHED = [
    ("nbsp-punctuation", "À 10:30, au format 16:9, voir https://exemple.fr/?q=1 ou `a: b`."),
    ("nbsp-punctuation", "Une réserve (?) et un sourire ;) ou :-) ou std::vector."),
    ("nbsp-punctuation", f"Venez-vous{NB}? Oui{NNB}! Le prix{NB}: dix."),
    ("nbsp-punctuation", "Accueil » Blog » Article"),
    ("nbsp-punctuation", "Please follow and like us: share this now!"),
    ("quotes", 'Un écran de 27" suffit, et `print("x")` aussi.'),
    ("quotes", 'Ajoutez P910ND_OPTS="-f /dev/usb/lp0" au fichier.'),
    ("quotes", 'Entrez "\\n" dans le fichier "sources.list".'),
    ("quotes", 'She said "yes" and left the room with her friends.'),
    ("apostrophe", "Voir `l'option` et 'mot' et https://exemple.fr/l'été."),
    ("apostrophe", "Please don't stop the music."),
    ("ellipsis", "Comptez de 1...10, lisez `a...b` et ../README, puis attendez...."),
    ("ordinals", "Mère Teresa, la Xième fois, la Nième, le 1er, la 1re, le XIXe, LA 2ÈME."),
    ("ordinals", "The 2nd edition came out in June with a new cover."),
    ("thousands", "En 2024, 2500 logements ; code postal 75001 ; 75001 Paris."),
    ("thousands", "Appelez le 0612345678, lisez l’article 12345 du code, version 10.12345."),
    ("thousands", "Le 20240115 à midi, pi vaut 3,14159 et le ticket #123456 est clos."),
    ("thousands", f"Déjà 12{NB}000 habitants et 12{NNB}000 visiteurs."),
    (
        "number-unit",
        "En 4K à 10h30, avec `width:100%`, de l’huile 5W-30 au format A4 pour 10 mois.",
    ),
    ("number-unit", f"Une hausse de 10{NB}% sur 5{NB}km."),
    ("number-unit", "Le budget 2026 s’élève à 3 milliards, de 10-20% selon les années."),
    ("quotes", 'Le fichier contient "scripts": {"start": "node index.js"} et "type": "module".'),
    ("thousands", "La PR 45678 est fusionnée, le commit 123456 aussi."),
    ("spacing", f"Utilisez «{NB},{NB}» comme séparateur, en .NET ou avec 0 ,5 près."),
]


@pytest.mark.parametrize(("rule", "text"), UNTOUCHED)
def test_a_rule_leaves_alone_what_is_not_its_fault(rule: str, text: str) -> None:
    assert _findings(text, rule) == []
    assert _fix(text, rule) == text


def test_options_choose_the_spaces_and_the_apostrophe() -> None:
    assert _fix("Venez-vous?", "nbsp-punctuation", options={"narrow": False}) == (
        f"Venez-vous{NB}?"
    )
    assert _fix("Il dit «oui».", "nbsp-punctuation", options={"narrow-guillemets": True}) == (
        f"Il dit «{NNB}oui{NNB}»."
    )
    assert _fix('Il dit "oui".', "quotes", options={"narrow": True}) == (f"Il dit «{NNB}oui{NNB}».")
    assert _fix("L’été s’annonce.", "apostrophe", options={"style": "straight"}) == (
        "L'été s'annonce."
    )
    assert _fix("Une ville de 2500 habitants.", "thousands", options={"min-digits": 4}) == (
        f"Une ville de 2{NNB}500 habitants."
    )


def test_a_doubtful_fault_is_reported_without_a_safe_fix() -> None:
    # « 10,000 »: ten thousand the English way, or ten with three decimals?
    text = "Il y avait 10,000 visiteurs."
    assert _findings(text, "thousands") == ["commas"]
    assert _fix(text, "thousands") == text
    assert _fix(text, "thousands", unsafe=True) == f"Il y avait 10{NNB}000 visiteurs."
    # « 1ème »: premier or première?
    assert _findings("Le 1ème jour.", "ordinals") == ["first"]
    assert _fix("Le 1ème jour.", "ordinals") == "Le 1ème jour."
    # quotes that do not pair up
    assert _findings('Il a dit "oui sans attendre.', "quotes") == ["unpaired"]
    assert _fix('Il a dit "oui sans attendre.', "quotes") == 'Il a dit "oui sans attendre.'


def test_double_spaces_count_only_where_a_reader_sees_them() -> None:
    html = "<html lang='fr'><body><p>Le marché ouvre.  Entrée libre.</p></body></html>"
    assert _findings(html, "spacing", path="a.html") == []
    text = "Le marché ouvre.  Entrée libre.\n"
    assert _fix(text, "spacing", path="a.txt") == "Le marché ouvre. Entrée libre.\n"


def test_an_english_page_is_skipped() -> None:
    text = (
        "The new library opened on Saturday morning: readers found brighter rooms!\n\n"
        "It is open every day; the children's corner has new books.\n"
    )
    report = seofr.analyze(text, input_format="markdown", select=TYPOGRAPHY, config=False)
    assert {r.status.value for r in report.results} == {"skip"}
    assert report.findings == ()


def test_apostrophes_are_one_finding_per_paragraph() -> None:
    report = seofr.analyze(
        "L'été s'annonce aujourd'hui.\n\nL'hiver.\n",
        input_format="markdown",
        select=["apostrophe"],
        config=False,
    )
    assert [f.params["count"] for f in report.findings] == [3, 1]
    assert [len(f.edits) for f in report.findings] == [3, 1]


# -- what no rule touches --------------------------------------------------------------

PAGES = Path(__file__).resolve().parent / "data" / "pages"


def _inside_foreign_passages(source: Path) -> list[tuple[str, object]]:
    """Typography findings, or their edits, inside a passage foreign-fragments reports."""
    report = seofr.analyze(source, select=["foreign-fragments", *TYPOGRAPHY], config=False)
    passages = [f.span for f in report.findings if f.rule == "foreign-fragments" and f.span]
    return [
        (f.rule, f.params.get("excerpt"))
        for f in report.findings
        if f.code.startswith("T") and f.span
        for point in [f.span.start, *(e.start for e in f.edits)]
        if any(p.start <= point < p.end for p in passages)
    ]


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_no_typography_finding_or_edit_in_a_passage_foreign_fragments_reports(
    page: Path,
) -> None:
    assert _inside_foreign_passages(page) == []


def test_no_typography_finding_in_a_foreign_passage_of_the_seeds(seed: Path) -> None:
    for document in sorted(seed.glob("*.txt")):
        assert _inside_foreign_passages(document) == [], document.name


PROTECTED_MARKDOWN = """\
---
title: "Le marché: 2ème édition..."
description: 'Il a dit "oui" : 12000 visiteurs!'
---

# La 2ème édition

Tapez `config: "x"...` puis `l'option;` ou `10%`.

```
Réglage: "valeur"... 12000 l'été 2ème 10%
```

Voir [la page "aide"](https://exemple.fr/a?b=1&c="d"... "titre: l'aide") ou https://exemple.fr/x?y=1...

![l'image "jolie": 2ème](img/l'image.png "titre: 10%")

Please follow and like us: share this now!

Il a dit "oui": 12000 visiteurs... Venez-vous?
"""


def test_nothing_outside_french_prose_changes_in_markdown() -> None:
    fixed = seofr.fix(PROTECTED_MARKDOWN, path="a.md", select=TYPOGRAPHY, config=False).fixed
    before, after = PROTECTED_MARKDOWN.splitlines(), fixed.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    # the heading, a link's text and the last paragraph change, nothing else
    assert [before[i] for i in changed] == [
        "# La 2ème édition",
        before[changed[1]],
        'Il a dit "oui": 12000 visiteurs... Venez-vous?',
    ]
    assert after[changed[0]] == "# La 2e édition"
    assert after[changed[1]] == before[changed[1]].replace('"aide"', f"«{NB}aide{NB}»", 1)
    assert after[changed[2]] == (
        f"Il a dit «{NB}oui{NB}»{NB}: 12{NNB}000 visiteurs… Venez-vous{NNB}?"
    )


def test_nothing_outside_french_prose_changes_in_html() -> None:
    html = (
        '<html lang="fr"><head><title>Le marché: 2ème...</title>'
        '<meta name="description" content="Il a dit &quot;oui&quot;: 10%"></head><body>'
        '<p title="l\'aide: 2ème">Il a dit "oui": voir <a href="/x?a=1&amp;b=2...">'
        "l'aide</a> et <code>a: b...</code>.</p>"
        "<pre>Réglage: 12000 l'été</pre>"
        "<p>Il a dit &quot;oui&quot; : 12000 visiteurs&#8230;</p>"
        "</body></html>"
    )
    fixed = seofr.fix(html, path="a.html", select=TYPOGRAPHY, config=False).fixed
    assert fixed == html.replace(
        'Il a dit "oui": voir', f"Il a dit «{NB}oui{NB}»{NB}: voir"
    ).replace("l'aide</a>", "l’aide</a>").replace(" : 12000", f"{NB}: 12{NNB}000")


# -- the command, on an article ----------------------------------------------------------

ARTICLE = """\
---
title: Le marché de Noël ouvre ses portes
tags: [noël, marché]
---

# Le marché de Noël ouvre ses portes

Le maire a dit "c’est un succès" : plus de 12000 visiteurs sont attendus pour la 2ème édition...

Partager

Les artisans viennent de toute la région, avec `config: "x"...` et https://exemple.fr/a?b=1...
"""


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out), out.getvalue()


def test_fix_diff_shows_the_typography_and_the_leftover_line(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    status, diff = _cli("fix", "--diff", "--no-config", str(path))
    assert status == 0
    removed = [line for line in diff.splitlines() if line.startswith("-") and line[1:2] != "-"]
    added = [line for line in diff.splitlines() if line.startswith("+") and line[1:2] != "+"]
    assert removed == [
        '-Le maire a dit "c’est un succès" : plus de 12000 visiteurs sont attendus pour la'
        " 2ème édition...",
        "-",
        "-Partager",
    ]
    assert added == [
        f"+Le maire a dit «{NB}c’est un succès{NB}»{NB}: plus de 12{NNB}000 visiteurs sont"
        " attendus pour la 2e édition…"
    ]
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert _cli("fix", "--no-config", str(path))[0] == 0
    assert _cli("fix", "--check", "--no-config", str(path))[0] == 0


# -- properties on generated French documents ------------------------------------------

_WORDS = st.sampled_from(
    [
        "Le",
        "marché",
        "ouvre",
        "l'été",
        "aujourd'hui",
        "la 2ème",
        "le XIXème",
        "sa 1ère",
        "12000 visiteurs",
        "1,500,000 euros",
        "10%",
        "5km",
        "20 €",
        "hésita...",
        "etc...",
        '"oui"',
        "«oui»",
        "« non »",
        "Venez-vous?",
        "Attention !",
        "prix:",
        "; puis",
        "( ici )",
        "mot ,",
        "à 10:30",
        "https://exemple.fr/a?b=1...",
        "contact@exemple.fr!",
        "v1.2.3:",
        'un écran de 27"',
        "Please follow us!",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=2, max_size=8).map(" ".join)
_INLINE = st.sampled_from(
    [
        '`config: "x"... l\'été`',
        '[le lien "aide"](https://exemple.fr/x?y=1... "titre: l\'aide")',
        "![l'image: 2ème](img/l'image.png)",
        "**gras**:",
        "*penché*...",
        "",
    ]
)


# a share widget's label: boilerplate removes its line, typography leaves it
_LEFTOVER = "Partager"


@st.composite
def _markdown(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append('---\ntitle: "Le marché: 2ème édition..."\ntags: [l\'été]\n---\n')
    parts.append(f"# {draw(_SENTENCE)}\n")
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["para", "list", "code", "quote", "heading", "leftover"]))
        sentence = f"{draw(_SENTENCE)} {draw(_INLINE)} {draw(_SENTENCE)}"
        if kind == "leftover":
            parts.append(f"{_LEFTOVER}\n")
        elif kind == "list":
            parts.append(f"- {sentence}\n- {draw(_SENTENCE)}\n")
        elif kind == "code":
            parts.append(f"```\n{sentence}\n```\n")
        elif kind == "quote":
            parts.append(f"> {sentence}\n")
        elif kind == "heading":
            parts.append(f"## {draw(_SENTENCE)}\n")
        else:
            parts.append(f"{sentence}\n")
    return "\n".join(parts)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def _html(draw: st.DrawFn) -> str:
    body = [f"<h1>{_escaped(draw(_SENTENCE))}</h1>"]
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["para", "code", "link", "entity", "list", "leftover"]))
        sentence = _escaped(draw(_SENTENCE))
        if kind == "leftover":
            body.append(f"<p>{_LEFTOVER}</p>")
        elif kind == "code":
            body.append(f"<p>Tapez <code>{sentence}</code> : {sentence}</p><pre>{sentence}</pre>")
        elif kind == "link":
            body.append(
                f'<p>{sentence} <a href="https://exemple.fr/?q=a...b" title="l\'aide: 2ème">'
                f'{sentence}</a>: <img src="l\'image.png" alt="l\'image: 10%"> {sentence}</p>'
            )
        elif kind == "entity":
            body.append(f"<p>{sentence}&nbsp;: &quot;oui&quot; &#8230; {sentence}</p>")
        elif kind == "list":
            body.append(f"<ul><li>{sentence}</li><li><em>{sentence}</em>?</li></ul>")
        else:
            body.append(f"<p>{sentence}</p>")
    return (
        '<html lang="fr"><head><title>Le marché: 2ème</title></head><body><main>\n'
        + "\n".join(body)
        + "\n</main></body></html>\n"
    )


def _shape(text: str, path: str) -> tuple[object, ...]:
    doc = parse_document(text, path)
    kept = [e for e in doc.body if e.text != _LEFTOVER]
    return (
        [(type(e).__name__, getattr(e, "kind", None), getattr(e, "level", None)) for e in kept],
        [b.text for b in doc.body if isinstance(b, Block) and b.kind == "code"],
        [b.text[x:y] for b in doc.body for x, y in b.literal],
        [link.href for link in doc.links],
        [(image.src, image.alt) for image in doc.images],
        dict(doc.front_matter),
        # a title read from the first heading is prose; one from <title> or the
        # front matter is not
        doc.title.value if doc.title and doc.title_origin != "first-h1" else None,
    )


@pytest.mark.property
@given(st.one_of(_markdown().map(lambda t: (t, "a.md")), _html().map(lambda t: (t, "a.html"))))
def test_fixes_settle_stay_in_prose_and_keep_the_structure(
    case: tuple[str, str],
) -> None:
    text, path = case
    once = seofr.fix(text, path=path, select=FIXERS, config=False)
    twice = seofr.fix(once.fixed, path=path, select=FIXERS, config=False)
    assert twice.fixed == once.fixed and not twice.applied
    assert _shape(once.fixed, path) == _shape(text, path)
    # replayed pass by pass, every edit lies in the prose of the text it was
    # made on, and together they give the fixed text: nothing else changed
    current = text
    for number in sorted({a.pass_number for a in once.applied}):
        edits = [a for a in once.applied if a.pass_number == number]
        editable = EditableSource(parse_document(current, path))
        for a in edits:
            assert current[a.start : a.end] == a.before
            assert editable.allows(a.start, a.end, a.after), (a, current[a.start - 20 : a.end + 20])
        current = apply_edits(current, [Edit(a.start, a.end, a.after, a.safe) for a in edits])
    assert current == once.fixed


# -- seofr's own French messages (issue 15, item 5) ------------------------------------


def _french_texts() -> list[tuple[str, Text]]:
    """Every French text seofr shows: rules' summaries, detailed descriptions, messages,
    fixes and option docs, the engine's notes, the fix command's messages, the report's
    labels, the settings' documentation."""
    texts: list[tuple[str, Text]] = []
    for name, rule in registry().rules.items():
        texts.append((f"{name}.summary", rule.summary))
        texts += _description_texts([rule])
        for key, template in rule.templates.items():
            texts.append((f"{name}.{key}", template.message))
            if template.fix is not None:
                texts.append((f"{name}.{key}.fix", template.fix))
        for option in dataclasses.fields(rule.Options):
            texts.append((f"{name}.option.{option.name}", option.metadata["doc"]))
    for key, template in ENGINE_TEMPLATES.items():
        texts.append((f"engine.{key}", template.message))
        if template.fix is not None:
            texts.append((f"engine.{key}.fix", template.fix))
    texts += [(f"input-failure.{key}", text) for key, text in INPUT_FAILURES.items()]
    texts += [(f"fix.{key}", text) for key, text in FIX_MESSAGES.items()]
    texts += [(f"label.{key}", text) for key, text in LABELS.items()]
    texts += [(f"severity.{key}", text) for key, text in SEVERITY_LABELS.items()]
    texts += [(f"setting.{f.name}", f.metadata["spec"].doc) for f in dataclasses.fields(Settings)]
    return texts


def _description_texts(rules: list[type[Rule[Any]]]) -> list[tuple[str, Text]]:
    """The detailed descriptions of ``rules`` that exist in French, as texts (not
    templates: braces, if any, are text)."""
    texts: list[tuple[str, Text]] = []
    for rule in rules:
        fr, en = (description(rule, lang).replace("{", "{{").replace("}", "}}") for lang in LANGS)
        if fr:
            texts.append((f"{rule.name}.description", Text(fr=fr, en=en)))
    return texts


def _rendered(text: Text) -> list[str]:
    """The French text filled with sample values: words, then numbers (one, then
    thousands), so that plurals, number formats and units all show."""
    fields = [
        (name, spec) for _, name, spec, _ in string.Formatter().parse(text.fr) if name is not None
    ]
    plural = {name for name, spec in fields if spec and "|" in spec}
    names = {name for name, _ in fields}
    samples: list[dict[str, Any]] = [
        {name: 1 if name in plural else "exemple" for name in names},
        {name: 12345 for name in names},
        {name: 2.5 for name in names},
    ]
    return [text.render("fr", values) for values in samples]


def _typography_findings(messages: list[str]) -> list[tuple[str, str]]:
    document = "\n\n".join(messages) + "\n"
    report = seofr.analyze(document, input_format="text", select=TYPOGRAPHY, config=False)
    assert not any(r.status.value == "skip" for r in report.results), "the messages are French"
    return [(f.rule, report.show(f, "fr").message) for f in report.findings]


def test_seofr_french_messages_follow_its_typography_rules() -> None:
    texts = _french_texts()
    # each once: a text without placeholders renders the same with every sample
    messages = list(dict.fromkeys(m for _, text in texts for m in _rendered(text)))
    assert len(messages) > 300
    described = {key.partition(".")[0] for key, _ in texts if key.endswith(".description")}
    assert described >= {"word-count", "nbsp-punctuation"}, "the descriptions are read too"
    assert _typography_findings(messages) == []


def test_the_message_check_reads_a_rule_description() -> None:
    class Described(Rule[NoOptions]):
        """A rule with a French description in the wrong typography."""

        name = "described"
        description_fr = """Le texte compte 12000 mots : c’est trop !

        Un second paragraphe, sans faute."""

    [(_, text)] = _description_texts([Described])
    found = {rule for rule, _ in _typography_findings(_rendered(text))}
    assert found == {"nbsp-punctuation", "thousands"}


def test_the_message_check_finds_a_fault() -> None:
    # the test above would pass vacuously if the rules read nothing
    wrong = Text(fr="Il manque 12000 mots : ajoutez-en !", en="12,000 words are missing!")
    found = {rule for rule, _ in _typography_findings(_rendered(wrong))}
    assert found == {"nbsp-punctuation", "thousands"}


_PROTECTED_PIECES = [
    *"aZé9_ \u00a0\n:/.-(\"'@<>={}[]$#*|~^`\\»«",
    *("mailto", "http", "www", "tel", "data", "javascript", "://", "--", "aB", "10:30"),
]


@pytest.mark.property
@given(st.lists(st.sampled_from(_PROTECTED_PIECES), max_size=12).map("".join))
def test_the_quick_search_finds_every_text_the_protected_ranges_search_does(text: str) -> None:
    # the scan skips the full search where the quick one finds nothing
    from seofr_rules.helpers import typography

    if typography._PROTECTED.search(text):
        assert typography._MAYBE_PROTECTED.search(text)
