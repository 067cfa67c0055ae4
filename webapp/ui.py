"""The Gradio Blocks: a chat with multimodal input, spoken replies, an OCR confirmation panel and an
admin tab. A thin shell: the work is done by :class:`ChatActions` and :class:`AdminActions`, and every
action is also a named API endpoint (README, "The app").
"""
from __future__ import annotations

import logging
import warnings

import gradio as gr

from assistant import Assistant, AssistantError
from matchdata import tournament_names
from kernel.korean import has_hangul

from . import views
from .admin import FEEDBACK_COLUMNS, MATCH_COLUMNS, UNANSWERED_COLUMNS, AdminActions
from .chat import ChatActions, error_message, new_session_id, reply_or_error, transcript_message
from .i18n import UI_LANGS, t

log = logging.getLogger(__name__)

# Gradio warns that an interactive table cannot show a pandas Styler, yet it does show the cell
# colours we use to highlight low-confidence OCR fields (checked in the browser tests' screenshots).
warnings.filterwarnings("ignore", message="Cannot display Styler object in interactive mode", category=UserWarning)

STORAGE_KEY = "arenahub-session"
EXAMPLES = ["체크인은 어떻게 해요?", "How do I report a cheater?", "상금은 언제 들어와요?",
            "Can I stream my own matches?"]
CSS = """
.warn-box {border-left: 4px solid #d97706; background: #fffbeb; padding: 6px 10px; border-radius: 6px;}
.warn-box, .warn-box * {color: #78350f !important;}
#ocr-panel {border: 2px solid #2563eb; border-radius: 10px;}
footer {display: none !important;}
"""
HIGHLIGHT = "background-color: #fde68a; font-weight: 600"


def _styled(rows: list[list], columns: list[str], cells: set[tuple[int, str]]):
    """A table whose low-confidence cells are highlighted (a pandas Styler, or plain rows)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    if not cells or frame.empty:
        return frame

    def paint(data):
        out = pd.DataFrame("", index=data.index, columns=data.columns)
        for row, column in cells:
            if row < len(out) and column in out.columns:
                out.iloc[row, out.columns.get_loc(column)] = HIGHLIGHT
        return out

    return frame.style.apply(paint, axis=None)


def voice_choices(language: str) -> list[tuple[str, str]]:
    """The catalog's voices of ``language`` as (label, id) pairs for a dropdown."""
    try:
        from voices import catalog
    except ImportError:
        return []
    return [(f"{v.id} ({v.gender}, {v.engine})", v.id) for v in catalog() if v.language == language]


def build(bot: Assistant, admin_password: str | None = None) -> gr.Blocks:
    """The app over ``bot``; ``admin_password`` None disables the admin tab."""
    actions = ChatActions(bot)
    admin = AdminActions(bot, actions.feedback, admin_password)
    lang0 = "ko"

    with gr.Blocks(title=f"{t('title', 'en')} · {t('title', 'ko')}", analytics_enabled=False) as demo:
        with gr.Row(equal_height=True):
            with gr.Column(scale=4, min_width=300):
                header = gr.Markdown(f"## {t('title', lang0)} · {t('title', 'en')}\n{t('intro', lang0)}",
                                     elem_id="header")
            with gr.Column(scale=1, min_width=220):
                ui_lang = gr.Radio(list(UI_LANGS), value="한국어", label=t("ui_lang", lang0), elem_id="ui-lang")
        session = gr.State(None)
        turn_map = gr.State([])
        pending = gr.State(None)
        # the session id survives reloads and server restarts (a fixed secret: the id is no secret from
        # its own browser, and a random one would orphan every conversation at each restart)
        stored = gr.BrowserState(None, storage_key=STORAGE_KEY, secret=STORAGE_KEY)
        with gr.Tabs():
            with gr.Tab(t("chat_tab", lang0), id="chat") as chat_tab:
                with gr.Row():
                    with gr.Column(scale=3, min_width=300):
                        chatbot = gr.Chatbot(label=t("chat", lang0), height=480, elem_id="chatbot",
                                             feedback_options=("Like", "Dislike"), buttons=["copy"],
                                             placeholder=t("intro", lang0))
                        box = gr.MultimodalTextbox(
                            label=t("input", lang0), show_label=False, placeholder=t("placeholder", lang0),
                            sources=["upload", "microphone"], file_count="multiple",
                            file_types=["image", "audio", ".webm", ".mp4"], autofocus=True, elem_id="message",
                            max_plain_text_length=bot.config.max_text_chars)
                        with gr.Group(visible=False, elem_id="ocr-panel") as ocr_panel:
                            ocr_title = gr.Markdown(f"### {t('ocr_title', lang0)}", padding=True)
                            ocr_warn = gr.Markdown(elem_classes=["warn-box"])
                            naming = gr.Markdown(elem_id="ocr-naming")
                            with gr.Row():
                                name_boxes = [gr.Dropdown([], value=None, allow_custom_value=True, visible=False,
                                                          label=t("team_n", lang0, n=k + 1), elem_id=f"ocr-name-{k}")
                                              for k in range(views.NAMED_TEAMS_SHOWN)]
                            teams = gr.Dataframe(headers=views.TEAM_COLUMNS, label=t("teams", lang0),
                                                 interactive=True, type="array", elem_id="ocr-teams",
                                                 column_count=len(views.TEAM_COLUMNS))
                            players = gr.Dataframe(headers=views.PLAYER_COLUMNS, label=t("players", lang0),
                                                   interactive=True, type="array", elem_id="ocr-players",
                                                   column_count=len(views.PLAYER_COLUMNS))
                            tournament = gr.Dropdown([], value=None, allow_custom_value=True, label=t("tournament", lang0),
                                                     elem_id="ocr-tournament")
                            with gr.Row():
                                confirm = gr.Button(t("confirm", lang0), variant="primary", elem_id="ocr-confirm")
                                cancel = gr.Button(t("cancel", lang0), elem_id="ocr-cancel")
                        with gr.Row():
                            new_btn = gr.Button(t("new", lang0), size="sm", elem_id="new-conversation")
                        examples = gr.Examples([[{"text": q, "files": []}] for q in EXAMPLES], inputs=[box],
                                               label=t("examples", lang0))
                    with gr.Column(scale=1, min_width=260):
                        with gr.Group():
                            voice_title = gr.Markdown(f"**{t('voice_panel', lang0)}**", padding=True)
                            speak = gr.Checkbox(False, label=t("speak", lang0), elem_id="speak")
                            ko_choices, en_choices = voice_choices("ko"), voice_choices("en")
                            voice_ko = gr.Dropdown(ko_choices, value=_default(ko_choices, Assistant.DEFAULT_VOICES["ko"]),
                                                   label=t("voice_ko", lang0), elem_id="voice-ko")
                            voice_en = gr.Dropdown(en_choices, value=_default(en_choices, Assistant.DEFAULT_VOICES["en"]),
                                                   label=t("voice_en", lang0), elem_id="voice-en")
                            speed = gr.Slider(0.5, 2.0, value=1.0, step=0.1, label=t("speed", lang0), elem_id="speed")
                        reply_audio = gr.Audio(label=t("reply_audio", lang0), streaming=True, autoplay=True,
                                               sources=["microphone"], interactive=False, elem_id="reply-audio",
                                               buttons=["download"])
            with gr.Tab(t("admin_tab", lang0), id="admin") as admin_tab:
                if not admin.enabled:
                    admin_note = gr.Markdown(t("admin_disabled", lang0))
                with gr.Row():
                    password = gr.Textbox(type="password", label=t("password", lang0), interactive=admin.enabled,
                                          elem_id="admin-password", scale=3)
                    unlock = gr.Button(t("unlock", lang0), interactive=admin.enabled, elem_id="admin-unlock", scale=1)
                admin_status = gr.Markdown(elem_id="admin-status")
                with gr.Column(visible=False) as admin_panel:
                    with gr.Row():
                        reload_btn = gr.Button(t("reload", lang0), elem_id="admin-reload")
                        refresh_btn = gr.Button(t("refresh", lang0), elem_id="admin-refresh")
                        export_btn = gr.Button(t("export", lang0), elem_id="admin-export")
                    export_file = gr.File(label=t("export_file", lang0), interactive=False, visible=False)
                    feedback_table = gr.Dataframe(headers=FEEDBACK_COLUMNS, label=t("feedback", lang0),
                                                  interactive=False, wrap=True)
                    unanswered_table = gr.Dataframe(headers=UNANSWERED_COLUMNS, label=t("unanswered", lang0),
                                                    interactive=False, wrap=True)
                    matches_table = gr.Dataframe(headers=MATCH_COLUMNS, label=t("matches", lang0), interactive=False)
                    with gr.Row():
                        match_id = gr.Number(label=t("match_id", lang0), precision=0, elem_id="admin-match-id")
                        delete_btn = gr.Button(t("delete", lang0), variant="stop", elem_id="admin-delete")

        # ---- the chat ------------------------------------------------------------------------
        skip = gr.skip()
        cleared = {"text": "", "files": []}

        def ocr_outputs(reply: dict):
            record = reply["record"]
            lang = reply.get("language") or "en"
            team_rows, player_rows = views.record_rows(record)
            cells = views.low_confidence_cells(record)
            names = tournament_names(bot.config.resolved_match_db_url)
            missing = views.unnamed_teams(record)
            known = views.team_suggestions(known_team_names())
            boxes = [gr.update(visible=k in missing, choices=known, value=None,
                               label=views.team_label(record, k, lang)) for k in range(views.NAMED_TEAMS_SHOWN)]
            return ({"record": record, "turn_id": reply.get("turn_id")}, gr.update(visible=True),
                    _styled(team_rows, views.TEAM_COLUMNS, cells["teams"]),
                    _styled(player_rows, views.PLAYER_COLUMNS, cells["players"]),
                    views.warnings_markdown(record, lang),
                    gr.update(choices=names, value=names[0] if names else None),
                    views.naming_prompt(record, lang), *boxes)

        def known_team_names() -> list[str]:
            from matchdata import known_names_from_db

            try:
                return list(known_names_from_db(bot.config.resolved_match_db_url)["teams"])
            except AssistantError:
                return []

        def send(message, history, session_id, ids):
            """A multimodal turn: text and/or files, each answered in turn. The last reply also goes to
            ``to_speak``, which the chained ``speak`` event reads aloud when voice is on."""
            message = message if isinstance(message, dict) else {"text": message or "", "files": []}
            files = [f if isinstance(f, str) else f.get("path") for f in message.get("files") or []]
            text = message.get("text") or ""
            history, ids = list(history or []), list(ids or [])
            session_id = session_id or new_session_id()
            ocr = (skip,) * (7 + views.NAMED_TEAMS_SHOWN)
            for shown, reply in actions.turns(text, files, session_id):
                if reply is None:
                    history.append(shown)
                    ids.append(None)
                    yield (cleared, history, session_id, ids, None, *ocr, session_id)
                    continue
                heard = transcript_message(reply)
                if heard:
                    history.append(heard)
                    ids.append(None)
                for m in reply_or_error(reply):
                    history.append(m)
                    ids.append(reply.get("turn_id"))
                if reply.get("kind") == "ocr" and reply.get("record"):
                    ocr = ocr_outputs(reply)
                yield (cleared, history, session_id, ids, None if "error" in reply else reply, *ocr, session_id)
                ocr = (skip,) * (7 + views.NAMED_TEAMS_SHOWN)

        def speak_reply(reply, speak_on, v_ko, v_en, rate):
            """The last reply read aloud, sentence by sentence (nothing when voice is off)."""
            if not speak_on or not reply or not reply.get("text"):
                yield gr.skip()  # leaves the player as it was (an empty stream would reset it)
                return
            try:
                yield from actions.speech(reply, v_ko, v_en, rate)
            except AssistantError as err:
                gr.Warning(str(err))

        to_speak = gr.State(None)
        send_inputs = [box, chatbot, session, turn_map]
        send_outputs = [box, chatbot, session, turn_map, to_speak, pending, ocr_panel, teams, players, ocr_warn,
                        tournament, naming, *name_boxes, stored]
        speak_inputs = [to_speak, speak, voice_ko, voice_en, speed]
        box.submit(send, send_inputs, send_outputs, api_name="send", concurrency_id="assistant",
                   concurrency_limit=2).then(speak_reply, speak_inputs, reply_audio, api_visibility="private",
                                             concurrency_id="voice", concurrency_limit=2)

        def pick_suggestion(history, session_id, ids, evt: gr.SelectData):
            yield from send({"text": str(evt.value), "files": []}, history, session_id, ids)

        chatbot.option_select(pick_suggestion, send_inputs[1:], send_outputs, api_visibility="private",
                              concurrency_id="assistant").then(
            speak_reply, speak_inputs, reply_audio, api_visibility="private", concurrency_id="voice")

        def like(ids, session_id, pend, evt: gr.LikeData):
            index = evt.index if isinstance(evt.index, int) else evt.index[0]
            turn_id = ids[index] if ids and 0 <= index < len(ids) else None
            record = (pend or {}).get("record") if pend and pend.get("turn_id") == turn_id else None
            try:
                actions.vote(turn_id, evt.liked, session_id, record)
            except AssistantError as err:
                gr.Warning(str(err))

        chatbot.like(like, [turn_map, session, pending], None, api_visibility="private")

        def feedback_api(turn_id: int, value: str, session_id: str) -> dict:
            """API: thumbs ``up``/``down`` on the reply of ``turn_id`` (from a Reply's turn_id)."""
            try:
                return {"feedback": actions.vote(turn_id, value, session_id)}
            except AssistantError as err:
                return {"error": str(err)}

        # ---- sessions --------------------------------------------------------------------------
        def restore(saved):
            messages, session_id, ids = actions.restore(saved)
            return messages, session_id, ids, session_id

        demo.load(restore, [stored], [chatbot, session, turn_map, stored], api_visibility="private")

        def new_conversation():
            return [], new_session_id(), []

        hide_ocr = (None, gr.update(visible=False))
        new_btn.click(new_conversation, None, [chatbot, session, turn_map], api_name="new_conversation").then(
            lambda s: (s, *hide_ocr), session, [stored, pending, ocr_panel],
            api_visibility="private")

        chatbot.clear(lambda: (new_session_id(), []), None, [session, turn_map], api_visibility="private").then(
            lambda s: (s, *hide_ocr), session, [stored, pending, ocr_panel],
            api_visibility="private")

        # ---- OCR confirmation -------------------------------------------------------------------
        def confirm_clicked(pend, team_rows, player_rows, name, history, session_id, ids, *team_names):
            history, ids = list(history or []), list(ids or [])
            if not pend:
                return history, ids, skip, skip
            lang = (pend.get("record") or {}).get("language") or _chat_language(history)
            try:
                record = views.edited_record(pend["record"], team_rows, player_rows, list(team_names))
                match = actions.confirm(session_id, record, name)
            except AssistantError as err:
                gr.Warning(str(err))
                return skip, skip, skip, skip
            history.append({"role": "assistant", "content": "✓ " + t("recorded", lang, id=match)})
            ids.append(None)
            return history, ids, None, gr.update(visible=False)

        def cancel_clicked(history, ids):
            history, ids = list(history or []), list(ids or [])
            history.append({"role": "assistant", "content": t("cancelled", _chat_language(history))})
            ids.append(None)
            return history, ids, None, gr.update(visible=False)

        confirm.click(confirm_clicked, [pending, teams, players, tournament, chatbot, session, turn_map, *name_boxes],
                      [chatbot, turn_map, pending, ocr_panel], api_visibility="private")
        cancel.click(cancel_clicked, [chatbot, turn_map], [chatbot, turn_map, pending, ocr_panel],
                     api_visibility="private")

        def confirm_api(session_id: str, record: dict | None = None, tournament: str = "",
                        team_names: list | None = None) -> dict:
            """API: record the session's latest OCR record (optionally corrected, unnamed teams named by
            ``team_names``); ``{"match_id"}``."""
            try:
                return {"match_id": actions.confirm(session_id, record, tournament, team_names)}
            except AssistantError as err:
                return {"error": str(err)}

        # ---- the UI language -------------------------------------------------------------------
        def relabel(choice):
            lang = UI_LANGS.get(choice, "en")
            other = "en" if lang == "ko" else "ko"
            return (f"## {t('title', lang)} · {t('title', other)}\n{t('intro', lang)}",
                    gr.update(label=t("ui_lang", lang)), gr.update(label=t("chat", lang), placeholder=t("intro", lang)),
                    gr.update(label=t("input", lang), placeholder=t("placeholder", lang)),
                    f"### {t('ocr_title', lang)}", gr.update(label=t("teams", lang)),
                    gr.update(label=t("players", lang)), gr.update(label=t("tournament", lang)),
                    gr.update(value=t("confirm", lang)), gr.update(value=t("cancel", lang)),
                    gr.update(value=t("new", lang)), f"**{t('voice_panel', lang)}**",
                    gr.update(label=t("speak", lang)), gr.update(label=t("voice_ko", lang)),
                    gr.update(label=t("voice_en", lang)), gr.update(label=t("speed", lang)),
                    gr.update(label=t("reply_audio", lang)), gr.update(label=t("chat_tab", lang)),
                    gr.update(label=t("admin_tab", lang)), gr.update(label=t("password", lang)),
                    gr.update(value=t("unlock", lang)), gr.update(value=t("reload", lang)),
                    gr.update(value=t("refresh", lang)), gr.update(value=t("export", lang)),
                    gr.update(label=t("export_file", lang)), gr.update(label=t("feedback", lang)),
                    gr.update(label=t("unanswered", lang)), gr.update(label=t("matches", lang)),
                    gr.update(label=t("match_id", lang)), gr.update(value=t("delete", lang)))

        ui_lang.change(relabel, ui_lang, [header, ui_lang, chatbot, box, ocr_title, teams, players, tournament,
                                          confirm, cancel, new_btn, voice_title, speak, voice_ko, voice_en,
                                          speed, reply_audio, chat_tab, admin_tab, password, unlock, reload_btn,
                                          refresh_btn, export_btn, export_file, feedback_table, unanswered_table,
                                          matches_table, match_id, delete_btn],
                       api_visibility="private")

        # ---- admin -----------------------------------------------------------------------------
        def admin_view(pw):
            try:
                data = (admin.feedback_rows(pw), admin.unanswered_rows(pw), admin.match_rows(pw))
            except AssistantError as err:
                return f"⚠ {err}", gr.update(visible=False), skip, skip, skip
            return "", gr.update(visible=True), *data

        admin_outputs = [admin_status, admin_panel, feedback_table, unanswered_table, matches_table]
        unlock.click(admin_view, password, admin_outputs, api_visibility="private")
        password.submit(admin_view, password, admin_outputs, api_visibility="private")
        refresh_btn.click(admin_view, password, admin_outputs, api_visibility="private")

        def guarded(fn):
            def run(*args):
                try:
                    return fn(*args)
                except AssistantError as err:
                    return f"⚠ {err}"
            run.__name__, run.__doc__ = fn.__name__, fn.__doc__
            return run

        reload_btn.click(guarded(admin.reload), password, admin_status, api_name="admin_reload_faq",
                         concurrency_limit=1)
        delete_btn.click(guarded(admin.delete), [password, match_id], admin_status, api_name="admin_delete_match",
                         concurrency_limit=1).then(admin_view, password, admin_outputs, api_visibility="private")

        def export(pw):
            try:
                return gr.update(value=admin.export(pw), visible=True), ""
            except AssistantError as err:
                return gr.update(value=None, visible=False), f"⚠ {err}"

        export_btn.click(export, password, [export_file, admin_status], api_name="admin_export_feedback")

        def api_guard(fn):
            def run(password: str) -> list[list]:
                try:
                    return fn(password)
                except AssistantError as err:
                    raise gr.Error(str(err)) from None
            run.__name__ = fn.__name__
            return run

        # ---- plain API endpoints ------------------------------------------------------------------
        api_box = gr.Textbox(visible=False)

        def chat(message: str, history: list | None, session_id: str | None):
            """API (and the old text-only chat): one text turn appended to ``history``."""
            history = list(history or [])
            session_id = session_id or new_session_id()
            reply = actions.ask(message, session_id)
            if "error" not in reply:
                history.append(views.user_message((message or "").strip()))
            else:
                history.append(views.user_message(message or ""))
            history += reply_or_error(reply)
            return "", history, session_id

        api_box.submit(chat, [api_box, chatbot, session], [api_box, chatbot, session], api_name="chat",
                       concurrency_id="assistant")
        gr.api(actions.ask, api_name="ask", concurrency_id="assistant")
        gr.api(actions.history, api_name="history")
        gr.api(feedback_api, api_name="feedback")
        gr.api(confirm_api, api_name="confirm_record")

        def voices_api(language: str = "") -> list[dict]:
            """API: the voice catalog (id, language, gender, engine), optionally of one language."""
            from voices import catalog
            return [v.to_dict() for v in catalog() if not language or v.language == language]

        gr.api(voices_api, api_name="voices")
        gr.api(api_guard(admin.feedback_rows), api_name="admin_feedback")
        gr.api(api_guard(admin.unanswered_rows), api_name="admin_unanswered")
        gr.api(api_guard(admin.match_rows), api_name="admin_matches")

    demo.queue(default_concurrency_limit=4, max_size=64)
    return demo


def _default(choices, wanted):
    ids = [c[1] for c in choices]
    return wanted if wanted in ids else (ids[0] if ids else None)


def _chat_language(history) -> str:
    """The language of the latest assistant message (Hangul or not), for app-made messages."""
    for message in reversed(history or []):
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str) and message.get("role") == "assistant":
            return "ko" if has_hangul(content) else "en"
    return "en"
