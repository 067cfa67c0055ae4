"""Photos of a monitor (perspective, glare) and the generator's real-screen variants."""
from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

import ocr
from matchdata.record import MatchRecord, PlayerResult, TeamResult
from ocr.testing import field_matches
from ocr.photo import detect_glare, find_screen_quad, flatten_photo, reduce_glare
from ocr.testing.render import (PLAYERS_HANGUL, PLAYERS_LATIN, TEAMS_HANGUL, TEAMS_LATIN, VARIANTS, degrade, photograph,
                        render_result_screen)

KNOWN = {"teams": TEAMS_LATIN + TEAMS_HANGUL, "players": PLAYERS_LATIN + PLAYERS_HANGUL}


def _screen_corners(shot, homography) -> np.ndarray:
    w, h = shot.image.size
    c = np.array([[0, 0, 1], [w, 0, 1], [w, h, 1], [0, h, 1]], dtype=float) @ homography.T
    return c[:, :2] / c[:, 2:]


@pytest.mark.parametrize("seed, theme", [(41, "dark"), (42, "light"), (43, "dark")])
def test_the_screen_of_a_photo_is_found_where_the_homography_put_it(seed, theme):
    shot = render_result_screen("versus" if seed % 2 else "ranking", seed=seed, theme=theme)
    photo, homography = photograph(shot.image, random.Random(seed))
    quad = find_screen_quad(np.asarray(photo))
    assert quad is not None
    # the screen's corners, or the bezel's just outside them (a few percent of the width)
    assert np.abs(quad - _screen_corners(shot, homography)).max() < 0.05 * photo.width
    flat, fix = flatten_photo(np.asarray(photo))
    assert fix.quad is not None
    # upright again, about the screen's width/height ratio (the warp takes the longer of opposite sides,
    # which foreshortening distorts by some percent; text stays readable)
    ratio = (flat.shape[1] / flat.shape[0]) / (shot.image.width / shot.image.height)
    assert 0.85 < ratio < 1.18


@pytest.mark.parametrize("kind, options", [
    ("versus", {}), ("ranking", {}), ("versus", {"degradation": "rotate"}), ("ranking", {"degradation": "blur"}),
    ("versus", {"background": "art"}), ("ranking", {"background": "art", "headers": "icons"}),
    ("versus", {"team_names": "none", "layout": "colour"}), ("versus", {"row_colours": True, "theme": "dark"}),
])
def test_screenshots_are_left_exactly_as_they_are(kind, options):
    for seed in (51, 52):
        rgb = np.asarray(render_result_screen(kind, seed=seed, **options).image)
        out, fix = flatten_photo(rgb)
        assert out is rgb and not fix.changed, (seed, fix)


def test_an_upright_panel_or_a_lit_backdrop_is_not_a_photo():
    """A bright upright panel on a dark game screen, and a soft light in the game's own art."""
    im = Image.new("RGB", (1280, 720), (20, 24, 32))
    d = ImageDraw.Draw(im)
    d.rectangle([200, 120, 1080, 640], fill=(225, 228, 235))
    for i in range(8):
        d.text((260, 160 + 55 * i), f"Player{i}   {i + 3} / {i} / {9 - i}", fill=(10, 10, 10))
    rgb = np.asarray(im)
    assert find_screen_quad(rgb) is None
    out, fix = flatten_photo(rgb)
    assert out is rgb and not fix.changed


def test_glare_is_found_on_a_smooth_blob_and_lowered():
    rng = np.random.default_rng(3)
    base = np.full((540, 960), 40, np.float32)
    yy, xx = np.mgrid[0:540, 0:960]
    for y in range(60, 520, 40):  # rows of light "text"
        base[y:y + 12, 100:860] = np.where(rng.random((12, 760)) < 0.4, 220, 40)
    glare = 120 * np.exp(-((xx - 600) ** 2 + (yy - 250) ** 2) / (2 * 110 ** 2))
    lit = np.clip(base + glare, 0, 255).astype(np.uint8)
    rgb = np.repeat(lit[..., None], 3, axis=2)
    assert detect_glare(rgb)
    flat = np.repeat(base.astype(np.uint8)[..., None], 3, axis=2)
    assert not detect_glare(flat)
    out = reduce_glare(rgb)[..., 0].astype(np.float32)
    # the background under the glare comes back near the rest of the background
    bg = base == 40
    centre = bg & ((xx - 600) ** 2 + (yy - 250) ** 2 < 60 ** 2)
    far = bg & ((xx - 600) ** 2 + (yy - 250) ** 2 > 300 ** 2)
    before = float(lit[centre].mean() - lit[far].mean())
    after = float(out[centre].mean() - out[far].mean())
    assert before > 80 and abs(after) < 0.4 * before


@pytest.mark.slow
def test_a_photo_of_the_monitor_reads_like_the_flat_screen():
    """The end-to-end check: a generated screen, photographed with a known homography onto a desk with a
    glare blob, reads (nearly) the same fields as the flat render; without the correction it does not."""
    shot = render_result_screen("versus", seed=44, theme="dark", lang="en")
    photo, _ = photograph(shot.image, random.Random(4))
    flat_ok, total = field_matches(ocr.read_match_result(shot.image, KNOWN), shot.truth)
    photo_ok, _ = field_matches(ocr.read_match_result(photo, KNOWN), shot.truth)
    assert flat_ok >= 0.9 * total
    assert photo_ok >= flat_ok - 0.05 * total


def test_photo_degradation_and_its_homography():
    shot = render_result_screen("ranking", seed=45, size=(960, 540))
    photo, homography = photograph(shot.image, random.Random(2))
    corners = _screen_corners(shot, homography)
    assert photo.size != shot.image.size
    assert (corners >= 0).all() and (corners[:, 0] < photo.width).all() and (corners[:, 1] < photo.height).all()
    again = degrade(shot.image, "photo", random.Random(2))
    assert again.size == photo.size
    # the homography maps the flat picture's centre pixel onto the same colour in the photo
    cx, cy = 480, 270
    p = homography @ np.array([cx, cy, 1.0])
    px, py = int(p[0] / p[2]), int(p[1] / p[2])
    assert np.abs(np.asarray(photo, dtype=int)[py, px] - np.asarray(shot.image, dtype=int)[cy, cx]).max() < 140


def test_unnamed_sides_and_colour_rows_in_the_truth_and_the_picture():
    shot = render_result_screen("versus", seed=46, team_names="none", layout="colour", theme="light")
    assert [t.name for t in shot.truth.teams] == [None, None]
    assert {p.team_index for p in shot.truth.players} == {0, 1}
    assert all(p.team is None for p in shot.truth.players)
    kills = [p.kills for p in shot.truth.players]
    assert kills == sorted(kills, reverse=True)  # one table, the sides mixed
    named = render_result_screen("versus", seed=46, layout="sections", theme="light")
    assert all(t.name for t in named.truth.teams)


def test_icon_headers_replace_the_words():
    words = render_result_screen("ranking", seed=47, size=(960, 540), layout="single")
    icons = render_result_screen("ranking", seed=47, size=(960, 540), layout="single", headers="icons")
    a, b = (np.asarray(s.image, dtype=np.int16) for s in (words, icons))
    diff = np.abs(a - b).max(axis=2) > 30
    rows = np.nonzero(diff.any(axis=1))[0]
    assert rows.size and rows.max() - rows.min() < 60  # only the header line changed
    assert words.truth == icons.truth


def test_game_art_shows_through_the_panel():
    plain = np.asarray(render_result_screen("versus", seed=48, size=(960, 540), table=False).image, np.float32)
    art = np.asarray(render_result_screen("versus", seed=48, size=(960, 540), table=False, background="art").image,
                     np.float32)
    # inside the panel, away from the text: textured, not a flat colour
    patch_plain, patch_art = plain[400:500, 60:300], art[400:500, 60:300]
    assert patch_art.std() > 3 * max(1.0, patch_plain.std())
    assert np.abs(patch_art.mean(axis=(0, 1)) - plain[400:500, 60:300].mean(axis=(0, 1))).max() < 90


def test_variants_are_options_of_the_generator():
    for name, options in VARIANTS.items():
        options = dict(options)
        kind = options.pop("kind", "versus")
        shot = render_result_screen(kind, seed=49, size=(960, 540), **options)
        assert shot.image.width >= 960, name


def test_field_matches_scores_unnamed_sides_in_either_order():
    truth = MatchRecord("versus", [TeamResult(None, 1, 2, None), TeamResult(None, 2, 1, None)],
                        [PlayerResult("A", None, 1, 2, 3, team_index=0), PlayerResult("B", None, 3, 2, 1, team_index=1)])
    swapped = MatchRecord("versus", [TeamResult(None, 2, 1, None), TeamResult(None, 1, 2, None)],
                          [PlayerResult("A", None, 1, 2, 3, team_index=1), PlayerResult("B", None, 3, 2, 1, team_index=0)])
    assert field_matches(swapped, truth) == field_matches(truth, truth)
    wrong = MatchRecord("versus", truth.teams, [PlayerResult("A", None, 1, 2, 3, team_index=1),
                                                PlayerResult("B", None, 3, 2, 1, team_index=1)])
    assert field_matches(wrong, truth)[0] < field_matches(truth, truth)[0]
