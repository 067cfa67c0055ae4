"""The console script, run as a real subprocess: JSON out, exit 2 and one sentence on bad input."""
import json
import os
import subprocess

import pytest

from conftest import VENV_BIN

pytestmark = pytest.mark.slow
EXE = str(VENV_BIN / "assistant")


@pytest.fixture
def run(tmp_path, model_cache):
    env = dict(os.environ, ASSISTANT_HOME=str(tmp_path / "home"), ASSISTANT_CACHE=str(model_cache))
    env.pop("ASSISTANT_DEBUG", None)

    def _run(*args, stdin: bytes = b""):
        proc = subprocess.run([EXE, *args], input=stdin, capture_output=True, env=env, timeout=120)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    return _run


def _one_json(stdout: str) -> dict:
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert len(lines) == 1, stdout
    return json.loads(lines[0])


def test_ask_json_prints_a_reply(run):
    code, out, _ = run("ask", "체크인은 어떻게 해요?", "--json")
    assert code == 0
    reply = _one_json(out)
    assert (reply["kind"], reply["intent"], reply["language"]) == ("faq", "checkin_how", "ko")


def test_json_flag_anywhere_and_session_and_lang(run):
    code, out, _ = run("ask", "--json", "--session", "u1", "--lang", "ko", "How do I check in?")
    reply = _one_json(out)
    assert code == 0 and reply["language"] == "ko" and reply["session"] == "u1"


def test_plain_output_is_the_answer(run):
    code, out, _ = run("ask", "how do I reset my password")
    assert code == 0 and "Forgot password" in out and not out.lstrip().startswith("{")


def test_text_from_stdin(run):
    code, out, _ = run("ask", "-", "--json", stdin="상금 언제 들어와요?".encode())
    assert code == 0 and _one_json(out)["intent"] == "prize_payout_time"


def test_session_continues_across_processes(run):
    run("ask", "--session", "carry", "체크인 어떻게 해요?")
    code, out, _ = run("ask", "--session", "carry", "--json", "???")
    assert _one_json(out)["language"] == "ko"  # no letters: the session's language


@pytest.mark.parametrize("args, stdin, words", [
    (["ask", "", "--json"], b"", "empty"),
    (["ask", "   ", "--json"], b"", "empty"),
    (["ask", "x" * 10_001, "--json"], b"", "10,001 characters"),
    (["ask", "-", "--json"], b"y" * 3_000_000, "longer than the limit"),
    (["ask", "-", "--json"], b"\xff\xfe\xfa not utf8", "not valid UTF-8"),
    (["ask", "-", "--json"], b"", "empty"),
    (["ask", "bell\x07", "--json"], b"", "control character"),
    (["ask", "--session", "x" * 200, "hi", "--json"], b"", "session id"),
    (["ask", "--lang", "fr", "hi", "--json"], b"", "invalid choice"),
    (["ask", "--json"], b"", "required"),
    (["teleport", "--json"], b"", "invalid choice"),
])
def test_bad_input_exits_2_with_one_json_error(run, args, stdin, words):
    code, out, err = run(*args, stdin=stdin)
    assert code == 2
    error = _one_json(out)["error"]
    assert words in error and "\n" not in error
    assert "Traceback" not in err


def test_invalid_utf8_argument(tmp_path, model_cache):
    env = dict(os.environ, ASSISTANT_HOME=str(tmp_path / "h"), ASSISTANT_CACHE=str(model_cache))
    proc = subprocess.run([EXE.encode(), b"ask", b"caf\xe9 \xff", b"--json"], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 2 and "UTF-8" in json.loads(proc.stdout)["error"]


def test_bad_input_without_json_goes_to_stderr(run):
    code, out, err = run("ask", "")
    assert code == 2 and out == "" and "empty" in err and "Traceback" not in err
