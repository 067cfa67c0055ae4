"""Preprocessing: grayscale, inversion of dark themes, upscaling, deskew, binarization.

Each stage is a small function on numpy arrays; :func:`prepare` chains them and returns the page
Tesseract reads plus the scale factor that maps its coordinates back to the original picture.
"""
from __future__ import annotations

import dataclasses

import numpy as np

TARGET_HEIGHT = 1000
"""Pages are scaled so that their height is about this many pixels (small text gets readable)."""


@dataclasses.dataclass
class Page:
    """A preprocessed page: ``gray`` (dark text on light), ``binary`` (0/255), the scale from the
    original picture, the deskew angle applied (degrees) and whether the theme was inverted."""

    gray: np.ndarray
    binary: np.ndarray
    scale: float
    angle: float
    inverted: bool


def grayscale(rgb: np.ndarray) -> np.ndarray:
    """Luma of an RGB array, as uint8. Coloured text (accents) keeps its contrast to the background."""
    if rgb.ndim == 2:
        return rgb.astype(np.uint8)
    rgb = rgb[..., :3].astype(np.float32)
    return (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]).clip(0, 255).astype(np.uint8)


def invert_if_dark(gray: np.ndarray) -> tuple[np.ndarray, bool]:
    """Dark themes (light text on a dark background) are inverted so text is always dark on light."""
    if float(np.median(gray)) < 128:
        return 255 - gray, True
    return gray, False


def upscale(gray: np.ndarray, target_height: int = TARGET_HEIGHT) -> tuple[np.ndarray, float]:
    """Resize so the height is about ``target_height`` (bicubic up, area down)."""
    import cv2

    h = gray.shape[0]
    scale = target_height / h
    if abs(scale - 1) < 0.05:
        return gray, 1.0
    interp = cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA
    out = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=interp)
    return out, scale


def otsu_threshold(gray: np.ndarray) -> int:
    """Otsu's threshold of a uint8 image (the between-class variance maximum)."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    omega = np.cumsum(hist) / total
    mu = np.cumsum(hist * np.arange(256)) / total
    mu_t = mu[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        sigma_b = (mu_t * omega - mu) ** 2 / (omega * (1 - omega))
    return int(np.nanargmax(sigma_b))


def binarize(gray: np.ndarray) -> np.ndarray:
    """Text black (0) on white (255). Locally adaptive so that stripes and gradients stay white."""
    import cv2

    block = max(31, (gray.shape[0] // 20) | 1)
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, 15)


def estimate_skew(binary: np.ndarray, max_angle: float = 3.0, step: float = 0.2) -> float:
    """The rotation (degrees) that makes text lines horizontal: the angle whose row projection of
    the ink is sharpest, searched on a reduced copy."""
    import cv2

    ink = (binary < 128).astype(np.uint8) * 255
    f = 600 / max(ink.shape)
    small = cv2.resize(ink, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else ink
    h, w = small.shape
    best, best_score = 0.0, -1.0
    for angle in np.arange(-max_angle, max_angle + 1e-9, step):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
        rot = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST)
        profile = rot.sum(axis=1, dtype=np.float64)
        score = float(np.sum(np.diff(profile) ** 2))
        if score > best_score:
            best, best_score = float(angle), score
    return best


def rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def stretch_contrast(gray: np.ndarray, gain: float = 3.5) -> np.ndarray:
    """Darkness relative to the background, amplified: pale accent-coloured text (a gold title on
    white) becomes as dark as body text, so Tesseract's global threshold keeps it."""
    bg = float(np.percentile(gray, 60))
    darkness = np.clip(bg - gray.astype(np.float32), 0, None)
    return (255 - np.clip(darkness * gain, 0, 255)).astype(np.uint8)


def remove_rules(gray: np.ndarray) -> np.ndarray:
    """Table rules and frames (long thin horizontal or vertical lines) painted over with the
    background, so Tesseract does not merge them with the text of the row they touch."""
    import cv2

    ink = (binarize(gray) == 0).astype(np.uint8)
    h, w = gray.shape
    lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, w // 10), 1)))
    lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(40, h // 6))))
    if not lines.any():
        return gray
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    out = gray.copy()
    out[lines > 0] = int(np.median(gray))
    return out


def prepare(rgb: np.ndarray, target_height: int = TARGET_HEIGHT, deskew: bool = True) -> Page:
    """All stages: grayscale → invert dark themes → upscale → deskew → remove table rules → stretch contrast
    → binarize."""
    gray = grayscale(rgb)
    gray, inverted = invert_if_dark(gray)
    gray, scale = upscale(gray, target_height)
    angle = 0.0
    if deskew:
        angle = estimate_skew(binarize(gray))
        if abs(angle) >= 0.3:
            gray = rotate(gray, angle)
        else:
            angle = 0.0
    gray = stretch_contrast(remove_rules(gray))
    return Page(gray=gray, binary=binarize(gray), scale=scale, angle=angle, inverted=inverted)
