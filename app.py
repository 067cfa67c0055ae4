"""The Gradio app: one conversation by text, voice and screenshot, over :meth:`assistant.Assistant.respond`.

Run ``make run`` (or ``.venv/bin/python app.py``); it serves http://127.0.0.1:7860 unless
``GRADIO_SERVER_PORT`` names another port (``GRADIO_SERVER_NAME`` another address to listen on).
``ASSISTANT_ADMIN_PASSWORD`` enables the admin tab. Several processes can serve one conversation
store behind a load balancer (README, "Deployment").
The UI lives in :mod:`webapp` and is a thin shell: every action is a plain function that is also a
named API endpoint (``/ask``, ``/chat``, ``/send``, ``/history``, ``/feedback``, ``/confirm_record``,
``/voices``, ``/new_conversation``, ``/admin_*``; README, "The app").
"""
from __future__ import annotations

import logging
import os

from assistant import Assistant
from webapp.chat import new_session_id  # noqa: F401 - re-exported for callers of the old app module
from webapp.ui import CSS

log = logging.getLogger("app")


def build_app(bot: Assistant | None = None, *, admin_password: str | None = None):
    """The Blocks app over ``bot`` (a new :class:`Assistant` by default); nothing heavy happens until
    the first turn (or :meth:`Assistant.warm_up`). ``admin_password`` None disables the admin tab."""
    from webapp import build

    return build(bot or Assistant(), admin_password=admin_password)


def main() -> None:
    logging.basicConfig(level=os.environ.get("ASSISTANT_LOG", "INFO").upper())
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    bot = Assistant()
    bot.prepare_databases()  # an empty database (e.g. a new PostgreSQL one) gets its tables here
    log.info("loading models and the FAQ index…")
    bot.warm_up()
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")  # e.g. 0.0.0.0 behind a load balancer
    password = os.environ.get("ASSISTANT_ADMIN_PASSWORD") or None
    build_app(bot, admin_password=password).launch(server_name=host, server_port=port, show_error=True, css=CSS,
                                                      max_file_size="200mb")


if __name__ == "__main__":
    main()
