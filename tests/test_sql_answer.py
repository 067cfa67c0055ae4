"""End to end with the shipped model: answers, follow-ups, refusals, the router handler and the CLI."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess

import pytest

from kernel.errors import InputError
from assistant.router import TurnInput
from assistant.sessions import Turn
from tests.conftest import VENV_BIN

TODAY = dt.date(2026, 9, 15)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The evaluation database (names the model never saw) as a SQLite file."""
    from nl2sql.evaluate import build_eval_db

    folder = tmp_path_factory.mktemp("sqldb")
    url = build_eval_db(folder)
    return url, folder / "eval.db"


def _gold(url, sql):
    from nl2sql.safety import run_readonly

    return run_readonly(url, sql).rows


def test_english_and_korean_questions(db):
    from nl2sql import answer

    url, _ = db
    got = answer("How many matches did Cobalt Rams win?", url, today=TODAY)
    assert got.rows == _gold(url, "SELECT COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
                                  "WHERE t.name = 'Cobalt Rams' AND mt.placement = 1")
    assert got.language == "en" and "Cobalt Rams" in got.text and got.meta["kind"] == "ir"
    assert 0.5 < got.confidence <= 1
    got = answer("여수돌핀스가 올해 몇 번 이겼어?", url, today=TODAY)
    assert got.language == "ko" and got.meta["kind"] == "ir" and "여수 돌핀스" in got.text
    assert got.rows == _gold(url, "SELECT COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id JOIN matches m "
                                  "ON m.id = mt.match_id WHERE t.name = '여수 돌핀스' AND mt.placement = 1 "
                                  "AND m.played_at >= '2026-01-01' AND m.played_at < '2027-01-01'")
    got = answer("광안 챔피언십 킬 순위 top 3", url, today=TODAY)
    assert len(got.rows) == 3 and "SUM(mp.kills)" in got.sql and "LIMIT 3" in got.sql


def test_follow_ups_reuse_the_previous_query(db):
    from nl2sql import answer

    url, _ = db
    first = answer("How many matches did Arctic Foxes win?", url, today=TODAY)
    second = answer("what about Copper Kites?", url, context=first.meta, today=TODAY)
    assert "'Copper Kites'" in second.sql and "Arctic Foxes" not in second.sql
    assert second.rows == answer("How many matches did Copper Kites win?", url, today=TODAY).rows
    third = answer("그럼 작년에는?", url, context=second.meta, today=TODAY)
    assert "'Copper Kites'" in third.sql and "'2025-01-01'" in third.sql and "'2026-01-01'" in third.sql
    assert third.language == "ko"
    with pytest.raises(InputError, match="whole question"):
        answer("what about Copper Kites?", url, today=TODAY)


@pytest.mark.parametrize("question", [
    "How do I check in?", "체크인은 어떻게 해요?", "thanks a lot!", "환불 받을 수 있나요?",
])
def test_non_statistics_questions_are_refused_with_a_rephrasing(db, question):
    from nl2sql import answer

    with pytest.raises(InputError) as err:
        answer(question, db[0], today=TODAY)
    assert "e.g." in str(err.value) or "예:" in str(err.value)


def test_unknown_team_is_refused_not_guessed(db):
    from nl2sql import answer

    with pytest.raises(InputError, match="team|팀"):
        answer("How many matches did Purple Walruses win?", db[0], today=TODAY)


def _turn(text, history=()):
    return TurnInput(session="s", text=text, language="ko" if any("가" <= c <= "힣" for c in text) else "en",
                     detected=None, history=tuple(history))


def test_handler_scores_stats_high_and_faq_low(db):
    from assistant.handlers import SQLHandler

    handler = SQLHandler(db[0])
    for text in ("How many matches did Cobalt Rams win?", "청주 유니콘 승률 얼마야?", "top 5 players by damage"):
        assert handler.fit(_turn(text)).score > 0.9, text
    for text in ("How do I check in?", "상금은 언제 들어와요?", "hello there", "팀 이름 바꾸고 싶어요"):
        assert handler.fit(_turn(text)).score < 0.3, text
    turn = _turn("Who plays for Golden Geese?")
    reply = handler.answer(turn, handler.fit(turn))
    assert reply.kind == "sql" and reply.sql.startswith("SELECT") and len(reply.rows) == 5
    assert reply.meta["kind"] in ("ir", "team_roster")
    earlier = Turn("How many matches did Arctic Foxes win?", "text", "en", "...", "sql", "stats_question", 1.0,
                   "SELECT 1", dt.datetime.now(), {"kind": "team_wins", "team": "Arctic Foxes"})
    follow = _turn("what about Copper Kites?", [earlier])
    fit = handler.fit(follow)
    assert fit.score > 0.5
    assert handler.answer(follow, fit).meta == {"kind": "team_wins", "team": "Copper Kites"}


def _cli(*args, stdin=None):
    proc = subprocess.run([str(VENV_BIN / "assistant"), "sql", *args], capture_output=True, text=True,
                          input=stdin, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_cli_answers_read_only_and_refuses_bad_input(db):
    url, path = db
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = _cli("--db", url, "How many matches did Cobalt Rams win?", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"sql", "columns", "rows"}
    assert data["rows"] == _gold(url, "SELECT COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
                                      "WHERE t.name = 'Cobalt Rams' AND mt.placement = 1")
    code, out, _ = _cli("--json", "--db", url, "How do I check in?")
    assert code == 2 and "e.g." in json.loads(out)["error"]
    code, out, _ = _cli("--json", "--db", url, "")
    assert code == 2 and "error" in json.loads(out)
    code, out, _ = _cli("--json", "--db", url, "-", stdin="DROP TABLE teams; --")
    assert code == 2 and "error" in json.loads(out)
    code, out, _ = _cli("--json", "--db", f"sqlite:///{path.parent}/missing.db", "How many matches?")
    assert code == 2 and "does not exist" in json.loads(out)["error"]
    assert not (path.parent / "missing.db").exists()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_demo_database_is_filled_once_and_the_cli_leaves_no_trace(tmp_path):
    from kernel.db import dispose_all, writable_engine
    from nl2sql import ensure_demo_database

    path = tmp_path / "demo.db"
    url = f"sqlite:///{path}"
    counts = ensure_demo_database(url)
    assert counts["tournaments"] == 9 and counts["teams"] == 24 and counts["match_players"] > 1000
    assert ensure_demo_database(url) == {}
    dispose_all()
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in tmp_path.iterdir()))
    code, out, err = _cli("--json", "--db", url, "top 3 players by kills in the Granite Cup")
    assert code == 0, err
    assert len(json.loads(out)["rows"]) == 3
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in tmp_path.iterdir())) == before
    # While the app holds the file open for writing (WAL), reading still works.
    engine = writable_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
        code, out, err = _cli("--json", "--db", url, "목포 마린즈 몇 번 이겼어?")
        assert code == 0, err
    dispose_all()
