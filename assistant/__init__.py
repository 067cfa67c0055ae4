"""A bilingual (Korean + English) assistant for esports competition platforms.

>>> from assistant import Assistant
>>> reply = Assistant().respond("How do I check in?", session="user-1")
"""
from kernel.errors import AssistantError, InputError, IntentFileError

from .config import Config
from .core import Assistant
from .reply import Reply

__all__ = ["Assistant", "Config", "Reply", "AssistantError", "InputError", "IntentFileError"]
