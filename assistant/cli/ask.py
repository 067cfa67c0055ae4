"""``assistant ask TEXT``: one turn through the Assistant, printed as a Reply (CONTRACTS §2)."""
from __future__ import annotations

import argparse
from typing import Any

from kernel.checks import LANGUAGES, read_text_arg


def _cmd_ask(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.core import Assistant

    bot = Assistant()
    text = read_text_arg(args.text, bot.config.max_text_chars)
    reply = bot.respond(text, session=args.session, lang=args.lang)
    return reply.to_dict()


def _ask_args(ask: argparse.ArgumentParser) -> None:
    ask.add_argument("text", metavar="TEXT")
    ask.add_argument("--session", default="cli", help="session id (default: cli)")
    ask.add_argument("--lang", choices=LANGUAGES, help="answer in this language")
    ask.add_argument("--json", action="store_true", help="print the Reply as JSON")


def _print_ask(result: dict[str, Any]) -> None:
    print(result["text"])
    if result["suggestions"] and result["kind"] != "fallback":
        print()
        print("See also: " + " | ".join(result["suggestions"]))


COMMANDS = {"ask": {"add_arguments": _ask_args, "run": _cmd_ask, "show": _print_ask}}
