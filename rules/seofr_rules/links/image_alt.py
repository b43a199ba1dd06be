"""``image-alt``: every content image has an alternative text that describes it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Context, Document, Emitted, Rule, Template, Text, option

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
    description_fr = """Chaque image du contenu a un texte alternatif qui la décrit.

    L’attribut ``alt`` ne doit être ni absent, ni vide, ni un nom de
    fichier, ni plus court que ``min-chars`` caractères. Une image
    décorative se signale par ``alt=""`` et ``role="presentation"`` (ou
    ``none``)\u00a0: elle est alors correcte telle quelle.
    """
    Options = ImageAltOptions
    templates = {
        "missing": Template(
            Text(
                fr="Image sans texte alternatif : {src}.",
                en="Image without alternative text: {src}.",
            ),
            Text(
                fr='Ajoutez un attribut alt qui décrit l’image en quelques mots (ou alt="" et role="presentation" si elle est décorative).',
                en='Add an alt attribute describing the image in a few words (or alt="" and role="presentation" if it is decorative).',
            ),
        ),
        "file-name": Template(
            Text(
                fr="Le texte alternatif de {src} est un nom de fichier : « {alt} ».",
                en="The alternative text of {src} is a file name: “{alt}”.",
            ),
            Text(
                fr="Décrivez ce que montre l’image, en français.",
                en="Describe what the image shows, in French.",
            ),
        ),
        "too-short": Template(
            Text(
                fr="Texte alternatif trop court pour {src} : « {alt} ».",
                en="Alternative text too short for {src}: “{alt}”.",
            ),
            Text(
                fr="Décrivez l’image en au moins {min_chars} {min_chars:caractère|caractères}.",
                en="Describe the image in at least {min_chars} {min_chars:character|characters}.",
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
