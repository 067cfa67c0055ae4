"""The image stages with the real engines: preprocessing, Tesseract + parser end to end, the fallback."""
from __future__ import annotations

import numpy as np
import pytest

import ocr
from ocr.engines import get_engine
from ocr.testing import field_matches
from ocr.fallback import refine
from ocr.preprocess import binarize, estimate_skew, invert_if_dark, prepare, rotate, upscale
from matchdata.record import FieldInfo, MatchRecord, TeamResult
from ocr.testing.render import PLAYERS_HANGUL, PLAYERS_LATIN, TEAMS_HANGUL, TEAMS_LATIN, degrade, render_result_screen

KNOWN = {"teams": TEAMS_LATIN + TEAMS_HANGUL, "players": PLAYERS_LATIN + PLAYERS_HANGUL}


def test_generator_is_deterministic_and_varied():
    a = render_result_screen("versus", seed=3)
    b = render_result_screen("versus", seed=3)
    assert a.png_bytes() == b.png_bytes() and a.truth == b.truth
    specs = {(s.spec["lang"], s.spec["theme"], s.image.size) for s in
             (render_result_screen(k, seed=i) for k in ("versus", "ranking") for i in range(8))}
    assert len(specs) >= 5
    r = render_result_screen("ranking", seed=1, rows=16, layout="split")
    assert len(r.truth.teams) == 16 and [t.placement for t in r.truth.teams] == list(range(1, 17))


def test_preprocessing_inverts_dark_themes_upscales_and_deskews():
    dark = render_result_screen("ranking", seed=2, theme="dark", size=(960, 540))
    gray = np.asarray(dark.image.convert("L"))
    inverted, flag = invert_if_dark(gray)
    assert flag and np.median(inverted) > 128
    big, scale = upscale(inverted, 1080)
    assert big.shape[0] == 1080 and scale == pytest.approx(2.0)
    binary = binarize(big)
    assert set(np.unique(binary)) <= {0, 255} and (binary == 0).mean() < 0.3
    light = np.asarray(render_result_screen("ranking", seed=2, theme="light").image.convert("L"))
    tilted = rotate(light, 2.0)
    assert abs(estimate_skew(binarize(tilted)) + 2.0) <= 0.4
    page = prepare(np.asarray(dark.image))
    assert page.inverted and page.gray.shape[0] == 1000 and page.binary.shape == page.gray.shape


@pytest.mark.slow
@pytest.mark.parametrize("kind, options", [
    ("ranking", dict(seed=21, lang="ko", theme="dark", size=(1280, 720), rows=10, rank_style="ordinal")),
    ("versus", dict(seed=22, lang="en", theme="light", size=(1600, 900), layout="side", kda="split")),
    ("versus", dict(seed=23, lang="ko", theme="dark", size=(1920, 1080), layout="team_column", header="score")),
])
def test_end_to_end_on_generated_screens(kind, options):
    shot = render_result_screen(kind, **options)
    rec = ocr.read_match_result(shot.png_bytes(), known_names=KNOWN)
    correct, total = field_matches(rec, shot.truth)
    assert correct / total >= 0.9, (rec.to_dict(details=False), shot.truth.to_dict(details=False))
    d = rec.to_dict()
    assert set(d) == {"format", "teams", "players", "map", "stage", "confidence", "engine", "warnings", "fields"}
    assert all(v["engine"] in {"tesseract", "rapidocr", "ppocr", "tesseract-line", "derived", "layout"}
               for v in d["fields"].values())


@pytest.mark.slow
def test_degraded_screen_still_reads():
    shot = render_result_screen("ranking", seed=31, lang="en", size=(1280, 720), rows=8, degradation="mixed")
    rec = ocr.read_match_result(shot.image, known_names=KNOWN)
    correct, total = field_matches(rec, shot.truth)
    assert correct / total >= 0.8


class FakeEngine:
    """A second engine that is sure of what it reads (only inside tests)."""

    name = "rapidocr"

    def __init__(self, text):
        self.text, self.calls = text, 0

    def read_fields(self, crops, digits=False):
        self.calls += 1
        return [(self.text, 0.99) for _ in crops]


def test_fallback_replaces_low_confidence_fields_and_records_the_engine():
    rec = MatchRecord("ranking", [TeamResult("A", 1, 8, 3), TeamResult("B", 2, 5, 1)])
    rec.fields = {"teams[0].score": FieldInfo("tesseract", 0.40, (0, 0, 40, 20)),
                  "teams[1].score": FieldInfo("tesseract", 0.95, (0, 30, 40, 50)),
                  "teams[0].kills": FieldInfo("tesseract", 0.30, None)}
    engine = FakeEngine("18")
    changed = refine(rec, np.full((60, 60), 255, np.uint8), [engine], threshold=0.8)
    assert changed == 1 and rec.teams[0].score == 18 and rec.teams[1].score == 5  # sure fields stay
    assert rec.fields["teams[0].score"].engine == "rapidocr" and rec.fields["teams[0].score"].confidence == 0.99
    assert rec.teams[0].kills == 3  # no box, nothing to re-read
    worse = FakeEngine("77")
    worse.read_fields = lambda crops, digits=False: [("77", 0.1) for _ in crops]
    rec.fields["teams[1].score"].confidence = 0.5
    refine(rec, np.full((60, 60), 255, np.uint8), [worse], threshold=0.8)
    assert rec.teams[1].score == 5  # a worse reading never replaces a better one


@pytest.mark.slow
def test_real_rapidocr_reads_digits_in_a_crop():
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (120, 48), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 30)
    ImageDraw.Draw(img).text((10, 6), "27", font=font, fill=0)
    (text, conf), = get_engine("rapidocr").read_fields([np.asarray(img)], digits=True)
    assert text == "27" and conf > 0.8
    results = get_engine("tesseract").read_fields([np.asarray(img)], digits=True)
    assert results[0][0] == "27"


def test_degradations_change_the_picture():
    import random

    shot = render_result_screen("versus", seed=5, size=(960, 540))
    base = np.asarray(shot.image, dtype=np.int16)
    for name in ("jpeg", "blur", "noise", "scale", "rotate"):
        out = np.asarray(degrade(shot.image, name, random.Random(1)), dtype=np.int16)
        assert out.shape == base.shape and np.abs(out - base).mean() > 0.2, name


@pytest.mark.slow
def test_screens_drawn_outside_the_generator():
    """Layouts the generator does not make: other header words, a statistic that looks like points,
    16 teams in two halves with Korean rank badges."""
    from PIL import Image, ImageDraw, ImageFont

    font = lambda px: ImageFont.truetype("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf", px)  # noqa: E731
    im = Image.new("RGB", (1280, 720), (20, 24, 33))
    d = ImageDraw.Draw(im)
    d.text((40, 20), "PUBG NATIONS CUP - DAY 3", font=font(30), fill=(255, 200, 0))
    xs = [60, 140, 600, 760, 980]
    for x, h in zip(xs, ["#", "TEAM", "ELIMS", "PLACE PTS", "TOTAL"]):
        d.text((x, 90), h, font=font(20), fill=(160, 160, 160))
    teams = [("Danawa", 12, 10, 22), ("광동 프릭스", 9, 6, 15), ("Twisted Minds", 5, 5, 10), ("T1", 4, 4, 8),
             ("젠지", 3, 3, 6), ("Soniqs", 2, 2, 4), ("DRX", 1, 1, 2), ("Vitality", 0, 1, 1)]
    for i, (name, kills, place, total) in enumerate(teams):
        y = 140 + i * 60
        d.rectangle([40, y - 8, 1240, y + 40], fill=(32, 38, 52) if i % 2 else (26, 30, 42))
        for x, v in zip(xs, [str(i + 1), name, str(kills), str(place), str(total)]):
            d.text((x, y), v, font=font(26), fill=(240, 240, 240))
    rec = ocr.read_match_result(im, {"teams": [t[0] for t in teams], "players": []})
    assert [(t.name, t.placement, t.kills, t.score) for t in rec.teams] == [
        (n, i + 1, k, tot) for i, (n, k, _p, tot) in enumerate(teams)]

    im = Image.new("RGB", (1920, 1080), (15, 15, 15))
    d = ImageDraw.Draw(im)
    d.text((60, 30), "최종 순위표", font=font(44), fill=(255, 255, 255))
    names = ["Danawa", "광동 프릭스", "Twisted Minds", "T1", "젠지", "Soniqs", "DRX", "Vitality", "농심", "다나와 블랙",
             "Gen.G", "BNK FearX", "Cloud9", "Fnatic", "주작", "청룡"]
    for half in range(2):
        x0 = 80 + half * 920
        for x, h in zip([x0, x0 + 120, x0 + 560, x0 + 700], ["순위", "팀", "킬", "총점"]):
            d.text((x, 130), h, font=font(30), fill=(170, 170, 170))
        for i in range(8):
            k = half * 8 + i
            for x, v in zip([x0, x0 + 120, x0 + 560, x0 + 700], [f"{k + 1}위", names[k], str(20 - k), str(60 - 3 * k)]):
                d.text((x, 200 + i * 100), v, font=font(36), fill=(245, 245, 245))
    rec = ocr.read_match_result(im, {"teams": names, "players": []})
    got = [(t.name, t.placement, t.score, t.kills) for t in rec.teams]
    want = [(n, k + 1, 60 - 3 * k, 20 - k) for k, n in enumerate(names)]
    assert sum(a == b for a, b in zip(got, want)) >= 14 and len(got) == 16
