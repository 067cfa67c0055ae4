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

from kernel.checks import LANGUAGES, read_text_arg
from kernel.errors import AssistantError, EnvironmentProblem, InputError
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


def _cmd_ask(args: argparse.Namespace) -> dict[str, Any]:
    from .core import Assistant

    bot = Assistant()
    text = read_text_arg(args.text, bot.config.max_text_chars)
    reply = bot.respond(text, session=args.session, lang=args.lang)
    return reply.to_dict()


def _cmd_intents_eval(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from intents.encoders import make_encoder
    from intents.engine import IntentEngine
    from intents.evaluate import evaluate, read_csv, split_knowledge_base
    from intents.loader import load_intents

    from .config import Config

    config = Config.from_env()
    if bool(args.train) != bool(args.test):
        raise InputError("Give both --train and --test, or neither to split the project's intent files.")
    if args.train:
        train, test = read_csv(args.train), read_csv(args.test)
    else:
        train, test = split_knowledge_base(load_intents(args.intents_dir or config.intents_dir))
    encoder = make_encoder(args.encoder or config.encoder)
    cache = None if args.no_cache else config.cache_dir
    result = evaluate(lambda: IntentEngine(encoder, cache_dir=cache, progress=True), train, test,
                      Path(args.report) if args.report else None)
    return result


def _ask_args(ask: argparse.ArgumentParser) -> None:
    ask.add_argument("text", metavar="TEXT")
    ask.add_argument("--session", default="cli", help="session id (default: cli)")
    ask.add_argument("--lang", choices=LANGUAGES, help="answer in this language")
    ask.add_argument("--json", action="store_true", help="print the Reply as JSON")


def _intents_args(intents: argparse.ArgumentParser) -> None:
    intents_sub = intents.add_subparsers(dest="intents_command", metavar="ACTION", parser_class=_Parser)
    intents_sub.required = True
    ev = intents_sub.add_parser("eval", help="fit on TRAIN only and score TEST")
    ev.add_argument("--train", metavar="TRAIN.csv", help="CSV with header text,intent (intent 'oos' = reject)")
    ev.add_argument("--test", metavar="TEST.csv", help="CSV with header text,intent")
    ev.add_argument("--intents-dir", help="without --train/--test: split these intent files (default: the app's)")
    ev.add_argument("--report", metavar="DIR", help="also write per-intent scores, confusions and plots here")
    ev.add_argument("--encoder", help="e5 (default) or st:<model folder>")
    ev.add_argument("--no-cache", action="store_true", help="do not reuse or store sentence vectors")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    ev.set_defaults(run=_cmd_intents_eval, show=_print_metrics)


def _print_metrics(result: dict[str, Any]) -> None:
    for key, value in result.items():
        print(f"{key:<18} {value:.4f}" if isinstance(value, float) else f"{key:<18} {value}")


def _print_ask(result: dict[str, Any]) -> None:
    print(result["text"])
    if result["suggestions"] and result["kind"] != "fallback":
        print()
        print("See also: " + " | ".join(result["suggestions"]))


# Every sub-command is one entry here, pointing at the COMMANDS table of the module that implements it
# (``{name: {"add_arguments": f(parser), "run": f(args) -> dict, "show": f(result)}}``; ``show`` is
# optional). Those modules import nothing heavy at module level, so `assistant --help` and
# `assistant say` start fast. A listed module that is missing is an error, never skipped.
SUBCOMMANDS = Registry("sub-command", {
    "ask": "assistant.cli:COMMANDS",
    "intents": "assistant.cli:COMMANDS",
    "sql": "assistant.sql.cli:COMMANDS",
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


COMMANDS = {
    "ask": {"add_arguments": _ask_args, "run": _cmd_ask, "show": _print_ask},
    "intents": {"add_arguments": _intents_args, "run": _cmd_intents_eval, "show": _print_metrics},
}
"""The sub-commands implemented here (the others live with their part of the project)."""


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
