"""The voice catalog (``voices/catalog.yaml``): named voices are data, validated on load."""
from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

from kernel.checks import LANGUAGES
from kernel.errors import AssistantError, InputError, closest

from .engines import SYNTHESIZERS

CATALOG_FILE = Path(__file__).with_name("catalog.yaml")
ENGINES = SYNTHESIZERS.names()

GENDERS = ("female", "male")


@dataclasses.dataclass(frozen=True)
class Voice:
    """One voice: which engine speaks it, with which model and speaker, in which language."""

    id: str
    language: str
    gender: str
    engine: str
    model: str
    speaker: str | None = None
    options: dict[str, Any] = dataclasses.field(default_factory=dict, hash=False, compare=False)
    description: str = ""

    def to_dict(self) -> dict[str, str]:
        """The CLI form (CONTRACTS §2)."""
        return {"id": self.id, "language": self.language, "gender": self.gender, "engine": self.engine}


class CatalogError(AssistantError):
    """The catalog file is malformed; the message names the file and the voice."""


def _read(path: Path) -> dict:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise CatalogError(f"{path}: cannot read the voice catalog ({err}).") from None
    if data is not None and not isinstance(data, dict):
        raise CatalogError(f"{path}: the file must be a mapping with a 'voices' list.")
    return data or {}


def load_aliases(path: Path = CATALOG_FILE) -> dict[str, str]:
    """The catalog's ``aliases`` (other name → voice id), each checked to name a listed voice."""
    aliases = _read(path).get("aliases") or {}
    if not isinstance(aliases, dict):
        raise CatalogError(f"{path}: 'aliases' must map names to voice ids.")
    ids = {v.id for v in load_catalog(path)}
    for name, target in aliases.items():
        if target not in ids or name in ids:
            raise CatalogError(f"{path}: the alias '{name}' must name a listed voice and not be a voice id itself.")
    return {str(k): str(v) for k, v in aliases.items()}


def load_catalog(path: Path = CATALOG_FILE) -> list[Voice]:
    """Read and validate a catalog file (unique ids, known languages, genders and engines)."""
    data = _read(path)
    entries = data.get("voices")
    if not isinstance(entries, list) or not entries:
        raise CatalogError(f"{path}: the file needs a non-empty 'voices' list.")
    voices: list[Voice] = []
    seen: set[str] = set()
    fields = {f.name for f in dataclasses.fields(Voice)}
    for i, entry in enumerate(entries):
        where = f"{path}, voice #{i + 1}" + (f" '{entry.get('id')}'" if isinstance(entry, dict) else "")
        if not isinstance(entry, dict):
            raise CatalogError(f"{where}: each voice must be a mapping.")
        unknown = set(entry) - fields
        if unknown:
            raise CatalogError(f"{where}: unknown field(s) {sorted(unknown)}.")
        for key in ("id", "language", "gender", "engine", "model"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise CatalogError(f"{where}: '{key}' is required.")
        if entry["language"] not in LANGUAGES:
            raise CatalogError(f"{where}: language must be one of {LANGUAGES}.")
        if entry["gender"] not in GENDERS:
            raise CatalogError(f"{where}: gender must be one of {GENDERS}.")
        if entry["engine"] not in ENGINES:
            raise CatalogError(f"{where}: engine must be one of {ENGINES}.")
        if entry["id"] in seen:
            raise CatalogError(f"{where}: the id is used twice.")
        seen.add(entry["id"])
        options = entry.get("options") or {}
        if not isinstance(options, dict):
            raise CatalogError(f"{where}: options must be a mapping.")
        speaker = entry.get("speaker")
        voices.append(Voice(id=entry["id"], language=entry["language"], gender=entry["gender"],
                            engine=entry["engine"], model=entry["model"],
                            speaker=None if speaker is None else str(speaker), options=dict(options),
                            description=str(entry.get("description") or "")))
    return voices


@functools.lru_cache(maxsize=1)
def _default_catalog() -> tuple[Voice, ...]:
    return tuple(load_catalog())


def catalog() -> list[Voice]:
    """Every voice of the shipped catalog."""
    return list(_default_catalog())


@functools.lru_cache(maxsize=1)
def _default_aliases() -> dict[str, str]:
    return load_aliases()


def get_voice(voice_id: str) -> Voice:
    """The voice named ``voice_id`` (an id or an alias such as "ko-female-1"); an unknown id raises
    InputError suggesting the closest one."""
    voices = {v.id: v for v in _default_catalog()}
    voice_id = _default_aliases().get(voice_id, voice_id)
    if voice_id in voices:
        return voices[voice_id]
    raise InputError(f"There is no voice '{voice_id}'.{closest(voice_id, list(voices))} "
                     "Run `assistant voices` to list them.".replace(".  ", ". "))
