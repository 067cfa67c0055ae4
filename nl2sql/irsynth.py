"""A Genie-style synthesizer for the IR: questions with known IR, composed from data.

``templates/ir_grammar.yaml`` pairs each construct's IR (with ``{slots}``) with phrasings in Korean and
English; a ``{where}`` slot takes a modifier (a year, a tournament) that adds its filters to the IR. The
values come from the asked database, names are written loosely (lower case, spaces dropped) and some
questions get chit-chat around them. Each example is (question, language, IR); the IR compiles to the
gold SQL. Uses: a regression test of the parser over many varied questions (execution match on a small
database), and training pairs for a learned IR predictor::

    .venv/bin/python -m nl2sql.irsynth --db sqlite:///var/demo.db --out pairs.jsonl [--check]
"""
from __future__ import annotations

import argparse
import calendar
import dataclasses
import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from .ir import IR

GRAMMAR = Path(__file__).parent / "templates" / "ir_grammar.yaml"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclasses.dataclass
class Example:
    text: str
    lang: str
    construct: str
    ir: IR
    modifier: str = "none"
    """The ``{where}`` modifier the question carries (``none``, ``year``, ``tournament``)."""


@dataclasses.dataclass
class Values:
    """What the database holds, as the synthesizer needs it."""

    teams: list[str]
    players: list[str]
    tournaments: list[str]
    games: list[str]
    regions: list[str]
    roles: list[str]
    days: list[str]
    """Match days, 'YYYY-MM-DD'."""


@lru_cache(maxsize=1)
def grammar() -> dict:
    return yaml.safe_load(GRAMMAR.read_text(encoding="utf-8"))


def _words(kind: str) -> dict[str, tuple[list[str], list[str]]]:
    """Region or role -> (English words, Korean words) from the linking lexicon."""
    from .linking import lexicon

    out = {}
    for value, words in lexicon().get(kind, {}).items():
        en = [w for w in words if w.isascii()]
        ko = [w for w in words if not w.isascii()]
        out[value] = (en, ko)
    return out


def _loose(name: str, rng: random.Random) -> str:
    """A name as people type it: as stored, lower case, or without its spaces."""
    if not name.isascii() or rng.random() < 0.5:
        return name
    return name.lower() if rng.random() < 0.5 else name.replace(" ", "")


def _fill(obj: Any, slots: dict[str, Any]) -> Any:
    if isinstance(obj, str):
        m = re.fullmatch(r"\{(\w+)\}", obj)
        if m and m.group(1) in slots and not isinstance(slots[m.group(1)], str):
            return slots[m.group(1)]
        return obj.format(**slots) if "{" in obj else obj
    if isinstance(obj, list):
        return [_fill(x, slots) for x in obj]
    if isinstance(obj, dict):
        return {k: _fill(v, slots) for k, v in obj.items()}
    return obj


def _ir(spec: dict, extra: list) -> IR:
    d = dict(spec)
    d["filters"] = [{"col": c, "op": o, "value": v} for c, o, v in [*d.get("filters", []), *extra]]
    if d.get("setop"):
        d["setop"] = {**d["setop"], "a": [{"col": c, "op": o, "value": v} for c, o, v in d["setop"]["a"]],
                      "b": [{"col": c, "op": o, "value": v} for c, o, v in d["setop"]["b"]]}
    return IR.from_dict(d)


def _slot_values(values: Values, rng: random.Random) -> dict[str, Any]:
    regions, roles = _words("regions"), _words("roles")
    region = rng.choice([r for r in values.regions if regions.get(r, ([], []))[0] and regions[r][1]] or [None])
    role = rng.choice([r for r in values.roles if roles.get(r, ([], []))[1]
                       and any(w.endswith("s") and w != r for w in roles[r][0])] or [None])
    day = rng.choice(values.days)
    y, mo, d = (int(x) for x in day[:10].split("-"))
    teams = rng.sample(values.teams, 2) if len(values.teams) >= 2 else values.teams * 2
    slots = {"team": teams[0], "team2": teams[1], "player": rng.choice(values.players),
             "tournament": rng.choice(values.tournaments), "game": rng.choice(values.games),
             "year": y, "next_year": y + 1, "year_after": y + 2, "month": mo, "month2": f"{mo:02d}", "day": d, "day2": f"{d:02d}",
             "month_name": MONTHS[mo - 1],
             "month_end": f"{y + (mo == 12)}-{mo % 12 + 1:02d}-01"}
    if region:
        en, ko = regions[region]
        adjectives = [w for w in en if re.search(r"(?:an|ese|ish)$", w) and " " not in w] or en
        slots |= {"region": region, "demonym": rng.choice(adjectives), "demonym_ko": rng.choice(ko)}
    if role:
        en, ko = roles[role]
        plural = [w for w in en if w.endswith("s") and w != role]
        slots |= {"role": role, "role_en": rng.choice(plural), "role_ko": rng.choice(ko)}
    return slots


def synthesize(values: Values, per_phrasing: int = 2, seed: int = 0, chitchat: float = 0.25) -> Iterator[Example]:
    """Every construct x phrasing x modifier, ``per_phrasing`` times with other values."""
    g = grammar()
    rng = random.Random(seed)
    assert calendar  # month arithmetic above keeps to the calendar module's conventions
    for name, spec in g["constructs"].items():
        for lang in ("en", "ko"):
            for phrasing in spec[lang]:
                for mod_name in spec.get("where", ["none"]):
                    mod = g["modifiers"][mod_name]
                    for _ in range(per_phrasing):
                        slots = _slot_values(values, rng)
                        needed = set(re.findall(r"\{(\w+)\}", phrasing + json.dumps(spec["ir"], ensure_ascii=False)))
                        if not needed <= set(slots) | {"where"}:
                            continue
                        where = mod[lang].format(**slots) if "{where}" in phrasing else ""
                        loose = {k: (_loose(v, rng) if k in ("team", "team2", "player") else v) for k, v in slots.items()}
                        text = phrasing.format(**{**loose, "where": where})
                        if rng.random() < chitchat:
                            cc = g["chitchat"][lang]
                            text = rng.choice(cc["before"]) + text if rng.random() < 0.5 else text + rng.choice(cc["after"])
                        extra = _fill(mod["filters"], slots) if "{where}" in phrasing else []
                        yield Example(text, lang, name, _ir(_fill(spec["ir"], slots), extra),
                                      mod_name if "{where}" in phrasing else "none")


def values_from_url(url: str) -> Values:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as con:
        def col(sql):
            return [r[0] for r in con.execute(sa.text(sql)) if r[0] is not None]

        return Values(teams=col("SELECT name FROM teams WHERE id IN (SELECT team_id FROM match_teams)"),
                      players=col("SELECT nickname FROM players WHERE id IN (SELECT player_id FROM match_players)"),
                      tournaments=col("SELECT name FROM tournaments"), games=col("SELECT DISTINCT game FROM tournaments"),
                      regions=col("SELECT DISTINCT region FROM teams"), roles=col("SELECT DISTINCT role FROM players"),
                      days=[str(d)[:10] for d in col("SELECT played_at FROM matches")])


def check(url: str, examples: list[Example], today=None) -> list[tuple[Example, str]]:
    """The examples whose parse does not return the rows of their IR (execution match, extra columns allowed)."""
    from .ir import compile_sql
    from .linking import link, load_catalog
    from .parse import Unsupported, parse
    from .safety import run_readonly

    catalog = load_catalog(url)
    bad = []
    for ex in examples:
        gold = run_readonly(url, compile_sql(ex.ir), max_rows=10_000).rows
        try:
            sql = compile_sql(parse(ex.text, link(ex.text, catalog, today), today).ir)
            got = run_readonly(url, sql, max_rows=10_000).rows
        except (Unsupported, ValueError) as err:
            bad.append((ex, f"refused: {err}"))
            continue
        if not same_rows(got, gold):
            bad.append((ex, sql))
    return bad


def same_rows(got, gold) -> bool:
    """Every gold column among the answer's columns, the same rows in any order (floats to 3 places)."""
    from itertools import permutations

    if len(got) != len(gold):
        return False
    if not gold:
        return True

    def norm(v):
        return round(v, 3) if isinstance(v, float) else v
    want = sorted(tuple(norm(v) for v in r) for r in gold)
    for cols in permutations(range(len(got[0])), len(gold[0])):
        if sorted(tuple(norm(r[c]) for c in cols) for r in got) == want:
            return True
    return False


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Synthesize (question, IR, SQL) pairs from templates/ir_grammar.yaml.")
    ap.add_argument("--db", required=True, help="database URL whose names and dates fill the slots")
    ap.add_argument("--out", type=Path, help="write JSON lines here")
    ap.add_argument("--per-phrasing", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--check", action="store_true", help="parse every question and report the ones that miss")
    args = ap.parse_args(argv)
    from .ir import compile_sql

    examples = list(synthesize(values_from_url(args.db), args.per_phrasing, args.seed))
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for ex in examples:
                f.write(json.dumps({"question": ex.text, "lang": ex.lang, "construct": ex.construct,
                                    "ir": ex.ir.to_dict(), "sql": compile_sql(ex.ir)}, ensure_ascii=False) + "\n")
    print(f"{len(examples)} examples" + (f" -> {args.out}" if args.out else ""))
    if args.check:
        bad = check(args.db, examples)
        print(f"parser execution match: {1 - len(bad) / max(1, len(examples)):.3f} ({len(bad)} missed)")
        for ex, why in bad:
            print(f"  [{ex.construct}/{ex.lang}] {ex.text}\n      {why}")


if __name__ == "__main__":
    main()
