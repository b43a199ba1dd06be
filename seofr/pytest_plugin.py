"""pytest plugin: check French content with seofr as part of a test run.

Installed with seofr (entry point ``pytest11``), it does nothing until asked:
importing it loads neither spaCy nor the rules.

Content files as tests
----------------------

``pytest --seofr`` collects every content file (``.md``, ``.markdown``,
``.html``, ``.htm``, ``.xhtml``, ``.txt``… see ``seofr.document.EXTENSIONS``)
as one test, named by its path relative to the rootdir, next to the usual
tests. A file fails when its document does not pass, as ``seofr check`` judges
it: the failure is the command line's report, rule by rule, with
``file:line:column``, message and fix. An unreadable file or a wrong setting
fails its test with the one-line error::

    pytest --seofr                      # the configured paths (below)
    pytest --seofr content/blog         # only these files and folders
    pytest --seofr -k velo              # select by file name
    pytest --seofr -m seofr             # only the content checks
    pytest --seofr -n 4                 # in parallel, with pytest-xdist

Which files: positional arguments when given (every content file under
them); otherwise the ``seofr_paths`` ini option, else ``paths`` in
``[tool.seofr]`` (``pyproject.toml`` or ``seofr.toml``, the one seofr finds
from the rootdir upwards) — only content files under those paths are
collected, the rest of the run (``testpaths``…) is unchanged. Without any of
them, every content file pytest visits is checked. Without ``--seofr``,
content files are never collected.

Each document is analysed with the project's seofr configuration, as by the
command line; the settings the model marks for pytest override it, each as an
option ``--seofr-<key>`` and an ini key ``seofr_<name>`` (today ``profile``,
``fail-under`` and ``lang``: see ``docs/configuration.md``). ``seofr_paths``
lists the content to check, one path per line.

For example, in ``pyproject.toml``::

    [tool.seofr]
    paths = ["content"]
    select = ["word-count", "heading-hierarchy", "title-length"]

Reports in your own tests
-------------------------

The session fixture ``seofr_analyze`` is :func:`seofr.analyze` (same
arguments, a :class:`~seofr.Report` back) over the plugin's one
:class:`seofr.Session`, sharing one spaCy pipeline per process (per worker under xdist); :func:`seofr.testing.assert_passes`
fails with the command line's report::

    from seofr.testing import assert_passes

    def test_landing_page(seofr_analyze):
        report = seofr_analyze("site/index.html", keyword="vélo électrique")
        assert_passes(report, min_score=80)
        assert_passes(report, rules=["title-length", "meta-description"])
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle

    from seofr.collect import Selection
    from seofr.config import Layer
    from seofr.report import Report
    from seofr.session import Session

_MARKER = "seofr: a content file checked by seofr (pytest --seofr)"


@dataclasses.dataclass(frozen=True)
class _Settings:
    """What ``--seofr`` and the ini options ask for, decided once per process."""

    roots: tuple[Path, ...]  # resolved; collect only under these, or anywhere when empty
    given: dict[str, Any]  # settings of the model given as options or ini keys
    selection: Selection  # exclude, extend-exclude and respect-gitignore of [tool.seofr]
    # per folder, the content files Git ignores there (filled as pytest walks)
    ignored: dict[Path, frozenset[str]] = dataclasses.field(default_factory=dict)


_SETTINGS = pytest.StashKey[_Settings]()
_SESSION = pytest.StashKey["Session"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``--seofr`` flag, and an option and an ini key per setting the model marks for pytest."""
    from seofr.settings import Place, Settings, field_type, pytest_flag

    group = parser.getgroup("seofr", "seofr: SEO and readability of French content")
    group.addoption(
        "--seofr",
        action="store_true",
        default=False,
        help="check content files (Markdown, HTML, text) with seofr, one test per file",
    )
    for f, spec in Settings.at(Place.PYTEST):
        tp = field_type(f.name)
        group.addoption(
            pytest_flag(f.name),
            dest=f"seofr_{f.name}",
            metavar=spec.metavar,
            type=tp if tp in (int, float) else None,
            choices=spec.choices or None,
            default=None,
            help=f"{spec.doc.en} (ini: seofr_{f.name})",
        )
        # a string, checked against the model: ini types differ across pytest versions
        parser.addini(f"seofr_{f.name}", type="string", default="", help=spec.doc.en)
    parser.addini(
        "seofr_paths",
        type="linelist",
        default=[],
        help="content files and folders pytest --seofr checks, relative to the rootdir",
    )


def _given(config: pytest.Config) -> dict[str, Any]:
    """The settings given as options (first) or ini keys, checked against the model."""
    import tomllib

    from seofr.errors import ConfigError
    from seofr.settings import Place, Settings, check_value, field_type

    given: dict[str, Any] = {}
    for f, _ in Settings.at(Place.PYTEST):
        value = config.getoption(f"seofr_{f.name}")
        if value is None:
            text = str(config.getini(f"seofr_{f.name}")).strip()
            if not text:
                continue
            value = text
            if field_type(f.name) in (int, float):
                try:
                    value = tomllib.loads(f"v = {text}")["v"]
                except tomllib.TOMLDecodeError:
                    raise pytest.UsageError(
                        f"seofr_{f.name}: expected a number, got {text!r}"
                    ) from None
        try:
            given[f.name] = check_value(f.name, value, f"seofr_{f.name}")
        except ConfigError as exc:
            raise pytest.UsageError(str(exc)) from None
    return given


def _project_layer(config: pytest.Config) -> Layer | None:
    """The ``[tool.seofr]`` (or ``seofr.toml``) layer above the rootdir, if any."""
    # only now, and only with --seofr, is seofr's own configuration read
    from seofr.config import ConfigFiles
    from seofr.errors import ConfigError

    try:
        return ConfigFiles().find_project_layer(config.rootpath)
    except ConfigError as exc:
        raise pytest.UsageError(str(exc)) from None


def _configured_paths(config: pytest.Config, layer: Layer | None) -> tuple[list[Path], str]:
    """The content paths from the ini option, else from ``[tool.seofr]``, and their origin."""
    lines = [line for line in config.getini("seofr_paths") if line.strip()]
    if lines:
        return [config.rootpath / line.strip() for line in lines], "seofr_paths"
    if layer is None or "paths" not in layer.values:
        return [], ""
    value = layer.values["paths"]
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise pytest.UsageError(f"{layer.origin}: paths: expected a list of strings")
    base = layer.root or config.rootpath
    return [base / v for v in values if v.strip()], f"{layer.origin}: paths"


def _absolute(path: Path) -> Path:
    # as pytest makes its paths absolute: no symlink resolved, so node ids match
    return Path(os.path.abspath(path))


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker; with ``--seofr``, decide what to collect."""
    config.addinivalue_line("markers", _MARKER)
    if not config.getoption("seofr"):
        return
    from seofr.collect import selection
    from seofr.errors import ConfigError

    layer = _project_layer(config)
    try:
        chosen = selection(layer, {}, config.rootpath)
    except ConfigError as exc:
        raise pytest.UsageError(str(exc)) from None
    roots: tuple[Path, ...] = ()
    # Explicit arguments are what to check; only pytest's default (testpaths or
    # the invocation directory) gets the configured content added to it. Under
    # xdist every worker re-parses the same command line, so it decides alike.
    if config.args_source is not pytest.Config.ArgsSource.ARGS:
        paths, origin = _configured_paths(config, layer)
        for path in paths:
            if not path.exists():
                raise pytest.UsageError(f"{origin}: {path} does not exist")
        roots = tuple(path.resolve() for path in paths)
        # pytest resolves its arguments against the invocation directory
        visited = [_absolute(config.invocation_params.dir / arg) for arg in config.args]
        for path in map(_absolute, paths):
            # a path already under an argument would otherwise be collected twice
            if not any(path.is_relative_to(arg) for arg in visited):
                config.args.append(str(path))
    config.stash[_SETTINGS] = _Settings(roots=roots, given=_given(config), selection=chosen)


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say what ``--seofr`` checks, so a run with no content item is explained."""
    settings = config.stash.get(_SETTINGS, None)
    if settings is None:
        return None
    where = ", ".join(_display_name(root, config.rootpath) for root in settings.roots)
    return f"seofr: content under {where or 'the collected paths'}"


@functools.cache
def _extensions() -> frozenset[str]:
    from seofr.document import EXTENSIONS

    return frozenset(EXTENSIONS)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> SeofrFile | None:
    """A :class:`SeofrFile` for each content file, with ``--seofr`` only."""
    settings = parent.config.stash.get(_SETTINGS, None)
    if settings is None or file_path.suffix.lower() not in _extensions():
        return None
    real = file_path.resolve()
    if settings.roots and not any(real.is_relative_to(root) for root in settings.roots):
        return None
    if _left_out(settings, file_path, real):
        return None
    return SeofrFile.from_parent(parent, path=file_path)


def _left_out(settings: _Settings, path: Path, real: Path) -> bool:
    """Whether ``exclude``/``extend-exclude`` or ``.gitignore`` leave the file out,
    as they do for ``seofr check`` (docs/cli.md)."""
    if any(settings.selection.excludes(str(p)) for p in (real, *real.parents)):
        return True
    if not settings.selection.respect_gitignore:
        return False
    folder = path.parent
    if folder not in settings.ignored:
        from seofr.collect import ignored_files

        names = [p.name for p in folder.iterdir() if p.suffix.lower() in _extensions()]
        settings.ignored[folder] = ignored_files(folder, names)
    return path.name in settings.ignored[folder]


def _display_name(path: Path, rootpath: Path) -> str:
    try:
        return path.relative_to(rootpath).as_posix()
    except ValueError:  # a file outside the rootdir, given on the command line
        return path.as_posix()


class SeofrFile(pytest.File):
    """A content file: one :class:`SeofrItem`."""

    def collect(self) -> Iterator[SeofrItem]:
        """The file's only test, named by its path relative to the rootdir."""
        item = SeofrItem.from_parent(self, name=_display_name(self.path, self.config.rootpath))
        item.add_marker("seofr")  # pytest -m seofr / -m "not seofr"
        yield item


class DocumentFailedError(Exception):
    """A document that does not pass; the message is the command line's report."""


class SeofrItem(pytest.Item):
    """Checks one content file; fails when its document does not pass.

    The item holds only its path: the engine is built where the test runs,
    so xdist workers collect it without shipping any state.
    """

    def runtest(self) -> None:
        """Analyse the file; raise :class:`DocumentFailedError` with the report if it fails."""
        from seofr.formatters.text import format_report

        settings = self.config.stash[_SETTINGS]
        report = _session(self.config).analyze(self.path, **settings.given)
        # the absolute path is read (configuration is found from it); the
        # rootdir-relative name is shown, like pytest's own locations
        report = dataclasses.replace(report, path=self.name)
        text = format_report(report, report.lang, color=False)
        if not report.passed:
            raise DocumentFailedError(text)
        # warnings of a passing file stay available (pytest -rP)
        self.add_report_section("call", "seofr", text)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: TracebackStyle | None = None,
    ) -> str | TerminalRepr:
        """The report for a failing document, the message for a seofr error."""
        if isinstance(excinfo.value, DocumentFailedError):
            return str(excinfo.value)
        from seofr.errors import SeofrError

        if isinstance(excinfo.value, SeofrError):  # InputError, ConfigError
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """The content file, without a line: the report gives the lines.

        The third part heads the failure. It must not end the node id: pytest
        would show it in ``-v`` with its dots turned into ``::`` (as for a
        dotted Python name), ``content/article::md``.
        """
        return self.path, None, f"{self.name} (seofr)"


def _session(config: pytest.Config) -> Session:
    """The one session of this pytest process (of this xdist worker), made on first use."""
    session = config.stash.get(_SESSION, None)
    if session is None:
        from seofr.session import Session

        session = config.stash[_SESSION] = Session()
    return session


@pytest.fixture(scope="session")
def seofr_analyze(pytestconfig: pytest.Config) -> Callable[..., Report]:
    """:func:`seofr.analyze` over the plugin's session: ``(source, **keywords) -> Report``.

    Every test of the pytest session (of the xdist worker) shares one
    :class:`seofr.Session`, hence one spaCy pipeline, loaded on first use; an
    edited configuration file is read again at the next analysis.
    """
    return _session(pytestconfig).analyze
