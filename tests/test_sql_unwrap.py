"""Requests wrapped in politeness or context: the question inside is what gets answered.

``core_question`` is checked on its own (what it takes off, what it must keep), then the whole engine (the real
sketch model, the rule parser) answers wrapped questions on a small world the same as the bare ones, while
how-to questions for the FAQ stay refused.
"""
from __future__ import annotations

import pytest

from kernel.errors import InputError
from nl2sql.engine import answer, plan
from nl2sql.unwrap import core_question
from tests.test_sql_ir import TODAY, _covers, _rows
from tests.test_sql_round8 import world8  # noqa: F401  (the module-scoped fixture)

CORES = [
    ("혹시 Tidal Foxes 선수 몇 명인지 알려주실 수 있을까요?", "Tidal Foxes 선수 몇 명?"),
    ("기사 마감 때문에 그런데, Reef 킬 수 좀 알려줘", "Reef 킬 수?"),
    ("기사 써야 해서요, 2026년 경기 수 확인해 주실 수 있나요?", "2026년 경기 수?"),
    ("팀 없는 선수 목록 좀 뽑아주세요", "팀 없는 선수 목록?"),
    ("Can u dig up how many maps Granite Yaks won for me?", "how many maps Granite Yaks won?"),
    ("Hi! For the newsletter: which player has the most assists?", "which player has the most assists?"),
    ("I'm putting together the weekly summary - can we get the final score of the Coral Bay final?",
     "the final score of the Coral Bay final?"),
    ("Would you mind giving me the kills per team in 2025, thanks", "the kills per team in 2025"),
    ("Our analysts want to know which map was played most", "which map was played most"),
    ("I need to know the count of SEA teams", "the count of SEA teams"),
]


@pytest.mark.parametrize("wrapped,core", CORES, ids=[c for c, _ in CORES])
def test_core_question_takes_the_wrapper_off(wrapped, core):
    assert core_question(wrapped) == core


@pytest.mark.parametrize("text", [
    "how do I register my team?",
    "팀 등록은 어떻게 해요?",
    "can we change our roster after the deadline?",
    "Reef kills",
    "알려줘",          # nothing would be left: the text itself comes back
    "please",
])
def test_core_question_keeps_what_is_not_a_wrapper(text):
    core = core_question(text)
    assert core == text or len(core) >= 4
    if text in ("알려줘", "please"):
        assert core == text


# (wrapped question, the bare question it must answer the same as, gold SQL) on round 8's world
SAME = [
    ("혹시 Tidal Foxes 선수 몇 명인지 알려주실 수 있을까요?", "SELECT COUNT(*) FROM players WHERE team_id = 1"),
    ("기사 마감 때문에 그런데, Reef 총 킬 수 좀 알려줘", "SELECT SUM(kills) FROM match_players WHERE player_id = 1"),
    ("Would you look up how many matches Tidal Foxes won for me?",
     "SELECT COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
     "WHERE mt.team_id = 1 AND mt.placement = 1 AND m.format = 'versus'"),
    ("We need the list of players without a team", "SELECT nickname FROM players WHERE team_id IS NULL"),
    ("기사 써야 해서요, 2026년에 열린 경기 수 확인해 주실 수 있나요?",
     "SELECT COUNT(*) FROM matches WHERE played_at >= '2026-01-01' AND played_at < '2027-01-01'"),
    ("I'm drafting the newsletter - which team had the most kills in 2025?",
     "SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m ON m.id = mt.match_id "
     "WHERE m.played_at < '2026-01-01' GROUP BY t.id ORDER BY SUM(mt.kills) DESC LIMIT 1"),
]


@pytest.mark.slow
@pytest.mark.parametrize("question,gold", SAME, ids=[q for q, _ in SAME])
def test_wrapped_questions_are_answered(world8, question, gold):  # noqa: F811
    url, path, _ = world8
    got = answer(question, url, today=TODAY)
    assert _covers([tuple(r) for r in got.rows], _rows(path, gold)), got.sql


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Could you tell me how to register my team?",
    "혹시 팀 등록은 어떻게 하는지 알려주실 수 있을까요?",
    "can we change our roster after the deadline?",
])
def test_how_to_requests_stay_refused(world8, question):  # noqa: F811
    url, _, _ = world8
    p = plan(question, url, today=TODAY)
    assert p.ir is None and p.query is None
    with pytest.raises(InputError):
        answer(question, url, today=TODAY)


@pytest.mark.slow
def test_a_name_inside_the_wrapper_is_not_lost(world8):  # noqa: F811
    """"For Tidal Foxes' newsletter: how many kills?": the context clause holds the team; the whole text is read."""
    url, path, _ = world8
    got = answer("For Tidal Foxes' newsletter: how many kills in total?", url, today=TODAY)
    assert "Tidal Foxes" in got.sql
