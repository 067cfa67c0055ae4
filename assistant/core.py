"""The Python API: ``Assistant().respond(text, session=...) -> Reply``."""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from kernel import language as lang_mod
from kernel.checks import (LANGUAGES as LANGS, check_id, check_language, check_name, check_session_id,
                           check_speed, check_text)
from kernel.errors import InputError

from .config import Config
from matchdata import check_record
from .reply import Reply
from .router import Router, TurnInput
from .sessions import SessionStore

log = logging.getLogger(__name__)

INTENTS_RELOADED = "intents_reloaded"
"""The event (in the state database) by which one process tells the others to re-read the FAQ files."""


class Assistant:
    """The bilingual assistant. Cheap to create; models and indexes load on the first turn, once.

    >>> bot = Assistant()
    >>> bot.respond("경기 결과 등록은 어떻게 해요?", session="user-1").kind
    'faq'
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config.from_env()
        self._sessions: SessionStore | None = None
        self._router: Router | None = None
        self._retriever = None
        self._lock = threading.Lock()
        self._intents_seen = 0  # the newest INTENTS_RELOADED event this process has followed
        self._next_reload_check = 0.0
        self._reload_check_lock = threading.Lock()

    # Lazily built parts -------------------------------------------------------------------------
    @property
    def sessions(self) -> SessionStore:
        with self._lock:
            if self._sessions is None:
                self.config.home.mkdir(parents=True, exist_ok=True)
                self._sessions = SessionStore(self.config.resolved_state_url)
            return self._sessions

    def _build_retriever(self):
        from intents.encoders import make_encoder
        from intents.faq import FAQRetriever
        from intents.loader import load_intents

        kb = load_intents(self.config.intents_dir)
        return FAQRetriever(kb, make_encoder(self.config.encoder), cache_dir=self.config.cache_dir)

    @property
    def retriever(self):
        """The FAQ retriever (loads the intent files and the encoder, builds or reads the index)."""
        seen = 0
        if self._retriever is None:  # read first: a reload announced while we build is followed later
            seen = self.sessions.last_event(INTENTS_RELOADED)
        with self._lock:
            if self._retriever is None:
                self._retriever = self._build_retriever()
                self._intents_seen = max(self._intents_seen, seen)
            return self._retriever

    @property
    def router(self) -> Router:
        """The router over the FAQ, statistics and screenshot handlers. Building it loads nothing:
        the FAQ handler asks for :attr:`retriever` on its first text turn, so an image turn never
        loads the sentence encoder."""
        with self._lock:
            if self._router is None:
                from .handlers import FAQHandler, OCRHandler, SQLHandler

                url = self.config.resolved_match_db_url
                self._router = Router([FAQHandler(lambda: self.retriever), SQLHandler(url), OCRHandler(url)])
            return self._router

    def warm_up(self) -> None:
        """Load everything a text turn needs now rather than on the first turn."""
        _ = self.sessions, self.router
        self.retriever.encoder.encode(["warm up"])

    def prepare_databases(self) -> None:
        """Create the missing tables of the state database (sessions, turns, feedback, app_events) and
        of the match database (the match schema and ``screenshots``); existing tables are never
        altered. Safe when several app processes start at the same moment against one database."""
        from matchdata import create_schema
        from kernel.db import writable_engine

        from . import feedback  # noqa: F401 - feedback adds its table to the state schema
        from .sessions import create_state_schema

        self.config.home.mkdir(parents=True, exist_ok=True)
        create_state_schema(writable_engine(self.config.resolved_state_url))
        create_schema(writable_engine(self.config.resolved_match_db_url))

    def reload_intents(self, announce: bool = True) -> None:
        """Re-read the intent files (after an edit) without a restart; the old ones serve meanwhile.

        With ``announce`` (the default) the reload is recorded in the state database, and every
        other process sharing it re-reads its own intent files within :attr:`RELOAD_POLL_S` seconds
        (on its next turn). A malformed file raises :class:`~kernel.errors.IntentFileError` and
        changes nothing."""
        retriever = self._build_retriever()
        with self._lock:
            self._retriever = retriever
        if announce:
            with self._reload_check_lock:
                event = self.sessions.publish(INTENTS_RELOADED)
                self._intents_seen = max(self._intents_seen, event)

    RELOAD_POLL_S = 2.0
    """How often (at most) a turn asks the state database whether another process reloaded the FAQ."""

    def _follow_reloads(self) -> None:
        """Start re-reading the intent files in the background when another process announced a
        reload since we last read them; this turn (and any until the reload is done) uses the old ones."""
        if self._retriever is None or time.monotonic() < self._next_reload_check:
            return
        if not self._reload_check_lock.acquire(blocking=False):
            return  # another thread is checking or reloading right now
        try:
            self._next_reload_check = time.monotonic() + self.RELOAD_POLL_S
            latest = self.sessions.last_event(INTENTS_RELOADED)
        except BaseException:
            self._reload_check_lock.release()
            raise
        if latest <= self._intents_seen:
            self._reload_check_lock.release()
            return
        threading.Thread(target=self._follow_reload, args=(latest,), name="follow-faq-reload", daemon=True).start()

    def _follow_reload(self, latest: int) -> None:
        """The background half of :meth:`_follow_reloads` (it releases the lock taken there)."""
        try:
            log.info("another process reloaded the FAQ files; reloading them here too")
            self.reload_intents(announce=False)
        except Exception:  # noqa: BLE001 - a background thread: log it, keep serving the old FAQ
            log.exception("could not follow the FAQ reload announced by another process")
        finally:
            self._intents_seen = max(self._intents_seen, latest)
            self._reload_check_lock.release()

    # The API -------------------------------------------------------------------------------------
    def respond(self, text: str | bytes | None = None, *, session: str = "default", lang: str | None = None,
                audio: str | Path | bytes | None = None, image: str | Path | bytes | None = None,
                speak: bool = False, voice: str | None = None, speed: float = 1.0) -> Reply:
        """Answer one turn of ``session`` and store it in the session's history.

        ``text`` is answered in the language of most of its letters unless ``lang`` (``ko``/``en``)
        is given; ``audio`` (any common format) is transcribed first and its transcript answered.
        With ``speak=True`` the reply is also spoken (``voice`` from :func:`voices.catalog`, else the
        default voice of the reply's language) into a WAV file whose path is ``Reply.audio``.
        Raises :class:`~kernel.errors.InputError` with one sentence on bad input; a refused turn
        stores nothing.
        """
        session = check_session_id(session)
        if lang is not None:
            check_language(lang)
        if sum(x is not None for x in (text, audio, image)) > 1:
            raise InputError("Send one of text, audio or an image per turn, not several.")
        speed = check_speed(speed)
        if voice is not None:
            from voices import get_voice
            get_voice(check_name(voice, "voice id"))  # an unknown voice is refused before any work
        transcript, input_kind = None, "text"
        self._follow_reloads()
        history = tuple(self.sessions.history(session, limit=self.config.history_turns))
        previous = history[-1].language if history else "en"
        if image is not None:
            turn = TurnInput(session=session, text="", language=lang or previous, detected=None,
                             history=history, input_kind="image", image=image)
        else:
            if audio is not None:
                heard = self.transcribe(audio, language=lang)
                if not heard.text.strip():
                    raise InputError("No speech was heard in the audio; please try again, closer to the microphone.")
                text, transcript, input_kind = heard.text, heard.text, "audio"
                if lang is None:
                    lang = heard.language if heard.language in LANGS else None
            text = check_text(text, self.config.max_text_chars)
            detected = lang_mod.detect(text)
            turn = TurnInput(session=session, text=text, language=lang or detected.reply_language(default=previous),
                             detected=detected.label, history=history, input_kind=input_kind)
        reply = self.router.route(turn)
        reply.session = session
        reply.detected_language = turn.detected
        reply.transcript = transcript
        if speak:
            reply.audio = str(self.speak(reply.text, reply.language, voice, speed))
        reply.turn_id = self.sessions.append(session, turn.text if turn.input_kind != "image" else None, reply,
                                             input_kind=turn.input_kind)
        return reply

    # Screenshots ----------------------------------------------------------------------------------
    def read_screenshot(self, image, language: str = "en") -> Reply:
        """Read a result screenshot into a Reply of kind ``ocr`` (nothing is recorded yet, and nothing is
        stored in a session): the router's answer to an image turn, outside any conversation."""
        check_language(language)
        return self.router.route(TurnInput(session="", text="", language=language, detected=None,
                                           input_kind="image", image=image))

    def confirm_record(self, session: str, record: dict | None = None, tournament: int | str | None = None,
                       stage: str | None = None, map: str | None = None, team_names=None) -> int:
        """Record the session's latest screenshot reading (or the corrected ``record``) in the match
        database, in one transaction, and return the match id. ``tournament`` is an id or a name;
        by default the tournament that started most recently. ``team_names`` names the teams the
        screen left unnamed (a list, one per team, or {index: name}); a record with an unnamed team
        is refused with one sentence asking for the names."""
        import sqlalchemy as sa

        import matchdata
        from kernel.db import writable_engine
        from matchdata import schema as matchdb

        session = check_session_id(session)
        if tournament is not None:
            tournament = (check_id(tournament, "tournament id") if not isinstance(tournament, str)
                          else check_name(tournament, "tournament name", 200))
        stage = check_name(stage, "stage") if stage is not None else None
        map = check_name(map, "map") if map is not None else None
        pending = next((t for t in reversed(self.sessions.history(session)) if t.kind == "ocr" and t.meta), None)
        if pending is None:
            raise InputError("There is no screenshot reading in this conversation to confirm; upload one first.")
        record = check_record(matchdata.name_teams(record if record is not None else pending.meta["record"], team_names))
        url = self.config.resolved_match_db_url
        if tournament is None:
            matchdb.create_schema(writable_engine(url))  # a database without matches yet has no tables
            with writable_engine(url).connect() as conn:
                row = conn.execute(sa.select(matchdb.tournaments.c.id)
                                   .order_by(matchdb.tournaments.c.start_date.desc().nulls_last(),
                                             matchdb.tournaments.c.id.desc()).limit(1)).first()
            if row is None:
                raise InputError("Name the tournament this match belongs to; the database has none yet.")
            tournament = int(row[0])
        return matchdata.record_match(url, record, pending.meta["image_sha256"], tournament, stage=stage, map=map)

    # Speech ---------------------------------------------------------------------------------------
    DEFAULT_VOICES = {"ko": "ko-kokoro-kumo", "en": "en-hibari-heart"}

    def vocabulary(self) -> list[str]:
        """Names speech recognition should spell as the platform does (teams, players, tournaments).
        Read on every call (three small queries): another process may have recorded new names."""
        from voices import domain_vocabulary

        return domain_vocabulary(self.config.resolved_match_db_url)

    MAX_QUESTION_SECONDS = 120.0
    """Longest spoken question accepted (longer audio is refused while decoding, before Whisper runs)."""

    def transcribe(self, audio, language: str | None = None, max_seconds: float | None = None):
        """A :class:`voices.Transcript` of ``audio``, biased towards the platform's names. Audio longer
        than ``max_seconds`` (default :attr:`MAX_QUESTION_SECONDS`) is refused with InputError."""
        import numpy as np

        from voices import decode, transcribe

        if language is not None:
            check_language(language)
        if not isinstance(audio, np.ndarray):
            audio = decode(audio, max_seconds=max_seconds or self.MAX_QUESTION_SECONDS)
        return transcribe(audio, language=language, vocabulary=self.vocabulary(),
                          cache_dir=self.config.cache_dir)

    def voice_for(self, language: str, voice: str | None = None):
        """The :class:`voices.Voice` to speak ``language`` with: ``voice`` when given and of that
        language, else the language's default voice (an unknown voice id is refused with one sentence)."""
        from voices import get_voice

        check_language(language)
        chosen = get_voice(check_name(voice, "voice id")) if voice not in (None, "") else None
        if chosen is None or chosen.language != language:
            chosen = get_voice(self.DEFAULT_VOICES[language])
        return chosen

    def speak(self, text: str, language: str, voice: str | None = None, speed: float = 1.0) -> Path:
        """Speak ``text`` into a new WAV file under ``<home>/audio`` and return its path. A voice of
        another language than the text's is replaced by the default voice of the text's language."""
        import uuid

        from voices import synthesize

        text = check_text(text, self.config.max_text_chars)
        speed = check_speed(speed)
        chosen = self.voice_for(language, voice)
        audio = synthesize(text, chosen, speed=speed, cache_dir=self.config.cache_dir / "tts")
        folder = self.config.home / "audio"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"reply-{uuid.uuid4().hex}.wav"
        audio.save(path)
        return path

    def history(self, session: str):
        """The stored turns of ``session``, oldest first."""
        return self.sessions.history(session)
