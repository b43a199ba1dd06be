"""``links``: the text links to other pages of the site and to other sites."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from seofr.plugin import Context, Document, Emitted, Rule, Template, Text, option


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
    description_fr = """Le texte a des liens vers d’autres pages du site et vers d’autres sites.

    Un lien est interne quand il est relatif ou qu’il pointe vers le
    domaine du site (celui du réglage ``base-url``, à défaut celui de l’URL
    canonique)\u202f; les autres liens web sont sortants. Les liens ``nofollow``
    comptent, et le message indique leur nombre. Les nombres minimaux de
    liens sont donnés par ``min-internal`` et ``min-outbound``.
    """
    Options = LinksOptions
    templates = {
        "few-internal": Template(
            Text(
                fr="{count} {count:lien interne|liens internes} ; il en faut au moins {minimum}.",
                en="{count} internal {count:link|links}; at least {minimum} needed.",
            ),
            Text(
                fr="Ajoutez un lien vers un article ou une page du site qui approfondit le sujet.",
                en="Add a link to an article or page of the site that goes deeper into the topic.",
            ),
        ),
        "few-outbound": Template(
            Text(
                fr="{count} {count:lien sortant|liens sortants} ({nofollow} en nofollow) ; il en faut au moins {minimum}.",
                en="{count} outbound {count:link|links} ({nofollow} nofollow); at least {minimum} needed.",
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
