"""Result screens drawn for tests in the style of real clients: two sides told apart only by row
colour, no team names, a VICTORY banner between the two scores, K/D/A packed in one cell."""
from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"
SIDES = [("Zorvath", 9, 3, 4), ("Hathorne", 7, 5, 2), ("Mirelle", 4, 6, 9), ("Tovanek", 5, 8, 1), ("Ysolde", 3, 7, 6),
         ("Brannoc", 6, 5, 3)]
COLOURS = [(34, 150, 140), (170, 52, 72)]


def unnamed_sides_screen() -> tuple[Image.Image, list[int]]:
    """The picture and, per player row, the side (0: the winning colour)."""
    font = lambda px: ImageFont.truetype(FONT, px)  # noqa: E731
    im = Image.new("RGB", (1280, 720), (18, 24, 36))
    d = ImageDraw.Draw(im)
    d.text((470, 30), "13", font=font(64), fill=COLOURS[0])
    d.text((570, 36), "VICTORY", font=font(56), fill=(235, 235, 235))
    d.text((820, 30), "6", font=font(64), fill=COLOURS[1])
    for x, h in ((160, "PLAYER"), (560, "KDA"), (800, "SCORE")):
        d.text((x, 150), h, font=font(20), fill=(170, 170, 170))
    sides = [0, 1, 0, 1, 0, 1]
    for i, ((name, k, de, a), side) in enumerate(zip(SIDES, sides)):
        y = 200 + i * 66
        d.rectangle([120, y - 10, 1160, y + 44], fill=COLOURS[side])
        d.text((160, y), name, font=font(30), fill=(245, 245, 245))
        d.text((540, y), f"{k}  /  {de}  /  {a}", font=font(30), fill=(245, 245, 245))
        d.text((800, y), str(100 + 17 * i), font=font(30), fill=(245, 245, 245))
    return im, sides
