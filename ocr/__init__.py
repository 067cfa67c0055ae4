"""The Match Result Recorder: result screenshots become match records.

>>> import ocr
>>> record = ocr.read_match_result("result.png", known_names=ocr.known_names_from_db(url))
>>> record.to_dict()                      # CONTRACTS §4
>>> ocr.record_match(url, record, ocr.sha256_of("result.png"), tournament="Seoul Spring Cup 2026")

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
from matchdata import known_names_from_db, name_teams, record_match

__all__ = ["read_match_result", "known_names_from_db", "name_teams", "record_match", "parse_words",
           "load_image", "sha256_of", "MatchRecord", "TeamResult", "PlayerResult", "FieldInfo", "OCROptions"]
