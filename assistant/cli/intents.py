"""``assistant intents eval``: fit the intent engine on a training split and score a test split."""
from __future__ import annotations

import argparse
from typing import Any

from kernel.errors import InputError


def _cmd_intents_eval(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from intents.encoders import make_encoder
    from intents.engine import IntentEngine
    from intents.evaluate import evaluate, read_csv, split_knowledge_base
    from intents.loader import load_intents

    from assistant.config import Config

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


def _intents_args(intents: argparse.ArgumentParser) -> None:
    intents_sub = intents.add_subparsers(dest="intents_command", metavar="ACTION")  # the parser class (one-sentence errors) is inherited
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


COMMANDS = {"intents": {"add_arguments": _intents_args, "run": _cmd_intents_eval, "show": _print_metrics}}
