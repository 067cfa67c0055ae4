"""The pure stages: layout analysis and parsing of word boxes (no Tesseract), names, validation."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kernel.errors import InputError
from ocr.engines import Word
from ocr.testing import cer, field_matches
from ocr.layout import group_lines, is_header, role_of, split_groups
from ocr.names import best_match, correct_names, similarity
from ocr.parse import parse_rank, parse_words, to_int
from matchdata.record import MatchRecord, PlayerResult, TeamResult
from ocr.validate import validate

FIXTURES = Path(__file__).parent / "fixtures" / "ocr"


def row(y, *items, h=20, conf=0.95):
    """Words of one line: items are (x, text); a word is 10 px per character wide."""
    return [Word(text, x, y, 10 * len(text), h, conf) for x, text in items]


def page(*rows):
    return [w for r in rows for w in r]


def test_group_lines_and_cells_follow_the_boxes():
    words = page(row(100, (50, "Team"), (100, "Liquid"), (400, "12")), row(140, (50, "Cloud9"), (400, "3")))
    lines = group_lines(words)
    assert [l.text for l in lines] == ["Team Liquid 12", "Cloud9 3"]
    assert [c.text for c in lines[0].cells] == ["Team Liquid", "12"]


def test_header_roles_in_korean_english_and_with_ocr_slips():
    assert role_of("순위") == "rank" and role_of("#") == "rank" and role_of("Squad") == "team"
    assert role_of("K/D/A") == "kda" and role_of("어시스트") == "assists" and role_of("Damage") == "ignore"
    assert role_of("종점") == "points"      # OCR read 총점 with one wrong consonant
    assert role_of("Banana") is None


def test_side_by_side_header_splits_into_two_groups():
    line = group_lines(row(50, (100, "Rank"), (200, "Team"), (400, "Kills"), (500, "Points"),
                           (800, "Rank"), (900, "Team"), (1100, "Kills"), (1200, "Points")))[0]
    assert is_header(line)
    groups = split_groups(line, 1400)
    assert len(groups) == 2 and groups[0].hi < 800 < groups[1].hi


RANK_STYLES = {"plain": "{}", "hash": "#{}", "ordinal_ko": "{}위", "zero": "{:02d}"}


@pytest.mark.parametrize("style", sorted(RANK_STYLES))
def test_ranking_with_extra_columns_any_order_and_rank_styles(style):
    fmt = RANK_STYLES[style]
    rows = [row(50, (100, "순위"), (200, "팀"), (400, "피해량"), (500, "점수"), (600, "킬"))]
    teams = [("젠지", 60, 9), ("Team Liquid", 41, 12), ("광동 프릭스", 30, 4)] + [(f"Team{i}", 20 - i, i) for i in range(5)]
    for i, (name, pts, kills) in enumerate(teams):
        rows.append(row(90 + 40 * i, (100, fmt.format(i + 1)), (200, name), (400, "1234"), (500, str(pts)), (600, str(kills))))
    rec = parse_words(page(*rows))
    assert rec.format == "ranking"
    assert [(t.name, t.placement, t.score, t.kills) for t in rec.teams] == [
        (n, i + 1, p, k) for i, (n, p, k) in enumerate(teams)]


def test_ranking_split_in_two_halves_and_a_garbled_rank_repaired():
    hdr = row(50, (100, "Rank"), (160, "Team"), (400, "Kills"), (480, "PTS"), (700, "Rank"), (760, "Team"),
              (1000, "Kills"), (1080, "PTS"))
    rows = [hdr]
    for i in range(6):
        left = "19]" if i == 0 else str(i + 1)  # "1위" as Tesseract sometimes reads it
        rows.append(row(90 + 40 * i, (100, left), (160, f"Left{i}"), (400, str(i)), (480, str(90 - i)),
                        (700, str(i + 7)), (760, f"Right{i}"), (1000, str(i + 1)), (1080, str(50 - i))))
    rec = parse_words(page(*rows))
    assert [t.placement for t in rec.teams] == list(range(1, 13))
    assert rec.teams[6].name == "Right0" and rec.teams[6].score == 50
    assert not [w for w in validate(rec) if "placement" in w.lower() and "check" not in w.lower()]


def test_versus_score_header_and_sections_with_team_titles():
    rows = [row(20, (100, "MATCH"), (170, "RESULT")),
            row(60, (300, "T1"), (400, "3"), (440, ":"), (480, "1"), (560, "Gen.G"), h=30),
            row(110, (100, "T1"))]
    rows.append(row(140, (100, "Player"), (400, "K"), (460, "D"), (520, "A"), (600, "Gold")))
    for i, nick in enumerate(["Faker", "Oner"]):
        rows.append(row(170 + 30 * i, (100, nick), (400, str(i + 5)), (460, "1"), (520, "9"), (600, "12.3k")))
    rows.append(row(240, (100, "Gen.G")))
    rows.append(row(270, (100, "Player"), (400, "K"), (460, "D"), (520, "A"), (600, "Gold")))
    for i, nick in enumerate(["Chovy", "Canyon"]):
        rows.append(row(300 + 30 * i, (100, nick), (400, "2"), (460, str(i + 3)), (520, "4"), (600, "9.9k")))
    rec = parse_words(page(*rows))
    assert rec.format == "versus"
    assert [(t.name, t.placement, t.score) for t in rec.teams] == [("T1", 1, 3), ("Gen.G", 2, 1)]
    assert [(p.nickname, p.team, p.kills, p.deaths, p.assists) for p in rec.players] == [
        ("Faker", "T1", 5, 1, 9), ("Oner", "T1", 6, 1, 9), ("Chovy", "Gen.G", 2, 3, 4), ("Canyon", "Gen.G", 2, 4, 4)]


def test_versus_banner_with_combined_kda_and_team_column():
    rows = [row(40, (200, "한화생명"), (800, "DRX"), h=30),
            row(80, (200, "패배"), (800, "승리")),
            row(120, (230, "0"), (810, "2"), h=30),
            row(180, (100, "선수"), (300, "팀"), (600, "K/D/A"))]
    for i, (nick, team, kda) in enumerate([("Zeus", "한화생명", "3/4/5"), ("Deft", "DRX", "10/0/7")]):
        rows.append(row(210 + 30 * i, (100, nick), (300, team), (600, kda)))
    rec = parse_words(page(*rows))
    assert [(t.name, t.placement, t.score) for t in rec.teams] == [("한화생명", 2, 0), ("DRX", 1, 2)]
    assert [(p.nickname, p.team, p.kills, p.deaths, p.assists) for p in rec.players] == [
        ("Zeus", "한화생명", 3, 4, 5), ("Deft", "DRX", 10, 0, 7)]


def test_unread_number_gets_a_box_for_the_fallback():
    rows = [row(50, (100, "Rank"), (200, "Team"), (400, "Kills"), (500, "Points"))]
    for i in range(4):
        cells = [(100, str(i + 1)), (200, f"Team{i}"), (400, str(i))]
        if i != 2:
            cells.append((500, str(40 - i)))
        rows.append(row(90 + 40 * i, *cells))
    rec = parse_words(page(*rows))
    assert rec.teams[2].score is None
    info = rec.fields["teams[2].score"]
    assert info.confidence == 0.0 and info.box is not None and info.box[0] < 520 < info.box[2]


def test_a_picture_without_a_result_raises_input_error():
    with pytest.raises(InputError, match="No match result"):
        parse_words(page(row(10, (10, "Hello"), (80, "world")), row(60, (10, "Just"), (70, "a"), (90, "photo"))))
    with pytest.raises(InputError):
        parse_words([])


def test_parser_on_real_tesseract_word_boxes():
    data = json.loads((FIXTURES / "words.json").read_text(encoding="utf-8"))
    for name, case in data.items():
        rec = parse_words([Word(*w) for w in case["words"]])
        truth = MatchRecord.from_dict(case["truth"])
        correct, total = field_matches(rec, truth)
        assert correct / total >= 0.85, name


def test_numbers_and_ranks_with_ocr_confusions():
    assert to_int("12") == (12, 1.0)
    assert to_int("l3")[0] == 13 and to_int("O")[0] == 0 and to_int("abc")[0] is None
    assert [parse_rank(t)[0] for t in ("1", "#2", "3rd", "4위", "05", "No.6")] == [1, 2, 3, 4, 5, 6]


def test_hangul_aware_name_correction():
    assert similarity("정룡", "청룡") > similarity("정룡", "현무")
    assert best_match("TeamLiquid", ["Team Liquid", "Cloud9"])[0] == "Team Liquid"
    assert best_match("디 플 러스", ["디플러스", "다나와"])[0] == "디플러스"
    assert best_match("Xyzzy", ["Team Liquid", "Cloud9"])[0] is None
    rec = MatchRecord("versus", [TeamResult("Gen G", 1, 2), TeamResult("한화 생멍", 2, 0)],
                      [PlayerResult("Fakr", "Gen G"), PlayerResult("쵸 비", "한화 생멍")])
    correct_names(rec, {"teams": ["Gen.G", "한화생명", "T1"], "players": ["Faker", "쵸비"]})
    assert [t.name for t in rec.teams] == ["Gen.G", "한화생명"]
    assert [(p.nickname, p.team) for p in rec.players] == [("Faker", "Gen.G"), ("쵸비", "한화생명")]


def test_validation_flags_bad_records():
    rec = MatchRecord("ranking", [TeamResult("A", 1, 10, 5), TeamResult("B", 1, 8, 500), TeamResult("C", 4, 2, 1)])
    text = " ".join(validate(rec))
    assert "same placement" in text and "implausible kill" in text
    rec = MatchRecord("versus", [TeamResult("A", None, 2), TeamResult("B", None, 2)], [PlayerResult("x", "Z", 150)])
    text = " ".join(validate(rec))
    assert "same score" in text and "not one of the two teams" in text and "implausible kills" in text
    assert "two teams" in " ".join(validate(MatchRecord("versus", [TeamResult("A", 1, 1)])))
    good = MatchRecord("ranking", [TeamResult("A", 1, 10, 5), TeamResult("B", 2, 8, 3)])
    assert validate(good) == []


def test_cer_and_field_accuracy():
    assert cer("서울", "서울") == 0 and cer("서을", "서울") == 0.5
    truth = MatchRecord("ranking", [TeamResult("A", 1, 10, 5)])
    assert field_matches(truth, truth) == (5, 5)
    assert field_matches(None, truth) == (0, 5)


def test_summary_for_the_reply_in_both_languages():
    from assistant.messages import summarize_record

    rec = MatchRecord("versus", [TeamResult("T1", 1, 3), TeamResult("젠지", 2, 1)], warnings=["Please check x."])
    assert "T1 3 : 1 젠지" in summarize_record(rec, "ko") and "확인" in summarize_record(rec, "ko")
    assert "1 item(s) need checking" in summarize_record(rec, "en")


def test_side_by_side_tables_with_header_words_ocr_missed():
    # left half lost its "Rank" header word, and no "Kills" header was read in either half
    hdr = row(50, (160, "Team"), (480, "PTS"), (700, "Rank"), (760, "Team"), (1080, "PTS"))
    rows = [hdr]
    for i in range(5):
        rows.append(row(90 + 40 * i, (100, f"{i + 1}위"), (160, f"Left{i}"), (400, str(i)), (480, str(90 - i)),
                        (700, f"{i + 6}위"), (760, f"Right{i}"), (1000, str(i + 1)), (1080, str(50 - i))))
    rec = parse_words(page(*rows))
    assert [(t.name, t.placement, t.kills, t.score) for t in rec.teams[:2]] == [("Left0", 1, 0, 90), ("Left1", 2, 1, 89)]
    assert [(t.name, t.placement, t.kills, t.score) for t in rec.teams[5:7]] == [("Right0", 6, 1, 50), ("Right1", 7, 2, 49)]
