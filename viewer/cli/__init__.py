"""The `report-viewer` entry point: routes a command line to the desktop app, a verb, --where or --self-test."""

from __future__ import annotations

import sqlite3
import sys
from typing import Sequence

from viewer.cli.args import UsageError, build_parser, first_word, language_of
from viewer.cli.verbs import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, VERBS, error_line, launch_gui, print_where
from viewer.core.errors import ReportViewerError

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_OK", "VERBS", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; the exit status: 0 done, 1 the library failed, 2 bad input or usage."""
    argv = list(sys.argv[1:] if argv is None else argv)
    language = language_of(argv)
    try:
        if "--where" in argv:
            return print_where()
        if "--self-test" in argv:
            from viewer.self_test import run_self_test

            return run_self_test(print)
        if first_word(argv) not in VERBS and not {"-h", "--help", "--version"} & set(argv):
            return launch_gui(argv)
        args = build_parser().parse_args(argv)
        if not hasattr(args, "db"):
            args.db = None
        args.language = language
        if args.verb is None:
            raise UsageError("cli.no_verb")
        return VERBS[args.verb](args)
    except ReportViewerError as exc:
        sys.stderr.write(error_line(exc, language) + "\n")
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as exc:
        failure = ReportViewerError("cli.database_failed", reason=str(exc))
        sys.stderr.write(error_line(failure, language) + "\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
