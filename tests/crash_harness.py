"""Crash safety: record matches through the product path while a driver SIGKILLs the process.

Two halves in one file, so the worker and the checks agree on what each key means:

* ``worker`` (``python tests/crash_harness.py worker --first I --last N [--retry K]``) is a user of
  the app. For each key it renders a result screenshot (``ocr.testing.render_result_screen``, seed from the
  key), uploads it with ``Assistant().respond(image=png)`` (the reading is stored in the session as
  the app stores it; only Tesseract is replaced by the generator's ground truth, so 200 uploads do
  not take minutes), then presses "confirm" with ``Assistant.confirm_record``. It prints, flushed,
  ``UPLOAD <key> <sha256>`` before the upload, ``CONFIRM <key>`` before the confirmation,
  ``COMMITTED <key> <match_id>`` when ``matchdata.record_match`` (called by ``confirm_record``) returned,
  and ``CONFIRMED <key> <match_id>`` only after ``confirm_record`` returned. Between the last two it
  waits ``REPLY_DELAY`` (the reply on its way back to the person), so kills also land after the
  commit and before the person saw it. A retried key (``--retry``) is confirmed again; when the
  product says the screenshot is already recorded the worker prints ``ALREADY <key> <match_id>``.
  Configuration comes from the environment exactly as for the app (``ASSISTANT_HOME``,
  ``ASSISTANT_DB_URL``).
* :func:`run_crash_test` is the driver: it starts the worker, SIGKILLs it at seeded random moments
  (some timed from the start, most a random fraction of a step after an ``UPLOAD``, ``CONFIRM`` or
  ``COMMITTED`` line, so kills land inside the transaction, at the commit and just after it),
  classifies what was in flight from the database, restarts the worker with the next keys
  (retrying the key in flight, like a person pressing "confirm" again), and at the end checks the
  database with :func:`check_database`.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import queue
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TOURNAMENT = "Crash Cup 2026"
SESSION = "crash-user"
SEED_BASE = 70_000  # render seeds the OCR tests and benchmarks do not use
WORKER_APP = "crash-worker"  # PostgreSQL application_name of the worker's connections
REPLY_DELAY = 0.01  # seconds between the commit and confirm_record returning (the reply's way back)


# What a key means ---------------------------------------------------------------------------------
def screen_for(key: int):
    """The screenshot of ``key``: (png bytes, its SHA-256, the MatchRecord it shows). Deterministic."""
    from ocr.testing import render_result_screen

    kind = "ranking" if key % 3 == 0 else "versus"
    screen = render_result_screen(kind, seed=SEED_BASE + key, size=(960, 540),
                                      **({"table": True} if kind == "versus" else {}))
    png = screen.png_bytes()
    return png, hashlib.sha256(png).hexdigest(), screen.truth


# The worker ---------------------------------------------------------------------------------------
def _say(*parts) -> None:
    # one write() per line: a kill can never leave half a line behind
    sys.stdout.write(" ".join(map(str, parts)) + "\n")
    sys.stdout.flush()


def worker(first: int, last: int, retry: int | None) -> None:
    import re

    import ocr
    from assistant import Assistant
    from kernel.errors import InputError

    readings: dict[str, object] = {}

    def ground_truth(image, known_names=None, options=None):  # stands in for Tesseract
        return readings[hashlib.sha256(image).hexdigest()]

    ocr.read_match_result = ground_truth
    import matchdata

    record_match, current = matchdata.record_match, {}

    def record_and_report(*args, **kwargs):  # confirm_record calls matchdata.record_match
        match_id = record_match(*args, **kwargs)
        _say("COMMITTED", current["key"], match_id)
        time.sleep(REPLY_DELAY)  # the reply on its way back to the person
        return match_id

    matchdata.record_match = record_and_report
    bot = Assistant()  # ASSISTANT_HOME / ASSISTANT_DB_URL from the environment, as the app
    bot.prepare_databases()  # what app.py does at start (a kill may land in the schema creation)
    _say("READY")
    keys = ([retry] if retry is not None else []) + list(range(first, last))
    for key in keys:
        png, sha, truth = screen_for(key)
        readings[sha] = truth
        current["key"] = key
        pending = next((t for t in reversed(bot.sessions.history(SESSION)) if t.kind == "ocr" and t.meta), None)
        if not (key == retry and pending is not None and pending.meta.get("image_sha256") == sha):
            _say("UPLOAD", key, sha)
            bot.respond(image=png, session=SESSION, lang="ko" if key % 2 else "en")
        _say("CONFIRM", key)
        try:
            match_id = bot.confirm_record(SESSION, tournament=TOURNAMENT)
        except InputError as err:
            found = re.search(r"already recorded as match (\d+)", str(err))
            if not found:
                raise
            _say("ALREADY", key, found.group(1))
            continue
        _say("CONFIRMED", key, match_id)
    _say("DONE")


# The driver ---------------------------------------------------------------------------------------
@dataclasses.dataclass
class Stats:
    """What one crash run did and what the checks found."""

    database: str
    recordings: int
    attempted: int = 0
    confirmed: int = 0
    already: int = 0
    runs: int = 0
    kills: int = 0
    kills_startup: int = 0
    kills_upload: int = 0
    kills_between: int = 0
    kills_retry_recorded: int = 0
    in_call_committed: int = 0
    in_call_rolled_back: int = 0
    after_commit_committed: int = 0
    after_commit_lost: int = 0
    retried: int = 0
    matches: int = 0
    duplicates: int = 0
    lost: int = 0
    wrong_id: int = 0
    phantom: int = 0
    incomplete: int = 0
    orphans: int = 0
    integrity: str = "n/a"
    journal_mode: str = "n/a"
    readonly_checks: int = 0
    readonly_problems: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def kills_in_flight(self) -> int:
        return self.in_call_committed + self.in_call_rolled_back + self.after_commit_committed + self.after_commit_lost

    @property
    def inflight_committed(self) -> int:
        return self.in_call_committed + self.after_commit_committed

    def as_dict(self) -> dict:
        return {**dataclasses.asdict(self), "kills_in_flight": self.kills_in_flight,
                "inflight_committed": self.inflight_committed}


def _backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def _sqlite_file(url: str) -> Path:
    import sqlalchemy as sa

    return Path(sa.make_url(url).database)


def _with_app_name(url: str) -> str:
    return url + ("&" if "?" in url else "?") + f"application_name={WORKER_APP}"


def _recorded(url: str) -> dict[str, int]:
    """{screenshot sha256: match id} as the database holds them now (a fresh connection; on SQLite a
    read-only one, which neither recovers nor checkpoints the WAL a killed writer left behind)."""
    import sqlalchemy as sa

    if _backend(url) == "sqlite":
        import sqlite3
        import urllib.parse

        path = _sqlite_file(url)
        if not path.exists():
            return {}
        conn = sqlite3.connect("file:" + urllib.parse.quote(str(path)) + "?mode=ro", uri=True)
        try:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'screenshots'").fetchone():
                return {}
            return dict(conn.execute("SELECT sha256, match_id FROM screenshots").fetchall())
        finally:
            conn.close()
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            if "screenshots" not in sa.inspect(conn).get_table_names():
                return {}
            return dict(conn.execute(sa.text("SELECT sha256, match_id FROM screenshots")).all())
    finally:
        engine.dispose()


def _wait_for_pg_backends(url: str, timeout: float = 15.0) -> None:
    """Wait until the killed worker's server processes are gone (their transactions ended)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    deadline = time.monotonic() + timeout
    try:
        while True:
            with engine.connect() as conn:
                left = conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :n"),
                                    {"n": WORKER_APP}).scalar()
            if not left:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"{left} server process(es) of the killed worker are still alive")
            time.sleep(0.05)
    finally:
        engine.dispose()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _readonly_check(url: str, expected: int, stats: Stats) -> None:
    """The read-only SQL path on the database a kill just left behind: it sees every committed match
    and leaves the database file byte for byte as it was (header and journal mode included)."""
    from nl2sql.safety import run_readonly

    path = _sqlite_file(url)
    before = _file_digest(path)
    result = run_readonly(url, "SELECT COUNT(*) AS n FROM matches")
    stats.readonly_checks += 1
    if result.rows[0][0] != expected:
        stats.readonly_problems += 1
        stats.problems.append(f"read-only path counted {result.rows[0][0]} matches, the database holds {expected}")
    if _file_digest(path) != before:
        stats.readonly_problems += 1
        stats.problems.append("the read-only SQL path changed the database file")


class _Worker:
    """One worker process and a thread that timestamps its output lines."""

    def __init__(self, args: list[str], env: dict[str, str], stderr_path: Path):
        self.stderr = open(stderr_path, "ab")
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "worker", *args],
                                     stdout=subprocess.PIPE, stderr=self.stderr, env=env, text=True, bufsize=1)
        self.started = time.monotonic()
        self.lines: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.endswith("\n"):  # defensive: a line cut by the kill is not a report
                self.lines.put((time.monotonic(), line.split()))
        self.lines.put((time.monotonic(), None))

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)

    def finish(self) -> int:
        code = self.proc.wait()
        self.thread.join()
        self.proc.stdout.close()
        self.stderr.close()
        return code


def run_crash_test(url: str, home: Path, recordings: int = 60, seed: int = 0, kill_every: float = 3.0,
                   retry_share: float = 0.6, log=None) -> Stats:
    """Record keys ``0..recordings-1`` through the product path while SIGKILLing the worker at random
    moments (about one kill per ``kill_every`` recordings, seeded by ``seed``), then check the database.

    ``url`` is the match database (a SQLite file URL under ``home`` for the app's own database, or
    PostgreSQL); the sessions live in ``home`` as in the app. Returns :class:`Stats`; its
    ``problems`` list is empty when every check held.
    """
    rng = random.Random(seed)
    home.mkdir(parents=True, exist_ok=True)
    stats = Stats(_backend(url), recordings)
    env = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    env.pop("ASSISTANT_STATE_URL", None)
    if stats.database == "postgresql":
        env["ASSISTANT_DB_URL"] = _with_app_name(url)
    elif url != f"sqlite:///{home / 'assistant.db'}":
        env["ASSISTANT_DB_URL"] = url
    else:
        env.pop("ASSISTANT_DB_URL", None)
    acknowledged: dict[int, int] = {}  # key -> match id record_match returned (COMMITTED/CONFIRMED/ALREADY)
    confirmed: set[int] = set()        # keys whose confirmation reached the user (CONFIRMED/ALREADY)
    shas: dict[int, str] = {}
    inflight_committed: set[int] = set()
    started: set[int] = set()
    durations: dict[str, list[float]] = {"UPLOAD": [], "CONFIRM": [], "COMMITTED": []}
    startup: list[float] = []
    next_key, retry = 0, None
    t0 = time.monotonic()

    def handle(when: float, words: list[str], w: _Worker, step: dict) -> None:
        kind = words[0]
        if kind == "READY":
            startup.append(when - w.started)
            return
        if kind == "DONE":
            return
        key = int(words[1])
        if kind in ("UPLOAD", "CONFIRM"):
            started.add(key)
            if kind == "UPLOAD":
                shas[key] = words[2]
        else:
            match_id = int(words[2])
            if acknowledged.get(key, match_id) != match_id:
                stats.problems.append(f"key {key} was reported as match {acknowledged[key]} and as {match_id}")
            acknowledged[key] = match_id
            if kind != "COMMITTED":
                confirmed.add(key)
                stats.already += kind == "ALREADY"
        # how long each step takes, to aim the next kills inside it
        follows = {"CONFIRM": "UPLOAD", "COMMITTED": "CONFIRM", "CONFIRMED": "COMMITTED"}.get(kind)
        if follows in step and step[follows][0] == key:
            durations[follows].append(when - step[follows][1])
        step[kind] = (key, when)

    while next_key < recordings or retry is not None:
        args = ["--first", str(next_key), "--last", str(recordings)]
        if retry is not None:
            args += ["--retry", str(retry)]
        stats.runs += 1
        known_before = set(acknowledged) | inflight_committed  # keys recorded before this run
        w = _Worker(args, env, home / "worker.stderr")
        # The kill plan: a moment after the start (imports, schema creation), or a random fraction
        # of a step after the k-th line that starts it: the upload, the confirmation (half of these
        # aim at its end, where the commit is), or the reply on its way back after the commit.
        r = rng.random()
        if r < 0.1:
            plan = ("time", 0, rng.uniform(0, 1.2 * (statistics.median(startup) if startup else 0.3)))
        else:
            event = "UPLOAD" if r < 0.22 else "COMMITTED" if r < 0.34 else "CONFIRM"
            typical = statistics.median(durations[event][-30:]) if durations[event] else 0.02
            low, high = (0.6, 1.1) if event == "CONFIRM" and r > 0.8 else (0.0, 1.1 if event == "CONFIRM" else 1.3)
            plan = (event, rng.randint(1, max(1, round(2 * kill_every - 1))), rng.uniform(low, high) * typical)
        seen = {"UPLOAD": 0, "CONFIRM": 0, "COMMITTED": 0}
        last: list[str] | None = None
        step: dict[str, tuple[int, float]] = {}
        kill_at = w.started + plan[2] if plan[0] == "time" else None
        killed = False
        while True:
            timeout = None if kill_at is None else max(0.0, kill_at - time.monotonic())
            try:
                when, words = w.lines.get(timeout=timeout)
            except queue.Empty:
                w.kill()
                killed = True
                break
            if words is None:
                break
            last = words
            handle(when, words, w, step)
            if words[0] in seen:
                seen[words[0]] += 1
                if plan[0] == words[0] and seen[words[0]] == plan[1]:
                    kill_at = when + plan[2]
        code = w.finish()
        # Lines the worker flushed just before it died are read now, before anything is judged.
        while not w.lines.empty():
            when, words = w.lines.get_nowait()
            if words is not None:
                last = words
                handle(when, words, w, step)
        if not killed or code != -signal.SIGKILL:
            if code != 0 or not last or last[0] != "DONE":
                tail = (home / "worker.stderr").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"the worker failed on its own (exit {code}, last line {last}):\n{tail}")
            break
        stats.kills += 1
        if stats.database == "postgresql":
            _wait_for_pg_backends(url)
        retry = None
        if last is None or last[0] == "READY":
            stats.kills_startup += 1
        elif last[0] in ("CONFIRMED", "ALREADY", "DONE"):
            stats.kills_between += 1
        else:
            key = int(last[1])
            present = shas[key] in _recorded(url)
            if key in known_before:
                stats.kills_retry_recorded += 1  # a retry of a key recorded before: nothing new in flight
                if not present:
                    stats.problems.append(f"key {key} was recorded before but is gone after a kill during its retry")
            elif last[0] == "UPLOAD":
                stats.kills_upload += 1
                if present:
                    stats.problems.append(f"key {key} is recorded although the kill came during its upload")
            elif last[0] == "COMMITTED":
                stats.after_commit_committed += present
                if not present:
                    stats.after_commit_lost += 1
                    stats.problems.append(f"key {key} was committed (record_match returned) but is gone after the kill")
            else:
                stats.in_call_committed += present
                stats.in_call_rolled_back += not present
            if present:
                inflight_committed.add(key)
            if rng.random() < retry_share:
                retry, stats.retried = key, stats.retried + 1
        if stats.database == "sqlite" and _recorded(url):
            _readonly_check(url, len(_recorded(url)), stats)
        next_key = max(started) + 1 if started else 0
        if log:
            log(f"kill {stats.kills} (plan {plan[0]} #{plan[1]} +{plan[2] * 1000:.1f} ms): after "
                f"{' '.join(last[:2]) if last else 'start'}; next key {next_key}, retry {retry}")
    stats.seconds = time.monotonic() - t0
    stats.startup_seconds = statistics.median(startup) if startup else 0.0
    if stats.database == "postgresql":
        _wait_for_pg_backends(url)
    stats.attempted = len(started)
    stats.confirmed = len(confirmed)
    check_database(url, acknowledged, inflight_committed, shas, stats)
    sessions_file = home / "assistant.db"
    if stats.database == "postgresql" and sessions_file.exists():  # the sessions stay in the app's SQLite
        found = sqlite_integrity(sessions_file)
        stats.integrity += f"; sessions file {found}"
        if found != "ok":
            stats.problems.append(f"the sessions database: {found}")
    return stats


# The checks ---------------------------------------------------------------------------------------
def check_database(url: str, confirmed: dict[int, int], inflight_committed: set[int], shas: dict[int, str],
                   stats: Stats) -> None:
    """Check the database after a crash run and add what is wrong to ``stats.problems``.

    ``confirmed`` maps each key whose recording returned (``record_match`` came back) to its match
    id, ``inflight_committed`` holds keys found committed after a kill, ``shas`` maps keys to their
    screenshot's SHA-256. Every confirmed key must be recorded exactly once with the match id the
    worker was given; nothing may be recorded that was neither confirmed nor in flight at a kill;
    every match must be complete (its match_teams and match_players rows exactly as the screenshot
    showed) and nothing orphaned; on SQLite also ``integrity_check``, ``foreign_key_check`` and WAL."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    by_sha = {sha: key for key, sha in shas.items()}
    with engine.connect() as conn:
        q = lambda sql: conn.execute(sa.text(sql)).all()  # noqa: E731
        shots = q("SELECT sha256, match_id FROM screenshots")
        matches = {r[0]: r[1:] for r in q("SELECT m.id, m.format, t.name FROM matches m "
                                           "LEFT JOIN tournaments t ON t.id = m.tournament_id")}
        teams: dict[int, list] = {}
        for mid, *row in q("SELECT mt.match_id, t.name, mt.placement, mt.score, mt.kills FROM match_teams mt "
                           "JOIN teams t ON t.id = mt.team_id"):
            teams.setdefault(mid, []).append(tuple(row))
        players: dict[int, list] = {}
        for mid, *row in q("SELECT mp.match_id, p.nickname, mp.kills, mp.deaths, mp.assists FROM match_players mp "
                           "JOIN players p ON p.id = mp.player_id"):
            players.setdefault(mid, []).append(tuple(row))
        missing = "SELECT COUNT(*) FROM {} x LEFT JOIN {} y ON y.{} = x.{} WHERE x.{} IS NOT NULL AND y.{} IS NULL"
        orphans = {f"{child} without {parent}": missing.format(child, parent, pk, fk, fk, pk)
                   for child, parent, fk, pk in [("match_teams", "matches", "match_id", "id"),
                                                 ("match_teams", "teams", "team_id", "id"),
                                                 ("match_players", "matches", "match_id", "id"),
                                                 ("match_players", "players", "player_id", "id"),
                                                 ("players", "teams", "team_id", "id"),
                                                 ("matches", "tournaments", "tournament_id", "id"),
                                                 ("screenshots", "matches", "match_id", "id"),
                                                 ("matches", "screenshots", "id", "match_id")]}
        orphans["matches without teams"] = ("SELECT COUNT(*) FROM matches m WHERE NOT EXISTS "
                                            "(SELECT 1 FROM match_teams x WHERE x.match_id = m.id)")
        for label, sql in orphans.items():
            n = q(sql)[0][0]
            if n:
                stats.orphans += n
                stats.problems.append(f"{n} {label}")
        for table, column in (("teams", "name"), ("players", "nickname"), ("tournaments", "name")):
            n = q(f"SELECT COUNT(*) - COUNT(DISTINCT {column}) FROM {table}")[0][0]
            if n:
                stats.duplicates += n
                stats.problems.append(f"{n} duplicate {table}")
        if stats.database == "postgresql":
            stats.integrity = "ok (constraints)"
            idle = q(f"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '{WORKER_APP}'")[0][0]
            if idle:
                stats.problems.append(f"{idle} worker connections still open on the server")
    engine.dispose()
    if stats.database == "sqlite":
        stats.integrity = sqlite_integrity(_sqlite_file(url))
        if stats.integrity != "ok":
            stats.problems.append(f"SQLite integrity: {stats.integrity}")
        stats.journal_mode = journal_mode(_sqlite_file(url))
        if stats.journal_mode != "wal":
            stats.problems.append(f"the app-created database is in journal mode {stats.journal_mode}, not wal")

    stats.matches = len(matches)
    sha_count: dict[str, int] = {}
    for sha, _ in shots:
        sha_count[sha] = sha_count.get(sha, 0) + 1
    doubled = sum(n - 1 for n in sha_count.values()) + max(0, len(matches) - len(shots))
    if doubled:
        stats.duplicates += doubled
        stats.problems.append(f"{doubled} screenshot(s) recorded more than once")
    recorded = {by_sha.get(sha, sha): mid for sha, mid in shots}
    for key, mid in sorted(confirmed.items()):
        if key not in recorded:
            stats.lost += 1
            stats.problems.append(f"confirmed key {key} (match {mid}) is not in the database")
        elif recorded[key] != mid:
            stats.wrong_id += 1
            stats.problems.append(f"key {key} was confirmed as match {mid} but is stored as match {recorded[key]}")
    for key in recorded:
        if key not in confirmed and key not in inflight_committed:
            stats.phantom += 1
            stats.problems.append(f"{key} is recorded but was never confirmed nor in flight at a kill")
    for key, mid in recorded.items():
        if not isinstance(key, int):
            continue
        _, sha, truth = screen_for(key)
        if sha != shas[key]:
            stats.problems.append(f"key {key} rendered differently in the worker and in the checks")
        want_teams = sorted((t.name.strip(), t.placement, t.score, t.kills) for t in truth.teams)
        want_players = sorted((p.nickname.strip(), p.kills, p.deaths, p.assists) for p in truth.players)
        if (matches.get(mid) != (truth.format, TOURNAMENT) or sorted(teams.get(mid, [])) != want_teams
                or sorted(players.get(mid, [])) != want_players):
            stats.incomplete += 1
            stats.problems.append(f"match {mid} (key {key}) does not hold what its screenshot showed")


def sqlite_integrity(path: Path) -> str:
    """``ok``, or what ``PRAGMA integrity_check`` and ``foreign_key_check`` found (read-only)."""
    import sqlite3
    import urllib.parse

    conn = sqlite3.connect("file:" + urllib.parse.quote(str(path)) + "?mode=ro", uri=True)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    text = "ok" if found == ["ok"] else "; ".join(found[:5])
    return text + (f"; {len(fk)} foreign key violations" if fk else "")


def journal_mode(path: Path) -> str:
    """The journal mode of a SQLite file, read without writing to it (a read-only connection)."""
    import sqlite3
    import urllib.parse

    conn = sqlite3.connect("file:" + urllib.parse.quote(str(path)) + "?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


ROWS = [("recordings attempted", "attempted"), ("confirmed (returned to the user)", "confirmed"),
        ("  of which 'already recorded' on a retry", "already"), ("worker runs", "runs"), ("kills (SIGKILL)", "kills"),
        ("  during start-up", "kills_startup"), ("  during the upload", "kills_upload"),
        ("  between recordings", "kills_between"), ("  during a retry of a recorded key", "kills_retry_recorded"),
        ("  with a confirmation in flight", "kills_in_flight"),
        ("    inside the call, found committed", "in_call_committed"),
        ("    inside the call, found rolled back", "in_call_rolled_back"),
        ("    after the commit, before the reply: found committed", "after_commit_committed"),
        ("    after the commit, before the reply: lost", "after_commit_lost"),
        ("in-flight keys retried", "retried"), ("matches in the database", "matches"),
        ("duplicates", "duplicates"), ("lost", "lost"), ("wrong match id", "wrong_id"),
        ("recorded but never confirmed", "phantom"), ("incomplete matches", "incomplete"),
        ("orphan rows", "orphans"), ("integrity", "integrity"), ("journal mode", "journal_mode"),
        ("read-only path checks after a kill", "readonly_checks"),
        ("read-only path problems", "readonly_problems"),
        ("median worker start-up (s)", "startup_seconds"), ("seconds in all", "seconds")]


def table(results: list[dict]) -> str:
    """A Markdown table of one or more :meth:`Stats.as_dict` results, one column each."""
    head = "| | " + " | ".join(r["database"] for r in results) + " |"
    lines = [head, "|---|" + "---|" * len(results)]
    for label, field in ROWS:
        cells = [f"{r[field]:.2g}" if isinstance(r[field], float) and r[field] < 10 else
                 f"{r[field]:.0f}" if isinstance(r[field], float) else str(r[field]) for r in results]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="crash-safety worker (see the module docstring)")
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("worker")
    w.add_argument("--first", type=int, required=True)
    w.add_argument("--last", type=int, required=True)
    w.add_argument("--retry", type=int)
    args = parser.parse_args(argv)
    worker(args.first, args.last, args.retry)


if __name__ == "__main__":
    main()
