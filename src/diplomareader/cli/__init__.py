"""The ``diplomareader`` command line: run (default), ingest, parse, search, bookmarks."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Final

from diplomareader import __version__

SUBCOMMANDS: Final = ("run", "ingest", "parse", "search", "bookmarks")
"""Each name is a module of this package with ``add_parser(subparsers)`` and ``main(args)``."""


def printable(text: str) -> str:
    """``text`` on one terminal line: control characters (a newline in a file name) and
    undecodable bytes shown as escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="diplomareader",
        description="A keyboard-driven terminal reader for diplomatic statements and news.",
    )
    parser.add_argument("--version", action="version", version=f"diplomareader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"diplomareader.cli.{name}")
        except ModuleNotFoundError as error:
            # A subcommand whose optional part is not installed is left out, not fatal.
            if error.name != f"diplomareader.cli.{name}":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse arguments and run the chosen subcommand (``run`` by default)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("-") and args_list[0] not in {"-h", "--help", "--version"}
    ):
        args_list.insert(0, "run")
    for stream in (sys.stdout, sys.stderr):
        # A file name with bytes that are not UTF-8 must not crash printing (strict locales);
        # "\udcff" is also the JSON escape of the same character, so JSON Lines stay exact.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(args_list)
    module = importlib.import_module(f"diplomareader.cli.{args.command}")
    try:
        return int(module.main(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
