"""Photos of a screen: perspective correction and glare reduction, before text detection.

A phone photo of a monitor shows the screen as a bright quadrilateral on a darker desk or bezel,
often with a lamp's or window's glare on it. :func:`flatten_photo` finds the screen's quadrilateral
and warps it to a rectangle, then lowers a glare blob on the luminance. Both only act when they are
sure: a screenshot (the screen fills the frame, or a panel is an axis-aligned rectangle) comes back
as the very same array. The checks run on a thumbnail of about 320 px, a few milliseconds.
"""
from __future__ import annotations

import dataclasses

import numpy as np

THUMB = 480
"""Long side (pixels) of the thumbnail the detectors look at."""
MIN_AREA, MAX_AREA = 0.2, 0.96
"""Share of the picture the screen quadrilateral must cover (a quad filling the frame is a screenshot)."""
MIN_SKEW = 0.025
"""A quadrilateral whose corners are all within this share of the picture's size of an axis-aligned
rectangle is a panel of a screenshot (or a photo taken straight on): it is left alone."""
MIN_BORDER_CONTRAST = 25
"""Mean grey-level difference between the screen and what surrounds it (the bezel, the desk)."""
MIN_SUPPORT = 0.8
"""Share of each side of the quad that must show that step (the screen's edge is straight and whole)."""
GLARE_RISE = 40
"""A glare blob is this many grey levels brighter (smoothed) than the screen's median."""
GLARE_SMOOTH = 10
"""On a glare's rim the picture follows its smoothed self within this many grey levels (median);
the edge of a bright panel does not (it jumps between the two sides)."""


@dataclasses.dataclass
class PhotoFix:
    """What :func:`flatten_photo` did: the screen's corners in the input (or None) and whether a
    glare was lowered."""

    quad: np.ndarray | None = None
    glare: bool = False

    @property
    def changed(self) -> bool:
        return self.quad is not None or self.glare


def _thumb(gray: np.ndarray) -> tuple[np.ndarray, float]:
    import cv2

    f = THUMB / max(gray.shape[:2])
    if f >= 1:
        return gray, 1.0
    return cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA), f


def _luma(rgb: np.ndarray) -> np.ndarray:
    import cv2

    return rgb if rgb.ndim == 2 else cv2.cvtColor(np.ascontiguousarray(rgb[..., :3]), cv2.COLOR_RGB2GRAY)


def order_corners(pts: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left."""
    pts = np.asarray(pts, dtype=np.float32).reshape(4, 2)
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]], dtype=np.float32)


def _skew(quad: np.ndarray, w: int, h: int) -> float:
    """How far (share of the picture's size) the quad's corners are from its bounding rectangle's."""
    x0, y0 = quad.min(axis=0)
    x1, y1 = quad.max(axis=0)
    rect = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)
    dev = np.abs(quad - rect) / np.array([w, h], dtype=np.float32)
    return float(dev.max())


def find_screen_quad(rgb: np.ndarray) -> np.ndarray | None:
    """The corners (top-left, top-right, bottom-right, bottom-left; input pixels) of a screen
    photographed at an angle, or None: the largest convex four-sided outline covering 20–96% of the
    picture, clearly brighter or darker than its surround, and not an axis-aligned rectangle."""
    import cv2

    gray, f = _thumb(_luma(rgb))
    h, w = gray.shape
    blur = cv2.GaussianBlur(gray, (5, 5), 0)
    candidates = []
    _, otsu = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    edges = cv2.dilate(cv2.Canny(blur, 40, 120), np.ones((3, 3), np.uint8))
    for mask in (otsu, 255 - otsu, edges):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for c in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            hull = cv2.convexHull(c)
            area = cv2.contourArea(hull)
            if not MIN_AREA * w * h <= area <= MAX_AREA * w * h:
                continue
            approx = cv2.approxPolyDP(hull, 0.03 * cv2.arcLength(hull, True), True)
            if len(approx) != 4 or not cv2.isContourConvex(approx):
                continue
            if cv2.contourArea(approx) < 0.9 * area:
                continue
            candidates.append((area, order_corners(approx)))
    for _area, quad in sorted(candidates, key=lambda a: -a[0]):
        if _skew(quad, w, h) < MIN_SKEW:
            return None  # the biggest outline is an upright rectangle: a screenshot's panel
        if _edge_support(blur, quad) >= MIN_SUPPORT:
            return quad / f
    return None


def _edge_support(gray: np.ndarray, quad: np.ndarray) -> float:
    """The share of points along the quad's four sides where the picture steps by at least
    ``MIN_BORDER_CONTRAST`` across the side, in the same direction all round (a screen is brighter,
    or darker, than its bezel and desk everywhere); the weakest side's share."""
    h, w = gray.shape
    centre = quad.mean(axis=0)
    signs, shares = [], []
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        t = np.linspace(0.08, 0.92, 40)[:, None]
        pts = p + (q - p) * t
        normal = np.array([-(q - p)[1], (q - p)[0]], dtype=np.float32)
        normal /= max(1e-6, float(np.linalg.norm(normal)))
        if np.dot(centre - p, normal) < 0:
            normal = -normal  # pointing inside
        inner = np.clip(np.rint(pts + 4 * normal), 0, [w - 1, h - 1]).astype(int)
        outer = np.clip(np.rint(pts - 4 * normal), 0, [w - 1, h - 1]).astype(int)
        step = gray[inner[:, 1], inner[:, 0]].astype(np.float32) - gray[outer[:, 1], outer[:, 0]]
        signs.append(np.sign(np.median(step)))
        shares.append(float((np.abs(step) >= MIN_BORDER_CONTRAST).mean()))
    if len(set(signs)) != 1:
        return 0.0
    return min(shares)


def warp_quad(rgb: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The quadrilateral ``quad`` (ordered corners) of ``rgb`` warped to an upright rectangle whose
    sides are the quad's longer opposite sides."""
    import cv2

    tl, tr, br, bl = quad
    width = int(round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))))
    height = int(round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))))
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    return cv2.warpPerspective(rgb, m, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def _background(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The picture without its text, sharp and smoothed: a grey opening (light strokes and specks
    thinner than the kernel go; a glare lifts even the darkest pixels, so it stays), then a wide blur."""
    import cv2

    h, w = gray.shape
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (max(5, w // 40) | 1, max(5, w // 40) | 1))
    opened = cv2.morphologyEx(gray, cv2.MORPH_OPEN, k)
    return opened, cv2.GaussianBlur(opened.astype(np.float32), (0, 0), max(h, w) / 24)


def detect_glare(rgb: np.ndarray) -> bool:
    """True when the picture holds a glare: a smooth blob at least ``GLARE_RISE`` grey levels above
    the picture's median, covering 1–50% of it, whose rim follows the smoothed picture (a light
    spot fades out; a screenshot's bright panel has a sharp edge)."""
    gray, _ = _thumb(_luma(rgb))
    med, bg = _background(gray)
    base = float(np.median(bg))
    rise = bg - base
    blob = rise > GLARE_RISE * 0.6
    share = float(blob.mean())
    if rise.max() < GLARE_RISE or not 0.01 <= share <= 0.5:
        return False
    rim = (rise > GLARE_RISE * 0.2) & (rise < GLARE_RISE * 0.6)
    if rim.sum() < 20:
        return False
    return float(np.median(np.abs(med.astype(np.float32) - bg)[rim])) < GLARE_SMOOTH


def reduce_glare(rgb: np.ndarray) -> np.ndarray:
    """Subtract the glare's smooth excess from the luminance (colours kept) and restore local
    contrast with CLAHE on the luminance."""
    import cv2

    ycc = cv2.cvtColor(np.ascontiguousarray(rgb[..., :3]), cv2.COLOR_RGB2YCrCb)
    y = ycc[..., 0]
    small, f = _thumb(y)
    _med, bg = _background(small)
    excess = np.clip(bg - float(np.median(bg)), 0, None)
    excess = cv2.resize(excess, (y.shape[1], y.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = np.clip(y.astype(np.float32) - excess, 0, 255).astype(np.uint8)
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
    ycc[..., 0] = clahe.apply(flat)
    return cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB)


def flatten_photo(rgb: np.ndarray) -> tuple[np.ndarray, PhotoFix]:
    """The screen of a photo, upright and without glare; a screenshot comes back unchanged (the same
    array). Returns the picture and what was done."""
    fix = PhotoFix()
    if rgb.ndim != 3 or min(rgb.shape[:2]) < 64:
        return rgb, fix
    quad = find_screen_quad(rgb)
    if quad is not None:
        fix.quad = quad
        rgb = warp_quad(rgb, quad)
    if quad is not None and detect_glare(rgb):  # glare on screenshots is the game's own lighting
        fix.glare = True
        rgb = reduce_glare(rgb)
    return rgb, fix
