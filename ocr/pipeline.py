"""The stages of ``read_match_result``: load → photo correction (perspective, glare) → preprocess → Tesseract → layout + parse → fallback →
name correction → validation."""
from __future__ import annotations

import dataclasses
import logging
import statistics

import numpy as np
from PIL import Image

from kernel.errors import InputError

from .engines import get_engine
from .fallback import refine
from .grid import NO_RESULT, parse_boxes
from .load import load_image
from .names import correct_names
from .photo import flatten_photo
from .parse import derive_placements, parse_words, repair_ranks
from .preprocess import grayscale, prepare
from .reader import LineEngine, normalise_size, read_boxes
from matchdata.record import MatchRecord
from .validate import LOW_CONFIDENCE, validate

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class OCROptions:
    """Settings of the pipeline."""

    page_height: int = 1000
    """Height (pixels) the page is scaled to before Tesseract reads it."""
    fallback: bool = True
    """Read low-confidence fields again with the second engine."""
    fallback_engines: tuple[str, ...] = ("rapidocr", "tesseract")
    """Engines of the fallback path, tried in order (``rapidocr``, ``tesseract``)."""
    threshold: float = LOW_CONFIDENCE
    """Fields below this confidence are re-read, and flagged in ``warnings`` if still below."""
    legacy_below: float = 0.7
    """When the table rebuilt from PP-OCR's boxes fills less than this share of its fields, the
    whole-page Tesseract reading is tried as well and the fuller record kept."""


def read_match_result(image, known_names: dict | None = None, options: OCROptions | None = None) -> MatchRecord:
    """Read a result screenshot (a path, bytes or PIL image) into a :class:`MatchRecord`.

    ``known_names`` is ``{"teams": [...], "players": [...]}`` (see :func:`matchdata.known_names_from_db`);
    names that closely match one of them are returned in its known spelling. Raises InputError for a
    file that is not a usable picture, or a picture without a match result.

    The screen's text boxes come from PP-OCR (with Tesseract for Hangul); the table is rebuilt from
    their geometry (:mod:`ocr.grid`). When that finds no table or leaves many fields empty, the
    whole-page Tesseract reading and its header-driven parser (:mod:`ocr.parse`) are tried too and
    the fuller record is kept.
    """
    options = options or OCROptions()
    picture = load_image(image)
    rgb = np.asarray(picture.convert("RGB"))
    rgb, _ = normalise_size(rgb)
    rgb, fix = flatten_photo(rgb)  # a photo of a monitor: its screen upright, glare lowered
    if fix.changed:
        picture = Image.fromarray(rgb)
    record = None
    try:
        words = read_boxes(rgb)
        record = parse_boxes(words, page_width=rgb.shape[1], page_height=rgb.shape[0])
        _refine(record, grayscale(rgb), [LineEngine()], options)
    except InputError:
        record = None
    if record is None or fill_ratio(record) < options.legacy_below:
        legacy = _legacy(picture, options)
        if legacy is not None and (record is None or fill_ratio(legacy) > fill_ratio(record) + 0.15):
            record = legacy
    if record is None:
        raise InputError(NO_RESULT)
    correct_names(record, known_names)
    used = sorted({info.engine for info in record.fields.values()} - {"derived", "layout"})
    record.engine = "+".join(used) or record.engine
    confs = [info.confidence for info in record.fields.values()]
    record.confidence = float(statistics.fmean(confs)) if confs else 0.0
    record.warnings = validate(record, options.threshold)
    return record


def _refine(record: MatchRecord, gray, engines, options: OCROptions) -> None:
    if options.fallback and refine(record, gray, engines, options.threshold):
        derive_placements(record)
        repair_ranks(record)


def _legacy(picture, options: OCROptions) -> MatchRecord | None:
    """The whole-page Tesseract reading with the header-driven parser (and its fallback), or None."""
    page = prepare(np.asarray(picture), target_height=options.page_height)
    words = get_engine("tesseract").read(page.gray)
    try:
        record = parse_words(words, page_width=page.gray.shape[1])
    except InputError:
        return None
    record.engine = "tesseract"
    _refine(record, page.gray, [get_engine(n) for n in options.fallback_engines], options)
    return record


def filled(record: MatchRecord) -> int:
    """How many fields of the record hold a value."""
    n = 0
    for t in record.teams:
        n += sum(v is not None for v in (t.name, t.placement, t.score, t.kills))
    for p in record.players:
        n += sum(v is not None for v in (p.nickname, p.kills, p.deaths, p.assists, p.team_index if p.team_index is not None else p.team))
    return n


def fill_ratio(record: MatchRecord) -> float:
    """Share of the fields a record of its shape would have that hold a value (players' K/D/A and
    team; teams' placement and score or kills)."""
    if record.format == "versus":
        if not record.players:
            return 0.0
        have = sum(sum(v is not None for v in (p.kills, p.deaths, p.assists, p.team_index)) for p in record.players)
        return have / (4 * len(record.players))
    if not record.teams:
        return 0.0
    return sum((t.placement is not None) + (t.score is not None or t.kills is not None) for t in record.teams) / (
        2 * len(record.teams))
