"""The ground every other package stands on, importing none of them: errors, Korean text
primitives, language detection, input checks and database engines.

The layers above: {intents, ocr, voices} -> assistant -> webapp/app (tests/test_layering.py).
``kernel.db`` (SQLAlchemy) is imported only by those who need a database.
"""
from .checks import (LANGUAGES, MAX_TEXT_CHARS, check_id, check_language, check_name, check_session_id,
                     check_speed, check_text)
from .errors import AssistantError, EnvironmentProblem, InputError, IntentFileError, closest
from .korean import has_batchim, has_hangul, is_hangul, jamo, split_syllable
from .language import Detected, detect

__all__ = ["AssistantError", "EnvironmentProblem", "InputError", "IntentFileError", "closest",
           "LANGUAGES", "MAX_TEXT_CHARS", "check_id", "check_language", "check_name", "check_session_id",
           "check_speed", "check_text", "has_batchim", "has_hangul", "is_hangul", "jamo", "split_syllable",
           "Detected", "detect"]
