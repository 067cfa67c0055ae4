"""The stages of ``read_match_result``: load → preprocess → Tesseract → layout + parse → fallback →
name correction → validation."""
from __future__ import annotations

import dataclasses
import logging
import statistics

import numpy as np

from .engines import get_engine
from .fallback import refine
from .load import load_image
from .names import correct_names
from .parse import derive_placements, parse_words, repair_ranks
from .preprocess import prepare
from .record import MatchRecord
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


def read_match_result(image, known_names: dict | None = None, options: OCROptions | None = None) -> MatchRecord:
    """Read a result screenshot (a path, bytes or PIL image) into a :class:`MatchRecord`.

    ``known_names`` is ``{"teams": [...], "players": [...]}`` (see :func:`ocr.known_names_from_db`);
    names that closely match one of them are returned in its known spelling. Raises InputError for a
    file that is not a usable picture, or a picture without a match result.
    """
    options = options or OCROptions()
    picture = load_image(image)
    page = prepare(np.asarray(picture), target_height=options.page_height)
    words = get_engine("tesseract").read(page.gray)
    record = parse_words(words, page_width=page.gray.shape[1])
    if options.fallback:
        engines = [get_engine(name) for name in options.fallback_engines]
        if refine(record, page.gray, engines, options.threshold):
            derive_placements(record)
            repair_ranks(record)
    correct_names(record, known_names)
    used = {info.engine for info in record.fields.values()}
    record.engine = "tesseract+rapidocr" if "rapidocr" in used else "tesseract"
    confs = [info.confidence for info in record.fields.values()]
    record.confidence = float(statistics.fmean(confs)) if confs else 0.0
    record.warnings = validate(record, options.threshold)
    return record
