"""One error module with a root exception.

Every error the assistant raises on purpose derives from :class:`AssistantError` and carries one
clear sentence for the person who caused it. Entry points (CLI, app, API) catch the root class and
show that sentence; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import difflib


class AssistantError(Exception):
    """Root of every deliberate error; ``str(err)`` is one sentence meant for the user."""


class InputError(AssistantError):
    """The caller's input (text, session id, file, option) cannot be used as given."""


class IntentFileError(AssistantError):
    """An intent file is malformed; the message names the file and, when known, the intent."""

    def __init__(self, path: str, message: str, intent: str | None = None):
        where = f"{path}" + (f", intent '{intent}'" if intent else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.intent = intent


class EnvironmentProblem(AssistantError):
    """Something the machine lacks (a package, a model file); the message says how to fix it."""


def closest(name: str, choices: list[str]) -> str:
    """A ' Did you mean X?' suffix naming the closest of ``choices``, or '' when none is close."""
    match = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    return f" Did you mean '{match[0]}'?" if match else ""
