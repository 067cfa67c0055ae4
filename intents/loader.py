"""Load and validate the declarative intent files (``intents/data/*.yaml``).

Errors name the file and the intent, so a typo in one answer never leaves the knowledge base half
loaded: either every file is valid or loading fails with one sentence saying where and what.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

import yaml

from kernel import checks
from kernel.errors import IntentFileError

LANGUAGES = tuple(sorted(checks.LANGUAGES))
"""The languages every intent speaks (the kernel's), English first: the order the knowledge base keeps
its texts in, and so the order of its index and cache keys."""
KINDS = ("faq", "chitchat", "sql", "ocr")
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
DEFAULT_INTENTS_DIR = Path(__file__).resolve().parent / "data"
"""The project's own intent files."""

MAX_FILE_BYTES = 5_000_000


@dataclasses.dataclass(frozen=True)
class Intent:
    """One intent: example questions and an answer per language."""

    id: str
    kind: str
    examples: dict[str, tuple[str, ...]]
    answer: dict[str, str]
    source: str

    def title(self, language: str) -> str:
        """The intent's first example question in ``language``: how suggestions name it."""
        return self.examples[language][0]


OOS = "oos"


@dataclasses.dataclass(frozen=True)
class KnowledgeBase:
    """All intents of a folder of intent files, with a hash of their contents."""

    intents: dict[str, Intent]
    digest: str
    out_of_scope: tuple[str, ...] = ()
    """Questions to reject (files' ``out_of_scope:`` lists): negatives that teach rejection."""

    def examples(self, with_out_of_scope: bool = True) -> tuple[list[str], list[str]]:
        """Every example question and its intent id (``oos`` for questions to reject), stable order."""
        texts, labels = [], []
        for intent in self.intents.values():
            for lang in LANGUAGES:
                for text in intent.examples[lang]:
                    texts.append(text)
                    labels.append(intent.id)
        if with_out_of_scope:
            texts += list(self.out_of_scope)
            labels += [OOS] * len(self.out_of_scope)
        return texts, labels


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of silently keeping the last one."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> object:
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise IntentFileError(str(path), f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IntentFileError(str(path), f"the file is not valid UTF-8 (byte {err.start})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise IntentFileError(str(path), f"invalid YAML{where}: {problem}") from None


def _check_text_list(path: str, intent: str, lang: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise IntentFileError(path, f"examples.{lang} must be a non-empty list of questions", intent)
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise IntentFileError(path, f"examples.{lang}[{i}] must be a non-empty string", intent)
        out.append(item.strip())
    dupes = sorted({t for t in out if out.count(t) > 1})
    if dupes:
        raise IntentFileError(path, f"examples.{lang} repeats {dupes[0]!r}", intent)
    return tuple(out)


def parse_intent(path: str, intent_id: object, body: object) -> Intent:
    """Validate one intent's mapping and return it."""
    if not isinstance(intent_id, str) or not _ID.match(intent_id):
        raise IntentFileError(path, f"intent id {intent_id!r} must be snake_case letters, digits and _")
    if not isinstance(body, dict):
        raise IntentFileError(path, "the intent must be a mapping with kind, examples and answer", intent_id)
    unknown = sorted(set(body) - {"kind", "examples", "answer"})
    if unknown:
        raise IntentFileError(path, f"unknown key {unknown[0]!r} (expected kind, examples, answer)", intent_id)
    kind = body.get("kind", "faq")
    if kind not in KINDS:
        raise IntentFileError(path, f"kind {kind!r} must be one of {', '.join(KINDS)}", intent_id)
    examples, answer = body.get("examples"), body.get("answer")
    if not isinstance(examples, dict):
        raise IntentFileError(path, "examples must map each language (en, ko) to a list", intent_id)
    if not isinstance(answer, dict):
        raise IntentFileError(path, "answer must map each language (en, ko) to a text", intent_id)
    for mapping, name in ((examples, "examples"), (answer, "answer")):
        extra = sorted(set(mapping) - set(LANGUAGES))
        missing = [lang for lang in LANGUAGES if lang not in mapping]
        if extra:
            raise IntentFileError(path, f"{name} has unknown language {extra[0]!r} (use en and ko)", intent_id)
        if missing:
            raise IntentFileError(path, f"{name} lacks the {missing[0]!r} language", intent_id)
    texts = {lang: _check_text_list(path, intent_id, lang, examples[lang]) for lang in LANGUAGES}
    answers = {}
    for lang in LANGUAGES:
        value = answer[lang]
        if not isinstance(value, str) or not value.strip():
            raise IntentFileError(path, f"answer.{lang} must be a non-empty text", intent_id)
        answers[lang] = value.strip()
    return Intent(intent_id, kind, texts, answers, path)


def load_file(path: Path) -> tuple[list[Intent], list[str]]:
    """The intents of one file, and its out-of-scope questions."""
    data = _read_yaml(path)
    if not isinstance(data, dict) or not (isinstance(data.get("intents"), dict) or "out_of_scope" in data):
        raise IntentFileError(str(path), "the file must have a top-level 'intents:' mapping")
    extra = sorted(set(data) - {"intents", "out_of_scope"})
    if extra:
        raise IntentFileError(str(path), f"unknown top-level key {extra[0]!r} (use 'intents' or 'out_of_scope')")
    rejects: list[str] = []
    if "out_of_scope" in data:
        body = data["out_of_scope"]
        if not isinstance(body, dict) or set(body) - set(LANGUAGES):
            raise IntentFileError(str(path), "out_of_scope must map en and/or ko to lists of questions")
        for lang, items in body.items():
            rejects += _check_text_list(str(path), "out_of_scope", lang, items)
    intents = data.get("intents") or {}
    if not isinstance(intents, dict):
        raise IntentFileError(str(path), "the file must have a top-level 'intents:' mapping")
    return [parse_intent(str(path), key, body) for key, body in intents.items()], rejects


def load_intents(folder: Path | str) -> KnowledgeBase:
    """Every intent of every ``*.yaml``/``*.yml`` file in ``folder``; ids must be unique across files."""
    folder = Path(folder)
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    if not files:
        raise IntentFileError(str(folder), "no intent files (*.yaml) were found in this folder")
    digest = hashlib.sha256()
    intents: dict[str, Intent] = {}
    rejects: list[str] = []
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        found, file_rejects = load_file(path)
        rejects += file_rejects
        for intent in found:
            if intent.id in intents:
                raise IntentFileError(str(path), f"the intent is already defined in {intents[intent.id].source}",
                                      intent.id)
            intents[intent.id] = intent
    if not intents:
        raise IntentFileError(str(folder), "the files define no intents")
    return KnowledgeBase(intents, digest.hexdigest(), tuple(dict.fromkeys(rejects)))
