"""The ``seofr`` command: ``seofr check PATH…`` and ``seofr rules [NAME]``.

Exit status: 0 when every document passes, 1 when one fails, 2 for a usage,
configuration or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from seofr.batch import Progress, run_batch
from seofr.cache import ReportCache
from seofr.document import DEFAULT_MAX_BYTES, EXTENSIONS, Document, Format, read_bytes
from seofr.engine import Engine, Options
from seofr.errors import InputError, SeofrError
from seofr.formatters import FORMATS, Batch, InputFailure, get_formatter
from seofr.i18n import LANGS, Lang
from seofr.registry import PluginWarning, registry
from seofr.report import Report

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
    check.add_argument(
        "-k", "--keyword", action="append", default=[], help="focus keyphrase (repeatable)"
    )
    check.add_argument(
        "--synonym", action="append", default=[], help="synonym of the keyphrase (repeatable)"
    )
    check.add_argument("--profile", help="profile name (article, page) or a .toml file")
    check.add_argument(
        "--select", type=_csv, help="only these rules: names, codes or code prefixes"
    )
    check.add_argument("--ignore", type=_csv, default=[], help="rules to leave out")
    check.add_argument("--fail-under", type=float, help="minimum score to pass (0-100)")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format")
    check.add_argument("--lang", choices=LANGS, help="language of messages (default fr)")
    check.add_argument("--config", help="configuration file to use instead of searching")
    check.add_argument("--no-config", action="store_true", help="ignore configuration files")
    check.add_argument(
        "--input-format", choices=("html", "markdown", "text"), help="format of stdin input"
    )
    check.add_argument("--original", help="the original the checked article rewrites")
    check.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes for many documents"
    )
    check.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest input accepted, in bytes (default 20 MB)",
    )
    check.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    check.add_argument("--cache-dir", help="where reports are cached (default .seofr_cache)")

    rules = commands.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("name", nargs="?", help="a rule name or code")
    rules.add_argument("--lang", choices=LANGS, default="fr", help="language of the text")
    return parser


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


def _check(args: argparse.Namespace, out: TextIO) -> int:
    config: str | bool | None = False if args.no_config else args.config
    options = Options(
        keyword=tuple(args.keyword),
        synonyms=tuple(args.synonym),
        profile=args.profile,
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore),
        fail_under=args.fail_under,
        lang=args.lang,
        # standard input has no folder: search the configuration from the current one
        config=True if config is None else config,
        input_format=args.input_format,
        max_bytes=args.max_bytes,
    )
    # a wrong option stops the run once, here, rather than failing every document
    Engine().settings_for(Document("", Format.TEXT), options)
    cache = None
    if not args.no_cache:
        cache = ReportCache(registry(), Path(args.cache_dir) if args.cache_dir else None)
    names = list(iter_inputs(args.paths))
    results: list[Report | InputFailure | None] = [None] * len(names)
    pending: list[tuple[int, bytes | Path, str | None]] = []
    for index, name in enumerate(names):
        try:
            content = (
                _read_stdin(options.max_bytes)
                if name == "-"
                else read_bytes(name, options.max_bytes)
            )
        except InputError as exc:
            results[index] = InputFailure(name, str(exc))
            continue
        path = None if name == "-" else name
        key = cache.key(content, path, options, args.original) if cache else None
        hit = cache.load(key, path) if cache and key else None
        if hit is not None:
            results[index] = hit
        else:
            pending.append((index, content if path is None else Path(path), key))
    if pending:
        bar = Progress(len(pending))
        try:
            done = run_batch(
                [source for _, source, _ in pending],
                options,
                processes=args.jobs,
                original=args.original,
                on_done=bar.advance,
            )
        finally:
            bar.close()
        for (index, _, key), result in zip(pending, done, strict=True):
            results[index] = result
            if cache and key and isinstance(result, Report):
                cache.store(key, result)
    reports = [r for r in results if isinstance(r, Report)]
    failures = [r for r in results if isinstance(r, InputFailure)]
    for failure in failures:
        print(f"seofr: {failure.message}", file=sys.stderr)
    lang: Lang = args.lang or (reports[0].lang if reports else "fr")  # type: ignore[assignment]
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
        return _check(args, out)
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
