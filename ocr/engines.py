"""OCR engines behind one small interface.

``read(image) -> list[Word]`` reads a whole page with word boxes and confidences;
``read_fields(crops, digits=False) -> list[(text, confidence)]`` reads small regions again (the
fallback path; ``digits`` restricts the reading to numbers). Engines load lazily, once per process.
"""
from __future__ import annotations

import dataclasses
import logging

import numpy as np

from kernel.errors import EnvironmentProblem
from kernel.registry import Registry, cached_loader

log = logging.getLogger(__name__)

TESSERACT_LANG = "Hangul+eng"
TESSERACT_CONFIG = "--psm 6 -c tessedit_do_invert=0"


@dataclasses.dataclass(frozen=True)
class Word:
    """One recognised word: its text, box (left, top, width, height) in page pixels, confidence 0..1."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    engine: str = "tesseract"
    color: tuple[int, int, int] | None = None
    """Background colour (RGB) around the box, when the reader measured it (row colours tell teams apart)."""
    ink: tuple[int, int, int] | None = None
    """Colour of the text itself, when measured (banner scores printed in team colours)."""

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def cx(self) -> float:
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        return self.top + self.height / 2


def _stack(crops: list[np.ndarray], gap: int = 24) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Crops stacked vertically on white, each on its own band; returns the band (top, bottom) of each."""
    height = max(40, max(c.shape[0] for c in crops))
    width = max(c.shape[1] for c in crops) + 2 * gap
    sheet = np.full(((height + gap) * len(crops) + gap, width), 255, np.uint8)
    bands = []
    for i, crop in enumerate(crops):
        top = gap + i * (height + gap)
        sheet[top:top + crop.shape[0], gap:gap + crop.shape[1]] = crop
        bands.append((top, top + height))
    return sheet, bands


def _script_languages() -> set[str]:
    """Script models (tessdata/script/*.traineddata), which pytesseract's language list leaves out."""
    import shutil
    import subprocess

    exe = shutil.which("tesseract")
    if not exe:
        return set()
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    return {line.strip().split("/")[-1] for line in out.splitlines()[1:] if line.strip()}


class TesseractEngine:
    """Tesseract 5 through pytesseract (Debian tesseract-ocr + tesseract-ocr-script-hang)."""

    name = "tesseract"

    def __init__(self, lang: str = TESSERACT_LANG, config: str = TESSERACT_CONFIG):
        self.lang, self.config = lang, config
        self._checked = False

    def _module(self):
        try:
            import pytesseract
        except ImportError:
            raise EnvironmentProblem("pytesseract is not installed; run "
                                     "'.venv/bin/pip install pytesseract==0.3.13'.") from None
        if not self._checked:
            try:
                langs = set(pytesseract.get_languages(config=""))
            except (pytesseract.TesseractNotFoundError, OSError):
                raise EnvironmentProblem("Tesseract is not installed; run 'apt-get install tesseract-ocr "
                                         "tesseract-ocr-kor tesseract-ocr-script-hang'.") from None
            langs |= {lang.split("/")[-1] for lang in langs}
            langs |= _script_languages()
            missing = [code for code in self.lang.split("+") if code not in langs]
            if missing:
                raise EnvironmentProblem(f"Tesseract lacks the language data {', '.join(missing)}; run "
                                         "'apt-get install tesseract-ocr-kor tesseract-ocr-script-hang'.")
            self._checked = True
        return pytesseract

    def read(self, image: np.ndarray) -> list[Word]:
        """All words of a page (a uint8 grayscale or RGB array)."""
        pytesseract = self._module()
        from PIL import Image

        data = pytesseract.image_to_data(Image.fromarray(image), lang=self.lang, config=self.config,
                                         output_type=pytesseract.Output.DICT)
        words = []
        for text, left, top, width, height, conf in zip(data["text"], data["left"], data["top"],
                                                         data["width"], data["height"], data["conf"]):
            text = (text or "").strip()
            if text and float(conf) >= 0:
                words.append(Word(text, int(left), int(top), int(width), int(height),
                                  max(0.0, min(1.0, float(conf) / 100)), self.name))
        return words

    def read_fields(self, crops: list[np.ndarray], digits: bool = False) -> list[tuple[str, float]]:
        """Each crop read again in one Tesseract call (crops stacked), digits only when asked."""
        if not crops:
            return []
        pytesseract = self._module()
        from PIL import Image

        sheet, bands = _stack(crops)
        config = "--psm 6 -c tessedit_do_invert=0"
        if digits:
            config += " -c tessedit_char_whitelist=0123456789/"
        data = pytesseract.image_to_data(Image.fromarray(sheet), lang="eng" if digits else self.lang,
                                         config=config, output_type=pytesseract.Output.DICT)
        out: list[list[tuple[int, str, float]]] = [[] for _ in crops]
        for text, left, top, height, conf in zip(data["text"], data["left"], data["top"], data["height"],
                                                 data["conf"]):
            text = (text or "").strip()
            if not text or float(conf) < 0:
                continue
            cy = top + height / 2
            for i, (a, b) in enumerate(bands):
                if a - 12 <= cy <= b + 12:
                    out[i].append((left, text, float(conf) / 100))
                    break
        results = []
        for parts in out:
            parts.sort()
            if parts:
                results.append((" ".join(p[1] for p in parts), min(p[2] for p in parts)))
            else:
                results.append(("", 0.0))
        return results


class RapidOCREngine:
    """RapidOCR (PP-OCRv4 through onnxruntime; its models ship inside the pip package).
    Reads Latin letters and digits well, Hangul not at all, so it serves as the fallback."""

    name = "rapidocr"

    @staticmethod
    @cached_loader
    def _get():
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise EnvironmentProblem("rapidocr-onnxruntime is not installed; run "
                                     "'.venv/bin/pip install rapidocr-onnxruntime==1.4.4'.") from None
        return RapidOCR()

    def read(self, image: np.ndarray) -> list[Word]:
        model = self._get()
        result, _ = model(image)
        words = []
        for box, text, conf in result or []:
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            words.append(Word(text, int(min(xs)), int(min(ys)), int(max(xs) - min(xs)), int(max(ys) - min(ys)),
                              float(conf), self.name))
        return words

    def read_fields(self, crops: list[np.ndarray], digits: bool = False) -> list[tuple[str, float]]:
        """Recognition only (no detection) on each crop; ``digits`` keeps digits and '/'."""
        model = self._get()
        results = []
        for crop in crops:
            rgb = np.dstack([crop] * 3) if crop.ndim == 2 else crop
            res, _ = model(rgb, use_det=False, use_cls=False, use_rec=True)
            text, conf = (res[0][0], float(res[0][1])) if res else ("", 0.0)
            if digits:
                kept = "".join(ch for ch in text if ch.isdigit() or ch == "/")
                if len(kept) != len(text.replace(" ", "")):
                    conf *= 0.5  # it saw something other than a number
                text = kept
            results.append((text.strip(), conf))
        return results


ENGINES = Registry("OCR engine", {"tesseract": f"{__name__}:TesseractEngine",
                                  "rapidocr": f"{__name__}:RapidOCREngine"})
"""The word-box engines behind ``read``/``read_fields``, by the names OCROptions uses."""


def get_engine(name: str):
    """The shared engine called ``tesseract`` or ``rapidocr``."""
    return ENGINES.instance(name)
