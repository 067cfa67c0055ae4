"""Scale-out: two real app processes (`app.py`) on two ports share one PostgreSQL database and carry
one conversation between them — nothing that matters lives in a process's memory.

Both processes start at the same moment against an empty database (each creates the tables it
needs), then `python -m assistant.build` runs twice at once to fill the demo match data. One session
id then alternates between the processes: a Korean FAQ turn, a statistics question and its follow-up
(answered by the other process from the first one's context), a result screenshot read by one and
confirmed by the other, a statistics question that sees the new match, /history from both, feedback
on a turn the other process made, and an admin FAQ reload in one process that the other follows.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from conftest import VENV_BIN, free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "scale-out-admin"
STATE_TABLES = {"sessions", "turns", "feedback", "app_events"}
MATCH_TABLES = {"tournaments", "teams", "players", "matches", "match_teams", "match_players", "screenshots"}


def _text(message) -> str:
    content = message["content"]
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else str(content)


def _wait_until_serving(port: int, proc: subprocess.Popen, log: Path, timeout: float = 240) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app.py on port {port} exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"app.py on port {port} did not start within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def cluster(pg_server, model_cache, tmp_path_factory):
    """Two `app.py` processes (A, B) on one new, empty PostgreSQL database, started together; then two
    simultaneous `python -m assistant.build` runs. Yields the URLs, the database URL, the intents copy
    and what the start-up and the builds did."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = pg_server.replace("/postgres?", f"/{name}?")
    work = tmp_path_factory.mktemp("scale-out")
    intents = work / "intents"  # the same FAQ files on both "machines" (here: one folder)
    shutil.copytree(ROOT / "intents" / "data", intents)

    def env_for(label: str, port: int | None = None) -> dict[str, str]:
        env = dict(os.environ, ASSISTANT_HOME=str(work / f"home-{label}"), ASSISTANT_CACHE=str(model_cache),
                   ASSISTANT_STATE_URL=url, ASSISTANT_DB_URL=url, ASSISTANT_INTENTS_DIR=str(intents),
                   ASSISTANT_ADMIN_PASSWORD=PASSWORD, GRADIO_ANALYTICS_ENABLED="False", OMP_NUM_THREADS="1")
        if port is not None:
            env["GRADIO_SERVER_PORT"] = str(port)
        return env

    empty_before = not sa.inspect(_engine(url)).get_table_names()
    procs, logs, ports = [], [], [free_port(), free_port()]
    started = time.perf_counter()
    try:
        for label, port in zip("AB", ports):  # back to back: both create their tables at the same moment
            log = work / f"app-{label}.log"
            logs.append(log)
            procs.append(subprocess.Popen([str(VENV_BIN / "python"), "app.py"], cwd=ROOT, env=env_for(label, port),
                                          stdout=subprocess.DEVNULL, stderr=log.open("wb")))
        for proc, port, log in zip(procs, ports, logs):
            _wait_until_serving(port, proc, log)
        startup_s = time.perf_counter() - started
        tables_after_start = set(sa.inspect(_engine(url)).get_table_names())
        builds = [subprocess.Popen([str(VENV_BIN / "python"), "-m", "assistant.build"], cwd=ROOT,
                                   env=env_for(f"build-{i}"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                  for i in range(2)]
        build_results = [(b.wait(timeout=300), b.stdout.read().decode(), b.stderr.read().decode()) for b in builds]
        yield {"urls": [f"http://127.0.0.1:{p}/" for p in ports], "db": url, "intents": intents, "procs": procs,
               "logs": logs, "empty_before": empty_before, "tables_after_start": tables_after_start,
               "builds": build_results, "startup_s": startup_s}
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        _engine(url).dispose()
        _engines.pop(url, None)


_engines: dict[str, sa.Engine] = {}


def _engine(url: str) -> sa.Engine:
    if url not in _engines:
        _engines[url] = sa.create_engine(url, poolclass=sa.pool.NullPool)
    return _engines[url]


@pytest.fixture(scope="module")
def clients(cluster):
    from gradio_client import Client

    return [Client(u, verbose=False) for u in cluster["urls"]]


def _count(url: str, table: str) -> int:
    with _engine(url).connect() as conn:
        return conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def test_both_processes_start_together_on_an_empty_database(cluster):
    assert cluster["empty_before"]
    assert all(p.poll() is None for p in cluster["procs"])  # neither crashed while creating tables
    assert STATE_TABLES | MATCH_TABLES <= cluster["tables_after_start"]
    for code, out, err in cluster["builds"]:  # two builds at once: both succeed ...
        assert code == 0, err
    # ... and exactly one of them filled the demo data (the other found it there)
    assert sum("demo match data" in out for _, out, _ in cluster["builds"]) == 1
    assert _count(cluster["db"], "teams") == 24 and _count(cluster["db"], "matches") == 120


def test_one_conversation_alternates_between_two_processes(cluster, clients):
    from gradio_client import handle_file

    from ocr.testing import render_result_screen
    from intents.loader import load_intents

    a, b = clients
    kb = load_intents(cluster["intents"])
    db = cluster["db"]

    # 1. A Korean FAQ turn on A, through the chat's own endpoint: A makes the session id.
    out = a.predict({"text": "체크인은 어떻게 해요?", "files": []}, [], api_name="/send")
    session = out[-1]
    assert session.startswith("web-") and kb.intents["checkin_how"].answer["ko"] in _text(out[1][-1])

    # 2. A statistics question on B, then 3. its elliptical follow-up on A, which only B's turn explains.
    first = b.predict("How many matches did Granite Herons win?", session, api_name="/ask")
    assert first["kind"] == "sql" and "Granite Herons" in first["sql"], first
    follow = a.predict("what about Quartz Arrows?", session, api_name="/ask")
    assert follow["kind"] == "sql", follow
    assert "Quartz Arrows" in follow["sql"] and "placement = 1" in follow["sql"]  # the same question, new team
    assert follow["language"] == "en"
    alone = a.predict("what about Quartz Arrows?", f"fresh-{uuid.uuid4().hex}", api_name="/ask")
    assert alone.get("sql") != follow["sql"]  # without B's turn the follow-up means something else

    # 4. A result screenshot on A (the same client keeps its session), 5. confirmed on B.
    picture = cluster["intents"].parent / "result.png"
    render_result_screen("versus", seed=5, lang="en", theme="light", degradation="clean").image.save(picture)
    out = a.predict({"text": "", "files": [handle_file(str(picture))]}, out[1], api_name="/send")
    assert out[-1] == session and "screenshot" in _text(out[1][-1]).lower()
    matches_before = _count(db, "matches")
    confirmed = b.predict(session, None, "Scale Out Cup 2026", api_name="/confirm_record")
    assert isinstance(confirmed.get("match_id"), int), confirmed
    assert _count(db, "matches") == matches_before + 1
    with _engine(db).connect() as conn:
        winner = conn.execute(sa.text("SELECT t.name FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
                                      "WHERE mt.match_id = :m AND mt.placement = 1"),
                              {"m": confirmed["match_id"]}).scalar_one()

    # 6. A statistics question on A sees the match B recorded a moment ago (a new team, too).
    seen = a.predict(f"How many matches did {winner} win?", session, api_name="/ask")
    assert seen["kind"] == "sql" and seen["rows"] == [[1]], seen

    # 7. Both processes show the same, whole conversation.
    history_a = a.predict(session, api_name="/history")
    history_b = b.predict(session, api_name="/history")
    assert history_a == history_b
    users = [m for m in history_a if m["role"] == "user"]
    assert len(users) == 5  # FAQ, question, follow-up, screenshot, question
    assert _text(users[0]) == "체크인은 어떻게 해요?" and _text(users[2]) == "what about Quartz Arrows?"

    # 8. Feedback on B about the follow-up A answered; another session may not rate it.
    assert b.predict(follow["turn_id"], "down", session, api_name="/feedback") == {"feedback": "down"}
    assert "error" in b.predict(follow["turn_id"], "up", "someone-else", api_name="/feedback")
    with _engine(db).connect() as conn:
        row = conn.execute(sa.text("SELECT value, session_id, user_text, sql FROM feedback WHERE turn_id = :t"),
                           {"t": follow["turn_id"]}).one()
    assert row == ("down", session, "what about Quartz Arrows?", follow["sql"])


def test_admin_faq_reload_in_one_process_reaches_the_other(cluster, clients):
    a, b = clients
    path = cluster["intents"] / "schedule.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = data["intents"]["checkin_how"]["answer"]["en"]
    marker = "Check-in moved (scale-out test)."
    data["intents"]["checkin_how"]["answer"]["en"] = f"{marker} {old}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # The edited file alone changes nothing in a running process ...
    assert marker not in b.predict("How do I check in?", "reload-1", api_name="/ask")["text"]
    # ... the admin reloads on A, and B follows on one of its next turns.
    assert "Reloaded" in a.predict(PASSWORD, api_name="/admin_reload_faq")
    assert marker in a.predict("How do I check in?", "reload-2", api_name="/ask")["text"]
    deadline, text = time.time() + 60, ""
    while time.time() < deadline and marker not in text:
        text = b.predict("How do I check in?", "reload-3", api_name="/ask")["text"]
        if marker not in text:
            time.sleep(1)
    assert marker in text


def test_table_creation_is_safe_when_many_processes_start_at_once(pg_database, tmp_path, model_cache):
    """Six assistants (each with its own engine, as separate processes have) prepare one empty
    PostgreSQL database at the same instant; plain `create_all` fails this way almost every time."""
    from assistant import Assistant, Config
    from kernel.db import dispose_all

    barrier, errors = threading.Barrier(6), []
    # distinct URLs (an unused query parameter) give each assistant its own engine and connections
    urls = [f"{pg_database}&application_name=p{i}" for i in range(6)]

    def start(i: int) -> None:
        bot = Assistant(Config(home=tmp_path / f"h{i}", state_url=urls[i], match_db_url=urls[i], cache=model_cache))
        barrier.wait()
        try:
            bot.prepare_databases()
        except Exception as err:  # noqa: BLE001 - any failure is the test's finding
            errors.append(f"{type(err).__name__}: {err}")

    threads = [threading.Thread(target=start, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dispose_all()
    assert not errors, errors
    assert STATE_TABLES | MATCH_TABLES <= set(sa.inspect(_engine(pg_database)).get_table_names())
    _engine(pg_database).dispose()


def test_build_prepares_a_bare_postgresql_url_without_demo_data(pg_database, model_cache, tmp_path, monkeypatch,
                                                                 capsys):
    """`python -m assistant.build --no-demo` on a production database: tables, no invented matches;
    a bare ``postgresql://`` URL is read with psycopg 3 (the driver the project ships)."""
    from assistant import build
    from kernel.db import dispose_all, writable_engine

    bare = pg_database.replace("postgresql+psycopg://", "postgresql://")
    assert writable_engine(bare).dialect.driver == "psycopg"
    for key, value in {"ASSISTANT_HOME": tmp_path / "home", "ASSISTANT_CACHE": model_cache,
                       "ASSISTANT_STATE_URL": bare, "ASSISTANT_DB_URL": bare}.items():
        monkeypatch.setenv(key, str(value))
    assert build.main(["--no-demo"]) == 0, capsys.readouterr().err
    dispose_all()
    assert STATE_TABLES | MATCH_TABLES <= set(sa.inspect(_engine(pg_database)).get_table_names())
    assert _count(pg_database, "teams") == 0 and "demo match data" not in capsys.readouterr().out
    _engine(pg_database).dispose()
