"""The chat's plain functions: one turn (text, screenshot or audio), spoken replies, sessions,
feedback and confirming an OCR record. The UI wires them to components; each is also an API endpoint.
"""
from __future__ import annotations

import io
import logging
import uuid
import wave
from pathlib import Path
from typing import Any, Iterator

from assistant import Assistant, AssistantError
from kernel.errors import InputError
from assistant.feedback import FeedbackStore
from kernel.checks import check_id, check_session_id

from . import views
from .i18n import t

log = logging.getLogger(__name__)

AUDIO_SUFFIXES = {".wav", ".mp3", ".ogg", ".oga", ".opus", ".webm", ".flac", ".m4a", ".aac", ".mp4"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


def new_session_id() -> str:
    """A fresh, unguessable session id for a browser tab."""
    return f"web-{uuid.uuid4().hex}"


def file_kind(path: str) -> str:
    """``audio`` or ``image`` from a file's name (the assistant checks the content itself)."""
    suffix = Path(path).suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        return "audio"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    raise InputError(f"Files of type '{suffix or Path(path).name}' cannot be used; attach a screenshot "
                     "(PNG, JPEG, WebP) or an audio file (WAV, MP3, OGG, WebM, FLAC, M4A).")


def wav_bytes(audio) -> bytes:
    """A :class:`voices.Audio` as the bytes of a 16-bit PCM WAV file (one streamed chunk)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(int(audio.sample_rate))
        w.writeframes(audio.pcm16())
    return out.getvalue()


class ChatActions:
    """What the chat can do, as plain methods over one :class:`~assistant.Assistant`."""

    def __init__(self, bot: Assistant):
        self.bot = bot
        self._feedback: FeedbackStore | None = None

    @property
    def feedback(self) -> FeedbackStore:
        if self._feedback is None:
            self._feedback = FeedbackStore(self.bot.config.resolved_state_url)
        return self._feedback

    # One turn ----------------------------------------------------------------------------------
    def ask(self, message: str, session: str, speak: bool = False, voice: str | None = None,
            speed: float = 1.0) -> dict:
        """API: one text turn; the Reply as a dict, or ``{"error": sentence}``."""
        try:
            return self.bot.respond(message, session=session, speak=bool(speak), voice=voice or None,
                                    speed=speed).to_dict()  # respond() checks the speed and the voice
        except AssistantError as err:
            return {"error": str(err)}

    def turns(self, text: str | None, files: list[str], session: str) -> Iterator[tuple[dict, dict | None]]:
        """Each part of a multimodal message as its own turn, files first: yields (user message,
        Reply dict or ``{"error"}``) — the user message first with reply None, then with the reply."""
        for path in files or []:
            try:
                kind = file_kind(path)
            except InputError as err:
                yield {"role": "user", "content": {"path": path}}, {"error": str(err)}
                continue
            shown = {"role": "user", "content": {"path": path}}
            yield shown, None
            try:
                reply = self.bot.respond(session=session, **{kind: path}).to_dict()
            except AssistantError as err:
                reply = {"error": str(err)}
            yield shown, reply
        if text and text.strip() or (text is not None and not files):
            shown = views.user_message(text or "")
            yield shown, None
            try:
                reply = self.bot.respond(text, session=session).to_dict()
            except AssistantError as err:
                reply = {"error": str(err)}
            yield shown, reply

    def speech(self, reply: dict, voice_ko: str | None, voice_en: str | None, speed: float) -> Iterator[bytes]:
        """The reply spoken sentence by sentence (WAV bytes each), with the chosen voice of its language."""
        from voices import stream

        lang = reply.get("language") or "en"
        voice = self.bot.voice_for(lang, voice_ko if lang == "ko" else voice_en)
        for part in stream(reply["text"], voice, speed=float(speed), cache_dir=self.bot.config.cache_dir / "tts"):
            yield wav_bytes(part)

    # Sessions ----------------------------------------------------------------------------------
    def restore(self, session: str | None) -> tuple[list[dict], str, list[int | None]]:
        """The stored conversation of ``session`` (a new session when it is missing or malformed)."""
        try:
            if session:
                messages, ids = views.history_view(self.bot.history(session))
                return messages, session, ids
        except AssistantError:
            log.info("a browser sent a malformed session id; starting a new session")
        return [], new_session_id(), []

    def history(self, session: str) -> list[dict]:
        """API: the stored turns of ``session`` as chat messages."""
        try:
            return views.history_view(self.bot.history(session))[0]
        except AssistantError as err:
            return [{"role": "assistant", "content": f"⚠ {err}"}]

    # Feedback ----------------------------------------------------------------------------------
    def vote(self, turn_id: int | None, liked: Any, session: str | None, record: dict | None = None) -> str:
        """Store a thumbs up (``liked`` True/"up"/"Like") or down (False/"down"/"Dislike") on the reply of
        ``turn_id`` in ``session``; "" (the chat's thumb clicked again) withdraws the vote and gives "none"."""
        if turn_id is None:
            raise InputError("That message is not a reply of the assistant, so it cannot be rated.")
        turn_id, session = check_id(turn_id, "turn id"), check_session_id(session)
        if liked == "":
            if turn_id not in {turn.id for turn in self.bot.history(session)}:
                raise InputError("There is no such reply in this conversation to give feedback on.")
            self.feedback.remove(turn_id)
            return "none"
        if liked is True or liked in ("up", "Like"):
            value = "up"
        elif liked is False or liked in ("down", "Dislike"):
            value = "down"
        else:
            raise InputError(f"Feedback must be 'up' or 'down', not {str(liked)[:20]!r}.")
        self.feedback.add(turn_id, value, session=session, record=record)
        return value

    # OCR ---------------------------------------------------------------------------------------
    def confirm(self, session: str, record: dict | None, tournament: str | None, team_names: list | None = None) -> int:
        """Record the session's latest OCR record (with the person's edits) in ``tournament`` (a name; empty
        means the latest tournament); returns the match id."""
        name = tournament.strip() if isinstance(tournament, str) else tournament  # confirm_record checks it
        name = None if name in (None, "") else name  # None: the tournament that started most recently
        return int(self.bot.confirm_record(session, record=record, tournament=name, team_names=team_names))


def error_message(err: str) -> dict:
    return {"role": "assistant", "content": f"⚠ {err}"}


def reply_or_error(reply: dict) -> list[dict]:
    """The chat messages of a Reply dict, or one warning message for ``{"error"}``."""
    if "error" in reply:
        return [error_message(reply["error"])]
    return views.reply_messages(reply)


def transcript_message(reply: dict) -> dict | None:
    """The transcript of a voice turn as a user message, or None."""
    if reply.get("transcript"):
        return views.user_message(reply["transcript"], "audio", reply.get("language") or "en")
    return None
