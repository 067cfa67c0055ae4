"""The load test (benchmarks/load.py) in short: concurrent users against app.py over HTTP on loopback,
asserting no errors, no wrong replies, no cross-session leaks and bounded memory; plus the checks
it relies on, shown to fail on a leak and on growing memory."""
import importlib.util
import sys

import pytest

from kernel.paths import PROJECT_ROOT


def _load_module():
    name = "benchmarks_load"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "benchmarks" / "load.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def load():
    return _load_module()


@pytest.mark.slow
def test_concurrent_users_get_their_own_answers(load, tmp_path, model_cache):
    result = load.run_load(users=8, seconds=20, max_turns=40, think=(0.1, 0.5), cache=model_cache,
                           workdir=tmp_path, turn_timeout=60, grace=60, finish_first_round=True,
                           log=lambda *_: None)
    assert result["server_alive"]
    assert result["errors"] == 0, result["error_messages"]
    assert result["mismatches"] == 0
    assert result["leaks"] == 0, result["leak_messages"]
    for user, done in enumerate(result["per_user_ok"]):
        missing = [kind for kind in load.KINDS if done[kind] < 1]
        assert not missing, f"user {user} completed no {missing} turn"
    # 20 s is mostly warm-up (threads, OCR buffers of each screenshot size), so this bounds the growth
    # over the whole run; the benchmark's 2-minute run judges the plateau (last third vs after warm-up)
    memory = result["memory"]
    assert memory["total_growth_mb"] <= 200, memory
    assert result["overall"]["turns_per_s"] > 0


class FakeClient:
    def __init__(self, messages):
        self.messages = messages

    def call(self, api, *args):
        assert api == "history"
        return self.messages


def _user(load, messages):
    user = load.User(3, "http://127.0.0.1:9/", load.LoadRun())
    user.client, user.session = FakeClient(messages), "web-1"
    user.sent = ["How do I check in? (ref lt3x1)", None, "top 3 players by kills"]
    user.markers = {"lt3x1", "lt3x2"}  # lt3x2 named a unique screenshot file, never a message
    return user


def _history(first_question):
    return [{"role": "user", "content": first_question}, {"role": "assistant", "content": "Check-in opens…"},
            {"role": "user", "content": "*(result screenshot)*"}, {"role": "assistant", "content": "I read …"},
            {"role": "user", "content": "top 3 players by kills"},
            {"role": "assistant", "content": "```sql\nSELECT …\n```", "metadata": {"title": "SQL"}},
            {"role": "assistant", "content": "total kills: …"}]


def test_the_history_check_finds_leaks(load):
    _user(load, _history("How do I check in? (ref lt3x1)")).check_history()  # its own turns: passes
    leaked = _history("How do I check in? (ref lt3x1)")
    leaked[4] = {"role": "user", "content": "How do I check in? (ref lt30x1)"}  # another user's turn
    with pytest.raises(load.TurnFailed, match="other sessions") as err:
        _user(load, leaked).check_history()
    assert err.value.problem == "leak"
    with pytest.raises(load.TurnFailed, match="stored turns"):
        _user(load, _history("How do I check in? (ref lt3x1)")[:4]).check_history()  # a turn went missing
    with pytest.raises(load.TurnFailed, match="own markers missing"):
        _user(load, _history("How do I check in?")).check_history()


def test_a_reply_of_another_session_is_a_leak(load):
    with pytest.raises(load.TurnFailed) as err:
        load.check_reply({"text": "…", "session": "web-2"}, "web-1")
    assert err.value.problem == "leak"
    with pytest.raises(load.TurnFailed, match="empty"):
        load.check_reply({"error": "The message was empty."}, "web-1")


def test_memory_verdict_tells_growth_from_a_plateau(load):
    flat = [(t, 500.0 + (t < 10) * t * 3 + (t % 3)) for t in range(120)]
    assert load.memory_verdict(flat, 120)["stable"] is True
    growing = [(t, 500.0 + 1.5 * t) for t in range(120)]  # 90 MB a minute, for ever
    verdict = load.memory_verdict(growing, 120)
    assert verdict["stable"] is False and verdict["slope_mb_per_min"] == pytest.approx(90, rel=0.01)


def test_unique_screenshots_differ_in_hash_only(load):
    import hashlib
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buf, format="PNG")
    data = buf.getvalue()
    a, b = load.unique_png(data, "lt1x1"), load.unique_png(data, "lt1x2")
    assert len({hashlib.sha256(x).hexdigest() for x in (data, a, b)}) == 3
    assert Image.open(io.BytesIO(a)).tobytes() == Image.open(io.BytesIO(data)).tobytes()
