"""Synthesize training questions (Genie-style) from the templates, with values sampled from a database.

Each example is a question in Korean or English plus its labels: the query kind and the small
choices the model learns (metric, aggregate, order, comparison). Paraphrase variety comes from the
templates, the lexicon's slang, optional filters, Korean particles chosen by the name's final
consonant, casual/polite ending swaps, lower-casing, dropped punctuation and typos. Questions that
are not about statistics (the FAQ and chit-chat examples of ``intents/data``) form the class ``none``.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

import yaml

from kernel.korean import has_batchim, has_hangul

from .linking import lexicon
from .query import KINDS, METRICS, NOT_STATS, metrics_for

TEMPLATES_DIR = Path(__file__).parent / "templates"
TEMPLATE_FILES = ("team.yaml", "player.yaml", "ranking.yaml", "tournament.yaml", "followup.yaml")
LANGS = ("en", "ko")

WHERE = {
    "en": [" in {tournament}", " at {tournament}", " in the {tournament}", " in the {stage}", " in {stage}",
           " on {map}", " in {year}", " this season", " last year", " this year", " in {game}",
           " during the {stage} of {tournament}", " in {tournament} {stage}", " last season"],
    "ko": ["{tournament}에서 ", "{tournament} ", "{stage}에서 ", "{stage} ", "{map}에서 ", "{year}년 ",
           "{year}년에 ", "이번 시즌 ", "작년 ", "올해 ", "{game} ", "{tournament} {stage}에서 ", "지난 시즌에 "],
}
PARTICLES = {"이": ("이", "가"), "은": ("은", "는"), "을": ("을", "를"), "과": ("과", "와"),
             "이랑": ("이랑", "랑"), "의": ("의", "의"), "도": ("도", "도")}
KO_ENDINGS = [("알려줘", ["알려주세요", "알려줄래?", "좀 알려줘", "알려 줘"]),
              ("이야?", ["이에요?", "임?", "이냐", "인가요?"]), ("야?", ["예요?", "임?", "냐?", "인가요?"]),
              ("했어?", ["했어요?", "했음?", "했냐", "했나요?"]), ("이겼어?", ["이겼어요?", "이김?", "이겼냐", "이겼나요?"]),
              ("보여줘", ["보여주세요", "보여줄래", "좀 보여줘"]), ("누구야?", ["누구예요?", "누구임?", "누구냐"])]


@dataclasses.dataclass(frozen=True)
class Example:
    text: str
    lang: str
    kind: str
    metric: str | None = None
    agg: str | None = None
    order: str | None = None
    cmp: str | None = None
    slots: tuple = ()
    """(slot, value) pairs the question names, for tests of the whole pipeline."""


def load_templates(folder: Path = TEMPLATES_DIR) -> dict[str, dict[str, Any]]:
    """kind -> {"en": [template], "ko": [template], "metrics": [...]}; a template is a dict with ``text``."""
    out: dict[str, dict[str, Any]] = {}
    for name in TEMPLATE_FILES:
        data = yaml.safe_load((folder / name).read_text(encoding="utf-8")) or {}
        for kind, spec in data.items():
            if kind not in KINDS and kind != "followup":
                raise ValueError(f"{name}: unknown query kind {kind!r}")
            entry = {"metrics": spec.get("metrics") or list(metrics_for(kind)) or list(METRICS)}
            for lang in LANGS:
                entry[lang] = [t if isinstance(t, dict) else {"text": t} for t in spec.get(lang, [])]
            out[kind] = entry
    return out


def content_digest(paths) -> str:
    """SHA-256 (16 hex) of what YAML files say, in order; comments and layout do not count, so editing
    a comment does not make trained weights stale."""
    h = hashlib.sha256()
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        h.update(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    return h.hexdigest()[:16]


def templates_digest(folder: Path = TEMPLATES_DIR) -> str:
    """The digest of the template and lexicon files (what the trained weights were made from)."""
    return content_digest(folder / name for name in (*TEMPLATE_FILES, "lexicon.yaml"))


@dataclasses.dataclass
class Values:
    """Names to put into questions (normally read from the training database)."""

    teams: list[str]
    players: list[str]
    tournaments: list[str]
    maps: list[str]
    games: list[str]

    @classmethod
    def from_url(cls, url: str) -> "Values":
        from .safety import run_readonly

        def col(sql):
            return [r[0] for r in run_readonly(url, sql, max_rows=100_000, check=False).rows if r[0]]

        return cls(col("SELECT name FROM teams"), col("SELECT nickname FROM players"),
                   col("SELECT name FROM tournaments"), col("SELECT DISTINCT map FROM matches"),
                   col("SELECT DISTINCT game FROM tournaments"))


def _attach(word: str, particle: str | None, rng: random.Random) -> str:
    if not particle:
        return word
    pair = PARTICLES.get(particle, (particle, particle))
    if not has_hangul(word[-1:]) and rng.random() < 0.3:
        return word + rng.choice(pair) if rng.random() < 0.5 else word + " " + pair[0 if has_batchim(word) else 1]
    return word + pair[0 if has_batchim(word) else 1]


def _tournament_surface(name: str, rng: random.Random) -> str:
    m = re.match(r"^(.*?)\s*((?:19|20)\d\d)$", name)
    if m and rng.random() < 0.6:
        return m.group(1)
    return name


def _noise(text: str, lang: str, rng: random.Random) -> str:
    if lang == "ko":
        for ending, variants in KO_ENDINGS:
            if text.endswith(ending) and rng.random() < 0.5:
                text = text[: -len(ending)] + rng.choice(variants)
                break
        if rng.random() < 0.15:
            text = text.replace(" ", "", 1)
    else:
        if rng.random() < 0.3:
            text = text.lower()
        if rng.random() < 0.08:
            words = text.split(" ")
            i = rng.randrange(len(words))
            w = words[i]
            if len(w) >= 5 and w.isalpha() and w.islower():
                j = rng.randrange(1, len(w) - 2)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            text = " ".join(words)
    if rng.random() < 0.4:
        text = text.rstrip("?")
    return re.sub(r"\s+", " ", text).strip()


def _fill(template: dict[str, Any], kind: str, lang: str, metrics: list[str], values: Values,
          rng: random.Random) -> Example:
    lex = lexicon()
    text = template["text"]
    slots: dict[str, Any] = {}
    labels = {"metric": template.get("metric"), "agg": template.get("agg"), "order": template.get("order"),
              "cmp": template.get("cmp")}
    if "{where}" in text:
        k = rng.choices([0, 1, 2], weights=[4, 4, 1])[0]
        phrases = rng.sample(WHERE[lang], k)
        text = text.replace("{where}", "".join(phrases))
    if labels["metric"] is None and "{metric" in text:
        labels["metric"] = rng.choice(metrics)
    team_pair = rng.sample(values.teams, 2)

    def value(name: str) -> str:
        if name == "team":
            slots["team"] = team_pair[0]
            return team_pair[0]
        if name == "team2":
            slots["team2"] = team_pair[1]
            return team_pair[1]
        if name == "player":
            slots["player"] = rng.choice(values.players)
            return slots["player"]
        if name == "tournament":
            slots["tournament"] = rng.choice(values.tournaments)
            return _tournament_surface(slots["tournament"], rng)
        if name == "map":
            slots["map"] = rng.choice(values.maps)
            return slots["map"]
        if name == "game":
            slots["game"] = rng.choice(values.games)
            words = [w for w in lex["games"].get(slots["game"], []) if (lang == "ko") == bool(re.search("[가-힣]", w))]
            return rng.choice(words or [slots["game"]])
        if name == "stage":
            slots["stage"] = rng.choice(list(lex["stages"]))
            words = [w for w in lex["stages"][slots["stage"]] if (lang == "ko") == bool(re.search("[가-힣]", w))]
            return rng.choice(words)
        if name == "year":
            slots["year"] = rng.choice([2023, 2024, 2025, 2026, 2027])
            return str(slots["year"])
        if name == "n":
            slots["n"] = rng.choice([2, 3, 3, 5, 5, 10])
            return str(slots["n"])
        if name == "threshold":
            slots["threshold"] = rng.choice([2, 3, 5, 8, 10, 20, 50, 100, 500, 1000])
            return str(slots["threshold"])
        if name == "metric":
            return rng.choice(lex["metrics"][labels["metric"]][lang])
        raise KeyError(name)

    def sub(m: re.Match) -> str:
        return _attach(value(m.group(1)), m.group(2), rng) if lang == "ko" else value(m.group(1))

    text = re.sub(r"\{(\w+)(?::(\w+))?\}", sub, text)
    if kind in ("top_players", "top_teams") and labels["order"] is None:
        labels["order"] = "desc"
    if kind in ("player_stat", "team_stat", "top_players", "top_teams", "players_having", "teams_having"):
        labels["agg"] = labels["agg"] or "sum"
    if kind in ("players_having", "teams_having"):
        labels["cmp"] = labels["cmp"] or ">"
    return Example(_noise(text, lang, rng), lang, kind, slots=tuple(sorted(slots.items())), **labels)


def negatives(intents_dir: Path | None = None) -> list[Example]:
    """FAQ and chit-chat example questions (every intent whose kind is not ``sql``): class ``none``."""
    from intents.loader import DEFAULT_INTENTS_DIR, load_intents

    kb = load_intents(intents_dir or DEFAULT_INTENTS_DIR)
    out = []
    for intent in kb.intents.values():
        if intent.kind == "sql":
            continue
        for lang in LANGS:
            out += [Example(text, lang, NOT_STATS) for text in intent.examples[lang]]
    return out


def synthesize(values: Values, per_template: int = 6, seed: int = 0, templates: dict | None = None,
               intents_dir: Path | None = None, with_negatives: bool = True) -> list[Example]:
    """Training examples: ``per_template`` questions from every template, plus the negatives."""
    rng = random.Random(seed)
    templates = templates or load_templates()
    out: list[Example] = []
    for kind, spec in templates.items():
        for lang in LANGS:
            for template in spec[lang]:
                for _ in range(per_template):
                    out.append(_fill(template, kind, lang, spec["metrics"], values, rng))
    if with_negatives:
        out += negatives(intents_dir)
    rng.shuffle(out)
    return out
