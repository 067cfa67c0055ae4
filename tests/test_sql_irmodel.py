"""The learned IR predictor (nl2sql/irmodel.py): shipped weights current, structure predicted on
synthesized questions it never saw (other names, another seed), confidence that tracks accuracy, the
engine's use of it, and bad input."""
from __future__ import annotations

import random
import sqlite3

import numpy as np
import pytest

from nl2sql.ir import compile_sql
from nl2sql.irmodel import WEIGHTS, HEADS, IRModel, ece, fit, grammar_digest, labels
from nl2sql.irsynth import grammar, synthesize, values_from_url
from nl2sql.linking import link
from kernel.errors import EnvironmentProblem
from tests.conftest import HashEncoder
from tests.test_sql_ir import TODAY, small_db  # noqa: F401 - the fixture

MAJOR = ["team_kills", "player_avg_kills", "team_wins", "region_count", "region_list", "role_list", "player_team",
         "kills_by_team", "most_kills_player", "top_damage_players", "players_over_kills", "team_win_rate",
         "beat_team", "champion_of", "played_but_not_year", "team_record"]


def _rows(path, sql):
    con = sqlite3.connect(path)
    try:
        return sorted(map(tuple, con.execute(sql).fetchall()), key=repr)
    finally:
        con.close()


def test_shipped_weights_are_small_and_match_the_grammar():
    """Editing ir_grammar.yaml, lexicon.yaml or demo_names.yaml needs a retrain:
    python -m nl2sql.irmodel train"""
    assert WEIGHTS.is_file() and WEIGHTS.stat().st_size < 2_000_000
    model = IRModel.load(WEIGHTS, encoder=HashEncoder())
    assert model.info["grammar"] == grammar_digest(), "stale: python -m nl2sql.irmodel train"
    assert model.info["heads"]["construct"] == sorted(grammar()["constructs"])
    assert set(model.info["heads"]) == set(HEADS)
    assert all(0.05 < t < 20 for t in model.info["temperature"].values())
    assert model.info["pairs"] >= 10_000


def test_missing_weights_are_one_clear_error(tmp_path):
    with pytest.raises(EnvironmentProblem, match="missing; create them"):
        IRModel.load(tmp_path / "none.npz")


def test_heads_learn_a_tiny_set_and_round_trip(small_db, tmp_path):
    """The numpy trainer on a stand-in encoder: it fits, saves in float16 and loads the same predictions."""
    from nl2sql.irmodel import features

    url, _, catalog = small_db
    examples = list(synthesize(values_from_url(url), per_phrasing=1, seed=3))
    examples = [e for e in examples if e.construct in MAJOR]
    masked = [link(e.text, catalog, TODAY).masked for e in examples]
    encoder = HashEncoder(dim=64)
    x = features(masked, encoder)
    classes = {h: sorted({labels(e)[h] for e in examples}) for h in HEADS}
    ys = {h: np.array([classes[h].index(labels(e)[h]) for e in examples]) for h in HEADS}
    model = IRModel(fit(x, ys, classes, epochs=40, hidden=64, lr=3e-3, progress=False),
                    {"heads": classes, "temperature": {h: 1.0 for h in HEADS}}, encoder)
    pred = model.predict(masked)
    acc = np.mean([max(p["construct"], key=p["construct"].get) == e.construct for p, e in zip(pred, examples)])
    assert acc >= 0.9
    model.save(tmp_path / "w.npz")
    again = IRModel.load(tmp_path / "w.npz", encoder=encoder).predict(masked[:5])
    for a, b in zip(pred[:5], again):
        assert max(a["construct"], key=a["construct"].get) == max(b["construct"], key=b["construct"].get)
    assert model.predict([]) == []


def test_a_question_without_the_names_a_construct_needs_gets_no_model_reading(small_db):
    """The model fills values only from linking: no linked team, no team construct."""
    url, _, catalog = small_db
    model = IRModel.load(WEIGHTS, encoder=HashEncoder())
    linked = link("???", catalog, TODAY)
    pred = {"construct": {"team_kills": 0.9, "player_team": 0.1}, "modifier": {"none": 1.0}}
    assert model.read(linked, pred) == (None, 0.0, "")


def test_ece_is_zero_for_perfect_calibration_and_large_for_overconfidence():
    conf = np.array([0.95] * 100)
    assert ece(conf, np.array([1] * 95 + [0] * 5, bool)) < 0.01
    assert ece(conf, np.array([1] * 50 + [0] * 50, bool)) > 0.4


@pytest.mark.slow
def test_the_model_reads_the_structure_of_unseen_synthesized_questions(small_db):
    """Other names (the test database), another seed, loose names and chit-chat: the model's IR, filled from
    linking, returns the rows of the known IR for nearly all questions, and for each major construct."""
    from nl2sql.irmodel import default_irmodel

    url, path, catalog = small_db
    model = default_irmodel()
    examples = list(synthesize(values_from_url(url), per_phrasing=1, seed=11))
    assert {e.construct for e in examples} >= set(MAJOR)
    linked = [link(e.text, catalog, TODAY) for e in examples]
    preds = model.predict([x.masked for x in linked])  # one batch: encoding one by one is slow on a busy machine
    right, per = 0, {}
    for e, lk, pred in zip(examples, linked, preds):
        ir, p, construct = model.read(lk, pred)
        ok = ir is not None and _rows(path, compile_sql(ir)) == _rows(path, compile_sql(e.ir))
        right += ok
        per.setdefault(e.construct, []).append(ok)
    assert right / len(examples) >= 0.85
    weak = [c for c in MAJOR if np.mean(per[c]) < 0.5]
    assert weak == []


@pytest.mark.slow
def test_confidence_is_monotone_with_accuracy(small_db):
    """Questions made harder by dropping words: the more confident third is at least as often right as
    the middle third, and that as the least confident third."""
    from nl2sql.irmodel import default_irmodel

    url, _, catalog = small_db
    model = default_irmodel()
    rng = random.Random(5)
    examples = list(synthesize(values_from_url(url), per_phrasing=1, seed=21))
    texts = []
    for e in examples:
        words = e.text.split()
        for _ in range(rng.randint(0, 3)):
            if len(words) > 2:
                words.pop(rng.randrange(len(words)))
        texts.append(" ".join(words))
    masked = [link(t, catalog, TODAY).masked for t in texts]
    pred = model.predict(masked)
    conf = np.array([max(p["construct"].values()) for p in pred])
    correct = np.array([max(p["construct"], key=p["construct"].get) == e.construct for p, e in zip(pred, examples)])
    order = np.argsort(conf)
    thirds = [correct[idx].mean() for idx in np.array_split(order, 3)]
    assert thirds[0] < 1.0  # the corruption makes some questions hard
    assert thirds[0] <= thirds[1] + 0.02 <= thirds[2] + 0.04, thirds


@pytest.mark.slow
def test_engine_answers_with_the_model_when_the_rules_cannot_read(small_db, monkeypatch):
    """A reading the rule parser refuses: the model's confident IR is the answer; a weak one is refused."""
    from nl2sql import engine
    from nl2sql.parse import Unsupported

    url, path, _ = small_db

    def refuse(*a, **k):
        raise Unsupported("no reading")

    monkeypatch.setattr("nl2sql.parse.parse", refuse)
    name = _rows(path, "SELECT name FROM teams LIMIT 1")[0][0]
    plan = engine.plan(f"how many kills did {name} get", url, today=TODAY)
    assert plan.ir is not None and plan.confidence >= engine.MODEL_THRESHOLD
    assert "SUM(mt.kills)" in compile_sql(plan.ir) and name in compile_sql(plan.ir)
    monkeypatch.setattr(engine, "MODEL_THRESHOLD", 1.01)
    plan = engine.plan(f"how many kills did {name} get", url, today=TODAY)
    assert plan.ir is None  # the sketch fallback or a refusal, never the unconfident model's IR
