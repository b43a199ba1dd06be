"""Static-site Markdown: Hugo TOML/JSON front matter, Hugo shortcodes, Liquid tags.

docs/static-sites.md describes what is read and how the tags are masked.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import seofr
from seofr.document import Block, BlockKind, Document, Format, parse_document
from seofr.document.markdown import parse_markdown
from seofr.document.sniff import sniff_format
from seofr.document.static_site import FILLER

BODY = """\
# Le sentier des crêtes au printemps

Le sentier des crêtes relie le col du Vent au refuge de la Combe en quatre heures de marche.
Le départ se fait au parking du col, où une table d’orientation présente les sommets voisins.
{{< figure src="/images/crete.jpg" alt="Le sentier des crêtes sous la neige" caption="La crête en avril" >}}

## Préparer la randonnée

Emportez deux litres d’eau : il n’y a aucune source avant le refuge.
{{% notice info %}}
Le refuge ouvre le premier week-end de mai et ferme fin septembre.
{{% /notice %}}
Les bâtons aident beaucoup dans la descente caillouteuse vers la Combe.
Consultez [le guide du débutant]({{< ref "guide-debutant.md" >}}) avant votre première sortie.

## Le retour

Le retour par la forêt est plus ombragé et rejoint le parking en deux heures.
{{< highlight bash >}}
gpx-tool --trace crete.gpx
{{< /highlight >}}
Le sentier des crêtes reste la plus belle boucle du massif pour une journée de printemps.
"""

TOML = """\
+++
title = "Le sentier des crêtes : une boucle de printemps"
description = "Quatre heures de marche entre le col du Vent et le refuge de la Combe, avec une vue sur tout le massif."
keywords = ["sentier des crêtes", "randonnée"]
slug = "sentier-des-cretes"
+++

"""

YAML = """\
---
title: "Le sentier des crêtes : une boucle de printemps"
description: "Quatre heures de marche entre le col du Vent et le refuge de la Combe, avec une vue sur tout le massif."
keywords: ["sentier des crêtes", "randonnée"]
slug: "sentier-des-cretes"
---

"""

JSON = """\
{
  "title": "Le sentier des crêtes : une boucle de printemps",
  "description": "Quatre heures de marche entre le col du Vent et le refuge de la Combe, avec une vue sur tout le massif.",
  "keywords": ["sentier des crêtes", "randonnée"],
  "slug": "sentier-des-cretes"
}

"""

# What a position is in the report's JSON shape: these differ between two front
# matters of different lengths, and only these.
_POSITION_KEYS = ("line", "column", "end_line", "end_column", "start", "end", "edits")


def report_without_positions(text: str) -> dict[str, Any]:
    """The report's JSON shape with every source position left out.

    Two documents have "the same report" when these are equal: score, verdict,
    categories, statistics, keyphrases, title, every rule's status and score,
    and every finding's rule, severity, key, parameters and messages in French —
    all but where the findings are (line, column, offsets, edits), which moves
    with the length of the front matter.
    """
    data = copy.deepcopy(seofr.analyze(text, config=False, input_format="markdown").to_dict("fr"))
    for finding in data["findings"]:
        for key in _POSITION_KEYS:
            finding.pop(key, None)
    data["findings"].sort(key=lambda f: (f["rule"], f["key"], repr(f["params"])))
    return data


def test_toml_front_matter_gives_the_yaml_twin_s_report() -> None:
    toml, yaml = report_without_positions(TOML + BODY), report_without_positions(YAML + BODY)
    assert toml == yaml
    assert toml["title"] == "Le sentier des crêtes : une boucle de printemps"
    assert toml["keyphrases"] == ["sentier des crêtes", "randonnée"]
    # the title line of the front matter is not body text
    assert not [f for f in toml["findings"] if f["rule"] == "boilerplate"]


def test_json_front_matter_gives_the_yaml_twin_s_report() -> None:
    assert report_without_positions(JSON + BODY) == report_without_positions(YAML + BODY)


@pytest.mark.parametrize("head", [TOML, JSON], ids=["toml", "json"])
def test_front_matter_fields_point_at_their_values(head: str) -> None:
    source = head + BODY
    doc = parse_markdown(source)
    assert doc.title is not None and doc.title.span is not None
    assert source[doc.title.span.start : doc.title.span.end] == doc.title.value
    assert doc.meta_description is not None and doc.meta_description.span is not None
    span = doc.meta_description.span
    assert source[span.start : span.end] == doc.meta_description.value
    assert doc.front_matter["keywords"] == ["sentier des crêtes", "randonnée"]
    assert doc.front_matter["slug"] == "sentier-des-cretes"
    # the body's offsets index the whole source
    first = doc.body[0]
    assert source[first.span.start : first.span.end] == "Le sentier des crêtes au printemps"
    assert first.span.line == head.count("\n") + 1


def test_shortcodes_are_not_prose() -> None:
    doc = parse_markdown(TOML + BODY)
    texts = [element.text for element in doc.body]
    assert not any("{{" in text or "}}" in text or FILLER in text for text in texts)
    assert "Le refuge ouvre le premier week-end de mai et ferme fin septembre." in texts
    code = [e for e in doc.body if isinstance(e, Block) and e.kind is BlockKind.CODE]
    assert [block.text for block in code] == ["gpx-tool --trace crete.gpx"]
    captions = [e for e in doc.body if isinstance(e, Block) and e.kind is BlockKind.CAPTION]
    assert [block.text for block in captions] == ["La crête en avril"]


def test_toml_seofr_table_and_profile_are_read() -> None:
    source = '+++\nprofile = "page"\n[seofr]\nfail-under = 40\n+++\n\nUn texte court.\n'
    doc = parse_markdown(source)
    assert doc.front_matter == {"profile": "page", "seofr": {"fail-under": 40}}
    report = seofr.analyze(source, config=False, input_format="markdown")
    assert report.profile == "page"
    assert report.fail_under == 40


def test_a_text_that_merely_starts_with_a_brace_is_body() -> None:
    for source in (
        "{pas du JSON} mais du texte.\n",
        '{"a": 1} suivi de texte sur la même ligne.\n',
        '["une", "liste"]\nTexte.\n',
    ):
        doc = parse_markdown(source)
        assert doc.front_matter == {} and doc.notes == ()
        assert doc.body and doc.body[0].span.start == 0


def test_front_matter_formats_are_sniffed() -> None:
    assert sniff_format(TOML + BODY) is Format.MARKDOWN
    assert sniff_format(JSON + "Un texte sans marque.\n") is Format.MARKDOWN
    assert sniff_format("{pas du JSON}\nUn texte.\n") is Format.TEXT


def without_liquid(text: str) -> str:
    for tag in LIQUID_TAGS:
        text = text.replace(tag, "")
    return text.replace("RAWBLOCK\n", "")


LIQUID_TAGS = (
    '{% assign auteur = "Claire" %}',
    "{{ page.date | date: '%d/%m/%Y' }}",
    "{% if page.carte %}",
    "{% endif %}",
    '{% include image.html src="/images/four.jpg" alt="Le four à bois allumé" %}',
    "{% comment %} À compléter avec les horaires d’été. {% endcomment %}",
    "{{ site.data.horaires.matin }}",
)

JEKYLL = """\
---
title: "La boulangerie Martin rouvre rue des Tanneurs"
layout: post
---
{% assign auteur = "Claire" %}
La boulangerie Martin rouvre ses portes le {{ page.date | date: '%d/%m/%Y' }} après six mois de travaux.
{% if page.carte %}
Le nouveau four à bois cuit quarante miches de pain au levain chaque matin.
{% endif %}
{% include image.html src="/images/four.jpg" alt="Le four à bois allumé" %}

Les croissants sont faits sur place avec un beurre de la coopérative voisine.
La boutique ouvre à {{ site.data.horaires.matin }} du mardi au dimanche.
{% comment %} À compléter avec les horaires d’été. {% endcomment %}
Les habitants du quartier attendaient ce retour depuis l’automne dernier.
RAWBLOCK
Le boulanger propose aussi des ateliers de pétrissage pour les enfants le mercredi.
"""
RAW = "{% raw %}\n{{ modele.prix }} € la miche\n{% endraw %}\n"


def test_liquid_tags_count_no_word() -> None:
    with_tags = JEKYLL.replace("RAWBLOCK\n", RAW)
    plain = without_liquid(JEKYLL)
    assert "{" not in plain
    tagged = seofr.analyze(with_tags, config=False, input_format="markdown")
    untagged = seofr.analyze(plain, config=False, input_format="markdown")
    assert tagged.stats["words"] == untagged.stats["words"]
    assert tagged.stats["sentences"] == untagged.stats["sentences"]
    doc = parse_markdown(with_tags)
    code = [e.text for e in doc.body if isinstance(e, Block) and e.kind is BlockKind.CODE]
    assert code == ["{{ modele.prix }} € la miche"]
    [image] = doc.images
    assert (image.src, image.alt) == ("/images/four.jpg", "Le four à bois allumé")
    assert with_tags[image.span.start : image.span.end] == LIQUID_TAGS[4]


def links_of(source: str) -> list[tuple[str, str]]:
    """The target and text of each link of Markdown ``source``."""
    return [(link.href, link.text) for link in parse_markdown(source).links]


def test_jekyll_links_get_their_target() -> None:
    source = (
        "Lisez [la recette]({% link _posts/2024-03-02-levain.md %}) et "
        "[l’article précédent]({% post_url 2024-02-10-farine %}), ou la "
        '[carte]({{ "/carte/" | relative_url }}) et le [plan]({{ site.baseurl }}/plan/).\n'
    )
    assert links_of(source) == [
        ("_posts/2024-03-02-levain.md", "la recette"),
        ("2024-02-10-farine", "l’article précédent"),
        ("/carte/", "carte"),
        ("/plan/", "plan"),
    ]
    assert (
        parse_markdown(source).body[0].text
        == "Lisez la recette et l’article précédent, ou la carte et le plan."
    )


def test_figure_is_an_image_with_its_alt_and_span() -> None:
    source = TOML + BODY
    doc = parse_markdown(source)
    [image] = doc.images
    assert image.src == "/images/crete.jpg"
    assert image.alt == "Le sentier des crêtes sous la neige"
    shortcode = (
        '{{< figure src="/images/crete.jpg" alt="Le sentier des crêtes sous la neige"'
        ' caption="La crête en avril" >}}'
    )
    assert source[image.span.start : image.span.end] == shortcode
    assert image.span.line == source[: image.span.start].count("\n") + 1


def test_figure_without_alt_is_reported() -> None:
    source = (
        "# Le fournil\n\nLe pain cuit dans le four à bois depuis cinq heures du matin.\n\n"
        '{{< figure src="/images/fournil.jpg" caption="Le fournil" >}}\n'
    )
    doc = parse_markdown(source)
    [image] = doc.images
    assert image.alt is None
    report = seofr.analyze(source, config=False, input_format="markdown", select="image-alt")
    [finding] = [f for f in report.findings if f.rule == "image-alt"]
    assert finding.key == "missing"
    assert finding.span is not None
    assert source[finding.span.start : finding.span.end].startswith("{{< figure")


def test_ref_in_a_markdown_link_is_the_link_s_target() -> None:
    source = 'Lisez [le guide]({{< ref "guide.md" >}}) avant de partir.\n'
    doc = parse_markdown(source)
    [link] = doc.links
    assert (link.href, link.text) == ("guide.md", "le guide")
    assert source[link.span.start : link.span.end] == '[le guide]({{< ref "guide.md" >}})'
    assert doc.body[0].text == "Lisez le guide avant de partir."


def test_relref_in_html_and_alone() -> None:
    source = (
        '<a href="{{< relref path="carte.md" >}}">la carte</a> et'
        ' {{< ref "horaires.md#ete" >}} en ligne.\n'
    )
    assert links_of(source) == [("carte.md", "la carte"), ("horaires.md#ete", "horaires.md#ete")]
    assert parse_markdown(source).body[0].text == "la carte et en ligne."


def test_a_tag_at_the_start_of_a_line_makes_no_code_block() -> None:
    source = (
        "{{< param auteur >}} a écrit ce texte.\n\n- {{< icon pain >}}     Un pain au levain.\n"
    )
    doc = parse_markdown(source)
    assert [(e.text, e.kind) for e in doc.blocks] == [
        ("a écrit ce texte.", BlockKind.PARAGRAPH),
        ("Un pain au levain.", BlockKind.LIST_ITEM),
    ]


def test_tags_in_code_are_shown_as_written() -> None:
    source = "Écrivez `{{ page.title }}` dans le modèle.\n\n```\n{{< figure src=x >}}\n```\n"
    doc = parse_markdown(source)
    assert doc.body[0].text == "Écrivez {{ page.title }} dans le modèle."
    assert doc.body[1].text == "{{< figure src=x >}}"
    assert doc.images == ()


def test_comments_are_removed() -> None:
    source = "Le pain {{/* à vérifier */}} cuit {{</* figure src=x */>}} longtemps.\n"
    doc = parse_markdown(source)
    assert doc.body[0].text == "Le pain cuit longtemps."
    assert doc.images == ()


@pytest.mark.parametrize(
    ("head", "syntax"),
    [
        ('+++\ntitle = "Sans guillemet fermant\n+++\n', "TOML"),
        ("+++\ntitle = \n+++\n", "TOML"),
        ('{\n  "title": "Virgule en trop",\n}\n', "JSON"),
    ],
)
def test_broken_front_matter_is_a_note(head: str, syntax: str) -> None:
    source = head + "\nLe sentier passe par le col du Vent.\n"
    doc = parse_document(source, "article.md")
    assert doc.front_matter == {}
    [note] = doc.notes
    assert note.key == "front-matter-invalid"
    assert note.params["syntax"] == syntax
    assert note.span is not None and note.span.start == 0
    assert [e.text for e in doc.body] == ["Le sentier passe par le col du Vent."]
    report = seofr.analyze(source, config=False, input_format="markdown")
    assert any(f.key == "front-matter-invalid" for f in report.findings)


def test_toml_error_lines_are_the_document_s() -> None:
    doc = parse_markdown('+++\ntitle = "x"\nslug = = 2\n+++\nTexte.\n')
    [note] = doc.notes
    assert "line 3" in str(note.params["error"])


def test_no_tags_no_change() -> None:
    source = "Un texte {sans} balise, avec des accolades { et des % pourcentages.\n"
    assert parse_markdown(source).body[0].text == source.strip()


# -- property -----------------------------------------------------------------

TAGS = st.sampled_from(
    [
        '{{< figure src="/a.jpg" alt="Une image" >}}',
        '{{< figure src="/b.jpg" >}}',
        '{{< ref "page.md" >}}',
        "{{< relref path=x >}}",
        "{{% notice info %}}",
        "{{% /notice %}}",
        "{{< highlight go >}}",
        "{{< /highlight >}}",
        "{{/* commentaire */}}",
        "{{</* figure */>}}",
        "{% include image.html src='/c.png' alt='' %}",
        "{% include figure.html image_path=/d.png %}",
        "{% link _posts/x.md %}",
        "{% post_url 2024-01-01-y %}",
        "{{ page.title }}",
        "{% raw %}",
        "{% endraw %}",
        "{% comment %}",
        "{% endcomment %}",
        "{% if x %}",
        "{{",
        "{%",
        "}}",
        "%}",
        "+++",
        "{",
        "}",
        "[texte](",
        ")",
        "`",
        "```",
        "\n",
        "\n\n",
        "    ",
        "- ",
        "> ",
        "# ",
        "<a href='",
        "'>",
        "\r\n",
    ]
)


@st.composite
def static_soup(draw: st.DrawFn) -> str:
    """Text with shortcodes, Liquid tags and Markdown markup inserted at random."""
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        if draw(st.booleans()):
            parts.append(draw(TAGS))
        else:
            parts.append(draw(st.text(max_size=15)))
    return "".join(parts)


def assert_within(doc: Document) -> None:
    length = len(doc.source)
    spans = [e.span for e in doc.body] + [x.span for x in (*doc.links, *doc.images)]
    spans += [c.span for c in doc.comments] + [n.span for n in doc.notes if n.span]
    for span in spans:
        assert 0 <= span.start <= span.end <= length
    for element in doc.body:
        assert FILLER not in element.text
        for piece in element.pieces:
            assert 0 <= piece.source_start <= piece.source_start + piece.source_length <= length
    for link in doc.links:
        assert FILLER not in link.text and FILLER not in link.href
    for image in doc.images:
        assert FILLER not in image.src and FILLER not in (image.alt or "")


@pytest.mark.property
@given(static_soup(), st.sampled_from(["", TOML, JSON, "+++\n", "{\n"]))
def test_tags_anywhere_never_break_the_reader(body: str, head: str) -> None:
    doc = parse_document(head + body, "page.md")
    assert_within(doc)
