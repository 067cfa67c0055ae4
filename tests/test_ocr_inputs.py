"""Bad inputs (Python API and the CLI): a clear InputError / exit 2, never a traceback."""
from __future__ import annotations

import io
import json
import subprocess

import pytest
from PIL import Image

import ocr
from ocr.testing import render_result_screen
from kernel.paths import PROJECT_ROOT
from kernel.errors import InputError

ASSISTANT = str(PROJECT_ROOT / ".venv" / "bin" / "assistant")


def png_bytes(img):
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def bad_files(tmp_path):
    files = {}
    (tmp_path / "notes.png").write_text("this is not an image")
    files["not an image"] = tmp_path / "notes.png"
    (tmp_path / "empty.png").write_bytes(b"")
    files["0 bytes"] = tmp_path / "empty.png"
    full = png_bytes(Image.new("RGB", (800, 600), "white"))
    (tmp_path / "cut.png").write_bytes(full[: len(full) // 2])
    files["truncated"] = tmp_path / "cut.png"
    bomb = png_bytes(Image.new("1", (20000, 20000)))  # a few KB on disk, 400 megapixels decoded
    (tmp_path / "bomb.png").write_bytes(bomb)
    files["decompression bomb"] = tmp_path / "bomb.png"
    frames = [Image.new("RGB", (400, 300), c) for c in ("red", "blue")]
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:], duration=100)
    files["animated gif"] = tmp_path / "anim.gif"
    blank = Image.new("RGB", (960, 540), (240, 240, 240))
    blank.save(tmp_path / "blank.png")
    files["no result"] = tmp_path / "blank.png"
    return files


MESSAGES = {"not an image": "not an image", "0 bytes": "empty", "truncated": "truncated",
            "decompression bomb": "pixels", "animated gif": "animated", "no result": "No match result"}


def test_bad_inputs_raise_one_sentence(tmp_path):
    for name, path in bad_files(tmp_path).items():
        with pytest.raises(InputError, match=MESSAGES[name]) as err:
            ocr.read_match_result(path)
        assert "\n" not in str(err.value), name
    with pytest.raises(InputError, match="does not exist"):
        ocr.read_match_result(tmp_path / "missing.png")
    with pytest.raises(InputError, match="empty"):
        ocr.read_match_result(b"")


@pytest.mark.slow
def test_cli_bad_inputs_exit_2_with_json_error(tmp_path):
    for name, path in bad_files(tmp_path).items():
        if name == "no result":
            continue  # covered below with the real engine, once
        proc = subprocess.run([ASSISTANT, "ocr", str(path), "--json", "--db", f"sqlite:///{tmp_path}/m.db"],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, (name, proc.stderr)
        assert MESSAGES[name] in json.loads(proc.stdout)["error"]
        assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_cli_reads_a_screenshot_and_uses_the_database_names(tmp_path):
    shot = render_result_screen("ranking", seed=11, lang="en", theme="light", size=(1280, 720), rows=8,
                                    rank_style="plain", layout="single", hangul_names=0.0)
    shot.image.save(tmp_path / "result.png")
    db = f"sqlite:///{tmp_path}/m.db"
    names = [t.name for t in shot.truth.teams]
    from matchdata import schema as matchdb
    from kernel.db import dispose_all, writable_engine

    engine = writable_engine(db)
    matchdb.create_schema(engine)
    with engine.begin() as conn:
        conn.execute(matchdb.teams.insert(), [{"name": n} for n in names])
    dispose_all()
    proc = subprocess.run([ASSISTANT, "ocr", "--json", str(tmp_path / "result.png"), "--db", db],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["format"] == "ranking" and set(out) >= {"teams", "players", "map", "stage", "confidence",
                                                       "engine", "warnings"}
    assert [t["name"] for t in out["teams"]] == names
    assert [t["placement"] for t in out["teams"]] == list(range(1, 9))
    Image.new("RGB", (960, 540), (30, 30, 40)).save(tmp_path / "blank.png")
    proc = subprocess.run([ASSISTANT, "ocr", "--json", str(tmp_path / "blank.png"), "--db", db],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "No match result" in json.loads(proc.stdout)["error"]
