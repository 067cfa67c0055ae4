"""Test data for the OCR reader, kept out of the product path: a result-screen generator with ground
truth (:mod:`.render`) and the scores benchmarks and tests compare a reading with (:mod:`.evaluate`).

>>> from ocr.testing import render_result_screen, field_matches
>>> shot = render_result_screen("versus", seed=3, lang="en")
>>> shot.image.save("result.png"); shot.record        # the MatchRecord the picture shows
"""
from .evaluate import cer, field_matches
from .render import DEGRADATIONS, degrade, render_result_screen

__all__ = ["render_result_screen", "degrade", "DEGRADATIONS", "cer", "field_matches"]
