"""The Gradio app: a chat over :meth:`assistant.Assistant.respond`, one session per browser tab.

Run ``make run`` (or ``.venv/bin/python app.py``); it serves http://127.0.0.1:7860 unless
``GRADIO_SERVER_PORT`` names another port. The UI is a thin shell: every action is a plain function
that is also a named API endpoint (``/chat``, ``/ask``).
"""
from __future__ import annotations

import logging
import os
import uuid

from assistant import Assistant, AssistantError

log = logging.getLogger("app")

TITLE = "ArenaHub assistant · 아레나허브 도우미"
INTRO = ("Ask about accounts, teams, tournaments, rules, results and prizes, in Korean or English. "
         "· 계정, 팀, 대회, 규칙, 결과, 상금에 대해 한국어나 영어로 물어보세요.")
EXAMPLES = ["체크인은 어떻게 해요?", "How do I report a cheater?", "상금은 언제 들어와요?",
            "Can I stream my own matches?"]


def new_session_id() -> str:
    """A fresh, unguessable session id for a browser tab."""
    return f"web-{uuid.uuid4().hex}"


def reply_markdown(reply) -> str:
    """How a Reply reads in the chat: its text, plus "see also" questions for confident answers."""
    text = reply.text
    if reply.suggestions and reply.kind != "fallback":
        label = "관련 질문" if reply.language == "ko" else "See also"
        text += "\n\n*" + label + ":* " + " · ".join(reply.suggestions)
    return text


def make_handlers(bot: Assistant):
    """The plain functions behind the UI (and the API)."""

    def chat(message: str, history: list | None, session: str | None):
        history = list(history or [])
        session = session or new_session_id()
        try:
            reply = bot.respond(message, session=session)
        except AssistantError as err:
            history += [{"role": "user", "content": message or ""},
                        {"role": "assistant", "content": f"⚠️ {err}"}]
            return "", history, session
        history += [{"role": "user", "content": message.strip()},
                    {"role": "assistant", "content": reply_markdown(reply)}]
        return "", history, session

    def ask(message: str, session: str) -> dict:
        """API: one turn; returns the Reply as a dict, or ``{"error": sentence}``."""
        try:
            return bot.respond(message, session=session).to_dict()
        except AssistantError as err:
            return {"error": str(err)}

    return chat, ask


def build_app(bot: Assistant | None = None):
    """The Blocks app; nothing heavy happens until the first turn (or :meth:`Assistant.warm_up`)."""
    import gradio as gr

    bot = bot or Assistant()
    chat, ask = make_handlers(bot)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"## {TITLE}\n{INTRO}")
        session = gr.State(None)
        chatbot = gr.Chatbot(label="Conversation · 대화", height=520, feedback_options=None)
        with gr.Row():
            box = gr.Textbox(label="Your question · 질문", placeholder="체크인은 어떻게 해요? / How do I check in?",
                             scale=8, autofocus=True, max_length=bot.config.max_text_chars, submit_btn=True)
        gr.Examples(EXAMPLES, inputs=box, label="Try · 예시")
        clear = gr.Button("New conversation · 새 대화", size="sm")

        demo.load(new_session_id, None, session, api_visibility="private")
        box.submit(chat, [box, chatbot, session], [box, chatbot, session], api_name="chat")
        clear.click(lambda: ([], new_session_id()), None, [chatbot, session], api_name="new_conversation")
        gr.api(ask, api_name="ask")
    demo.queue(default_concurrency_limit=4, max_size=64)
    return demo


def main() -> None:
    logging.basicConfig(level=os.environ.get("ASSISTANT_LOG", "INFO").upper())
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    bot = Assistant()
    log.info("loading models and the FAQ index…")
    bot.warm_up()
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    build_app(bot).launch(server_name="127.0.0.1", server_port=port, show_error=True)


if __name__ == "__main__":
    main()
