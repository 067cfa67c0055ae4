"""The same questions against a real PostgreSQL server, started here in a throwaway cluster.

Skipped only when the PostgreSQL server binaries (Debian package ``postgresql``) are missing.
The cluster lives in a temporary folder readable by the ``postgres`` user when the tests run as root
(PostgreSQL refuses to run as root), and is stopped and removed afterwards.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.errors import InputError


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    # PostgreSQL will not run as root: run it as the 'postgres' user in a folder it can reach.
    prefix: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="arena-pg-"))
    if os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    subprocess.run([*prefix, initdb, "-D", str(data), "-U", "arena", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60",
                    "-o", f"-p {port} -k {folder} -c listen_addresses=''", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://arena@/postgres?host={folder}&port={port}"
    finally:
        from assistant.db import dispose_all
        from assistant.sql import safety

        dispose_all()
        for engine in safety._engines.values():
            engine.dispose()
        safety._engines.clear()
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_postgres_demo_database_answers_and_stays_read_only(pg_url):
    import datetime as dt

    from assistant.sql import answer, ensure_demo_database
    from assistant.sql.safety import run_readonly

    counts = ensure_demo_database(pg_url, anchor=dt.date(2026, 9, 15))
    assert counts["teams"] == 24 and ensure_demo_database(pg_url) == {}
    got = answer("How many matches did Granite Herons win?", pg_url, today=dt.date(2026, 9, 15))
    gold = run_readonly(pg_url, "SELECT COUNT(*) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
                                "WHERE t.name = 'Granite Herons' AND mt.placement = 1").rows
    assert got.rows == gold and got.columns == ["wins"]
    got = answer("목포 마린즈 승률 얼마야?", pg_url, today=dt.date(2026, 9, 15))
    assert got.language == "ko" and "%" in got.text and isinstance(got.rows[0][0], (int, float))
    top = answer("top 3 players by KDA", pg_url)
    assert len(top.rows) == 3
    # The connection is read-only and has a statement timeout, even for SQL no check has seen.
    with pytest.raises(InputError):
        run_readonly(pg_url, "DELETE FROM match_players", check=False)
    with pytest.raises(InputError, match="longer than"):
        run_readonly(pg_url, "SELECT pg_sleep(5)", timeout_s=0.5, check=False)
    assert run_readonly(pg_url, "SELECT COUNT(*) FROM match_players").rows[0][0] > 0
