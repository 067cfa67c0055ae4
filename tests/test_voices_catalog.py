"""The voice catalog: shipped voices are valid and distinct, bad files and ids fail clearly."""
from __future__ import annotations

from collections import Counter

import pytest

from kernel.errors import InputError
from voices import catalog, get_voice
from voices.catalog import CatalogError, load_catalog


def test_shipped_catalog_has_two_distinct_speakers_per_language():
    voices = catalog()
    assert len({v.id for v in voices}) == len(voices)
    for language in ("ko", "en"):
        mine = [v for v in voices if v.language == language]
        speakers = {(v.engine, v.model, v.speaker, v.options.get("pitch")) for v in mine}
        assert len(speakers) >= 2, language
        assert {v.gender for v in mine} == {"female", "male"}, language
    engines = Counter(v.engine for v in voices)
    assert {"kokoro", "espeak", "flite", "piper", "hibari"} <= set(engines)
    assert {v.engine for v in voices if v.language == "ko"} == {"kokoro"}  # espeak-ng Korean is not understood
    assert {v.model for v in voices if v.engine == "flite"} == {"kal", "awb", "rms", "slt"}
    assert [v.model for v in voices if v.engine == "hibari"] == ["heart"]  # only the bundled one


def test_get_voice_and_suggestions():
    assert get_voice("en-piper-joe").engine == "piper"
    assert get_voice("ko-female-1").id == "ko-kokoro-gongitsune"  # an alias (the CONTRACTS example)
    assert "ko-female-1" not in {v.id for v in catalog()}
    with pytest.raises(InputError, match="Did you mean 'en-piper-joe'"):
        get_voice("en-piper-jo")
    with pytest.raises(InputError, match="There is no voice 'xyz'"):
        get_voice("xyz")


def write(tmp_path, body: str):
    path = tmp_path / "catalog.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = "  - {id: a, language: ko, gender: male, engine: espeak, model: ko}\n"


@pytest.mark.parametrize("body, message", [
    ("voices: []\n", "non-empty 'voices'"),
    ("voices:\n  - {id: a, language: fr, gender: male, engine: espeak, model: fr}\n", "language"),
    ("voices:\n  - {id: a, language: ko, gender: robot, engine: espeak, model: ko}\n", "gender"),
    ("voices:\n  - {id: a, language: ko, gender: male, engine: festival, model: ko}\n", "engine"),
    ("voices:\n  - {id: a, language: ko, gender: male, engine: espeak}\n", "'model' is required"),
    ("voices:\n" + GOOD + GOOD, "used twice"),
    ("voices:\n  - {id: a, language: ko, gender: male, engine: espeak, model: ko, colour: red}\n", "unknown field"),
    ("voices: [\n", "cannot read"),
])
def test_bad_catalog_files_name_the_problem(tmp_path, body, message):
    with pytest.raises(CatalogError, match=message):
        load_catalog(write(tmp_path, body))


def test_a_user_catalog_loads(tmp_path):
    path = write(tmp_path, "voices:\n" + GOOD +
                 "  - {id: mine, language: ko, gender: female, engine: coqui, model: /models/ko-vits, speaker: '3'}\n")
    voices = load_catalog(path)
    assert [v.id for v in voices] == ["a", "mine"] and voices[1].speaker == "3"


def test_aliases_must_name_a_listed_voice(tmp_path):
    from voices.catalog import load_aliases

    assert load_aliases(write(tmp_path, "voices:\n" + GOOD + "aliases: {ko-male-1: a}\n")) == {"ko-male-1": "a"}
    with pytest.raises(CatalogError, match="alias 'x' must name a listed voice"):
        load_aliases(write(tmp_path, "voices:\n" + GOOD + "aliases: {x: b}\n"))
    with pytest.raises(CatalogError, match="'aliases' must map"):
        load_aliases(write(tmp_path, "voices:\n" + GOOD + "aliases: [a]\n"))


def test_domain_vocabulary_reads_the_match_database(tmp_path):
    import sqlalchemy as sa

    from kernel.db import dispose_all, writable_engine
    from matchdata.schema import create_schema, players, teams
    from voices.vocabulary import domain_vocabulary

    url = f"sqlite:///{tmp_path / 'match.db'}"
    try:
        assert "Gen.G" in domain_vocabulary(url)  # no tables yet: the fixed terms only
        engine = writable_engine(url)
        create_schema(engine)
        with engine.begin() as conn:
            conn.execute(sa.insert(teams), [{"id": 1, "name": "Hanwha Life"}, {"id": 2, "name": "Nongshim RedForce"}])
            conn.execute(sa.insert(players), [{"id": 1, "nickname": "Faker", "team_id": 1}])
        vocabulary = domain_vocabulary(url)
        assert vocabulary[:3] == ["Hanwha Life", "Nongshim RedForce", "Faker"]
        assert len(vocabulary) == len(set(vocabulary)) and len(domain_vocabulary(url, limit=2)) == 2
    finally:
        dispose_all()
