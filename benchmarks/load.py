"""Load test: many concurrent users drive the real app over HTTP on loopback, with mixed FAQ,
statistics (SQL, with follow-ups) and screenshot (OCR, with confirmations) turns.

    .venv/bin/python benchmarks/load.py [--users 50] [--seconds 120] [--max-turns 400] [--client http|gradio]

It starts ``app.py`` as a subprocess on a free port with a private ASSISTANT_HOME in a temporary
folder (the demo match database is created there first) and the shared model cache (``var/cache``,
so nothing is encoded again), waits until it serves, renders a few result screenshots, and runs a
sequential baseline (each question once, which also warms the server). Then each simulated user —
a thread with its own client and its own session — loops over turns with short think times until
the deadline (it finishes the turn it is in; ``--max-turns`` caps each user). The client is
Gradio's plain HTTP API by default (``--client http``: one session hash and one connection per
user, ~1.5 ms of client CPU a turn) or one ``gradio_client.Client`` per user (``--client gradio``,
~45 ms of client CPU a turn, which on 2 shared cores takes CPU from the app it measures):

- ``faq_en``/``faq_ko``: a FAQ question through ``/ask`` (the session id as a parameter) or
  ``/chat`` (the session kept server-side); some carry the user's unique marker (``lt7x12``);
- ``sql``: a statistics question through ``/ask``; ``followup``: its follow-up ("what about last
  year?"), which only gives the baseline's rows if the session holds the user's own previous turn;
- ``ocr``: a result screenshot through ``/send`` (the multimodal chat turn, file uploaded);
  ``confirm``: after some of them, ``/confirm_record`` with the corrected record (the screenshot's
  truth) for a screenshot made unique per turn, so every confirmation writes a new match;
- ``history``: ``/history`` mid-run, checking what the session holds so far.

Every reply is checked: no error, the reply belongs to the user's session, FAQ and SQL answers equal
the sequential baseline (a reply computed for someone else's question or session would differ).
At the end each user reads its session through ``/history``: exactly its own turns in its order,
all its markers and no other user's (a cross-session leak otherwise). The server's RSS is sampled
every second; memory is "stable" when the last third of the run stays within a tolerance of the
RSS after warm-up (the end of the first third). Prints a table per turn kind (n, errors, turns/s,
p50/p95/p99 ms), writes ``benchmarks/results/load.png`` and ``load.json``; exits 1 on any error,
wrong reply or leak.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import RESULTS, metric, percentile, save_result, table  # noqa: E402

KINDS = ["faq_en", "faq_ko", "sql", "followup", "ocr", "confirm", "history"]
FAQ = {
    "en": ["How do I check in?", "Can I stream my own matches?", "How do I report a cheater?",
           "When will I get my prize money?", "my teammate disconnected", "reset my password please"],
    "ko": ["체크인은 어떻게 해요?", "상금은 언제 들어와요?", "경기 결과 등록은 어떻게 해요?", "핵 쓰는 사람 신고",
           "팀원이 튕겼어요", "방송 딜레이 몇 분이에요?"],
}
# (statistics question, its follow-up or None). Each names a demo team, player or tournament, so the
# matches the confirmations record (the screenshot generator's teams and players, in TOURNAMENT)
# never change their answers: a different answer under load is a wrong answer.
SQL = [("How many matches did Granite Herons win?", "what about last year?"),
       ("목포 마린즈 이번 시즌 몇 번 이겼어?", "그럼 작년에는?"),
       ("top 3 players by kills in the Granite Cup", None),
       ("미르 킬 몇 개야?", "그럼 어시는?")]
# weights of the turn kinds after each user's first round (follow-ups and confirmations come with
# their sql/ocr turn, with these probabilities)
MIX = {"faq_en": 0.26, "faq_ko": 0.26, "sql": 0.26, "ocr": 0.14, "history": 0.08}
P_FOLLOWUP, P_CONFIRM = 0.6, 0.5
GROUPS = {"faq": ("faq_en", "faq_ko"), "sql": ("sql",), "ocr": ("ocr",), "history": ("history",)}
"""``--kinds`` picks groups of turns (a sql turn brings its follow-ups, an ocr turn its confirmations)."""
TOURNAMENT = "Load Test Cup 2026"
MARKER = re.compile(r"\blt\d+x\d+\b")
SCREENSHOT_LABELS = {"(result screenshot)", "(결과 스크린샷)"}


# ---- the server ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``app.py`` in a subprocess with a private home; ``stop()`` ends it (and only it)."""

    def __init__(self, workdir: Path, cache: Path | None, python: str | None = None):
        from nl2sql import ensure_demo_database

        self.home = workdir / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        ensure_demo_database(f"sqlite:///{self.home / 'assistant.db'}")  # app.py serves it, never creates it
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = workdir / "server.log"
        env = dict(os.environ, GRADIO_SERVER_PORT=str(self.port), ASSISTANT_HOME=str(self.home),
                   GRADIO_TEMP_DIR=str(workdir / "uploads"),  # uploaded screenshots stay in the work folder
                   GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
                   ASSISTANT_LOG=os.environ.get("ASSISTANT_LOG", "WARNING"))
        env.pop("ASSISTANT_ADMIN_PASSWORD", None)
        env.pop("ASSISTANT_DB_URL", None)
        env.pop("ASSISTANT_STATE_URL", None)
        if cache is not None:
            env["ASSISTANT_CACHE"] = str(cache)
        python = python or str(ROOT / ".venv" / "bin" / "python")
        if not Path(python).exists():
            python = sys.executable
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([python, "app.py"], cwd=ROOT, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT)
        self.pid = self.proc.pid

    def wait_ready(self, timeout: float = 240.0) -> float:
        """Seconds until the app answers its config; raises RuntimeError if it dies or times out."""
        import httpx

        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(self.url + "config", timeout=2).status_code == 200:
                    return time.monotonic() - start
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"app.py did not serve within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()


def rss_mb(pid: int) -> float | None:
    """Resident memory of process ``pid`` in MB (psutil when installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        try:
            return psutil.Process(pid).memory_info().rss / 2**20
        except psutil.Error:
            return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class RSSSampler(threading.Thread):
    """RSS of ``pid`` every ``interval`` seconds, as (seconds since ``t0``, MB)."""

    def __init__(self, pid: int, t0: float, interval: float = 1.0):
        super().__init__(daemon=True, name="rss-sampler")
        self.pid, self.t0, self.interval = pid, t0, interval
        self.samples: list[tuple[float, float]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            value = rss_mb(self.pid)
            if value is not None:
                self.samples.append((time.monotonic() - self.t0, value))
            self.stopped.wait(self.interval)


# ---- screenshots ----------------------------------------------------------------------------------

@dataclasses.dataclass
class Screenshot:
    path: Path
    data: bytes
    truth: dict


def render_screenshots(folder: Path, n: int = 4) -> list[Screenshot]:
    """``n`` result screenshots from the project's generator (versus and ranking, en and ko), with truth."""
    from ocr.testing import render_result_screen

    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    for i in range(n):
        kind = "versus" if i % 2 == 0 else "ranking"
        screen = render_result_screen(kind, seed=300 + i, lang=("en", "ko")[(i // 2) % 2], degradation="clean",
                                          size=(1280, 720))
        buf = io.BytesIO()
        screen.image.save(buf, format="PNG")
        path = folder / f"result-{i}.png"
        path.write_bytes(buf.getvalue())
        shots.append(Screenshot(path, buf.getvalue(), screen.truth.to_dict()))
    return shots


def unique_png(data: bytes, marker: str) -> bytes:
    """The same PNG with a text chunk naming ``marker``: the same picture, a different SHA-256."""
    payload = b"Comment\x00" + marker.encode()
    chunk = struct.pack(">I", len(payload)) + b"tEXt" + payload + struct.pack(">I", zlib.crc32(b"tEXt" + payload))
    return data[:-12] + chunk + data[-12:]  # before IEND


# ---- replies --------------------------------------------------------------------------------------

def message_text(message) -> str:
    content = message.get("content") if isinstance(message, dict) else message
    if isinstance(content, list):
        return " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return content if isinstance(content, str) else ""


class TurnFailed(Exception):
    """A turn whose reply is an error (``problem="error"``) or not the expected one (``"mismatch"``)."""

    def __init__(self, problem: str, message: str):
        super().__init__(message)
        self.problem = problem


def check_reply(reply, session: str) -> dict:
    if not isinstance(reply, dict):
        raise TurnFailed("error", f"not a reply: {str(reply)[:80]}")
    if "error" in reply:
        raise TurnFailed("error", reply["error"])
    if reply.get("session") != session:
        raise TurnFailed("leak", f"a reply of session {reply.get('session')} came back to {session}")
    return reply


# ---- clients ---------------------------------------------------------------------------------------

class GradioTransport:
    """One ``gradio_client.Client`` (its own server-side session): what docs/app.md's API section shows."""

    def __init__(self, url: str, timeout: float):
        from gradio_client import Client

        self.timeout = timeout
        self.client = Client(url, verbose=False, download_files=False, max_workers=2, analytics_enabled=False)

    def call(self, api: str, *args):
        job = self.client.submit(*args, api_name=f"/{api}")
        try:
            return job.result(timeout=self.timeout)
        except TimeoutError:
            job.cancel()
            raise TurnFailed("timeout", f"no reply within {self.timeout:.0f} s") from None

    def file(self, path: Path):
        from gradio_client import handle_file

        return handle_file(str(path))

    def close(self) -> None:
        self.client.close()


class HttpTransport:
    """Gradio's plain HTTP API (``POST /gradio_api/call/<api>`` + the event stream), one session hash
    per user, on one keep-alive connection. Outputs come back as gradio_client gives them (the
    endpoint's API outputs; a single output unwrapped). About 1-2 ms of client CPU a turn where
    gradio_client spends ~45 ms, which matters when the load generator shares 2 cores with the app."""

    _outputs: dict[str, dict[str, list[int]]] = {}
    _lock = threading.Lock()

    def __init__(self, url: str, timeout: float):
        import uuid

        import httpx

        self.timeout = timeout
        self.http = httpx.Client(base_url=url.rstrip("/") + "/gradio_api",
                                 timeout=httpx.Timeout(timeout, connect=10.0))
        self.session_hash = uuid.uuid4().hex[:12]
        with self._lock:
            if url not in self._outputs:  # which raw outputs are API outputs (not State, not layout)
                config = httpx.get(url.rstrip("/") + "/config", timeout=30).json()
                skip = {c["id"]: c.get("skip_api", False) for c in config["components"]}
                self._outputs[url] = {d["api_name"]: [i for i, o in enumerate(d["outputs"]) if not skip.get(o)]
                                      for d in config["dependencies"] if d.get("api_name")}
            self.keep = self._outputs[url]

    def call(self, api: str, *args):
        start = time.monotonic()
        r = self.http.post(f"/call/{api}", json={"data": list(args), "session_hash": self.session_hash})
        if r.status_code != 200:
            raise TurnFailed("error", f"HTTP {r.status_code} from /call/{api}: {r.text[:200]}")
        event = None
        with self.http.stream("GET", f"/call/{api}/{r.json()['event_id']}") as stream:
            for line in stream.iter_lines():
                if time.monotonic() - start > self.timeout:
                    raise TurnFailed("timeout", f"no reply within {self.timeout:.0f} s")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event in ("complete", "error"):
                    data = json.loads(line[5:])
                    if event == "error":
                        raise TurnFailed("error", f"/{api} failed: {str(data)[:200]}")
                    out = [data[i] for i in self.keep[api] if i < len(data)]
                    return out[0] if len(out) == 1 else tuple(out)
        raise TurnFailed("error", f"/{api}: the event stream ended without a result")

    def file(self, path: Path) -> dict:
        r = self.http.post("/upload", files={"files": (path.name, path.read_bytes(), "image/png")})
        if r.status_code != 200:
            raise TurnFailed("error", f"HTTP {r.status_code} from /upload: {r.text[:200]}")
        return {"path": r.json()[0], "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}

    def close(self) -> None:
        self.http.close()


TRANSPORTS = {"http": HttpTransport, "gradio": GradioTransport}


@dataclasses.dataclass
class Baseline:
    """The sequential answers every concurrent reply is compared with."""

    faq: dict[str, tuple[str | None, str]]      # question -> (intent, reply text)
    sql: dict[str, list]                         # question -> rows
    followup: dict[str, list]                    # base question -> the follow-up's rows
    seconds: float = 0.0


def run_baseline(url: str, shots: list[Screenshot], workdir: Path, transport: str = "http") -> Baseline:
    """Every question once, one at a time, each in a fresh session (this also warms the server)."""
    start = time.monotonic()
    client = TRANSPORTS[transport](url, 300.0)
    faq, sql, followup = {}, {}, {}
    for i, question in enumerate(FAQ["en"] + FAQ["ko"]):
        reply = check_reply(client.call("ask", question, f"baseline-faq-{i}", False, None, 1.0), f"baseline-faq-{i}")
        faq[question] = (reply.get("intent"), reply["text"])
    for i, (question, follow) in enumerate(SQL):
        session = f"baseline-sql-{i}"
        reply = check_reply(client.call("ask", question, session, False, None, 1.0), session)
        if reply.get("kind") != "sql":
            raise RuntimeError(f"the baseline statistics question {question!r} was not answered with SQL: {reply['text']}")
        sql[question] = reply["rows"]
        if follow:
            reply = check_reply(client.call("ask", follow, session, False, None, 1.0), session)
            followup[question] = reply.get("rows")
    for i, shot in enumerate(shots):  # loads the OCR engines; one confirmation checks the truth records
        out = client.call("send", {"text": "", "files": [client.file(shot.path)]}, [])
        if message_text(out[1][-1]).startswith("⚠"):
            raise RuntimeError(f"the baseline screenshot {shot.path.name} failed: {message_text(out[1][-1])}")
        if i == 0:
            path = workdir / "baseline-confirm.png"
            path.write_bytes(unique_png(shot.data, "baseline"))
            client.call("send", {"text": "", "files": [client.file(path)]}, [])
            done = client.call("confirm_record", out[-1], shot.truth, TOURNAMENT, None)
            if "match_id" not in done:
                raise RuntimeError(f"the baseline confirmation failed: {done}")
    client.close()
    return Baseline(faq, sql, followup, time.monotonic() - start)


# ---- a simulated user -----------------------------------------------------------------------------

@dataclasses.dataclass
class Turn:
    user: int
    kind: str
    start: float      # seconds since the load started
    ms: float
    ok: bool
    problem: str = ""  # error | mismatch | leak | timeout
    message: str = ""


class User(threading.Thread):
    """One person: its own Client (so its own server-side state) and its own session."""

    def __init__(self, index: int, url: str, run: "LoadRun"):
        super().__init__(daemon=True, name=f"user-{index}")
        self.index, self.url, self.run_ = index, url, run
        self.rng = random.Random(run.seed * 1000 + index)
        self.session: str | None = None
        self.sent: list[str | None] = []  # what the session must hold, in order (None: a screenshot)
        self.markers: set[str] = set()
        self.turns: list[Turn] = []
        self.leaks: list[str] = []
        self.n_marker = 0
        self.previous_sql: str | None = None
        self.client = None
        self.finished = False

    # helpers
    def marker(self) -> str:
        self.n_marker += 1
        m = f"lt{self.index}x{self.n_marker}"
        self.markers.add(m)
        return m

    def call(self, api: str, *args):
        return self.client.call(api, *args)

    def record(self, kind: str, fn) -> None:
        start = time.monotonic()
        try:
            fn()
            turn = Turn(self.index, kind, start - self.run_.t0, (time.monotonic() - start) * 1000, True)
        except TurnFailed as err:
            turn = Turn(self.index, kind, start - self.run_.t0, (time.monotonic() - start) * 1000, False,
                        err.problem, str(err))
            if err.problem == "leak":
                self.leaks.append(str(err))
        except Exception as err:  # noqa: BLE001 - any client failure is an error of this turn, reported
            turn = Turn(self.index, kind, start - self.run_.t0, (time.monotonic() - start) * 1000, False,
                        "error", f"{type(err).__name__}: {err}"[:300])
        self.turns.append(turn)

    # the turns
    def send(self, message: dict) -> list:
        out = self.call("send", message, [])
        chat, session = out[1], out[-1]
        if self.session is not None and session != self.session:
            raise TurnFailed("leak", f"/send answered in session {session}, not {self.session}")
        last = message_text(chat[-1]) if chat else ""
        if last.startswith("⚠"):
            raise TurnFailed("error", last[2:])
        return out

    def faq(self, lang: str, first: bool = False) -> None:
        question = self.rng.choice(FAQ[lang])
        tagged = first or self.rng.random() < 0.5
        text = f"{question} (ref {self.marker()})" if tagged else question
        intent, expected = self.run_.baseline.faq[question]
        if first:  # the first turn goes through the multimodal chat: the server gives the session id
            out = self.send({"text": text, "files": []})
            self.session = out[-1]
            if not isinstance(self.session, str) or not self.session.startswith("web-"):
                raise TurnFailed("error", f"/send returned no session id ({self.session!r})")
            self.sent.append(text)
            return
        if self.rng.random() < 0.3:  # the text-only chat, session kept server-side
            _, chat = self.call("chat", text, [])
            answer = message_text(chat[-1])
            if answer.startswith("⚠"):
                raise TurnFailed("error", answer[2:])
            self.sent.append(text)
            if not tagged and answer != expected:
                raise TurnFailed("mismatch", f"/chat {question!r}: {answer[:60]!r} is not the baseline answer")
            return
        reply = check_reply(self.call("ask", text, self.session, False, None, 1.0), self.session)
        self.sent.append(text)
        if not tagged and (reply.get("intent"), reply["text"]) != (intent, expected):
            raise TurnFailed("mismatch", f"{question!r} got intent {reply.get('intent')}, baseline {intent}")

    def sql(self, with_followup: bool = False) -> None:
        question, _ = self.rng.choice([pair for pair in SQL if pair[1] or not with_followup])
        reply = check_reply(self.call("ask", question, self.session, False, None, 1.0), self.session)
        self.sent.append(question)
        self.previous_sql = question
        if reply.get("rows") != self.run_.baseline.sql[question]:
            raise TurnFailed("mismatch", f"{question!r}: rows {str(reply.get('rows'))[:60]} differ from the baseline")

    def followup(self) -> None:
        base = self.previous_sql
        follow = dict(SQL)[base]
        reply = check_reply(self.call("ask", follow, self.session, False, None, 1.0), self.session)
        self.sent.append(follow)
        if reply.get("rows") != self.run_.baseline.followup[base]:
            raise TurnFailed("mismatch", f"follow-up {follow!r} after {base!r}: rows {str(reply.get('rows'))[:60]} "
                                         "differ from the baseline")

    def ocr(self, unique: bool) -> Screenshot:
        shot = self.rng.choice(self.run_.shots)
        path = shot.path
        if unique:  # a picture never recorded before, so that its confirmation writes a new match
            path = self.run_.workdir / "unique" / f"u{self.index}-{len(self.sent)}.png"
            path.write_bytes(unique_png(shot.data, self.marker()))
        out = self.send({"text": "", "files": [self.client.file(path)]})
        self.sent.append(None)
        teams = out[2].get("value", out[2]) if isinstance(out[2], dict) else out[2]
        rows = teams.get("data") if isinstance(teams, dict) else teams
        if not rows:
            raise TurnFailed("error", "the screenshot turn showed no teams to confirm")
        return shot

    def confirm(self, shot: Screenshot) -> None:
        done = self.call("confirm_record", self.session, shot.truth, TOURNAMENT, None)
        if not isinstance(done, dict) or not isinstance(done.get("match_id"), int):
            raise TurnFailed("error", f"confirm: {done}")

    def check_history(self) -> None:
        """The session holds exactly this user's turns, in order, and no other user's markers."""
        messages = self.call("history", self.session)
        users = [message_text(m).strip() for m in messages if isinstance(m, dict) and m.get("role") == "user"]
        everything = " ".join(message_text(m) for m in messages if isinstance(m, dict))
        found = set(MARKER.findall(everything))
        foreign = sorted(found - self.markers)
        problems = []
        if foreign:
            problems.append(f"markers of other sessions: {foreign[:5]}")
        if len(users) != len(self.sent):
            problems.append(f"{len(users)} stored turns, {len(self.sent)} sent")
        else:
            for i, (stored, sent) in enumerate(zip(users, self.sent)):
                if (sent is None and stored.strip("*") not in SCREENSHOT_LABELS) or (sent is not None and stored != sent.strip()):
                    problems.append(f"turn {i} is {stored[:40]!r}, sent {str(sent)[:40]!r}")
                    break
        text_markers = {m for s in self.sent if s for m in MARKER.findall(s)}
        if found & self.markers != text_markers:
            problems.append(f"own markers missing: {sorted(text_markers - found)[:5]}")
        if problems:
            raise TurnFailed("leak", f"session {self.session}: " + "; ".join(problems))

    # the loop
    def plan(self) -> list[str]:
        """The first round has every kind once (the order rotated per user), then a weighted mix."""
        first = [k for k in ["sql", "ocr", "faq_ko", "faq_en", "history"] if k in self.run_.mix]
        k = self.index % len(first)
        return ["faq_en*"] + first[k:] + first[:k]

    def run(self) -> None:
        run = self.run_
        try:
            self.client = TRANSPORTS[run.transport](self.url, run.turn_timeout)
        except Exception as err:  # noqa: BLE001 - reported as an error of this user
            self.turns.append(Turn(self.index, "connect", time.monotonic() - run.t0, 0.0, False, "error",
                                   f"{type(err).__name__}: {err}"[:300]))
            self.finished = True
            return
        queue = self.plan()
        n = 0
        while n < run.max_turns and (self.in_time() or run.finish_first_round and queue):
            planned = bool(queue)  # the first round: every kind, follow-up and confirmation included
            kind = queue.pop(0) if queue else self.rng.choices(list(run.mix), weights=list(run.mix.values()))[0]
            if kind == "faq_en*":
                self.record("faq_en", lambda: self.faq("en", first=True))
                if self.session is None:
                    break  # nothing else can be checked without a session
            elif kind in ("faq_en", "faq_ko"):
                self.record(kind, lambda: self.faq(kind[-2:]))
            elif kind == "sql":
                self.record("sql", lambda: self.sql(with_followup=planned))
                if self.turns[-1].ok and dict(SQL)[self.previous_sql] and (planned or self.rng.random() < P_FOLLOWUP) \
                        and self.in_time(planned):
                    n += 1
                    self.think()
                    self.record("followup", self.followup)
            elif kind == "ocr":
                unique = planned or self.rng.random() < P_CONFIRM
                holder = {}
                self.record("ocr", lambda: holder.update(shot=self.ocr(unique)))
                if unique and self.turns[-1].ok and self.in_time(planned):
                    n += 1
                    self.think()
                    self.record("confirm", lambda: self.confirm(holder["shot"]))
            elif kind == "history":
                self.record("history", self.check_history)
            n += 1
            self.think()
        if self.session is not None:
            start = time.monotonic()
            try:
                self.check_history()
            except TurnFailed as err:
                self.leaks.append(str(err))
            except Exception as err:  # noqa: BLE001
                self.turns.append(Turn(self.index, "final check", start - run.t0, 0.0, False, "error",
                                       f"{type(err).__name__}: {err}"[:300]))
        self.client.close()
        self.finished = True

    def in_time(self, planned: bool = False) -> bool:
        """Before the deadline (or in the first round when the run finishes every user's first round)."""
        return time.monotonic() < self.run_.deadline or (planned and self.run_.finish_first_round)

    def think(self) -> None:
        low, high = self.run_.think
        self.run_.stop.wait(self.rng.uniform(low, high))


# ---- the run --------------------------------------------------------------------------------------

@dataclasses.dataclass
class LoadRun:
    users: int = 50
    seconds: float = 120.0
    max_turns: int = 400
    think: tuple[float, float] = (0.2, 1.0)
    turn_timeout: float = 120.0
    seed: int = 7
    transport: str = "http"
    mix: dict = dataclasses.field(default_factory=lambda: dict(MIX))
    finish_first_round: bool = False
    """Each user completes its first round (every kind once) even after the deadline (the short test)."""
    shots: list = dataclasses.field(default_factory=list)
    baseline: Baseline | None = None
    workdir: Path | None = None
    t0: float = 0.0
    deadline: float = 0.0
    stop: threading.Event = dataclasses.field(default_factory=threading.Event)


def memory_verdict(samples: list[tuple[float, float]], seconds: float, tolerance: float = 0.10,
                   floor_mb: float = 64.0) -> dict:
    """RSS after warm-up (median over the end of the first third, [T/6, T/3]) vs the last third:
    stable when the last third's level (its median: a screenshot's buffers come and go within a
    second, that is no growth) and its trend (least-squares slope x its length) both stay within the
    tolerance (``tolerance`` of the warm RSS, at least ``floor_mb``). The peaks are reported too."""
    def window(a, b):
        return [(t, v) for t, v in samples if a <= t <= b]

    warm = window(seconds / 6, seconds / 3) or samples[: max(1, len(samples) // 3)]
    last = window(2 * seconds / 3, seconds + 1e9) or samples[-max(1, len(samples) // 3):]
    if not samples:
        return {"stable": None}
    ref = statistics.median(v for _, v in warm)
    allowed = max(tolerance * ref, floor_mb)
    peak_last = max(v for _, v in last)
    level = statistics.median(v for _, v in last)
    slope = 0.0
    if len(last) >= 3:
        ts, vs = [t for t, _ in last], [v for _, v in last]
        mt, mv = statistics.fmean(ts), statistics.fmean(vs)
        den = sum((t - mt) ** 2 for t in ts)
        slope = sum((t - mt) * (v - mv) for t, v in zip(ts, vs)) / den * 60 if den else 0.0  # MB per minute
    span = (last[-1][0] - last[0][0]) if len(last) > 1 else 0.0
    trend = slope * span / 60
    values = [v for _, v in samples]
    return {"start_mb": values[0], "warm_mb": ref, "peak_mb": max(values), "end_mb": values[-1],
            "total_growth_mb": max(values) - values[0],
            "last_third_median_mb": level, "last_third_peak_mb": peak_last, "growth_mb": level - ref,
            "allowed_mb": allowed, "slope_mb_per_min": slope, "trend_mb": trend,
            "stable": bool(level - ref <= allowed and trend <= allowed)}


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of this process, or of process ``pid`` with its reaped children (Tesseract)."""
    if pid is None:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def run_load(users: int = 50, seconds: float = 120.0, max_turns: int = 400, *, think=(0.2, 1.0),
             cache: Path | None = None, workdir: Path | None = None, seed: int = 7, n_screenshots: int = 4,
             turn_timeout: float = 120.0, grace: float = 120.0, transport: str = "http",
             finish_first_round: bool = False, kinds=tuple(GROUPS), log=print) -> dict:
    """Start the app, run the load, stop the app; the results as a plain dict (see ``report``)."""
    own_dir = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="load-")) if own_dir else Path(workdir)
    (workdir / "unique").mkdir(parents=True, exist_ok=True)
    run = LoadRun(users=users, seconds=seconds, max_turns=max_turns, think=tuple(think), turn_timeout=turn_timeout,
                  seed=seed, workdir=workdir, transport=transport,
                  finish_first_round=finish_first_round,
                  mix={k: w for k, w in MIX.items() if any(k in GROUPS[g] for g in kinds)})
    server = None
    try:
        t = time.monotonic()
        run.shots = render_screenshots(workdir / "shots", n_screenshots)
        server = Server(workdir, cache)
        ready = server.wait_ready()
        log(f"app.py (pid {server.pid}) serving {server.url} after {ready:.1f} s; screenshots rendered")
        run.baseline = run_baseline(server.url, run.shots, workdir, transport)
        log(f"baseline (every question once, warms the server): {run.baseline.seconds:.1f} s; "
            f"load: {users} users x {seconds:.0f} s")
        load_before = os.getloadavg()
        cpu_before = cpu_seconds(), cpu_seconds(server.pid)
        run.t0 = time.monotonic()
        sampler = RSSSampler(server.pid, run.t0)
        sampler.start()
        run.deadline = run.t0 + seconds
        people = [User(i, server.url, run) for i in range(users)]
        ramp = min(5.0, seconds / 10)
        for i, person in enumerate(people):
            person.start()
            run.stop.wait(ramp / max(1, users))
        time.sleep(max(0.0, run.deadline - time.monotonic()))
        run.stop.set()  # cuts think times short; each user finishes the turn it is in
        hard = time.monotonic() + grace
        for person in people:
            person.join(max(0.0, hard - time.monotonic()))
        ended = time.monotonic() - run.t0
        sampler.stopped.set()
        sampler.join(5)
        hung = [p.index for p in people if not p.finished]
        load_after = os.getloadavg()
        cpu_used = cpu_seconds() - cpu_before[0], cpu_seconds(server.pid) - cpu_before[1]
        alive = server.proc.poll() is None
    finally:
        if server is not None:
            server.stop()
    result = summarize(run, people, sampler.samples, ended, hung)
    result.update(setup_seconds=time.monotonic() - t - ended, server_alive=alive, server_log=str(server.log_path),
                  load_average_before=list(load_before), load_average_after=list(load_after),
                  cores=os.cpu_count(), transport=transport,
                  client_cpu_cores=cpu_used[0] / ended, server_cpu_cores=cpu_used[1] / ended)
    if not alive:
        result["errors"] += 1
        result["error_messages"].append(["server", "app.py died during the run", 1])
    if own_dir and not result["errors"] and not result["leaks"]:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def summarize(run: LoadRun, people: list[User], samples, ended: float, hung: list[int]) -> dict:
    turns = [t for p in people for t in list(p.turns)]
    window = max(ended, 1e-9)
    kinds = {}
    for kind in KINDS + sorted({t.kind for t in turns} - set(KINDS)):
        mine = [t for t in turns if t.kind == kind]
        ms = [t.ms for t in mine if t.ok]
        kinds[kind] = {"n": len(mine), "errors": sum(not t.ok for t in mine), "turns_per_s": len(ms) / window,
                       "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99)}
    ms = [t.ms for t in turns if t.ok]
    overall = {"n": len(turns), "errors": sum(not t.ok for t in turns), "turns_per_s": len(ms) / window,
               "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99)}
    problems = collections.Counter((t.problem, t.kind, t.message[:160]) for t in turns if not t.ok)
    leaks = [leak for p in people for leak in p.leaks]
    per_user = [{kind: sum(1 for t in p.turns if t.kind == kind and t.ok) for kind in KINDS} for p in people]
    return {
        "users": run.users, "seconds": run.seconds, "max_turns": run.max_turns, "think_s": list(run.think),
        "window_s": ended, "kinds": kinds, "overall": overall,
        "errors": overall["errors"] + len(hung),
        "error_messages": [[f"{problem} ({kind})", message, n] for (problem, kind, message), n in problems.most_common(20)]
                          + [["hung", f"user {i} still in a turn after the grace period", 1] for i in hung],
        "mismatches": sum(1 for t in turns if t.problem == "mismatch"),
        "leaks": len(leaks), "leak_messages": leaks[:20],
        "per_user_ok": per_user, "memory": memory_verdict(samples, ended), "rss": samples,
        "turns": [[round(t.start, 3), t.kind, round(t.ms, 1), t.ok] for t in turns],
    }


# ---- output ---------------------------------------------------------------------------------------

def format_table(result: dict) -> str:
    def ms(v):
        return "–" if v != v else f"{v:,.0f}"

    lines = [f"| turn kind | n | errors | turns/s | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|---|"]
    for kind, s in [*result["kinds"].items(), ("**all**", result["overall"])]:
        if s["n"] or kind == "**all**":
            lines.append(f"| {kind} | {s['n']} | {s['errors']} | {s['turns_per_s']:.2f} | {ms(s['p50_ms'])} | "
                         f"{ms(s['p95_ms'])} | {ms(s['p99_ms'])} |")
    m = result["memory"]
    if m.get("stable") is None:  # no RSS sample (the server died at once)
        m = dict.fromkeys(["start_mb", "warm_mb", "peak_mb", "end_mb", "last_third_median_mb", "growth_mb",
                           "allowed_mb", "last_third_peak_mb", "slope_mb_per_min"], float("nan")) | {"stable": False}
        result = dict(result, memory=m)
    lines += ["", f"server RSS: start {m['start_mb']:.0f} MB, after warm-up {m['warm_mb']:.0f} MB, peak {m['peak_mb']:.0f} MB, "
                  f"end {m['end_mb']:.0f} MB; last third: median {m['last_third_median_mb']:.0f} MB "
                  f"({m['growth_mb']:+.0f} MB vs warm, allowed {m['allowed_mb']:.0f}), peak {m['last_third_peak_mb']:.0f} MB, "
                  f"slope {m['slope_mb_per_min']:+.1f} MB/min"
                  f" -> {'stable' if m['stable'] else 'NOT stable'}",
              f"errors: {result['errors']} (of which wrong replies: {result['mismatches']}); "
              f"cross-session leaks: {result['leaks']}"]
    for problem, message, n in result["error_messages"][:10]:
        lines.append(f"  {n} x {problem}: {message}")
    for leak in result["leak_messages"][:10]:
        lines.append(f"  leak: {leak}")
    return "\n".join(lines)


def plot(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 7), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    colors = dict(zip(KINDS, plt.get_cmap("tab10").colors))
    for kind in KINDS:
        pts = [(t, ms) for t, k, ms, ok in result["turns"] if k == kind and ok]
        if pts:
            ax1.scatter(*zip(*pts), s=6, alpha=0.5, color=colors[kind], label=f"{kind} (n={len(pts)})")
    bad = [(t, ms) for t, k, ms, ok in result["turns"] if not ok]
    if bad:
        ax1.scatter(*zip(*bad), s=30, marker="x", color="red", label=f"errors (n={len(bad)})")
    ax1.set_yscale("log")
    ax1.set_ylabel("latency, ms (log)")
    ax1.legend(fontsize=7, ncol=4, loc="upper left")
    ax1.set_title(f"{result['users']} users x {result['seconds']:.0f} s on loopback: "
                  f"{result['overall']['turns_per_s']:.1f} turns/s, p50 {result['overall']['p50_ms']:.0f} ms, "
                  f"p95 {result['overall']['p95_ms']:.0f} ms, {result['errors']} errors, {result['leaks']} leaks",
                  fontsize=10)
    m = result["memory"]
    if result["rss"]:
        ax2.plot(*zip(*result["rss"]), color="black", lw=1.2, label="server RSS")
        ax2.axhline(m["warm_mb"], color="gray", ls="--", lw=0.8, label=f"after warm-up {m['warm_mb']:.0f} MB")
        ax2.axhline(m["warm_mb"] + m["allowed_mb"], color="red", ls=":", lw=0.8, label="tolerance")
        w = result["window_s"]
        ax2.axvspan(2 * w / 3, w, color="orange", alpha=0.1, label="last third")
        ax2.legend(fontsize=7, loc="lower right")
    ax2.set_ylabel("RSS, MB")
    ax2.set_xlabel("seconds since the load started")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def save(result: dict, png: Path | None) -> Path:
    o, m = result["overall"], result["memory"]
    if m.get("stable") is None:
        m = dict.fromkeys(["start_mb", "warm_mb", "peak_mb", "end_mb", "growth_mb", "allowed_mb",
                           "slope_mb_per_min"], float("nan")) | {"stable": False}
    rows = [[k, s["n"], s["errors"], round(s["turns_per_s"], 2), round(s["p50_ms"]), round(s["p95_ms"]), round(s["p99_ms"])]
            for k, s in [*result["kinds"].items(), ("all", o)] if s["n"] and s["p50_ms"] == s["p50_ms"]]
    metrics = [
        metric("throughput", o["turns_per_s"], "turns/s"),
        metric("turn p50 under load", o["p50_ms"], "ms", higher_is_better=False),
        metric("turn p95 under load", o["p95_ms"], "ms", higher_is_better=False),
        metric("turn p99 under load", o["p99_ms"], "ms", higher_is_better=False),
        metric("errors under load", result["errors"], "", "<= 0", higher_is_better=False),
        metric("cross-session leaks", result["leaks"], "", "<= 0", higher_is_better=False),
        metric("server RSS peak", m["peak_mb"], "MB", higher_is_better=False),
        metric("RSS growth, last third (median) vs warm", m["growth_mb"], "MB", f"<= {m['allowed_mb']:.0f}",
               higher_is_better=False),
    ]
    return save_result("load", title=f"Load: {result['users']} concurrent users x {result['seconds']:.0f} s over HTTP",
                       metrics=metrics, tables=[table("per turn kind", ["kind", "n", "errors", "turns/s", "p50 ms",
                                                                         "p95 ms", "p99 ms"], rows)],
                       plots=[png] if png else [],
                       notes=(f"{o['n']} turns by {result['users']} users (think {result['think_s'][0]}-"
                              f"{result['think_s'][1]} s) against app.py on loopback; the load generator shares the "
                              f"{result['cores']} cores. RSS start {m['start_mb']:.0f}, warm {m['warm_mb']:.0f}, "
                              f"peak {m['peak_mb']:.0f}, end {m['end_mb']:.0f} MB, last-third slope "
                              f"{m['slope_mb_per_min']:+.1f} MB/min ({'stable' if m['stable'] else 'NOT stable'}). "
                              f"Wrong replies: {result['mismatches']}."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--max-turns", type=int, default=400, help="at most this many turns per user")
    parser.add_argument("--think", type=float, nargs=2, default=(0.2, 1.0), metavar=("MIN", "MAX"),
                        help="think time between a user's turns, seconds (uniform)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="model cache (default: var/cache when it exists, so nothing is encoded again)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kinds", default=",".join(GROUPS),
                        help=f"turn groups to mix, comma-separated (default all: {','.join(GROUPS)}); "
                             "the first turn of each user is always a FAQ question (it opens the session)")
    parser.add_argument("--client", choices=sorted(TRANSPORTS), default="http",
                        help="plain HTTP (default, lean) or one gradio_client.Client per user")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for load.png")
    parser.add_argument("--no-save", action="store_true", help="do not write load.png / load.json")
    args = parser.parse_args(argv)
    if args.users < 1 or args.seconds <= 0 or args.max_turns < 1:
        parser.error("--users, --seconds and --max-turns must be positive")
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if not kinds or set(kinds) - set(GROUPS):
        parser.error(f"--kinds takes some of {', '.join(GROUPS)}")
    cache = args.cache or (ROOT / "var" / "cache" if (ROOT / "var" / "cache").is_dir() else None)
    result = run_load(args.users, args.seconds, args.max_turns, think=args.think, cache=cache, seed=args.seed,
                      transport=args.client, kinds=kinds)
    print()
    print(f"{result['users']} users x {result['seconds']:.0f} s (window {result['window_s']:.1f} s), "
          f"client {result['transport']}; {os.cpu_count()} cores shared by the app and the load generator "
          f"(CPU used: app {result['server_cpu_cores']:.2f} cores, load generator {result['client_cpu_cores']:.2f}); "
          f"load average {result['load_average_before'][0]:.1f} before, {result['load_average_after'][0]:.1f} after\n")
    print(format_table(result))
    if not args.no_save:
        png = args.out / "load.png"
        plot(result, png)
        path = save(result, png)
        print(f"\nwrote {png} and {path}")
    return 1 if result["errors"] or result["leaks"] else 0


if __name__ == "__main__":
    sys.exit(main())
