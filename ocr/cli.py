"""``assistant ocr IMAGE [--db URL]``: read a result screenshot and print its MatchRecord."""
from __future__ import annotations

from typing import Any


def _add_arguments(parser) -> None:
    parser.add_argument("image", metavar="IMAGE", help="a screenshot of a result screen (PNG or JPEG)")
    parser.add_argument("--db", metavar="URL", help="match database whose team and player names correct "
                                                   "the reading (default: the app's)")
    parser.add_argument("--no-fallback", action="store_true", help="do not re-read unsure fields with RapidOCR")


def _run(args) -> dict[str, Any]:
    import dataclasses

    from kernel.paths import from_env

    from .pipeline import OCROptions, read_match_result
    from matchdata import known_names_from_db

    url = args.db or from_env().resolved_match_db_url
    known = known_names_from_db(url)
    options = dataclasses.replace(OCROptions(), fallback=not args.no_fallback)
    return read_match_result(args.image, known_names=known, options=options).to_dict()


def _show(result: dict[str, Any]) -> None:
    print(f"{result['format']}  (confidence {result['confidence']:.2f}, {result['engine']})")
    for t in result["teams"]:
        print(f"  {t['placement'] or '-':>2}  {t['name'] or '(unnamed)':<24} score {t['score']}  kills {t['kills']}")
    for p in result["players"]:
        print(f"      {p['nickname']:<16} {p['team'] or '':<20} {p['kills']}/{p['deaths']}/{p['assists']}")
    for w in result["warnings"]:
        print(f"  ! {w}")


COMMANDS = {"ocr": {"add_arguments": _add_arguments, "run": _run, "show": _show}}
