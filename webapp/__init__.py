"""The web app: chat actions, admin actions, views, labels and the Gradio Blocks that wire them.

>>> from webapp import build
>>> build(Assistant(), admin_password="secret").launch()
"""
from .admin import AdminActions
from .chat import ChatActions, new_session_id
from .ui import build

__all__ = ["build", "ChatActions", "AdminActions", "new_session_id"]
