"""Question synthesis: every kind in both languages, correct particles, labels that survive linking."""
from __future__ import annotations

import collections
import datetime as dt

import pytest

from nl2sql.linking import Catalog, link
from nl2sql.query import KINDS, NOT_STATS
from nl2sql.synth import Values, load_templates, synthesize

VALUES = Values(teams=["목포 마린즈", "서울 울브즈", "Granite Herons", "Quartz Arrows"],
                players=["하늘", "Zephyr", "바람"], tournaments=["Granite Cup 2026", "한빛 챌린지 2025"],
                maps=["Erangel", "Haven"], games=["PUBG", "Valorant", "League of Legends"])


@pytest.fixture(scope="module")
def examples():
    return synthesize(VALUES, per_template=3, seed=1)


def test_templates_cover_every_kind_in_both_languages():
    templates = load_templates()
    for kind in [*KINDS, "followup"]:
        assert len(templates[kind]["en"]) >= 5, kind
        assert len(templates[kind]["ko"]) >= 5, kind


def test_synthesis_has_every_kind_both_languages_and_negatives(examples):
    seen = collections.Counter((e.kind, e.lang) for e in examples)
    for kind in [*KINDS, "followup", NOT_STATS]:
        assert seen[(kind, "en")] > 0 and seen[(kind, "ko")] > 0, kind
    assert any("check in" in e.text.lower() for e in examples if e.kind == NOT_STATS)


def test_labels_are_complete_for_the_heads_that_need_them(examples):
    for e in examples:
        if e.kind in ("top_players", "top_teams"):
            assert e.metric and e.agg and e.order in ("asc", "desc")
        if e.kind in ("players_having", "teams_having"):
            assert e.cmp in (">", ">=", "<", "<=")


def test_korean_particles_follow_the_final_consonant(examples):
    texts = " ".join(e.text for e in examples if e.lang == "ko")
    assert "목포 마린즈가" in texts or "목포 마린즈는" in texts or "목포 마린즈를" in texts
    assert "마린즈이 " not in texts and "마린즈은 " not in texts and "하늘가 " not in texts


def test_names_in_synthesized_questions_are_linked_back():
    catalog = Catalog.from_rows(VALUES.teams, VALUES.players,
                                [(t, "PUBG", dt.date(2026, 1, 1)) for t in VALUES.tournaments], maps=VALUES.maps)
    examples = [e for e in synthesize(VALUES, per_template=2, seed=3, with_negatives=False)]
    ok = 0
    for e in examples:
        slots = dict(e.slots)
        linked = link(e.text, catalog, dt.date(2026, 9, 1))
        want = [slots[s] for s in ("team", "team2") if s in slots]
        ok += linked.values("team")[: len(want)] == want and (
            "player" not in slots or linked.values("player")[:1] == [slots["player"]])
    assert ok / len(examples) >= 0.97
