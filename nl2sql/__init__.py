"""Statistics questions in Korean or English answered with SQL over the match database.

>>> from nl2sql import ensure_demo_database, answer
>>> ensure_demo_database("sqlite:///var/assistant.db")
>>> a = answer("목포 마린즈 이번 시즌 몇 번 이겼어?", "sqlite:///var/assistant.db")
>>> a.sql, a.columns, a.rows, a.text, a.meta

Stages: :mod:`.linking` (names → rows of the asked database) → :mod:`.model` (the sketch model) →
:mod:`.query` (sketch → SQL) → :mod:`.safety` (sqlglot checks, read-only run) → :mod:`.render`.
"""
from .demo import ensure_demo_database
from .engine import SQLAnswer, answer

__all__ = ["ensure_demo_database", "answer", "SQLAnswer"]
