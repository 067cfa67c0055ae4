"""The Match Result Recorder: result screenshots become match records.

>>> import matchdata, ocr
>>> record = ocr.read_match_result("result.png", known_names=matchdata.known_names_from_db(url))
>>> record.to_dict()                      # CONTRACTS §4
>>> matchdata.record_match(url, record, ocr.sha256_of("result.png"), tournament="Seoul Spring Cup 2026")

This package reads images only; storing a confirmed record is :mod:`matchdata`'s job.

Stages (one module each): ``load`` (checks the file), ``preprocess`` (grayscale, inversion of dark
themes, upscaling, deskew, binarization), ``engines`` (Tesseract and RapidOCR behind
``read``/``read_fields``), ``layout`` and ``parse`` (word boxes → MatchRecord, pure), ``fallback``
(low-confidence fields read again), ``names`` (fuzzy, Hangul-aware correction), ``validate``.
The screenshot generator with ground truth, for tests and benchmarks, is :mod:`ocr.testing`.
"""
from .load import load_image, sha256_of
from .parse import parse_words
from .pipeline import OCROptions, read_match_result
from matchdata.record import FieldInfo, MatchRecord, PlayerResult, TeamResult

__all__ = ["read_match_result", "parse_words",
           "load_image", "sha256_of", "MatchRecord", "TeamResult", "PlayerResult", "FieldInfo", "OCROptions"]
