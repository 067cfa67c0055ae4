"""The sketch model trains on a tiny synthesized set (stand-in encoder) and round-trips its weights."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from nl2sql.linking import Catalog
from nl2sql.model import SketchModel, masked_examples, train
from nl2sql.synth import Values, synthesize
from tests.conftest import HashEncoder

torch = pytest.importorskip("torch")

VALUES = Values(teams=["목포 마린즈", "Granite Herons", "Quartz Arrows", "서울 울브즈"], players=["하늘", "Zephyr"],
                tournaments=["Granite Cup 2026"], maps=["Erangel"], games=["PUBG"])


def test_training_on_a_tiny_set_learns_it_and_weights_round_trip(tmp_path):
    examples = synthesize(VALUES, per_template=2, seed=0, with_negatives=False)
    catalog = Catalog.from_rows(VALUES.teams, VALUES.players, [("Granite Cup 2026", "PUBG", dt.date(2026, 1, 1))],
                                maps=VALUES.maps)
    masked = masked_examples(examples, catalog)
    assert all("TEAM" in m or "목포" not in m for m in masked)
    encoder = HashEncoder(dim=64)
    model = train(examples, masked, encoder, epochs=80, hidden=64, progress=False)
    predictions = model.predict(masked)
    kinds = [max(p["kind"], key=p["kind"].get) for p in predictions]
    accuracy = np.mean([k == e.kind for k, e in zip(kinds, examples)])
    assert accuracy >= 0.9
    path = tmp_path / "w.npz"
    model.save(path)
    again = SketchModel.load(path, encoder=encoder)
    p1, p2 = model.predict(masked[:5]), again.predict(masked[:5])
    for a, b in zip(p1, p2):
        assert max(a["kind"], key=a["kind"].get) == max(b["kind"], key=b["kind"].get)
        assert abs(a["kind"]["none"] - b["kind"]["none"]) < 1e-2  # float16 storage


def test_shipped_weights_exist_and_are_small():
    from nl2sql.model import WEIGHTS

    assert WEIGHTS.is_file() and WEIGHTS.stat().st_size < 3_000_000
    model = SketchModel.load(WEIGHTS, encoder=HashEncoder())
    assert set(model.info["heads"]) == {"kind", "metric", "agg", "order", "cmp"}


def test_shipped_weights_match_the_templates():
    """Editing templates or the lexicon needs a retrain: python -m nl2sql.model train."""
    from nl2sql.model import WEIGHTS
    from nl2sql.query import ALL_KINDS
    from nl2sql.synth import templates_digest

    model = SketchModel.load(WEIGHTS, encoder=HashEncoder())
    assert model.info["templates"] == templates_digest()
    assert model.info["heads"]["kind"] == list(ALL_KINDS)
