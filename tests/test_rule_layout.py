"""The layout of the built-in rules: one file per rule, no rule importing another.

Every rule lives in ``seofr_rules/<category>/<rule_name>.py`` (the rule's name
with ``-`` turned into ``_``, under the folder of its ``category``) and defines
that rule only. Code shared by several rules lives in ``seofr_rules/helpers``,
which defines no rule. No module imports a rule module, except the package's
``__init__`` whose ``builtin_rules()`` lists them; and from seofr, rules and
helpers import only the rule-author API (``seofr.plugin``) and the French
analyses (``seofr.french``), as a third-party rule package would.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import seofr_rules
from seofr.plugin import Rule

PACKAGE = Path(seofr_rules.__file__).parent
# the registry entry point: the one module allowed to import the rule modules
ENTRY_POINT = "seofr_rules"
ALLOWED_FROM_SEOFR = ("seofr.plugin", "seofr.french")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _defined_rules(module: ModuleType) -> list[type[Rule[Any]]]:
    """The rules (Rule subclasses with a name of their own) that ``module`` defines."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__ == module.__name__
        and "name" in vars(value)
    ]


def _rule_modules() -> dict[str, list[type[Rule[Any]]]]:
    found: dict[str, list[type[Rule[Any]]]] = {}
    for name in MODULES:
        rules = _defined_rules(importlib.import_module(name))
        if rules:
            found[name] = rules
    return found


RULE_MODULES = _rule_modules()


def _is_package(module: str) -> bool:
    return module in MODULES and MODULES[module].name == "__init__.py"


def imported_modules(module: str, source: str) -> Iterator[tuple[int, str]]:
    """``(line, module)`` for every module the source imports, anywhere in it.

    Relative imports are resolved against ``module``; ``from X import y``
    yields ``X`` and ``X.y`` (``y`` may be a submodule).
    """
    package = module if _is_package(module) else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - (node.level - 1)])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:
                yield node.lineno, f"{target}.{alias.name}"


def rule_module_imports(module: str, source: str, rule_modules: set[str]) -> list[str]:
    """The imports of rule modules in ``source``, as ``line: module``."""
    return [
        f"{line}: {target}"
        for line, target in imported_modules(module, source)
        if target in rule_modules
    ]


def forbidden_seofr_imports(module: str, source: str) -> list[str]:
    """The imports of seofr modules other than ``seofr.plugin`` and ``seofr.french``."""
    return [
        f"{line}: {target}"
        for line, target in imported_modules(module, source)
        if (target == "seofr" or target.startswith("seofr."))
        and not any(target == ok or target.startswith(ok + ".") for ok in ALLOWED_FROM_SEOFR)
    ]


def test_the_modules_were_found() -> None:
    assert len(MODULES) > 30
    assert "seofr_rules.helpers.serp" in MODULES


@pytest.mark.parametrize("module", sorted(RULE_MODULES))
def test_a_rule_module_defines_one_rule_named_after_it_in_its_category(module: str) -> None:
    rules = RULE_MODULES[module]
    assert len(rules) == 1, f"{module} defines {[r.__name__ for r in rules]}"
    rule = rules[0]
    expected = PACKAGE / rule.category / (rule.name.replace("-", "_") + ".py")
    assert MODULES[module] == expected, (
        f"{rule.name} (category {rule.category}) is in {MODULES[module].relative_to(PACKAGE)}"
    )


def test_every_builtin_rule_has_its_module_and_nothing_else_defines_rules() -> None:
    defined = {rule for rules in RULE_MODULES.values() for rule in rules}
    assert defined == set(seofr_rules.builtin_rules())
    assert len(seofr_rules.builtin_rules()) == 38
    assert not [m for m in RULE_MODULES if m.startswith("seofr_rules.helpers")]


def test_rule_base_classes_live_in_helpers() -> None:
    """A Rule subclass without a name (a base such as KeyphraseRule) is shared code."""
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value.__module__ == name
                and "name" not in vars(value)
            ):
                assert name.startswith("seofr_rules.helpers."), f"{value.__name__} in {name}"


def test_every_folder_is_a_package() -> None:
    for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir())]:
        if any(folder.glob("*.py")):
            assert (folder / "__init__.py").is_file(), folder


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_rule_module(module: str) -> None:
    if module == ENTRY_POINT:
        return
    source = MODULES[module].read_text(encoding="utf-8")
    assert rule_module_imports(module, source, set(RULE_MODULES)) == [], module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_only_the_plugin_api_and_french_analyses_are_imported_from_seofr(module: str) -> None:
    source = MODULES[module].read_text(encoding="utf-8")
    assert forbidden_seofr_imports(module, source) == [], module


def test_the_checks_catch_forbidden_imports() -> None:
    """The checks above would fail on a rule that imports what it must not."""
    rules = set(RULE_MODULES)
    module = "seofr_rules.metadata.title_length"
    assert rule_module_imports(module, "from seofr_rules.metadata import meta_description", rules)
    assert rule_module_imports(module, "from .meta_description import MetaDescription", rules)
    assert rule_module_imports(module, "from ..content.word_count import WordCount", rules)
    assert rule_module_imports(module, "from . import meta_description", rules)
    assert rule_module_imports(
        module, "def f():\n    import seofr_rules.content.word_count\n", rules
    )
    assert not rule_module_imports(module, "from seofr_rules.helpers.serp import truncate", rules)
    assert not rule_module_imports(module, "from ..helpers import serp", rules)
    assert forbidden_seofr_imports(module, "from seofr.document.model import Document")
    assert forbidden_seofr_imports(module, "def f():\n    from seofr import rule\n")
    assert forbidden_seofr_imports(module, "from seofr import Rule")
    assert not forbidden_seofr_imports(module, "from seofr.plugin import Rule")
    assert not forbidden_seofr_imports(module, "from seofr.french.normalize import fold")
    assert not forbidden_seofr_imports(module, "import seofrx")
