"""The Python API: ``Assistant().respond(text, session=...) -> Reply``."""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from . import language as lang_mod
from .config import Config
from .errors import InputError
from .inputs import check_session_id, check_text
from .reply import Reply
from .router import Router, TurnInput
from .sessions import SessionStore

log = logging.getLogger(__name__)

LANGS = ("ko", "en")


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
        self._vocabulary: list[str] | None = None
        self._lock = threading.Lock()

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

    def _build_router(self, retriever) -> Router:
        from .handlers import FAQHandler
        from .sql.handler import SQLHandler

        return Router([FAQHandler(retriever), SQLHandler(self.config.resolved_match_db_url)])

    @property
    def retriever(self):
        """The FAQ retriever (loads the intent files and the encoder, builds or reads the index)."""
        with self._lock:
            if self._retriever is None:
                self._retriever = self._build_retriever()
                self._router = self._build_router(self._retriever)
            return self._retriever

    @property
    def router(self) -> Router:
        self.retriever  # noqa: B018 - builds the router with it
        return self._router

    def warm_up(self) -> None:
        """Load everything a text turn needs now rather than on the first turn."""
        _ = self.sessions, self.router
        self.retriever.encoder.encode(["warm up"])

    def reload_intents(self) -> None:
        """Re-read the intent files (after an edit) without a restart; the old ones serve meanwhile.

        A malformed file raises :class:`~assistant.errors.IntentFileError` and changes nothing."""
        retriever = self._build_retriever()
        router = self._build_router(retriever)
        with self._lock:
            self._retriever, self._router = retriever, router

    # The API -------------------------------------------------------------------------------------
    def respond(self, text: str | bytes | None = None, *, session: str = "default", lang: str | None = None,
                audio: str | Path | bytes | None = None, image: str | Path | bytes | None = None,
                speak: bool = False, voice: str | None = None, speed: float = 1.0) -> Reply:
        """Answer one turn of ``session`` and store it in the session's history.

        ``text`` is answered in the language of most of its letters unless ``lang`` (``ko``/``en``)
        is given; ``audio`` (any common format) is transcribed first and its transcript answered.
        With ``speak=True`` the reply is also spoken (``voice`` from :func:`voices.catalog`, else the
        default voice of the reply's language) into a WAV file whose path is ``Reply.audio``.
        Raises :class:`~assistant.errors.InputError` with one sentence on bad input; a refused turn
        stores nothing.
        """
        session = check_session_id(session)
        if lang is not None and lang not in LANGS:
            raise InputError(f"The language must be 'ko' or 'en', not {lang!r}.")
        if sum(x is not None for x in (text, audio, image)) > 1:
            raise InputError("Send one of text, audio or an image per turn, not several.")
        if voice is not None:
            from voices import get_voice
            get_voice(voice)  # an unknown voice is refused before any work
        transcript, input_kind = None, "text"
        history = tuple(self.sessions.history(session, limit=self.config.history_turns))
        if image is not None:
            language = lang or (history[-1].language if history else "en")
            reply = self.read_screenshot(image, language)
            reply.session = session
            if speak:
                reply.audio = str(self.speak(reply.text, reply.language, voice, speed))
            reply.turn_id = self.sessions.append(session, None, reply, input_kind="image")
            return reply
        if audio is not None:
            heard = self.transcribe(audio, language=lang)
            if not heard.text.strip():
                raise InputError("No speech was heard in the audio; please try again, closer to the microphone.")
            text, transcript, input_kind = heard.text, heard.text, "audio"
            if lang is None:
                lang = heard.language if heard.language in LANGS else None
        text = check_text(text, self.config.max_text_chars)
        detected = lang_mod.detect(text)
        previous = history[-1].language if history else "en"
        language = lang or detected.reply_language(default=previous)
        turn = TurnInput(session=session, text=text, language=language, detected=detected.label,
                         history=history)
        reply = self.router.route(turn)
        reply.session = session
        reply.detected_language = detected.label
        reply.transcript = transcript
        if speak:
            reply.audio = str(self.speak(reply.text, reply.language, voice, speed))
        reply.turn_id = self.sessions.append(session, text, reply, input_kind=input_kind)
        return reply

    # Screenshots ----------------------------------------------------------------------------------
    def read_screenshot(self, image, language: str = "en") -> Reply:
        """Read a result screenshot into a Reply of kind ``ocr`` (nothing is recorded yet)."""
        import ocr

        known = ocr.known_names_from_db(self.config.resolved_match_db_url)
        record = ocr.read_match_result(image, known_names=known)  # bad files: one-sentence InputError
        sha = ocr.sha256_of(image)
        return Reply(text=ocr.summarize(record, language), language=language, kind="ocr",
                     confidence=record.confidence, record=record.to_dict(),
                     meta={"handler": "ocr", "image_sha256": sha, "record": record.to_dict()})

    def confirm_record(self, session: str, record: dict | None = None, tournament: int | str | None = None,
                       stage: str | None = None, map: str | None = None) -> int:
        """Record the session's latest screenshot reading (or the corrected ``record``) in the match
        database, in one transaction, and return the match id. ``tournament`` is an id or a name;
        by default the tournament that started most recently."""
        import ocr
        import sqlalchemy as sa

        from . import matchdb
        from .db import writable_engine

        session = check_session_id(session)
        pending = next((t for t in reversed(self.sessions.history(session)) if t.kind == "ocr" and t.meta), None)
        if pending is None:
            raise InputError("There is no screenshot reading in this conversation to confirm; upload one first.")
        url = self.config.resolved_match_db_url
        if tournament is None:
            with writable_engine(url).connect() as conn:
                row = conn.execute(sa.select(matchdb.tournaments.c.id)
                                   .order_by(matchdb.tournaments.c.start_date.desc().nulls_last(),
                                             matchdb.tournaments.c.id.desc()).limit(1)).first()
            if row is None:
                raise InputError("Name the tournament this match belongs to; the database has none yet.")
            tournament = int(row[0])
        return ocr.record_match(url, record or pending.meta["record"], pending.meta["image_sha256"], tournament,
                                stage=stage, map=map)

    # Speech ---------------------------------------------------------------------------------------
    DEFAULT_VOICES = {"ko": "ko-espeak-minho", "en": "en-hibari-heart"}

    def vocabulary(self) -> list[str]:
        """Names speech recognition should spell as the platform does (teams, players, tournaments)."""
        with self._lock:
            if self._vocabulary is None:
                from voices import domain_vocabulary
                self._vocabulary = domain_vocabulary(self.config.resolved_match_db_url)
            return self._vocabulary

    def transcribe(self, audio, language: str | None = None):
        """A :class:`voices.Transcript` of ``audio``, biased towards the platform's names."""
        from voices import transcribe

        return transcribe(audio, language=language, vocabulary=self.vocabulary(),
                          cache_dir=self.config.cache_dir)

    def speak(self, text: str, language: str, voice: str | None = None, speed: float = 1.0) -> Path:
        """Speak ``text`` into a new WAV file under ``<home>/audio`` and return its path. A voice of
        another language than the text's is replaced by the default voice of the text's language."""
        import uuid

        from voices import get_voice, synthesize

        chosen = get_voice(voice) if voice else None
        if chosen is None or chosen.language != language:
            chosen = get_voice(self.DEFAULT_VOICES[language])
        audio = synthesize(text, chosen, speed=speed, cache_dir=self.config.cache_dir / "tts")
        folder = self.config.home / "audio"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"reply-{uuid.uuid4().hex}.wav"
        audio.save(path)
        return path

    def history(self, session: str):
        """The stored turns of ``session``, oldest first."""
        return self.sessions.history(session)
