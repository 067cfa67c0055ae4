"""Opening the picture: a path, bytes or a PIL image, checked before any OCR runs."""
from __future__ import annotations

import io
import warnings
from pathlib import Path

from assistant.errors import InputError

MAX_PIXELS = 40_000_000
"""Largest picture accepted (width x height); bigger ones are refused before decoding."""
MAX_BYTES = 50 * 1024 * 1024
MIN_SIDE = 200


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
            path = Path(image)
            name = f"The file {path.name}"
            if not path.is_file():
                raise InputError(f"{name} does not exist or is not a file.")
            if path.stat().st_size > MAX_BYTES:
                raise InputError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB; please upload a smaller screenshot.")
            data = path.read_bytes()
        if not data:
            raise InputError(f"{name} is empty (0 bytes); please upload a screenshot.")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                pic = Image.open(io.BytesIO(data))
                _check_size(pic, name)
                if getattr(pic, "n_frames", 1) > 1:
                    raise InputError(f"{name} is an animated image; please upload a single screenshot (PNG or JPEG).")
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
    return pic.convert("RGB")


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
