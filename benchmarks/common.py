"""What every benchmark shares: percentiles, and one JSON result file per benchmark.

Each benchmark prints its own table and also saves ``benchmarks/results/<name>.json`` through
:func:`save_result`; ``benchmarks/report.py`` (``make bench``) reads them all into one report.

A result file holds the headline numbers (value, unit, target) the report compares, the tables the
benchmark printed, its plots, the command that reproduces it, and when and where it was measured.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def percentile(values, q: float) -> float:
    """The q-th percentile (nearest rank on the sorted values); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def metric(label: str, value: float | None, unit: str = "", target: str | None = None,
           higher_is_better: bool = True) -> dict:
    """One headline number. ``target`` reads like ``">= 0.94"`` or ``"<= 150"``; ``ok`` says whether
    the value meets it (None when there is no target or no value)."""
    ok = None
    if target and value is not None:
        op, _, bound = target.partition(" ")
        bound = float(bound)
        ok = value >= bound if op == ">=" else value <= bound if op == "<=" else None
    return {"label": label, "value": value, "unit": unit, "target": target, "ok": ok,
            "higher_is_better": higher_is_better}


def table(title: str, columns: list[str], rows: list[list]) -> dict:
    return {"title": title, "columns": columns, "rows": rows}


def save_result(name: str, *, title: str, metrics: list[dict], tables: list[dict] = (),
                plots: list[Path | str] = (), notes: str = "") -> Path:
    """Write ``benchmarks/results/<name>.json`` and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "name": name,
        "title": title,
        "command": " ".join([".venv/bin/python", str(Path(sys.argv[0]).resolve().relative_to(ROOT))
                             if Path(sys.argv[0]).resolve().is_relative_to(ROOT) else sys.argv[0], *sys.argv[1:]]),
        "measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]},
        "metrics": list(metrics),
        "tables": list(tables),
        "plots": [str(Path(p).resolve().relative_to(ROOT)) if Path(p).resolve().is_relative_to(ROOT) else str(p)
                  for p in plots],
        "notes": notes,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=_plain), encoding="utf-8")
    return path


def _plain(value):
    """numpy scalars and paths as JSON."""
    if hasattr(value, "item"):
        return value.item()
    return str(value)
