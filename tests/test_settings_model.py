"""The settings model is the one declaration: docs, API, CLI, pytest and errors follow it."""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

import seofr
import seofr.pytest_plugin
import seofr.session
from seofr.cli import build_parser
from seofr.errors import DocumentConfigError
from seofr.settings import (
    Place,
    Settings,
    Spec,
    check_value,
    cli_flag,
    configuration_markdown,
    default_of,
    key_of,
    pytest_flag,
)

from .conftest import ROOT

NO_BREAK = "\u00a0\u202f"  # no-break space, narrow no-break space

# A second-hand bookshop: the article every configuration test below reads.
LIBRAIRIE = """\
---
title: La bouquinerie de la rue des Tanneurs fête ses dix ans
---

# La bouquinerie fête ses dix ans

Installée dans une ancienne mercerie, la bouquinerie de la rue des Tanneurs vend
des livres d’occasion depuis dix ans. Les habitants y déposent les romans qu’ils
ont lus et repartent avec d’autres. Samedi, la libraire offrira un café à chacun
et lira des extraits de ses livres préférés.
"""

# Flags of `seofr check` that are not settings of the model.
NON_SETTING_FLAGS = {
    "-h",
    "--help",
    "--format",
    "--config",
    "--no-config",
    "--original",
    "-j",
    "--jobs",
    "--no-cache",
    "--cache-dir",
    # how the command writes its output, not settings of an analysis
    "-o",
    "--output-file",
    "-e",
    "--exit-zero",
    "--min-severity",
    "--statistics",
    "--color",
    "--stdin-filename",
    "-q",
    "--quiet",
}


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _fields_at(place: Place) -> set[str]:
    return {f.name for f, _ in Settings.at(place)}


# -- a. every setting documented in both languages, in French typography -----------------


@pytest.mark.parametrize("field", dataclasses.fields(Settings), ids=lambda f: f.name)
def test_every_setting_has_a_spec_with_both_docs(field: dataclasses.Field[Any]) -> None:
    spec = field.metadata.get("spec")
    assert isinstance(spec, Spec)
    assert spec.doc.fr.strip() and spec.doc.en.strip()
    assert spec.doc.fr != spec.doc.en
    assert spec.places, "a setting that can be given nowhere"


@pytest.mark.parametrize("field", dataclasses.fields(Settings), ids=lambda f: f.name)
def test_french_docs_follow_french_typography(field: dataclasses.Field[Any]) -> None:
    fr = field.metadata["spec"].doc.fr
    assert "(s)" not in fr
    # « and » hold a no-break space inside; : ; ! ? and » have one before them
    assert not re.search(rf"«[^{NO_BREAK}]", fr), fr
    assert not re.search(rf"[^{NO_BREAK}]»", fr), fr
    assert not re.search(rf"[^{NO_BREAK}][;!?»]", fr), fr
    assert not re.search(rf"[^{NO_BREAK}]:(?!//)", fr), fr
    # and the English uses no French spacing
    assert not re.search(rf"[{NO_BREAK}][:;!?]", field.metadata["spec"].doc.en)


def test_every_default_is_valid_for_its_own_spec() -> None:
    for f, _ in Settings.specs():
        default = default_of(f)
        assert check_value(f.name, default, f"default of {f.name}") == default


# -- b. analyze's hand-written signature matches the model --------------------------------


def _keyword_parameters(function: Any) -> set[str]:
    return {
        name
        for name, p in inspect.signature(function).parameters.items()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }


def test_analyze_keywords_are_the_api_settings() -> None:
    expected = {"original", "config"} | _fields_at(Place.API)
    assert _keyword_parameters(seofr.session.analyze.__wrapped__) == expected  # type: ignore[attr-defined]
    assert _keyword_parameters(seofr.analyze) == expected
    assert _fields_at(Place.API) == seofr.session.API_SETTINGS


def test_analyze_passes_every_keyword_on() -> None:
    # a keyword the wrapper accepts but forgets to pass would be silently ignored
    source = inspect.getsource(seofr.session.analyze.__wrapped__)  # type: ignore[attr-defined]
    for name in _fields_at(Place.API):
        assert f'"{name}": {name},' in source, name


# -- c. the command line's flags come from the model ---------------------------------------


def _check_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    check: argparse.ArgumentParser = commands.choices["check"]
    return check


def test_every_cli_setting_has_its_flag_and_no_other_flag_exists() -> None:
    check = _check_parser()
    by_flag = {flag: action for action in check._actions for flag in action.option_strings}
    specs = dict((f.name, spec) for f, spec in Settings.at(Place.CLI))
    allowed = set(NON_SETTING_FLAGS)
    for name, spec in specs.items():
        flag = cli_flag(name)
        assert flag == "--" + name.replace("_", "-")
        assert flag in by_flag, f"{flag} missing"
        assert by_flag[flag].dest == name
        allowed.add(flag)
        if spec.alias:
            assert by_flag[spec.alias] is by_flag[flag]
            allowed.add(spec.alias)
        if spec.cli_style == "switch":
            allowed.add("--no-" + key_of(name))
        if spec.choices:
            assert tuple(by_flag[flag].choices or ()) == spec.choices
    assert set(by_flag) <= allowed, f"flags the model lacks: {set(by_flag) - allowed}"
    # settings the command line may not set have no flag
    for f, _ in Settings.specs():
        if f.name not in specs:
            assert cli_flag(f.name) not in by_flag, f.name


def test_cli_flags_parse_in_their_declared_style() -> None:
    args = build_parser().parse_args(
        [
            "check",
            "livres.md",
            "--select",
            "word-count, title-length",
            "-k",
            "bouquinerie",
            "--keyword",
            "livres d’occasion",
            "--derivations",
            "--reading-speed",
            "180",
            "--fail-under",
            "62.5",
        ]
    )
    assert args.select == ["word-count", "title-length"]
    assert args.keyword == ["bouquinerie", "livres d’occasion"]
    assert args.derivations is True
    assert args.reading_speed == 180 and args.fail_under == 62.5
    assert args.ignore is None and args.lang is None  # not given: left to the configuration
    assert build_parser().parse_args(["check", "x", "--no-derivations"]).derivations is False


# -- d. the pytest plugin's options and ini keys come from the model ------------------------


class _Recorder:
    """Stands for pytest's parser and option group: records what the plugin declares."""

    def __init__(self) -> None:
        self.options: dict[str, dict[str, Any]] = {}
        self.ini: dict[str, dict[str, Any]] = {}

    def getgroup(self, name: str, description: str = "") -> _Recorder:
        return self

    def addoption(self, *names: str, **kwargs: Any) -> None:
        for name in names:
            self.options[name] = kwargs

    def addini(self, name: str, **kwargs: Any) -> None:
        self.ini[name] = kwargs


def test_every_pytest_setting_has_an_option_and_an_ini_key() -> None:
    recorder = _Recorder()
    seofr.pytest_plugin.pytest_addoption(recorder)  # type: ignore[arg-type]
    pytest_names = _fields_at(Place.PYTEST)
    assert pytest_names  # profile, fail-under, lang today
    for name in pytest_names:
        flag = pytest_flag(name)
        assert flag == "--seofr-" + name.replace("_", "-")
        assert flag in recorder.options, flag
        assert recorder.options[flag]["dest"] == f"seofr_{name}"
        assert f"seofr_{name}" in recorder.ini, name
    options = {n for n in recorder.options if n.startswith("--seofr-")}
    assert options == {pytest_flag(n) for n in pytest_names}
    assert set(recorder.ini) == {f"seofr_{n}" for n in pytest_names} | {"seofr_paths"}
    assert set(recorder.options) - options == {"--seofr"}


def test_pytest_help_lists_the_settings_options(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess("--help")
    text = result.stdout.str()
    for name in _fields_at(Place.PYTEST):
        assert pytest_flag(name) in text
        assert f"seofr_{name}" in text


# -- e. docs/configuration.md is generated from the model -----------------------------------


def test_configuration_page_is_up_to_date() -> None:
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert page == configuration_markdown(), (
        "docs/configuration.md is stale: regenerate it with"
        " `python -m seofr.settings > docs/configuration.md`"
    )


def test_configuration_page_lists_every_setting_and_its_flags() -> None:
    page = configuration_markdown()
    for f, spec in Settings.specs():
        assert f"| `{key_of(f.name)}` |" in page
        assert spec.doc.en in page and spec.doc.fr in page
        assert (f"`{cli_flag(f.name)}`" in page) == bool(spec.places & Place.CLI), f.name


# -- f. mistakes in configuration name the key and where it belongs -------------------------


@pytest.mark.parametrize(
    ("toml", "wrong", "right"),
    [
        ("fail_under = 80\n", "fail_under", "fail-under"),
        ("reading-sped = 180\n", "reading-sped", "reading-speed"),
        ("[rules.word-count]\nmin-word = 80\n", "min-word", "min-words"),
        ("[rules.word-cont]\nmin-words = 80\n", "word-cont", "word-count"),
    ],
)
def test_a_misspelt_key_in_a_file_names_the_closest_one(
    tmp_path: Path, toml: str, wrong: str, right: str
) -> None:
    config = _write(tmp_path, "seofr.toml", toml)
    article = _write(tmp_path, "livres.md", LIBRAIRIE)
    with pytest.raises(seofr.ConfigError) as caught:
        seofr.analyze(article)
    message = str(caught.value)
    assert str(config) in message
    assert wrong in message
    assert f"did you mean '{right}'" in message
    # the same through pyproject.toml
    config.unlink()
    toml = toml.replace("[rules.", "[tool.seofr.rules.")
    if not toml.startswith("["):
        toml = "[tool.seofr]\n" + toml
    _write(tmp_path, "pyproject.toml", toml)
    with pytest.raises(seofr.ConfigError, match=f"did you mean '{right}'"):
        seofr.analyze(article)


def test_a_misspelt_key_in_the_front_matter_is_the_documents_fault(tmp_path: Path) -> None:
    text = LIBRAIRIE.replace("---\n\n", "seofr:\n  reading-sped: 180\n---\n\n", 1)
    article = _write(tmp_path, "livres.md", text)
    with pytest.raises(DocumentConfigError, match="did you mean 'reading-speed'"):
        seofr.analyze(article, config=False)


def test_a_misspelt_rule_option_in_the_arguments_names_the_closest_one() -> None:
    with pytest.raises(seofr.ConfigError, match="did you mean 'min-words'"):
        seofr.analyze(LIBRAIRIE, rules={"word-count": {"min-word": 10}}, config=False)


def test_paths_in_the_front_matter_says_where_it_belongs(tmp_path: Path) -> None:
    text = LIBRAIRIE.replace("---\n\n", "seofr:\n  paths: [contenu]\n---\n\n", 1)
    article = _write(tmp_path, "livres.md", text)
    with pytest.raises(DocumentConfigError) as caught:
        seofr.analyze(article, config=False)
    message = str(caught.value)
    assert "livres.md" in message and "paths" in message
    assert "belongs in a configuration file" in message


@pytest.mark.parametrize("name", ["pyproject.toml", "seofr.toml"])
def test_keyword_in_a_project_file_says_where_it_belongs(tmp_path: Path, name: str) -> None:
    table = (
        '[tool.seofr]\nkeyword = "bouquinerie"\n'
        if name == "pyproject.toml"
        else ('keyword = "bouquinerie"\n')
    )
    _write(tmp_path, name, table)
    article = _write(tmp_path, "livres.md", LIBRAIRIE)
    with pytest.raises(seofr.ConfigError) as caught:
        seofr.analyze(article)
    message = str(caught.value)
    assert name in message and "keyword" in message
    assert "belongs in the arguments or the command line" in message


def test_every_misplaced_setting_is_refused_at_each_place(tmp_path: Path) -> None:
    # the model's places, checked one by one: a file and the front matter
    samples: dict[str, Any] = {
        "profile": "page",
        "select": ["word-count"],
        "extend_select": ["title-length"],
        "ignore": ["title-length"],
        "per_file_ignores": {"*.md": ["title-length"]},
        "fail_under": 60,
        "lang": "en",
        "base_url": "https://www.exemple.fr",
        "reading_speed": 180,
        "derivations": True,
        "paths": ["contenu"],
        "rules": {"word-count": {"min-words": 10}},
        "keyword": ["bouquinerie"],
        "synonyms": ["librairie"],
        "input_format": "markdown",
        "max_bytes": 100000,
        "content_selector": "main article",
        "exclude": ["node_modules"],
        "extend_exclude": ["brouillons"],
        "respect_gitignore": False,
        "force_exclude": True,
    }
    assert set(samples) == {f.name for f in dataclasses.fields(Settings)}
    from seofr.config import Layer, resolve
    from seofr.registry import registry

    for f, spec in Settings.specs():
        for place in (Place.FILE, Place.FRONT_MATTER, Place.API, Place.CLI):
            layer = Layer("test", {key_of(f.name): samples[f.name]}, tmp_path, place)
            if spec.places & place:
                resolve([layer], registry(), str(tmp_path / "livres.md"))
            else:
                with pytest.raises(seofr.ConfigError, match="belongs in"):
                    resolve([layer], registry(), str(tmp_path / "livres.md"))
