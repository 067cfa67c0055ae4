"""Opening the picture: a path, bytes or a PIL image, checked before any OCR runs."""
from __future__ import annotations

import io
import math
import os
import warnings
from pathlib import Path

from kernel.errors import InputError

MAX_PIXELS = 40_000_000
"""Largest picture accepted (width x height); bigger ones are refused before decoding."""
MAX_BYTES = 50 * 1024 * 1024
MIN_SIDE = 200
REDUCE_ABOVE = 3840 * 2160
"""Pictures with more pixels than 4K UHD are shrunk by a whole factor as they are decoded: the OCR
pipeline reads pages about 1,000 pixels high anyway, and a 40-megapixel picture would otherwise need
over 1 GB of memory on its way through it."""
FORMATS = ("PNG", "JPEG", "WEBP", "BMP", "GIF", "TIFF")
"""The picture formats opened (screenshots); anything else is refused as not an image."""


def load_image(image):
    """A fully decoded RGB PIL image, or InputError with one sentence for anything unusable."""
    from PIL import Image, UnidentifiedImageError

    if isinstance(image, Image.Image):
        pic = image
        name = "The picture"
    else:
        if isinstance(image, (bytes, bytearray, memoryview)):
            data = bytes(image)
            name = "The uploaded file"
        else:
            if not isinstance(image, (str, os.PathLike)):
                raise InputError(f"The screenshot must be a file path, bytes or a picture, not {type(image).__name__}.")
            path = Path(image)
            name = f"The file {_short(path.name)}"
            try:
                if not path.is_file():
                    raise InputError(f"{name} does not exist or is not a file.")
                if path.stat().st_size > MAX_BYTES:
                    raise InputError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB; please upload a smaller screenshot.")
                data = path.read_bytes()
            except OSError as err:  # a name too long, no permission, a file that vanished
                raise InputError(f"{name} cannot be read ({err.strerror or type(err).__name__}).") from None
        if not data:
            raise InputError(f"{name} is empty (0 bytes); please upload a screenshot.")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                pic = Image.open(io.BytesIO(data), formats=FORMATS)
                _check_size(pic, name)
                if getattr(pic, "n_frames", 1) > 1:
                    raise InputError(f"{name} is an animated image; please upload a single screenshot (PNG or JPEG).")
                factor = _shrink_factor(pic)
                if factor > 1 and pic.format in ("JPEG", "MPO"):  # MPO: a JPEG from a camera
                    pic.draft(pic.mode, (pic.width // factor, pic.height // factor))  # decode at 1/2, 1/4 or 1/8
                pic.load()
        except InputError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise InputError(f"{name} is too large to open safely; please upload a screenshot of at most "
                             f"{MAX_PIXELS:,} pixels.") from None
        except UnidentifiedImageError:
            raise InputError(f"{name} is not an image; please upload a PNG or JPEG screenshot.") from None
        except (OSError, SyntaxError, ValueError) as err:
            raise InputError(f"{name} is damaged or truncated ({str(err).rstrip('.')}); please upload it again.") from None
    _check_size(pic, name)
    if getattr(pic, "n_frames", 1) > 1:
        raise InputError(f"{name} is an animated image; please upload a single screenshot (PNG or JPEG).")
    if min(pic.size) < MIN_SIDE:
        raise InputError(f"{name} is only {pic.width}x{pic.height} pixels; please upload a screenshot at least "
                         f"{MIN_SIDE} pixels on each side.")
    factor = _shrink_factor(pic)
    if factor > 1:
        if pic.mode not in ("L", "RGB", "RGBA", "LA", "I", "F"):  # palette and 1-bit pictures cannot be averaged
            pic = pic.convert("L" if pic.mode == "1" else "RGB")
        pic = pic.reduce(factor)
    return pic.convert("RGB")


def _shrink_factor(pic) -> int:
    """The whole factor that brings ``pic`` down to at most :data:`REDUCE_ABOVE` pixels (1: keep it)."""
    pixels = pic.width * pic.height
    return math.ceil(math.sqrt(pixels / REDUCE_ABOVE)) if pixels > REDUCE_ABOVE else 1


def _short(name: str, limit: int = 60) -> str:
    """A file name cut to ``limit`` characters for messages."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _check_size(pic, name: str) -> None:
    if pic.width * pic.height > MAX_PIXELS:
        raise InputError(f"{name} is {pic.width}x{pic.height} pixels, more than the {MAX_PIXELS:,} accepted; "
                         "please upload a smaller screenshot.")


def sha256_of(image) -> str:
    """SHA-256 of the file's bytes (path or bytes), or of the PNG encoding of a PIL image."""
    import hashlib

    from PIL import Image

    if isinstance(image, Image.Image):
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        data = buf.getvalue()
    elif isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
    else:
        data = Path(image).read_bytes()
    return hashlib.sha256(data).hexdigest()
