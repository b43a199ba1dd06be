"""``link-text``: every link says where it leads: no empty anchor, no « cliquez ici », no script."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.normalize import folded_words
from seofr.plugin import Context, Document, Emitted, Link, Rule, Template, Text
from seofr_rules.helpers.word_lists import word_list


@dataclass(frozen=True)
class LinkTextOptions:
    """Options of ``link-text`` (the list of vague anchors is ``data/vague_anchors.txt``)."""


class LinkText(Rule[LinkTextOptions]):
    """Every link says where it leads: no empty anchor, no « cliquez ici », no script.

    Anchors such as « cliquez ici », « en savoir plus », "read more" tell
    neither readers nor search engines what the target is. The lists (French
    and English) are in ``seofr_rules/data/vague_anchors.txt``.

    ```md pass
    Consultez [le calendrier des collectes](/collectes).
    ```

    ```md fail
    Le calendrier des collectes est [ici](/collectes).
    ```

    ```html fail
    <p>Votre avis : <a href="javascript:void(0)">voter</a></p>
    ```

    A link's name is what a screen reader says: its ``aria-label``, else its
    text with the ``alt`` of the images inside, else its ``title``. A link
    around an image with an ``alt`` is named; around an image without one, it
    is not.

    ```html pass
    <p><a href="/galerie/2"><img src="vitrail.jpg" alt="Le vitrail de la nef, photo suivante"></a></p>
    ```

    ```html fail
    <p><a href="/galerie/2"><img src="vitrail.jpg"></a></p>
    ```
    """

    name = "link-text"
    code = "A002"
    category = "links"
    summary = Text(
        fr="Chaque texte de lien décrit sa destination.",
        en="Every link text describes its target.",
    )
    description_fr = """Chaque lien dit où il mène\u00a0: pas de lien sans texte, pas de «\u00a0cliquez ici\u00a0», pas de lien vers un script.

    Des textes de lien comme «\u00a0cliquez ici\u00a0», «\u00a0en savoir plus\u00a0» ou «\u00a0read
    more\u00a0» ne disent ni au lecteur ni aux moteurs de recherche ce qu’est la
    page visée. Les listes de ces textes, en français et en anglais, sont
    dans ``seofr_rules/data/vague_anchors.txt``.

    Le nom d’un lien est ce que lit un lecteur d’écran\u00a0: son attribut
    ``aria-label``, à défaut son texte avec l’attribut ``alt`` des images
    qu’il contient, à défaut son attribut ``title``. Un lien autour d’une
    image munie d’un ``alt`` a donc un nom\u202f; autour d’une image sans
    ``alt``, il n’en a pas.
    """
    Options = LinkTextOptions
    templates = {
        "vague": Template(
            Text(
                fr="Texte de lien vague : « {text} ».",
                en="Vague link text: “{text}”.",
            ),
            Text(
                fr="Remplacez « {text} » par les mots qui décrivent la page visée.",
                en="Replace “{text}” with words that describe the target page.",
            ),
        ),
        "empty": Template(
            Text(
                fr="Lien sans texte ni nom vers {href} : ni texte, ni image avec alt, ni"
                " aria-label.",
                en="Link without text or name to {href}: no text, no image with an alt, no"
                " aria-label.",
            ),
            Text(
                fr="Donnez au lien un texte, ou à son image un attribut alt, qui décrit la page"
                " visée.",
                en="Give the link a text, or its image an alt attribute, that describes the"
                " target page.",
            ),
        ),
        "script": Template(
            Text(
                fr="Lien javascript: « {text} » : il ne mène à aucune page.",
                en="javascript: link “{text}”: it leads to no page.",
            ),
            Text(
                fr="Utilisez un bouton pour une action, ou un vrai lien vers une page.",
                en="Use a button for an action, or a real link to a page.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: LinkTextOptions) -> Iterator[Emitted]:
        vague = frozenset(" ".join(folded_words(entry)) for entry in word_list("vague_anchors"))
        for link in doc.links:
            yield from self._check_link(link, vague)

    def _check_link(self, link: Link, vague: frozenset[str]) -> Iterator[Emitted]:
        # the visible text when there is one (anchors are judged as read), else the name
        text = " ".join(link.text.split()) or " ".join(link.accessible_name.split())
        if link.href.strip().lower().startswith("javascript:"):
            yield self.fail("script", link.span, text=text or link.href)
        elif not folded_words(text):
            yield self.fail("empty", link.span, href=link.href or "#")
        elif " ".join(folded_words(text)) in vague:
            yield self.fail("vague", link.span, text=text)
