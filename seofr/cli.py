"""The ``seofr`` command: ``check``, ``fix``, ``rules`` and ``init``.

``seofr check [PATH…]`` and ``seofr fix [PATH…]`` take files, folders or ``-``;
without a path, the ``paths`` of the configuration, else the current folder.
Folders are searched as :mod:`seofr.collect` says (``exclude``, ``.gitignore``).

Exit status of ``check``: 0 when every document passes (or with
``--exit-zero``), 1 when one fails; of ``fix``: 0, or 1 with ``--check`` when a
file would change; of ``init``: 0. 2 for a usage, configuration or input error,
a folder holding no content file, or ``init`` refusing to overwrite (one line
on stderr, never a traceback). docs/cli.md describes every option.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from seofr.batch import Job, Progress, run_batch
from seofr.cache import ReportCache
from seofr.collect import MESSAGES as COLLECT_MESSAGES
from seofr.collect import Collection, Selection, collect, configured_paths, selection
from seofr.config import Layer
from seofr.document.decode import decode
from seofr.errors import InputError, SeofrError
from seofr.fixer import Fixer
from seofr.formatters import FORMATS, Batch, get_formatter
from seofr.formatters.common import at_least
from seofr.i18n import LANGS, Lang
from seofr.messages import FIX_MESSAGES
from seofr.registry import PluginWarning, registry
from seofr.report import InputFailure, Report
from seofr.session import Item, Session, arguments_layer, read_item
from seofr.settings import Config, Place, Settings, cli_flag, field_type
from seofr.verdicts import Severity

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

COLORS = ("auto", "always", "never")
SEVERITIES = tuple(str(s) for s in (Severity.INFO, Severity.WARNING, Severity.ERROR))
# Settings that choose the files, not how a document is checked: the search reads
# them, the analysis (and the report cache's key) never sees them.
COLLECTION_SETTINGS = ("exclude", "extend_exclude", "respect_gitignore", "force_exclude")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"seofr: {message}\n")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


_PATHS_HELP = (
    "files, folders, or - for stdin (default: `paths` of the configuration, else the current"
    " folder)"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``seofr`` command."""
    from seofr import __version__

    parser = _Parser(
        prog="seofr",
        description="SEO and readability checks for French web content.",
    )
    parser.add_argument("--version", action="version", version=f"seofr {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check documents and print their reports")
    check.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP)
    _add_setting_flags(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="output format")
    check.add_argument(
        "-o", "--output-file", metavar="FILE", help="write the report to FILE, not to stdout"
    )
    _add_input_flags(check)
    check.add_argument("--original", help="the original the checked article rewrites")
    check.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes for many documents"
    )
    check.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    check.add_argument("--cache-dir", help="where reports are cached (default .seofr_cache)")
    check.add_argument(
        "-e",
        "--exit-zero",
        action="store_true",
        help="exit 0 even when a document fails (errors still exit 2)",
    )
    check.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default=str(Severity.INFO),
        help="show only the findings of this severity or above (the verdicts do not change)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule made, instead of the reports (text or json)",
    )
    check.add_argument(
        "--color",
        choices=COLORS,
        default="auto",
        help="colours of the text report: auto is on a terminal, unless NO_COLOR is set"
        " or FORCE_COLOR forces them",
    )

    fix = commands.add_parser(
        "fix", help="apply the safe fixes of the findings to the files, in place"
    )
    fix.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP)
    _add_setting_flags(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")
    fix.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    fix.add_argument(
        "--unsafe", action="store_true", help="also apply fixes that need a writer's eye"
    )
    _add_input_flags(fix)

    rules = commands.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument(
        "name", nargs="?", help="a rule's name or code (explained), a category or a code prefix"
    )
    rules.add_argument("--lang", choices=LANGS, default="fr", help="language of the text")

    init = commands.add_parser(
        "init",
        help="write a commented configuration ([tool.seofr] of pyproject.toml, else"
        " seofr.toml) and print the pre-commit hook",
    )
    init.add_argument("--lang", choices=LANGS, default="fr", help="language of the comments")
    return parser


def _add_setting_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per setting of the model that the command line may set."""
    for f, spec in Settings.at(Place.CLI):
        flags = [spec.alias, cli_flag(f.name)] if spec.alias else [cli_flag(f.name)]
        tp = field_type(f.name)
        kinds: dict[str, Any] = {"dest": f.name, "default": None, "help": spec.doc.en}
        if spec.cli_style == "switch":
            kinds["action"] = argparse.BooleanOptionalAction
        elif spec.cli_style == "repeat":
            kinds["action"] = "append"
        elif spec.cli_style == "csv":
            kinds["type"] = _csv
        elif tp in (int, float):
            kinds["type"] = tp
        if spec.choices:
            kinds["choices"] = spec.choices
        if spec.metavar and spec.cli_style != "switch":
            kinds["metavar"] = spec.metavar
        parser.add_argument(*flags, **kinds)


def _add_input_flags(parser: argparse.ArgumentParser) -> None:
    """What ``check`` and ``fix`` share about their inputs and what they print."""
    parser.add_argument("--config", help="configuration file to use instead of searching")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the path standard input stands for: its format, its configuration, its name"
        " in the report (implies - when no path is given)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only what needs fixing: no statistics, summary or progress",
    )


def _read_stdin(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"-: more than the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _arguments(args: argparse.Namespace) -> tuple[Session, Layer, str | bool, Config]:
    """The session, the settings given on the command line, where configuration comes
    from, and the configuration of the current folder (for messages before any document)."""
    given = {
        f.name: getattr(args, f.name)
        for f, _ in Settings.at(Place.CLI)
        if f.name not in COLLECTION_SETTINGS
    }
    arguments = arguments_layer(given, Place.CLI)
    # standard input has no folder: search the configuration from the current one
    config: str | bool = False if args.no_config else (args.config or True)
    session = Session()
    # a wrong setting stops the run once, here, rather than failing every document
    resolved = session.check_arguments(arguments, config)
    return session, arguments, config, resolved


def _project_layer(session: Session, config: str | bool, start: Path) -> Layer | None:
    """The project configuration that governs ``start``, as documents there will find it."""
    if config is False:
        return None
    if config is True:
        return session.files.find_project_layer(start)
    return session.files.layer_from_file(Path(config))


def _collect(args: argparse.Namespace, session: Session, config: str | bool) -> Collection:
    """The files to check: the paths given, else the configured ones, searched."""
    cwd = Path.cwd().resolve()
    given = {name: getattr(args, name) for name in COLLECTION_SETTINGS}
    chosen: dict[str, Selection] = {}

    def selection_for(path: Path) -> Selection:
        # a folder is searched with the exclusions of the configuration it falls under
        project = _project_layer(session, config, path)
        key = project.origin if project is not None else ""
        if key not in chosen:
            chosen[key] = selection(project, given, cwd)
        return chosen[key]

    paths = list(args.paths)
    if not paths:
        paths = (
            ["-"]
            if args.stdin_filename
            else configured_paths(_project_layer(session, config, cwd), cwd)
        )
    return collect(paths, selection_for)


def _collection_problems(collection: Collection, lang: Lang, quiet: bool) -> list[InputFailure]:
    """Folders without content as input failures; Git's problems said on stderr."""
    if not quiet:
        for folder, detail in collection.git_problems:
            key = "git-missing" if detail is None else "git-failed"
            message = COLLECT_MESSAGES[key].render(lang, {"path": folder, "detail": detail or ""})
            print(f"seofr: {message}", file=sys.stderr)
    return [InputFailure(empty.path, empty.message(lang)) for empty in collection.empty]


def use_color(choice: str, stream: TextIO) -> bool:
    """Whether to colour ``stream``: ``--color always|never``, else NO_COLOR, FORCE_COLOR, a tty.

    NO_COLOR (no-color.org) and FORCE_COLOR (force-color.org) count when set to
    anything but an empty string; when both are set, NO_COLOR wins.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def _fix(args: argparse.Namespace, out: TextIO) -> int:
    session, arguments, config, resolved = _arguments(args)
    lang: Lang = args.lang or resolved.settings.lang
    quiet: bool = args.quiet

    def say(message: str) -> None:
        if not quiet:
            print(message, file=sys.stderr)

    collection = _collect(args, session, config)
    problems = _collection_problems(collection, lang, quiet)
    for problem in problems:
        print(f"seofr: {problem.text(lang)}", file=sys.stderr)
    fixer = Fixer(session, arguments, config, unsafe=args.unsafe)
    write = not (args.diff or args.check)
    max_bytes: int = args.max_bytes or Settings().max_bytes
    fixes = files = remaining = held_back = 0
    failed = bool(problems)
    for name in collection.files:
        try:
            if name == "-":
                data = _read_stdin(max_bytes)
                result = fixer.text(decode(data).text, args.stdin_filename)
                if not args.diff and not args.check:
                    out.write(result.fixed)
                    continue
            else:
                result = fixer.file(name, write=write).result
        except SeofrError as exc:
            print(f"seofr: {InputFailure.of(name, exc).text(lang)}", file=sys.stderr)
            failed = True
            continue
        remaining += len(result.remaining)
        held_back += sum(not e.safe for f in result.remaining for e in f.edits)
        if not result.changed:
            continue
        fixes, files = fixes + len(result.applied), files + 1
        shown = args.stdin_filename if name == "-" and args.stdin_filename else name
        if args.diff:
            out.writelines(
                difflib.unified_diff(
                    result.original.splitlines(keepends=True),
                    result.fixed.splitlines(keepends=True),
                    f"a/{shown}",
                    f"b/{shown}",
                )
            )
        key = "fixed" if write else "would-fix"
        say(FIX_MESSAGES[key].render(lang, {"path": shown, "count": len(result.applied)}))
    summary = (
        FIX_MESSAGES["summary"].render(
            lang, {"count": fixes, "files": files, "remaining": remaining}
        )
        if files
        else FIX_MESSAGES["nothing"].render(lang)
    )
    say(summary)
    if held_back and not args.unsafe:
        say(FIX_MESSAGES["unsafe-hint"].render(lang, {"count": held_back}))
    if failed:
        return EXIT_ERROR
    return EXIT_FAILED if args.check and files else EXIT_OK


def _analyze(
    args: argparse.Namespace,
    names: Sequence[str],
    session: Session,
    arguments: Layer,
    config: str | bool,
) -> list[Report | InputFailure]:
    """Every input's report (from the cache when it holds one), in input order."""
    max_bytes: int = args.max_bytes or Settings().max_bytes
    cache = None
    if not args.no_cache:
        folder = Path(args.cache_dir) if args.cache_dir else None
        cache = ReportCache(session.registry, session.files, folder)
    results: list[Report | InputFailure | None] = [None] * len(names)
    pending: list[tuple[int, Item, str | None]] = []
    for index, name in enumerate(names):
        try:
            item = (
                Item(args.stdin_filename or "-", args.stdin_filename, _read_stdin(max_bytes))
                if name == "-"
                else read_item(Path(name), index, max_bytes)
            )
        except SeofrError as exc:
            results[index] = InputFailure.of(name, exc)
            continue
        key = None
        if cache is not None:
            project = session.project_layers(item.path, config)
            assert isinstance(item.content, bytes)
            key = cache.key(
                item.content,
                item.path,
                arguments.values,
                project[0].file if project else None,
                args.original,
            )
            hit = cache.load(key, item.path)
            if hit is not None:
                results[index] = hit
                continue
        pending.append((index, item, key))
    if pending:
        original = read_item(Path(args.original), 0, max_bytes) if args.original else None
        bar = Progress(len(pending), enabled=False if args.quiet else None)
        try:
            done = run_batch(
                [item for _, item, _ in pending],
                Job(arguments, config, original),
                processes=args.jobs,
                on_done=bar.advance,
                session=session,
                preload=True,
            )
        finally:
            bar.close()
        for (index, _, key), result in zip(pending, done, strict=True):
            results[index] = result
            if cache is not None and key is not None and isinstance(result, Report):
                cache.store(key, result, map(Path, result.config_files))
    return [result for result in results if result is not None]


def _write_output(args: argparse.Namespace, out: TextIO, render: Callable[[TextIO], str]) -> None:
    """The report to ``--output-file`` or ``out``; ``render(stream)`` writes it as text."""
    if not args.output_file:
        out.write(render(out))
        return
    target = Path(args.output_file)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as stream:
            stream.write(render(stream))
    except OSError as exc:
        raise SeofrError(f"{target}: cannot be written ({exc.strerror or exc})") from None


def _check(args: argparse.Namespace, out: TextIO) -> int:
    if args.statistics and args.format not in ("text", "json"):
        raise SeofrError("--statistics prints text or json, not --format " + args.format)
    session, arguments, config, resolved = _arguments(args)
    collection = _collect(args, session, config)
    early: Lang = args.lang or resolved.settings.lang
    problems = _collection_problems(collection, early, args.quiet)
    results = _analyze(args, collection.files, session, arguments, config)
    minimum = Severity(args.min_severity)
    reports = [at_least(r, minimum) for r in results if isinstance(r, Report)]
    failures = [*problems, *(r for r in results if isinstance(r, InputFailure))]
    lang: Lang = args.lang or (reports[0].lang if reports else early)
    for failure in failures:
        print(f"seofr: {failure.text(lang)}", file=sys.stderr)
    batch = Batch(reports, failures)

    def render(stream: TextIO) -> str:
        if args.statistics:
            from seofr.formatters.statistics import format_statistics, statistics_json

            return (
                statistics_json(batch) if args.format == "json" else format_statistics(batch, lang)
            )
        if args.format == "text":
            from seofr.formatters.text import format_text

            return format_text(batch, lang, use_color(args.color, stream), quiet=args.quiet)
        return get_formatter(args.format)(batch, lang, False)

    _write_output(args, out, render)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        _append_job_summary(Path(summary_file), batch, lang)
    if failures:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_OK if all(r.passed for r in reports) else EXIT_FAILED


def _append_job_summary(path: Path, batch: Batch, lang: Lang) -> None:
    """Append the run's Markdown to the step summary, as GitHub asks (the file is shared)."""
    from seofr.formatters.github import SUMMARY_BYTES, job_summary

    try:
        used = path.stat().st_size
    except OSError:
        used = 0
    # a blank line first, so that the table never runs on from what other tools wrote
    lead = "\n" if used else ""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(lead + job_summary(batch, lang, max(SUMMARY_BYTES - used - len(lead), 0)))


def _init(args: argparse.Namespace, out: TextIO) -> int:
    from seofr.init import MESSAGES, InitError, init, pre_commit_snippet

    lang: Lang = args.lang
    try:
        written = init(Path(), lang)
    except InitError as refused:
        print(f"seofr: {refused.text(lang)}", file=sys.stderr)
        return EXIT_ERROR
    out.write(f"{written.text(lang)}\n\n{MESSAGES['pre-commit'].render(lang)}\n\n")
    out.write(pre_commit_snippet(lang))
    out.write(f"\n{MESSAGES['next'].render(lang)}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    # the command prints plugin problems itself, once, instead of Python warnings
    warnings.simplefilter("ignore", PluginWarning)
    try:
        for problem in registry().load_errors:
            print(f"seofr: warning: {problem}", file=sys.stderr)
        if args.command == "rules":
            from seofr.ruledoc import describe, list_rules

            out.write(describe(args.name, args.lang) if args.name else list_rules(args.lang))
            return EXIT_OK
        if args.command == "init":
            return _init(args, out)
        return _fix(args, out) if args.command == "fix" else _check(args, out)
    except SeofrError as exc:
        print(f"seofr: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (seofr check … | head): nothing left to say
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
