"""The fallback path: fields Tesseract read poorly (or not at all) are read again from their region
by a second engine, and the better reading is kept, with the engine that produced it recorded."""
from __future__ import annotations

import logging
import re

import numpy as np

from kernel.korean import has_hangul

from .parse import parse_rank, to_int
from matchdata.record import MatchRecord

log = logging.getLogger(__name__)
NUMERIC = {"score", "kills", "deaths", "assists", "placement"}
MAX_FIELDS = 48
_KEY = re.compile(r"^(teams|players)\[(\d+)\]\.(\w+)$")


def _crop(gray: np.ndarray, box) -> np.ndarray | None:
    h, w = gray.shape[:2]
    left, top, right, bottom = (int(v) for v in box)
    left, top, right, bottom = max(0, left), max(0, top), min(w, right), min(h, bottom)
    if right - left < 4 or bottom - top < 4:
        return None
    return np.ascontiguousarray(gray[top:bottom, left:right])


def _value(field: str, text: str, position: int | None):
    if field in NUMERIC:
        if position is not None:  # a combined K/D/A cell
            parts = [p for p in re.split(r"[/\\|]", text) if p]
            if len(parts) != 3:
                return None
            text = parts[position]
        return (parse_rank if field == "placement" else to_int)(text)[0]
    text = text.strip()
    return text or None


def refine(record: MatchRecord, gray: np.ndarray, engines: list, threshold: float) -> int:
    """Re-read the low-confidence fields of ``record`` (in place) with ``engines``; returns how many
    fields changed. ``engines`` are objects with ``read_fields(crops, digits)`` and ``name``."""
    todo = []
    for key, info in record.fields.items():
        m = _KEY.match(key)
        if not m or info.box is None or info.confidence >= threshold:
            continue
        todo.append((key, m.group(1), int(m.group(2)), m.group(3), info))
    todo = sorted(todo, key=lambda t: t[4].confidence)[:MAX_FIELDS]
    changed = 0
    for numeric in (True, False):
        batch = [t for t in todo if (t[3] in NUMERIC) == numeric]
        crops = [(_crop(gray, t[4].box), t) for t in batch]
        crops = [(c, t) for c, t in crops if c is not None]
        if not crops:
            continue
        for engine in engines:
            if numeric and engine.name == "tesseract":
                continue  # Tesseract already had its chance on numbers; RapidOCR reads digits well
            try:
                readings = engine.read_fields([c for c, _ in crops], digits=numeric)
            except Exception as err:  # noqa: BLE001 - a failing fallback must not lose the first reading
                log.warning("fallback engine %s failed: %s", getattr(engine, "name", engine), err)
                continue
            for (crop, (key, table, index, field, info)), (text, conf) in zip(crops, readings):
                items = getattr(record, table)
                if index >= len(items):
                    continue
                obj = items[index]
                if not numeric:
                    current = getattr(obj, field) or ""
                    hangul = has_hangul(current + text)
                    cjk = any("\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff" for ch in text)
                    if engine.name == "rapidocr" and (hangul or cjk or not current):
                        continue  # RapidOCR's model does not know Hangul (it answers in Chinese)
                position = None
                if numeric and "/" in text and field in ("kills", "deaths", "assists"):
                    position = ("kills", "deaths", "assists").index(field)
                value = _value(field, text, position)
                if value is None or conf <= info.confidence:
                    continue
                if getattr(obj, field) != value:
                    changed += 1
                setattr(obj, field, value)
                info.engine, info.confidence = engine.name, conf
    return changed
