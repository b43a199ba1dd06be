"""Rules about links and images."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from seofr.document.model import Document, Link
from seofr.french.normalize import folded_words
from seofr.i18n import Text
from seofr.plugin import Context, Emitted, Rule, Template, option
from seofr_rules.lists import word_list


def site_host(doc: Document, ctx: Context) -> str | None:
    """The host of the site: from ``base-url``, else from the canonical URL."""
    for url in (ctx.settings.base_url, doc.canonical.value if doc.canonical else None):
        if url:
            host = urlsplit(url.strip()).hostname
            if host:
                return host.lower().removeprefix("www.")
    return None


def link_kind(href: str, host: str | None) -> str:
    """``internal``, ``outbound``, or ``other`` (anchors, mail, phone, scripts)."""
    parts = urlsplit(href.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") or href.startswith("//"):
        target = (parts.hostname or "").lower().removeprefix("www.")
        return "internal" if host is not None and target == host else "outbound"
    if scheme or not parts.path:
        return "other"  # mailto:, tel:, javascript:, "#section"
    return "internal"


@dataclass(frozen=True)
class LinksOptions:
    """Options of ``links``."""

    min_internal: int = option(
        1,
        fr="Nombre minimal de liens vers d’autres pages du site.",
        en="Fewest links to other pages of the site.",
    )
    min_outbound: int = option(
        1,
        fr="Nombre minimal de liens vers d’autres sites.",
        en="Fewest links to other sites.",
    )


class Links(Rule[LinksOptions]):
    """The text links to other pages of the site and to other sites.

    A link is internal when it is relative or points to the site's host (from
    the ``base-url`` setting, else the canonical URL); other web links are
    outbound. ``nofollow`` links count, and the message says how many there are.

    ```md pass
    # Le tri des déchets

    Voir notre [guide du compost](/guides/compost) et le site de
    l’[Ademe](https://www.ademe.fr/).
    ```

    ```md fail
    # Le tri des déchets

    Trier ses déchets réduit le volume des poubelles.
    ```
    """

    name = "links"
    code = "A001"
    category = "links"
    summary = Text(
        fr="Le texte contient des liens internes et sortants.",
        en="The text has internal and outbound links.",
    )
    Options = LinksOptions
    templates = {
        "few-internal": Template(
            Text(
                fr="{count} lien(s) interne(s) ; il en faut au moins {minimum}.",
                en="{count} internal link(s); at least {minimum} needed.",
            ),
            Text(
                fr="Ajoutez un lien vers un article ou une page du site qui approfondit le sujet.",
                en="Add a link to an article or page of the site that goes deeper into the topic.",
            ),
        ),
        "few-outbound": Template(
            Text(
                fr="{count} lien(s) sortant(s) ({nofollow} en nofollow) ; il en faut au moins {minimum}.",
                en="{count} outbound link(s) ({nofollow} nofollow); at least {minimum} needed.",
            ),
            Text(
                fr="Citez une source fiable avec un lien vers son site.",
                en="Cite a reliable source with a link to its site.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: LinksOptions) -> Iterator[Emitted]:
        host = site_host(doc, ctx)
        kinds = [(link, link_kind(link.href, host)) for link in doc.links]
        internal = sum(1 for _, kind in kinds if kind == "internal")
        outbound = [link for link, kind in kinds if kind == "outbound"]
        if internal < options.min_internal:
            yield self.fail("few-internal", count=internal, minimum=options.min_internal)
        if len(outbound) < options.min_outbound:
            nofollow = sum(1 for link in outbound if "nofollow" in link.rel)
            yield self.fail(
                "few-outbound",
                count=len(outbound),
                nofollow=nofollow,
                minimum=options.min_outbound,
            )


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
    """

    name = "link-text"
    code = "A002"
    category = "links"
    summary = Text(
        fr="Chaque texte de lien décrit sa destination.",
        en="Every link text describes its target.",
    )
    Options = LinkTextOptions
    templates = {
        "vague": Template(
            Text(
                fr="Texte de lien vague : « {text} ».",
                en="Vague link text: “{text}”.",
            ),
            Text(
                fr="Remplacez « {text} » par les mots qui décrivent la page visée.",
                en="Replace “{text}” with words that describe the target page.",
            ),
        ),
        "empty": Template(
            Text(
                fr="Lien sans texte vers {href}.",
                en="Link without text to {href}.",
            ),
            Text(
                fr="Donnez au lien un texte qui décrit la page visée.",
                en="Give the link a text that describes the target page.",
            ),
        ),
        "script": Template(
            Text(
                fr="Lien javascript: « {text} » : il ne mène à aucune page.",
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
        text = " ".join(link.text.split())
        if link.href.strip().lower().startswith("javascript:"):
            yield self.fail("script", link.span, text=text or link.href)
        elif not folded_words(text):
            yield self.fail("empty", link.span, href=link.href or "#")
        elif " ".join(folded_words(text)) in vague:
            yield self.fail("vague", link.span, text=text)


_FILE_NAME = re.compile(
    r"^[\w.\-]*\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$|^(?:img|image|dsc|pxl|photo)[_-]?\d+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ImageAltOptions:
    """Options of ``image-alt``."""

    min_chars: int = option(
        5,
        fr="Longueur minimale d’un texte alternatif utile.",
        en="Shortest useful alternative text.",
    )


class ImageAlt(Rule[ImageAltOptions]):
    """Every content image has an alternative text that describes it.

    The ``alt`` must not be missing, empty or a file name. A decorative image
    is marked with ``alt=""`` and ``role="presentation"`` (or ``none``) and is
    fine as it is.

    ```html pass
    <p><img src="/img/marche.jpg" alt="Étals de légumes sur la place du marché"></p>
    <p><img src="/img/filet.png" alt="" role="presentation"></p>
    ```

    ```html fail
    <p><img src="/img/marche.jpg"></p>
    <p><img src="/img/etal.jpg" alt="IMG_2041.jpg"></p>
    ```
    """

    name = "image-alt"
    code = "A003"
    category = "links"
    summary = Text(
        fr="Chaque image a un texte alternatif qui la décrit.",
        en="Every image has an alternative text that describes it.",
    )
    Options = ImageAltOptions
    templates = {
        "missing": Template(
            Text(
                fr="Image sans texte alternatif : {src}.",
                en="Image without alternative text: {src}.",
            ),
            Text(
                fr='Ajoutez un attribut alt qui décrit l’image en quelques mots (ou alt="" et role="presentation" si elle est décorative).',
                en='Add an alt attribute describing the image in a few words (or alt="" and role="presentation" if it is decorative).',
            ),
        ),
        "file-name": Template(
            Text(
                fr="Le texte alternatif de {src} est un nom de fichier : « {alt} ».",
                en="The alternative text of {src} is a file name: “{alt}”.",
            ),
            Text(
                fr="Décrivez ce que montre l’image, en français.",
                en="Describe what the image shows, in French.",
            ),
        ),
        "too-short": Template(
            Text(
                fr="Texte alternatif trop court pour {src} : « {alt} ».",
                en="Alternative text too short for {src}: “{alt}”.",
            ),
            Text(
                fr="Décrivez l’image en au moins {min_chars} caractères.",
                en="Describe the image in at least {min_chars} characters.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: ImageAltOptions) -> Iterator[Emitted]:
        for image in doc.images:
            alt = (image.alt or "").strip()
            name = image.src.rsplit("/", 1)[-1] or image.src
            if image.alt is not None and not alt and image.role in ("presentation", "none"):
                continue
            if not alt:
                yield self.fail("missing", image.span, src=name)
            elif _FILE_NAME.match(alt) or alt.lower() == name.lower():
                yield self.fail("file-name", image.span, src=name, alt=alt)
            elif len(alt) < options.min_chars:
                yield self.warn(
                    "too-short", image.span, src=name, alt=alt, min_chars=options.min_chars
                )
