"""Text boxes of a whole screen: PP-OCR detection and recognition (faster-paddle, PP-OCRv6 small, its
ONNX models inside the wheel), then Tesseract ``kor+eng`` in single-line mode on the boxes PP-OCR may
have misread (PP-OCR has no Hangul and drops it silently), and the background and ink colours of
every box (rows coloured by team, scores printed in team colours).

``read_boxes(rgb) -> list[Word]`` in the picture's pixel coordinates. Models load lazily, once.
"""
from __future__ import annotations

import glob
import io
import logging
import os
import re
import threading

import numpy as np

from kernel.errors import EnvironmentProblem
from kernel.korean import has_hangul
from kernel.registry import cached_loader

from .engines import Word

log = logging.getLogger(__name__)
MODEL_SIZE = os.environ.get("ASSISTANT_OCR_MODEL", "small")
DET_MAX_SIDE = int(os.environ.get("ASSISTANT_OCR_DET_SIDE", "1600"))
KEEP_PADDLE_AT = 0.85
RETRY_OTSU_BELOW = 75
HANGUL_OVER_NUMBER = 60
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN_ONLY = re.compile(r"^[\x20-\x7e\u00c0-\u024f]*$")

DET_FAST_SIDE = int(os.environ.get("ASSISTANT_OCR_DET_FAST_SIDE", "1280"))
SMALL_TEXT_PX = 12
"""Median text height (pixels, at the detector's scale) below which the first, reduced detection is
too coarse and the screen is read again at ``DET_MAX_SIDE``."""

@cached_loader
def _paddle_engine(det_side: int = DET_MAX_SIDE):
    """PP-OCR loaded once per detection size (the ONNX sessions of the wheel; a few MB each)."""
    try:
        from faster_paddle import OcrEngine
    except ImportError:
        raise EnvironmentProblem("faster-paddle is not installed; run '.venv/bin/pip install "
                                 "faster-paddle==1.0.4'.") from None
    return OcrEngine(model_size=MODEL_SIZE, det_max_side=det_side)


def load_engines() -> None:
    """Load now what the first screenshot would load: PP-OCR at both detection sizes and Tesseract
    (about 0.9 GB resident together, most of it onnxruntime's buffers after a first inference)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1920, 1080), "white").save(buffer, "BMP")  # a screen's size: buffers sized as in use
    blank = buffer.getvalue()
    for side in {DET_FAST_SIDE, DET_MAX_SIDE}:
        _paddle_engine(side).ocr(blank)
    _tesseract()


def _detect(data: bytes, long_side: int) -> dict:
    """PP-OCR on the encoded screen: first with detection reduced to ``DET_FAST_SIDE`` (most screens'
    text is large enough there, and it costs about two thirds of the full size), again at
    ``DET_MAX_SIDE`` when the text it found is small at that scale (dense tables, 64-player lists)."""
    if long_side <= DET_FAST_SIDE or DET_FAST_SIDE >= DET_MAX_SIDE:
        return _paddle_engine(DET_MAX_SIDE).ocr(data)
    result = _paddle_engine(DET_FAST_SIDE).ocr(data)
    heights = sorted(b["bottomRightCoord"][1] - b["topLeftCoord"][1] for b in (result.get("bounds") or {}).values())
    if not heights or heights[len(heights) // 2] * DET_FAST_SIDE / long_side >= SMALL_TEXT_PX:
        return result  # no text at all, or text large enough
    return _paddle_engine(DET_MAX_SIDE).ocr(data)


def _tessdata() -> str | None:
    env = os.environ.get("TESSDATA_PREFIX")
    if env and os.path.isdir(env):
        return env
    found = sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata")) + sorted(glob.glob("/usr/share/tessdata"))
    return found[-1] if found else None


class _Tesseract:
    """Tesseract's API kept loaded (tesserocr), single-line mode, Korean + English."""

    def __init__(self):
        try:
            import tesserocr
        except ImportError:
            raise EnvironmentProblem("tesserocr is not installed; run '.venv/bin/pip install tesserocr==2.13.0'.") from None
        path = _tessdata()
        if path is None or not os.path.exists(os.path.join(path, "kor.traineddata")):
            raise EnvironmentProblem("Tesseract's Korean data is missing; run 'apt-get install tesseract-ocr-kor'.")
        self._api = tesserocr.PyTessBaseAPI(path=path.rstrip("/") + "/", lang="kor+eng",
                                            psm=tesserocr.PSM.SINGLE_LINE)
        self._lock = threading.Lock()

    def line(self, gray: np.ndarray) -> tuple[str, float]:
        from PIL import Image

        with self._lock:
            self._api.SetImage(Image.fromarray(gray))
            text = (self._api.GetUTF8Text() or "").strip()
            conf = float(self._api.MeanTextConf())
        return text, conf


@cached_loader
def _tesseract() -> _Tesseract:
    return _Tesseract()


def prepare_crop(gray: np.ndarray, otsu: bool = False) -> np.ndarray:
    """Dark text on white, at least 48 px high, with a white border (what Tesseract reads best)."""
    import cv2

    crop = gray
    if float(np.median(crop)) < 128:
        crop = 255 - crop
    h = crop.shape[0]
    if h < 48:
        f = 48.0 / max(1, h)
        crop = cv2.resize(crop, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
    if otsu:
        _, crop = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cv2.copyMakeBorder(crop, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)


def _colours(rgb: np.ndarray, box) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(background, ink) colours of a box: the median of a ring around it, and the mean of the box's
    pixels farthest from that background."""
    h, w = rgb.shape[:2]
    left, top, right, bottom = box
    pad = max(2, (bottom - top) // 4)
    l0, t0, r0, b0 = max(0, left - pad), max(0, top - pad), min(w, right + pad), min(h, bottom + pad)
    outer = rgb[t0:b0, l0:r0, :3].reshape(-1, 3).astype(np.float32)
    inner = rgb[max(0, top):min(h, bottom), max(0, left):min(w, right), :3].reshape(-1, 3).astype(np.float32)
    if outer.size == 0 or inner.size == 0:
        return (0, 0, 0), (255, 255, 255)
    # the background beside the box, in its middle half: rows are bands, so the colour left and right
    # of the text is the row's even when the box is as tall as the band
    band = slice(top + (bottom - top) // 4, max(top + (bottom - top) // 4 + 1, bottom - (bottom - top) // 4))
    side = max(3, (bottom - top) // 3)
    ring = np.concatenate([rgb[band, max(0, left - side):max(0, left - 1), :3].reshape(-1, 3),
                           rgb[band, min(w, right + 1):min(w, right + side), :3].reshape(-1, 3)])
    bg = np.median(ring.astype(np.float32), axis=0) if len(ring) else np.median(outer, axis=0)
    d = np.linalg.norm(inner - bg, axis=1)
    ink = inner[d >= np.percentile(d, 85)].mean(axis=0)
    return tuple(int(v) for v in bg), tuple(int(v) for v in ink)


def _suspicious(text: str, conf: float, width: int, height: int) -> bool:
    """A box whose PP-OCR reading may have lost Hangul: low confidence, non-Latin output, nothing read,
    or a box much wider than its text explains."""
    t = text.strip()
    if not t or conf < KEEP_PADDLE_AT or not _LATIN_ONLY.match(t) or _CJK.search(t):
        return True
    if not any(ch.isalpha() for ch in t):
        return False  # numbers: PP-OCR reads them well
    expected = 0.62 * height * len(t) + 0.5 * height
    return width > 1.5 * expected


def read_boxes(rgb: np.ndarray, hangul: bool = True) -> list[Word]:
    """All text boxes of a screen (an RGB uint8 array) as Words with colours, in its pixel coordinates."""
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb[..., :3])).save(buf, format="BMP")  # no compression to spend time on
    try:
        result = _detect(buf.getvalue(), max(rgb.shape[:2]))
    except Exception as err:  # noqa: BLE001 - the native reader reports any failure as an exception
        log.warning("PP-OCR failed: %s", err)
        return []
    gray = (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]).astype(np.uint8)
    words: list[Word] = []
    tess = None
    for b in (result.get("bounds") or {}).values():
        (x0, y0), (x1, y1) = b["topLeftCoord"], b["bottomRightCoord"]
        x0, y0, x1, y1 = int(x0), int(y0), int(x1), int(y1)
        if x1 - x0 < 3 or y1 - y0 < 3:
            continue
        text, conf, engine_name = str(b.get("text") or "").strip(), float(b.get("confidence") or 0.0), "ppocr"
        if hangul and _suspicious(text, conf, x1 - x0, y1 - y0):
            try:
                tess = tess or _tesseract()
                crop = gray[max(0, y0 - 2):y1 + 2, max(0, x0 - 2):x1 + 2]
                t_text, t_conf = tess.line(prepare_crop(crop))
                if t_conf < RETRY_OTSU_BELOW:
                    o_text, o_conf = tess.line(prepare_crop(crop, otsu=True))
                    if o_conf > t_conf:
                        t_text, t_conf = o_text, o_conf
            except EnvironmentProblem:
                raise
            except Exception as err:  # noqa: BLE001 - keep PP-OCR's reading when Tesseract fails
                log.warning("Tesseract re-read failed: %s", err)
                t_text, t_conf = "", 0.0
            t_text = " ".join(t_text.split())
            # numbers stay PP-OCR's, unless it was unsure and Tesseract reads Hangul there (a Korean
            # word or label taken for "2" or "|")
            keep_paddle = (text and not any(ch.isalpha() for ch in text)
                           and not (conf < KEEP_PADDLE_AT and has_hangul(t_text) and t_conf >= HANGUL_OVER_NUMBER)) or (
                           text and _LATIN_ONLY.match(text) and conf >= KEEP_PADDLE_AT
                           and not (has_hangul(t_text) and text.replace(" ", "") in t_text.replace(" ", "")))
            if not keep_paddle and t_text and (has_hangul(t_text) or t_conf / 100 > conf):
                text, conf, engine_name = t_text, t_conf / 100, "tesseract"
        if not text:
            continue
        bg, ink = _colours(rgb, (x0, y0, x1, y1))
        words.append(Word(text, x0, y0, x1 - x0, y1 - y0, max(0.0, min(1.0, conf)), engine_name, bg, ink))
    return words


class LineEngine:
    """Tesseract single-line re-reading of small regions (the fallback path for fields the detector
    missed): ``read_fields(crops, digits)`` like the other engines, with the API kept loaded."""

    name = "tesseract-line"

    def read_fields(self, crops: list[np.ndarray], digits: bool = False) -> list[tuple[str, float]]:
        tess = _tesseract()
        out = []
        for crop in crops:
            text, conf = tess.line(prepare_crop(crop))
            if conf < RETRY_OTSU_BELOW:
                o_text, o_conf = tess.line(prepare_crop(crop, otsu=True))
                if o_conf > conf:
                    text, conf = o_text, o_conf
            text = " ".join(text.split())
            if digits:
                kept = "".join(ch for ch in text if ch.isdigit() or ch == "/")
                if len(kept) != len(text.replace(" ", "")):
                    conf *= 0.5
                text = kept
            out.append((text, max(0.0, min(1.0, conf / 100))))
        return out


def normalise_size(rgb: np.ndarray, small: int = 1000, large: int = 2400) -> tuple[np.ndarray, float]:
    """Small crops enlarged (their long side to ``small`` * 1.4) and phone captures reduced (long side
    ``large``) so that text lands in the detector's range; returns the picture and the scale applied."""
    import cv2

    side = max(rgb.shape[:2])
    if side < small:
        f = 1.4 * small / side
        return cv2.resize(rgb, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC), f
    if side > large:
        f = large / side
        return cv2.resize(rgb, None, fx=f, fy=f, interpolation=cv2.INTER_AREA), f
    return rgb, 1.0
