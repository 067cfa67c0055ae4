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
