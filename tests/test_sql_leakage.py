"""No question of the development set (someone else's, the measure) is copied into our own text.

The set's questions are kept only as fingerprints (``tests/fixtures/sql_dev_fingerprints.txt``, made by
``python -m nl2sql.leakage``): a hash of each normalised question and of each distinctive
4-word run of one. Templates, the cue lexicon, the sketch model's synthesized training questions, the
IR synthesizer's questions, the SQL package's code and comments, and the SQL tests are checked against
them. When the set itself is next to the checkout, the fingerprints are also checked to be current.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from nl2sql import leakage

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "sql-dev"


def _our_texts() -> dict[str, str]:
    texts = {}
    for folder, pattern in ((ROOT / "nl2sql" / "templates", "*.yaml"), (ROOT / "nl2sql", "*.py"),
                            (ROOT / "nl2sql" / "eval", "*.yaml"), (ROOT / "tests", "test_sql*.py")):
        found = sorted(folder.glob(pattern))
        assert found, f"no {pattern} in {folder}: the leakage check would read nothing there"
        for path in found:
            texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


def test_fingerprints_are_current_when_the_development_set_is_here():
    prints = leakage.load_fingerprints()
    assert len(prints) > 300
    if (DEV / "questions.jsonl").is_file():
        assert prints == leakage.fingerprints(leakage.dev_questions(DEV)), \
            "regenerate: python -m nl2sql.leakage --dev ../shared/data/sql-dev"


def test_the_check_finds_a_copy_and_a_near_copy():
    prints = leakage.fingerprints(["How many kills did Foo Bar get at the Baz Cup 2025?"])
    assert leakage.leaks("how many kills did foo bar get at the baz cup 2025", prints)
    assert leakage.leaks("total: foo bar get at last", prints) == ["foo bar get at"]
    assert not leakage.leaks("how many matches did Foo play", prints)   # scaffolding only, or other words


@pytest.mark.parametrize("name", sorted(_our_texts()))
def test_our_files_hold_no_development_question(name):
    prints = leakage.load_fingerprints()
    assert leakage.leaks(_our_texts()[name], prints) == [], name


def test_synthesized_training_questions_hold_no_development_question():
    from nl2sql.synth import Values, synthesize

    prints = leakage.load_fingerprints()
    values = Values(teams=["Alpha Owls", "베타 타이거즈"], players=["Bravo", "찰리"], tournaments=["Delta Cup 2025"],
                    maps=["Erangel"], games=["PUBG", "Overwatch 2"])
    texts = [e.text for e in synthesize(values, per_template=3, seed=0, with_negatives=False)]
    assert len(texts) > 500
    bad = [(t, leakage.leaks(t, prints)) for t in texts if leakage.leaks(t, prints)]
    assert bad == []


def test_ir_model_training_questions_hold_no_development_question():
    """The IR model's training pairs: the IR grammar over the demo database's names (the same recipe as
    ``python -m nl2sql.irmodel train``, fewer per phrasing)."""
    from nl2sql.irmodel import synthesized

    prints = leakage.load_fingerprints()
    examples, masked = synthesized(per_phrasing=3, seed=0)
    assert len(examples) > 1500 and {e.lang for e in examples} == {"en", "ko"}
    bad = [(t, leakage.leaks(t, prints)) for t in [e.text for e in examples] + masked if leakage.leaks(t, prints)]
    assert bad == []


# The blind sets written later for failure analysis (kept outside the repository, next to the checkout on the
# development machine; CI has no copy and skips these). Their questions are checked the same way, from the set
# itself: none of them, nor a distinctive 4-word run of one, may be in our files or the IR model's training data.
FRESH_SETS = [ROOT.parent / "notes" / f"sql-fresh{n}" for n in range(2, 15)]


def _fresh_prints(folder: Path) -> set[str]:
    if not (folder / "questions.jsonl").is_file():
        pytest.skip(f"{folder.name} is not next to the checkout")
    return leakage.fingerprints(leakage.dev_questions(folder), min_content=2)


@pytest.mark.parametrize("folder", FRESH_SETS, ids=[f.name for f in FRESH_SETS])
def test_our_files_hold_no_question_of_the_blind_sets(folder):
    prints = _fresh_prints(folder)
    bad = {name: found for name, text in _our_texts().items() if (found := leakage.leaks(text, prints))}
    assert bad == {}


@pytest.mark.parametrize("folder", FRESH_SETS, ids=[f.name for f in FRESH_SETS])
def test_ir_model_training_questions_hold_no_question_of_the_blind_sets(folder):
    from nl2sql.irmodel import synthesized

    prints = _fresh_prints(folder)
    examples, masked = synthesized(per_phrasing=3, seed=0)
    bad = [(t, leakage.leaks(t, prints)) for t in [e.text for e in examples] + masked if leakage.leaks(t, prints)]
    assert bad == []
