"""The ``seofr`` command: ``seofr check PATH…``, ``seofr fix PATH…`` and ``seofr rules [NAME]``.

Exit status of ``check``: 0 when every document passes, 1 when one fails; of
``fix``: 0, or 1 with ``--check`` when a file would change. 2 for a usage,
configuration or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from seofr.batch import Job, Progress, run_batch
from seofr.cache import ReportCache
from seofr.config import Layer
from seofr.document import EXTENSIONS
from seofr.document.decode import decode
from seofr.errors import InputError, SeofrError
from seofr.fixer import Fixer
from seofr.formatters import FORMATS, Batch, get_formatter
from seofr.i18n import LANGS, Lang
from seofr.messages import FIX_MESSAGES
from seofr.registry import PluginWarning, registry
from seofr.report import InputFailure, Report
from seofr.session import Item, Session, arguments_layer, read_item
from seofr.settings import Place, Settings, cli_flag, field_type

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"seofr: {message}\n")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


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
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    _add_setting_flags(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="output format")
    check.add_argument("--config", help="configuration file to use instead of searching")
    check.add_argument("--no-config", action="store_true", help="ignore configuration files")
    check.add_argument("--original", help="the original the checked article rewrites")
    check.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes for many documents"
    )
    check.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    check.add_argument("--cache-dir", help="where reports are cached (default .seofr_cache)")

    fix = commands.add_parser(
        "fix", help="apply the safe fixes of the findings to the files, in place"
    )
    fix.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    _add_setting_flags(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")
    fix.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    fix.add_argument(
        "--unsafe", action="store_true", help="also apply fixes that need a writer's eye"
    )
    fix.add_argument("--config", help="configuration file to use instead of searching")
    fix.add_argument("--no-config", action="store_true", help="ignore configuration files")

    rules = commands.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("name", nargs="?", help="a rule name or code")
    rules.add_argument("--lang", choices=LANGS, default="fr", help="language of the text")
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


def iter_inputs(paths: Sequence[str]) -> Iterator[str]:
    """Files to check: the given files, and the supported files under given folders."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from (str(p) for p in found)
        else:
            yield raw


def _read_stdin(max_bytes: int) -> bytes:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"-: more than the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _arguments(args: argparse.Namespace) -> tuple[Session, Layer, str | bool]:
    """The session, the settings given on the command line, and where configuration comes from."""
    given = {f.name: getattr(args, f.name) for f, _ in Settings.at(Place.CLI)}
    arguments = arguments_layer(given, Place.CLI)
    # standard input has no folder: search the configuration from the current one
    config: str | bool = False if args.no_config else (args.config or True)
    session = Session()
    # a wrong setting stops the run once, here, rather than failing every document
    session.check_arguments(arguments, config)
    return session, arguments, config


def _fix(args: argparse.Namespace, out: TextIO) -> int:
    session, arguments, config = _arguments(args)
    fixer = Fixer(session, arguments, config, unsafe=args.unsafe)
    lang: Lang = args.lang or "fr"
    write = not (args.diff or args.check)
    max_bytes: int = args.max_bytes or Settings().max_bytes
    fixes = files = remaining = held_back = 0
    failed = False
    for name in dict.fromkeys(iter_inputs(args.paths)):
        try:
            if name == "-":
                data = _read_stdin(max_bytes)
                result = fixer.text(decode(data).text)
                if not args.diff and not args.check:
                    out.write(result.fixed)
                    continue
            else:
                result = fixer.file(name, write=write).result
        except SeofrError as exc:
            print(f"seofr: {exc}", file=sys.stderr)
            failed = True
            continue
        remaining += len(result.remaining)
        held_back += sum(not e.safe for f in result.remaining for e in f.edits)
        if not result.changed:
            continue
        fixes, files = fixes + len(result.applied), files + 1
        if args.diff:
            out.writelines(
                difflib.unified_diff(
                    result.original.splitlines(keepends=True),
                    result.fixed.splitlines(keepends=True),
                    f"a/{name}",
                    f"b/{name}",
                )
            )
        key = "fixed" if write else "would-fix"
        print(
            FIX_MESSAGES[key].render(lang, {"path": name, "count": len(result.applied)}),
            file=sys.stderr,
        )
    summary = (
        FIX_MESSAGES["summary"].render(
            lang, {"count": fixes, "files": files, "remaining": remaining}
        )
        if files
        else FIX_MESSAGES["nothing"].render(lang)
    )
    print(summary, file=sys.stderr)
    if held_back and not args.unsafe:
        print(FIX_MESSAGES["unsafe-hint"].render(lang, {"count": held_back}), file=sys.stderr)
    if failed:
        return EXIT_ERROR
    return EXIT_FAILED if args.check and files else EXIT_OK


def _check(args: argparse.Namespace, out: TextIO) -> int:
    session, arguments, config = _arguments(args)
    max_bytes: int = args.max_bytes or Settings().max_bytes
    cache = None
    if not args.no_cache:
        folder = Path(args.cache_dir) if args.cache_dir else None
        cache = ReportCache(session.registry, session.files, folder)
    names = list(dict.fromkeys(iter_inputs(args.paths)))
    results: list[Report | InputFailure | None] = [None] * len(names)
    pending: list[tuple[int, Item, str | None]] = []
    for index, name in enumerate(names):
        try:
            item = (
                Item("-", None, _read_stdin(max_bytes))
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
        bar = Progress(len(pending))
        try:
            done = run_batch(
                [item for _, item, _ in pending],
                Job(arguments, config, original),
                processes=args.jobs,
                on_done=bar.advance,
                session=session,
            )
        finally:
            bar.close()
        for (index, _, key), result in zip(pending, done, strict=True):
            results[index] = result
            if cache is not None and key is not None and isinstance(result, Report):
                cache.store(key, result, map(Path, result.config_files))
    reports = [r for r in results if isinstance(r, Report)]
    failures = [r for r in results if isinstance(r, InputFailure)]
    lang: Lang = args.lang or (reports[0].lang if reports else "fr")
    for failure in failures:
        print(f"seofr: {failure.text(lang)}", file=sys.stderr)
    formatter = get_formatter(args.format)
    color = args.format == "text" and out.isatty() and "NO_COLOR" not in os.environ
    out.write(formatter(Batch(reports, failures), lang, color))
    if failures:
        return EXIT_ERROR
    return EXIT_OK if all(r.passed for r in reports) else EXIT_FAILED


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
            from seofr.ruledoc import explain_rule, list_rules

            out.write(explain_rule(args.name, args.lang) if args.name else list_rules(args.lang))
            return EXIT_OK
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
