"""OCR benchmark: first the real result screenshots of ``../shared/data/ocr-real`` (field accuracy per
image and overall, scored by that set's own ``score.py``, seconds per image), then field accuracy per
degradation on generated result screens, and the character error rate of Korean text lines.

    .venv/bin/python benchmarks/ocr.py            # real set, then 12 generated screens per degradation
    .venv/bin/python benchmarks/ocr.py --n 4      # quicker
    .venv/bin/python benchmarks/ocr.py --real-only
    .venv/bin/python benchmarks/ocr.py --variants-only --n 6   # what real screens show, per variant
    .venv/bin/python benchmarks/ocr.py --photos --n 6          # photos of a monitor: flat, corrected, not

Names are corrected against the generator's name pools (what the database holds in real use); the
"raw" column shows the accuracy without any known names.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from benchmarks.common import metric, save_result, table  # noqa: E402
from ocr import read_match_result  # noqa: E402
from ocr.engines import get_engine  # noqa: E402
from ocr.testing import cer, field_matches  # noqa: E402
from ocr.testing.render import (DEGRADATIONS, HANGUL_FONTS, PLAYERS_HANGUL, PLAYERS_LATIN, TEAMS_HANGUL,  # noqa: E402
                        TEAMS_LATIN, VARIANTS, render_result_screen, _find_font)

KNOWN = {"teams": TEAMS_LATIN + TEAMS_HANGUL, "players": PLAYERS_LATIN + PLAYERS_HANGUL}
KOREAN_LINES = ["경기 결과 최종 순위", "서울 다이너스티 승리", "광동 프릭스 대 한화생명", "생존 시간 헤드샷 피해량",
                "부산 갈매기 총점 순위", "아레나허브 주간 리그 결승", "선수 킬 데스 어시스트", "한빛 스타즈 패배",
                "리브 샌박 블루 드래곤", "조별 리그 이일차 경기", "페이커 쵸비 제우스 오너", "최종 결과 확인 부탁"]


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract runs as a child)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def korean_cer(n_fonts: int = 8) -> tuple[float, float]:
    """CER (with and without spaces) of Tesseract Hangul+eng on Korean text lines in Nanum fonts."""
    from PIL import Image, ImageDraw, ImageFont

    crops, truths = [], []
    for i, font_name in enumerate(HANGUL_FONTS[:n_fonts]):
        for j, line in enumerate(KOREAN_LINES[i % 3::3]):
            font = ImageFont.truetype(str(_find_font(font_name)), 30)
            img = Image.new("L", (560, 48), 255)
            ImageDraw.Draw(img).text((8, 6), line, font=font, fill=0)
            crops.append(np.asarray(img))
            truths.append(line)
    readings = []
    eng = get_engine("tesseract")
    for k in range(0, len(crops), 8):
        readings += eng.read_fields(crops[k:k + 8])
    with_spaces = sum(cer(r[0], t) * len(t) for r, t in zip(readings, truths)) / sum(len(t) for t in truths)
    no_space = [(r[0].replace(" ", ""), t.replace(" ", "")) for r, t in zip(readings, truths)]
    without = sum(cer(r, t) * len(t) for r, t in no_space) / sum(len(t) for _, t in no_space)
    return with_spaces, without


REAL_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ocr-real"


def real_set(directory: Path) -> dict | None:
    """Field accuracy on real screenshots with the set's own scorer (no known names: the set's teams
    and players are in no database). Returns the summary, or None when the set is not there."""
    import importlib.util
    import json

    index = directory / "index.jsonl"
    if not index.exists():
        print(f"real set: {directory} not found; skipped")
        return None
    spec = importlib.util.spec_from_file_location("ocr_real_score", directory / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    items = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line.strip()]
    read_match_result(str(directory / items[0]["image"]), None)  # models load once, outside the timings
    print(f"Real result screenshots: {directory}")
    print(f"{'image':<28}{'format':>8}{'fields':>8}{'right':>7}{'accuracy':>10}{'s':>7}{'cpu s':>7}  note")
    ok = fields = refused = 0
    times, cpus, rows = [], [], []
    for item in items:
        truth = json.loads((directory / item["truth"]).read_text(encoding="utf-8"))
        t0, c0 = time.perf_counter(), _cpu()
        note = ""
        try:
            pred = read_match_result(str(directory / item["image"]), None).to_dict(details=False)
        except Exception as err:  # noqa: BLE001 - a refused or failed read scores zero
            pred, note = None, str(err)[:60]
            refused += 1
        times.append(time.perf_counter() - t0)
        cpus.append(_cpu() - c0)
        c = scorer.score_record(truth, pred)
        ok, fields = ok + c["ok"], fields + c["fields"]
        rows.append([item["id"], c["ok"], c["fields"], round(c["ok"] / c["fields"], 3), round(times[-1], 2)])
        print(f"{item['id'][:27]:<28}{item['format']:>8}{c['fields']:>8}{c['ok']:>7}{c['ok'] / c['fields']:>10.1%}"
              f"{times[-1]:>7.2f}{cpus[-1]:>7.2f}  {note}")
    summary = {"accuracy": ok / fields, "fields": fields, "refused": refused, "n": len(items),
               "median_s": statistics.median(times), "max_s": max(times), "median_cpu": statistics.median(cpus),
               "rows": rows}
    print(f"real set: {ok}/{fields} fields = {ok / fields:.1%}; refused {refused}/{len(items)}; median "
          f"{summary['median_s']:.2f} s/image (max {summary['max_s']:.2f}; CPU {summary['median_cpu']:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)\n")
    return summary


def _read_scored(shot, known) -> tuple[int, int]:
    try:
        rec = read_match_result(shot.image, known)
    except Exception as err:  # noqa: BLE001 - a failed read scores zero
        print(f"  {shot.spec['kind']} seed {shot.spec['seed']}: {err}", file=sys.stderr)
        rec = None
    return field_matches(rec, shot.truth)


def variants(n: int, first_seed: int) -> list[list]:
    """Field accuracy per variant of :data:`ocr.testing.render.VARIANTS` (icon headers, unnamed sides, colour
    rows, game art, photos of a monitor...), ``n`` screens each (half versus, half ranking unless the
    variant is versus only), names corrected against the generator's pools."""
    print("Generated screens drawn like real ones (ocr.testing.render.VARIANTS)")
    print(f"{'variant':<14}{'images':>7}{'fields':>8}{'accuracy':>10}{'cpu s':>7}")
    rows = []
    for name, options in VARIANTS.items():
        options = dict(options)
        fixed_kind = options.pop("kind", None)
        good = tot = 0
        cpu = []
        for i in range(n):
            kind = fixed_kind or ("versus" if i % 2 == 0 else "ranking")
            shot = render_result_screen(kind, seed=first_seed + i, **options)
            c0 = _cpu()
            c, t = _read_scored(shot, KNOWN)
            cpu.append(_cpu() - c0)
            good, tot = good + c, tot + t
        rows.append([name, n, tot, round(good / tot, 3), round(statistics.median(cpu), 2)])
        print(f"{name:<14}{n:>7}{tot:>8}{good / tot:>10.1%}{statistics.median(cpu):>7.2f}", flush=True)
    return rows


def photos(n: int, first_seed: int) -> list[list]:
    """The same generated screens read flat, photographed (ocr.testing.render.photograph) and photographed with
    the photo correction switched off."""
    import ocr.pipeline as pipeline
    from ocr.photo import PhotoFix
    from ocr.testing.render import photograph

    shots = [render_result_screen("versus" if i % 2 == 0 else "ranking", seed=first_seed + i) for i in range(n)]
    pictures = [photograph(s.image, random.Random(first_seed + i))[0] for i, s in enumerate(shots)]
    rows = []
    flatten = pipeline.flatten_photo
    for label, images, off in (("flat", [s.image for s in shots], False), ("photo, corrected", pictures, False),
                               ("photo, no correction", pictures, True)):
        pipeline.flatten_photo = (lambda rgb: (rgb, PhotoFix())) if off else flatten
        good = tot = 0
        for shot, image in zip(shots, images):
            c, t = _read_scored(dataclasses.replace(shot, image=image), KNOWN)
            good, tot = good + c, tot + t
        pipeline.flatten_photo = flatten
        rows.append([label, n, tot, round(good / tot, 3)])
        print(f"{label:<22}{n:>4} screens {tot:>5} fields {good / tot:>8.1%}", flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=12, help="screens per degradation (half versus, half ranking)")
    ap.add_argument("--seed", type=int, default=1000, help="first generator seed (tests use seeds below 1000)")
    ap.add_argument("--real", type=Path, default=REAL_SET, help="directory of the real screenshot set")
    ap.add_argument("--real-only", action="store_true", help="measure the real set only")
    ap.add_argument("--variants-only", action="store_true", help="measure the real-screen variants only")
    ap.add_argument("--photos", action="store_true", help="photos of a monitor only (flat / corrected / not)")
    args = ap.parse_args()
    if args.photos:
        photos(args.n, args.seed)
        return
    if args.variants_only:
        rows = variants(args.n, args.seed)
        save_result("ocr_variants", title="Match Result Recorder: generated screens drawn like real ones", metrics=[
            metric("OCR field accuracy, variant " + r[0], r[3], "") for r in rows],
            tables=[table("field accuracy per variant", ["variant", "images", "fields", "accuracy", "cpu s"], rows)])
        return
    real = real_set(args.real)
    if args.real_only:
        if real:
            save_result("ocr_real", title="Match Result Recorder: real result screenshots", metrics=[
                metric("OCR field accuracy, real screenshots", real["accuracy"], "", ">= 0.8"),
                metric("OCR seconds per real image (median)", real["median_s"], "s", "<= 3", higher_is_better=False),
            ], tables=[table("real screenshots", ["image", "right", "fields", "accuracy", "s"], real["rows"])])
        return
    print("Generated result screens (the project's own generator)")
    conditions = DEGRADATIONS + ["mixed"]
    rows = []
    print(f"{'degradation':<12}{'images':>7}{'fields':>8}{'accuracy':>10}{'raw':>8}{'s/image':>9}{'max s':>7}"
          f"{'cpu s':>7}")
    totals = {"clean": [0, 0], "degraded": [0, 0]}
    times_all, cpu_all = [], []
    for cond in conditions:
        good = tot = raw_good = raw_tot = 0
        times, cpu = [], []
        for i in range(args.n):
            kind = "versus" if i % 2 == 0 else "ranking"
            shot = render_result_screen(kind, seed=args.seed + i, degradation=cond)
            t0, c0 = time.perf_counter(), _cpu()
            try:
                rec = read_match_result(shot.image, KNOWN)
            except Exception as err:  # noqa: BLE001 - a failed read scores zero
                print(f"  {cond} seed {args.seed + i} {kind}: {err}", file=sys.stderr)
                rec = None
            times.append(time.perf_counter() - t0)
            cpu.append(_cpu() - c0)
            c, t = field_matches(rec, shot.truth)
            good, tot = good + c, tot + t
            if i < 4:  # raw accuracy (no known names) on a subset, to save time
                try:
                    raw = read_match_result(shot.image, None)
                except Exception:  # noqa: BLE001
                    raw = None
                c, t = field_matches(raw, shot.truth)
                raw_good, raw_tot = raw_good + c, raw_tot + t
        bucket = totals["clean" if cond == "clean" else "degraded"]
        bucket[0] += good
        bucket[1] += tot
        times_all += times
        rows.append((cond, good / tot, raw_good / max(1, raw_tot), statistics.fmean(times)))
        print(f"{cond:<12}{args.n:>7}{tot:>8}{good / tot:>10.1%}{raw_good / max(1, raw_tot):>8.1%}"
              f"{statistics.fmean(times):>9.2f}{max(times):>7.2f}{statistics.fmean(cpu):>7.2f}")
        cpu_all.extend(cpu)
    overall = (totals["clean"][0] + totals["degraded"][0]) / (totals["clean"][1] + totals["degraded"][1])
    print(f"{'clean':<12} {totals['clean'][0] / totals['clean'][1]:.1%}   degraded "
          f"{totals['degraded'][0] / totals['degraded'][1]:.1%}   overall {overall:.1%}   "
          f"median {statistics.median(times_all):.2f} s/image (CPU {statistics.median(cpu_all):.2f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    variant_rows = variants(args.n, args.seed)
    with_sp, without = korean_cer()
    print(f"Korean text-line CER (Tesseract Hangul+eng, 8 Nanum fonts): {with_sp:.1%} "
          f"({without:.1%} ignoring spaces)")
    out = Path(__file__).resolve().parent / "results" / "ocr_accuracy.png"
    real_metrics = [metric("OCR field accuracy, real screenshots", real["accuracy"], "", ">= 0.8"),
                    metric("OCR seconds per real image (median)", real["median_s"], "s", "<= 3",
                           higher_is_better=False)] if real else []
    real_tables = [table("real screenshots", ["image", "right", "fields", "accuracy", "s"], real["rows"])] if real else []
    save_result("ocr", title="Match Result Recorder: real and rendered result screenshots", metrics=real_metrics + [
        metric("OCR field accuracy, clean", totals["clean"][0] / totals["clean"][1], "", ">= 0.98"),
        metric("OCR field accuracy, degraded", totals["degraded"][0] / totals["degraded"][1], "", ">= 0.9"),
        metric("OCR seconds per image (median)", statistics.median(times_all), "s", "<= 3", higher_is_better=False),
        metric("Korean text-line CER", with_sp, "", higher_is_better=False),
    ], tables=real_tables + [table("field accuracy per degradation", ["degradation", "accuracy", "raw accuracy", "s/image"],
                     [[r[0], round(r[1], 3), round(r[2], 3), round(r[3], 2)] for r in rows]),
                     table("field accuracy per variant", ["variant", "images", "fields", "accuracy", "cpu s"],
                           variant_rows)], plots=[out])
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(7, 3.2))
        ax.bar([r[0] for r in rows], [100 * r[1] for r in rows], color="#3b7dd8")
        ax.axhline(98, color="green", lw=0.8, ls="--")
        ax.axhline(90, color="orange", lw=0.8, ls="--")
        ax.set_ylim(50, 100)
        ax.set_ylabel("field accuracy %")
        ax.set_title("OCR field accuracy per degradation")
        fig.tight_layout()
        out.parent.mkdir(exist_ok=True)
        fig.savefig(out, dpi=100)
        print(f"plot: {out}")
    except ImportError:
        pass


if __name__ == "__main__":
    random.seed(0)
    main()
