"""The console script ``assistant`` (CONTRACTS §2).

Every sub-command takes ``--json`` anywhere after its name and then prints exactly one JSON object.
Bad input exits with status 2 and one sentence (``{"error": ...}`` with ``--json``), never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import Any

from kernel.errors import AssistantError, EnvironmentProblem
from kernel.registry import Registry


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print usage and exit; we want one sentence
        raise _UsageError(message[0].upper() + message[1:].rstrip(".") + ".")


def _emit(obj: dict[str, Any]) -> None:
    data = json.dumps(obj, ensure_ascii=False, default=str) + "\n"
    # a file name that is not UTF-8 reaches Python as lone surrogates: show them escaped, never crash
    sys.stdout.buffer.write(data.encode("utf-8", "backslashreplace"))
    sys.stdout.flush()


# Every sub-command is one entry here, pointing at the COMMANDS table of the module that implements it
# (``{name: {"add_arguments": f(parser), "run": f(args) -> dict, "show": f(result)}}``; ``show`` is
# optional). Those modules import nothing heavy at module level, so `assistant --help` and
# `assistant say` start fast. A listed module that is missing is an error, never skipped.
SUBCOMMANDS = Registry("sub-command", {
    "ask": "assistant.cli.ask:COMMANDS",
    "intents": "assistant.cli.intents:COMMANDS",
    "sql": "assistant.cli.sql:COMMANDS",
    "ocr": "ocr.cli:COMMANDS",
    "transcribe": "voices.cli:COMMANDS",
    "say": "voices.cli:COMMANDS",
    "voices": "voices.cli:COMMANDS",
})
HELP = {
    "ask": "answer a question (TEXT, or - for standard input)",
    "intents": "evaluate the intent engine",
    "sql": "answer a statistics question with SQL over a match database",
    "ocr": "read a match result screenshot",
    "transcribe": "transcribe an audio file",
    "say": "speak a text into a WAV file",
    "voices": "list the voices",
}


def _command(name: str) -> dict[str, Any]:
    """The add_arguments/run/show of sub-command ``name`` (its module is imported now)."""
    spec = SUBCOMMANDS.load(name).get(name)
    if spec is None:
        raise EnvironmentProblem(f"The sub-command {name!r} is registered with {SUBCOMMANDS.target(name)}, "
                                 "which does not define it; reinstall the project ('make build').")
    return spec


def _print_json_like(result: dict[str, Any]) -> None:
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only`` (the sub-command being run) no other part's module is imported."""
    parser = _Parser(prog="assistant", description="A bilingual esports competition assistant.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    for command in SUBCOMMANDS.names():
        if only is not None and only != command:
            continue
        spec = _command(command)
        sp = sub.add_parser(command, help=HELP[command])
        spec["add_arguments"](sp)
        if not any(a.dest == "json" or isinstance(a, argparse._SubParsersAction) for a in sp._actions):
            sp.add_argument("--json", action="store_true", help="print one JSON object")
        sp.set_defaults(run=spec["run"], show=spec.get("show", _print_json_like))
    return parser


def _fail(message: str, as_json: bool, status: int) -> int:
    if as_json:
        _emit({"error": message})
    else:
        print(message, file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    as_json = "--json" in argv
    logging.basicConfig(level=os.environ.get("ASSISTANT_LOG", "WARNING").upper(),
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        first = next((a for a in argv if not a.startswith("-")), None)
        args = build_parser(only=first if first in SUBCOMMANDS else None).parse_args(argv)
        result = args.run(args)
    except (_UsageError, AssistantError) as err:
        return _fail(str(err), as_json, 2)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug: say so in one line, keep the traceback for those who ask
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        return _fail(f"Internal error ({type(err).__name__}: {err}); run again with ASSISTANT_DEBUG=1 "
                     "for details.", as_json, 1)
    if as_json:
        _emit(result)
    else:
        args.show(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
