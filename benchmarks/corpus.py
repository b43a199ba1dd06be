"""Generated French HTML articles of a chosen size, for the scaling benchmark.

Sentences are assembled from templates and themed vocabulary with a seeded
random generator, so every size is reproducible yet reads as varied French
prose: statements, passives, questions, quotations with « », figures,
transition words, lists. Repeating one paragraph would let caches and
langdetect see far less variety than real text.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """The vocabulary of one subject: singular subjects, objects, complements, titles."""

    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    complements: tuple[str, ...]
    groups: tuple[str, ...]
    titles: tuple[str, ...]


THEMES = (
    Theme(
        subjects=(
            "le vélo électrique",
            "la municipalité",
            "le réseau de pistes cyclables",
            "la batterie au lithium",
            "le cycliste urbain",
            "la location en libre-service",
        ),
        objects=(
            "les trajets domicile-travail",
            "la circulation en centre-ville",
            "le budget des ménages",
            "la pollution de l’air",
            "l’entretien des routes",
            "les habitudes de déplacement",
        ),
        complements=(
            "depuis le début de la décennie",
            "dans les grandes agglomérations",
            "malgré un prix d’achat encore élevé",
            "grâce aux aides publiques",
            "surtout pendant les mois d’hiver",
        ),
        groups=("cyclistes", "salariés", "communes", "familles"),
        titles=(
            "Le vélo électrique en ville",
            "Choisir sa batterie",
            "Les aides à l’achat",
            "Entretenir son vélo",
            "Rouler en sécurité",
        ),
    ),
    Theme(
        subjects=(
            "la cuisine de saison",
            "le marché du samedi",
            "le chef du restaurant",
            "la recette de grand-mère",
            "le potager familial",
            "la boulangerie du quartier",
        ),
        objects=(
            "les produits locaux",
            "le goût des légumes",
            "la qualité du pain",
            "les circuits courts",
            "le gaspillage alimentaire",
            "les repas du dimanche",
        ),
        complements=(
            "au fil des saisons",
            "sans ajouter de sucre",
            "à la manière d’autrefois",
            "avec des ingrédients simples",
            "dans la plupart des régions",
        ),
        groups=("cuisiniers", "consommateurs", "producteurs", "restaurants"),
        titles=(
            "Cuisiner les légumes d’hiver",
            "Le pain au levain",
            "Acheter au marché",
            "Réduire le gaspillage",
            "Les desserts d’autrefois",
        ),
    ),
    Theme(
        subjects=(
            "le télétravail",
            "l’entreprise",
            "la direction des ressources humaines",
            "le logiciel de gestion",
            "l’équipe informatique",
            "la formation continue",
        ),
        objects=(
            "la productivité des équipes",
            "les réunions à distance",
            "la sécurité des données",
            "l’équilibre entre vie privée et travail",
            "les outils collaboratifs",
            "le recrutement des jeunes diplômés",
        ),
        complements=(
            "depuis la crise sanitaire",
            "dans les petites et moyennes entreprises",
            "sans augmenter les coûts",
            "à condition de fixer des règles claires",
            "au bout de quelques mois",
        ),
        groups=("salariés", "cadres", "entreprises", "managers"),
        titles=(
            "Organiser le télétravail",
            "Sécuriser les données",
            "Former les équipes",
            "Les outils du travail à distance",
            "Recruter autrement",
        ),
    ),
    Theme(
        subjects=(
            "le randonneur",
            "le parc naturel régional",
            "la forêt domaniale",
            "le sentier de grande randonnée",
            "l’office de tourisme",
            "le refuge de montagne",
        ),
        objects=(
            "la faune sauvage",
            "les paysages du massif",
            "le balisage des itinéraires",
            "la fréquentation estivale",
            "les ressources en eau",
            "le patrimoine local",
        ),
        complements=(
            "au printemps comme à l’automne",
            "dès les premières neiges",
            "en dehors des sentiers balisés",
            "avec l’aide des bénévoles",
            "sur plusieurs kilomètres",
        ),
        groups=("randonneurs", "visiteurs", "gardes forestiers", "habitants"),
        titles=(
            "Préparer sa randonnée",
            "Respecter la nature",
            "Les plus beaux sentiers",
            "Dormir en refuge",
            "Observer les animaux",
        ),
    ),
)

VERBS = (
    "améliore",
    "transforme",
    "modifie profondément",
    "influence",
    "favorise",
    "protège",
    "simplifie",
    "met en valeur",
    "remet en question",
    "renforce",
)
PLURAL_VERBS = (
    "apprécient",
    "redécouvrent",
    "surveillent de près",
    "privilégient",
    "critiquent parfois",
)
PARTICIPLES = ("étudiée", "encouragée", "financée", "observée", "soutenue")
INTRANSITIVE = ("progresse", "évolue vite", "se développe", "résiste", "change de visage")
CONNECTORS = (
    "Cependant",
    "Par ailleurs",
    "En effet",
    "Ainsi",
    "De plus",
    "Pourtant",
    "En revanche",
    "Enfin",
    "Par conséquent",
    "D’abord",
)
SOURCES = (
    "une étude récente",
    "les chiffres de l’Insee",
    "plusieurs spécialistes",
    "un rapport parlementaire",
    "la presse régionale",
)
PEOPLE = (
    ("Claire Martin", "urbaniste à Lyon"),
    ("Julien Bernard", "chercheur au CNRS"),
    ("Sophie Leroy", "présidente d’une association"),
    ("Marc Dubois", "agriculteur dans le Gers"),
    ("Amélie Fournier", "consultante indépendante"),
)
QUOTES = (
    "Personne n’imaginait un tel changement il y a dix ans",
    "Il faut laisser le temps aux habitants de s’habituer",
    "Les résultats dépassent nos prévisions les plus optimistes",
    "Nous avançons pas à pas, sans brûler les étapes",
)
QUESTIONS = (
    "Faut-il pour autant s’en inquiéter ?",
    "Comment expliquer un tel engouement ?",
    "Est-ce vraiment une bonne nouvelle ?",
    "Que faut-il en retenir ?",
)


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(rng: random.Random, theme: Theme) -> str:
    """One sentence, from one of several shapes so that lengths and structures vary."""
    subject = rng.choice(theme.subjects)
    obj = rng.choice(theme.objects)
    complement = rng.choice(theme.complements)
    verb = rng.choice(VERBS)
    shape = rng.randrange(9)
    if shape == 0:
        return f"{_capitalize(subject)} {verb} {obj} {complement}."
    if shape == 1:
        return f"{rng.choice(CONNECTORS)}, {subject} {verb} {obj}."
    if shape == 2:
        return f"Selon {rng.choice(SOURCES)}, {subject} {verb} {obj} {complement}."
    if shape == 3:
        # a passive, so the passive-voice rule has something to find
        return f"Cette évolution est {rng.choice(PARTICIPLES)} par {subject} {complement}."
    if shape == 4:
        percent = rng.randint(5, 95)
        group = rng.choice(theme.groups)
        return f"Près de {percent} % des {group} {rng.choice(PLURAL_VERBS)} {obj}."
    if shape == 5:
        name, role = rng.choice(PEOPLE)
        return f"« {rng.choice(QUOTES)} », explique {name}, {role}."
    if shape == 6:
        return rng.choice(QUESTIONS)
    if shape == 7:
        return f"{_capitalize(subject)} {rng.choice(INTRANSITIVE)}."
    other = rng.choice(theme.objects)
    return (
        f"{_capitalize(subject)}, qui {verb} {obj} {complement}, "
        f"{rng.choice(VERBS)} aussi {other}, et {rng.choice(SOURCES)} le confirme."
    )


def _paragraph(rng: random.Random, theme: Theme) -> str:
    sentences = " ".join(_sentence(rng, theme) for _ in range(rng.randint(2, 7)))
    return f"<p>{html.escape(sentences, quote=False)}</p>\n"


def _section(rng: random.Random) -> str:
    """An h2 section on one theme: a few paragraphs and, sometimes, a list."""
    theme = rng.choice(THEMES)
    parts = [f"<h2>{html.escape(rng.choice(theme.titles))}</h2>\n"]
    parts.extend(_paragraph(rng, theme) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.3:
        items = "".join(
            f"<li>{html.escape(_capitalize(rng.choice(theme.objects)))}</li>" for _ in range(4)
        )
        parts.append(f"<ul>{items}</ul>\n")
    return "".join(parts)


def french_html(size: int, seed: int = 0) -> str:
    """A French HTML article of about ``size`` UTF-8 bytes (slightly more, never less)."""
    rng = random.Random(seed)
    head = (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        "<title>Vivre autrement : vélo, cuisine, travail et nature</title>\n"
        '<meta name="description" content="Un long dossier sur nos façons de vivre.">\n'
        "</head>\n<body>\n<main>\n<h1>Vivre autrement au quotidien</h1>\n"
    )
    tail = "</main>\n</body>\n</html>\n"
    parts = [head]
    total = len(head.encode()) + len(tail.encode())
    while total < size:
        section = _section(rng)
        parts.append(section)
        total += len(section.encode())
    parts.append(tail)
    return "".join(parts)
