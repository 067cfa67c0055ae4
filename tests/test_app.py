"""The Gradio app, driven through its HTTP API with gradio_client on loopback."""
import os
import socket
import subprocess
import sys
import time

import pytest

from conftest import VENV_BIN

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(shared_bot):
    from app import build_app

    port = _free_port()
    demo = build_app(shared_bot)
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def _text(message) -> str:
    content = message["content"]
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content


def test_korean_and_english_questions_in_the_chat(client, shared_bot):
    kb = shared_bot.retriever.kb
    _, history = client.predict("체크인은 어떻게 해요?", [], api_name="/chat")
    assert kb.intents["checkin_how"].answer["ko"] in _text(history[-1])
    _, history = client.predict("Can I stream my own matches?", history, api_name="/chat")
    assert kb.intents["stream_allowed"].answer["en"] in _text(history[-1])
    assert len(history) == 4


def test_each_client_gets_its_own_session(app_url, shared_bot):
    from gradio_client import Client

    first, second = Client(app_url, verbose=False), Client(app_url, verbose=False)
    first.predict("session marker one", [], api_name="/chat")
    second.predict("session marker two", [], api_name="/chat")
    first.predict("session marker three", [], api_name="/chat")
    import sqlalchemy as sa
    with shared_bot.sessions.engine.connect() as conn:
        rows = conn.execute(sa.text("select session_id, user_text from turns where user_text like 'session marker%'"
                                    " order by id")).all()
    owners = {text: sid for sid, text in rows}
    assert owners["session marker one"] == owners["session marker three"] != owners["session marker two"]
    assert owners["session marker one"].startswith("web-")


def test_ask_endpoint_returns_a_reply_dict(client):
    reply = client.predict("상금은 언제 들어와요?", "tab-2", api_name="/ask")
    assert reply["intent"] == "prize_payout_time" and reply["language"] == "ko"


def test_bad_input_is_shown_not_raised(client):
    _, history = client.predict("   ", [], api_name="/chat")
    assert "empty" in _text(history[-1])
    assert client.predict("hi", "x" * 300, api_name="/ask")["error"].startswith("The session id")


def test_new_conversation_gives_a_fresh_session(client):
    assert client.predict(api_name="/new_conversation") == []


def test_app_py_serves_on_the_port_from_the_environment(tmp_path, model_cache):
    port = _free_port()
    env = dict(os.environ, GRADIO_SERVER_PORT=str(port), ASSISTANT_HOME=str(tmp_path / "home"),
               ASSISTANT_CACHE=str(model_cache), GRADIO_ANALYTICS_ENABLED="False")
    proc = subprocess.Popen([str(VENV_BIN / "python"), "app.py"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=os.path.dirname(os.path.dirname(__file__)))
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.5)
        from gradio_client import Client
        reply = Client(f"http://127.0.0.1:{port}/", verbose=False).predict("how do I check in", "p", api_name="/ask")
        assert reply["intent"] == "checkin_how"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# ---- issue 7: the endpoints behind the new UI, feedback, admin, views ----------------------------

def test_send_history_and_feedback_endpoints(client):
    # outputs: the cleared input, the chat, the OCR panel's teams/players/warnings/tournament, the session id
    out = client.predict({"text": "How do I check in?", "files": []}, [], api_name="/send")
    box, history, saved = out[0], out[1], out[-1]
    assert box["text"] == "" and "Check-in" in _text(history[-1])
    turns = client.predict(saved, api_name="/history")
    assert [m["role"] for m in turns] == ["user", "assistant"]
    reply = client.predict("상금은 언제 들어와요?", saved, api_name="/ask")
    assert client.predict(reply["turn_id"], "up", saved, api_name="/feedback") == {"feedback": "up"}
    assert "error" in client.predict(reply["turn_id"], "up", "someone-else", api_name="/feedback")


def test_voices_endpoint_filters_by_language(client):
    korean = client.predict("ko", api_name="/voices")
    assert korean and {v["language"] for v in korean} == {"ko"}
    assert {v["engine"] for v in korean} == {"kokoro"} and len(korean) >= 2  # the picker offers the Kokoro voices
    assert len(client.predict("", api_name="/voices")) > len(korean)


def test_admin_endpoints_are_disabled_without_a_password(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="disabled"):
        client.predict("anything", api_name="/admin_feedback")
    assert "disabled" in client.predict("anything", api_name="/admin_reload_faq")


def test_feedback_store_keeps_what_produced_the_reply(bot, tmp_path):
    from kernel.errors import InputError
    from assistant.feedback import FeedbackStore

    reply = bot.respond("How do I check in?", session="fb-1")
    store = FeedbackStore(bot.config.resolved_state_url)
    store.add(reply.turn_id, "down", session="fb-1")
    store.add(reply.turn_id, "up", session="fb-1")  # a new vote replaces the old one
    rows = store.latest()
    assert len(rows) == 1 and rows[0]["value"] == "up" and rows[0]["intent"] == "checkin_how"
    assert rows[0]["user_text"] == "How do I check in?" and rows[0]["confidence"] == reply.confidence
    csv_text = store.export_csv(tmp_path / "fb.csv")
    assert csv_text.splitlines()[0].startswith("id,created_at,value") and "checkin_how" in csv_text
    assert (tmp_path / "fb.csv").read_bytes().decode("utf-8-sig") == csv_text
    for bad in [lambda: store.add(reply.turn_id, "meh"), lambda: store.add(99999, "up"),
                lambda: store.add(reply.turn_id, "up", session="someone-else")]:
        with pytest.raises(InputError):
            bad()
    bot.respond("zxqv blorp fnord", session="fb-1")
    assert any(r["user_text"] == "zxqv blorp fnord" for r in store.unanswered())


def test_delete_match_removes_its_rows_in_one_transaction(tmp_path):
    import datetime as dt

    import sqlalchemy as sa

    from matchdata import schema as matchdb
    from kernel.errors import InputError
    from matchdata import delete_match, list_matches
    from kernel.db import writable_engine

    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = writable_engine(url)
    matchdb.create_schema(engine)
    with engine.begin() as conn:
        conn.execute(matchdb.tournaments.insert().values(id=1, name="Cup", game="PUBG"))
        conn.execute(matchdb.teams.insert(), [{"id": 1, "name": "T1"}, {"id": 2, "name": "젠지"}])
        conn.execute(matchdb.players.insert().values(id=1, nickname="Faker", team_id=1))
        for mid in (1, 2):
            conn.execute(matchdb.matches.insert().values(id=mid, tournament_id=1, played_at=dt.datetime(2026, 5, mid),
                                                         format="versus"))
            conn.execute(matchdb.match_teams.insert(), [{"match_id": mid, "team_id": 1, "placement": 1, "score": 2},
                                                        {"match_id": mid, "team_id": 2, "placement": 2, "score": 1}])
            conn.execute(matchdb.match_players.insert().values(match_id=mid, player_id=1, kills=5))
        conn.execute(sa.text("insert into screenshots values (:s, 2, :t)"), {"s": "a" * 64, "t": dt.datetime(2026, 5, 2)})
    assert [m["result"] for m in list_matches(url)] == ["T1 2 : 1 젠지", "T1 2 : 1 젠지"]
    delete_match(url, 2)
    with engine.connect() as conn:
        counts = [conn.execute(sa.text(f"select count(*) from {t} where match_id = 2")).scalar_one()
                  for t in ("match_teams", "match_players", "screenshots")]
        left = conn.execute(sa.text("select count(*) from matches")).scalar_one()
    assert counts == [0, 0, 0] and left == 1
    with pytest.raises(InputError):
        delete_match(url, 2)
    with pytest.raises(InputError):
        delete_match(url, "two")


def test_admin_actions_need_the_password(bot):
    from kernel.errors import InputError
    from assistant.feedback import FeedbackStore
    from webapp.admin import AdminActions

    store = FeedbackStore(bot.config.resolved_state_url)
    admin = AdminActions(bot, store, "s3cret")
    with pytest.raises(InputError, match="wrong"):
        admin.feedback_rows("nope")
    assert admin.feedback_rows("s3cret") == []
    with pytest.raises(InputError, match="disabled"):
        AdminActions(bot, store, None).check("")


def test_views_of_replies_and_records():
    from kernel.errors import InputError
    from webapp import views

    sql = views.reply_messages({"text": "3 wins.", "language": "en", "kind": "sql", "sql": "SELECT 1",
                                "columns": ["team", "wins"], "rows": [["T1", 3]] * 25, "suggestions": []})
    assert sql[0]["metadata"]["title"] == "SQL" and "SELECT 1" in sql[0]["content"]
    assert sql[1]["content"].count("| T1 | 3 |") == views.MAX_TABLE_ROWS and "25" in sql[1]["content"]
    unsure = views.reply_messages({"text": "Did you mean…", "language": "en", "kind": "fallback",
                                   "suggestions": ["How do I check in?"]})
    assert unsure[-1]["options"] == [{"value": "How do I check in?", "label": "How do I check in?"}]
    record = {"format": "versus", "teams": [{"name": "T1", "placement": 1, "score": 2, "kills": 20},
                                            {"name": "젠지", "placement": 2, "score": 1, "kills": 15}],
              "players": [{"nickname": "Faker", "team": "T1", "kills": 7, "deaths": 1, "assists": 9}],
              "fields": {"teams[1].score": {"engine": "tesseract", "confidence": 0.5}}, "warnings": ["x"]}
    assert views.low_confidence_cells(record) == {"teams": {(1, "score")}, "players": set()}
    record["warnings"] = ["Please check teams[1].score: it was read with low confidence (0.50)."]
    assert "Please check 젠지 › score: it was read" in views.warnings_markdown(record)
    teams, players = views.record_rows(record)
    teams[1][2] = "0"
    edited = views.edited_record(record, teams, players + [[None, None, None, None, None]])
    assert edited["teams"][1]["score"] == 0 and len(edited["players"]) == 1
    assert edited["fields"]["teams[1].score"] == {"engine": "person", "confidence": 1.0}
    teams[0][3] = "many"
    with pytest.raises(InputError, match="whole number"):
        views.edited_record(record, teams, players)


def test_screenshot_turn_and_confirm_through_the_api(client, shared_bot, tmp_path):
    from gradio_client import handle_file

    from ocr.testing import render_result_screen

    picture = tmp_path / "result.png"
    render_result_screen("versus", seed=5, lang="en", theme="light", degradation="clean").image.save(picture)
    out = client.predict({"text": "", "files": [handle_file(str(picture))]}, [], api_name="/send")
    history, session = out[1], out[-1]
    assert "screenshot" in _text(history[-1])
    teams = out[2]["value"]["data"] if isinstance(out[2], dict) and "value" in out[2] else None
    assert teams is None or len(teams) == 2
    result = client.predict(session, None, "API Cup", api_name="/confirm_record")
    assert isinstance(result.get("match_id"), int), result
    again = client.predict(session, None, "API Cup", api_name="/confirm_record")
    assert "already recorded" in again["error"]
