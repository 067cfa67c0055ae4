"""Field accuracy of a read record against ground truth (benchmarks and tests), and CER."""
from __future__ import annotations

from rapidfuzz.distance.Levenshtein import distance as edit_distance  # as voices.metrics scores speech

from matchdata.record import MatchRecord

TEAM_FIELDS = ("name", "placement", "score", "kills")
PLAYER_FIELDS = ("nickname", "team", "kills", "deaths", "assists")


def field_matches(pred: MatchRecord | None, truth: MatchRecord) -> tuple[int, int]:
    """(correct, total) over every field of the truth's teams and players, row by row in screen order;
    rows the reader missed count wrong, rows it invented add to the total."""
    correct = total = 0
    for attr, names in (("teams", TEAM_FIELDS), ("players", PLAYER_FIELDS)):
        want = getattr(truth, attr)
        got = getattr(pred, attr) if pred is not None else []
        for i, row in enumerate(want):
            for f in names:
                total += 1
                if i < len(got) and getattr(got[i], f) == getattr(row, f):
                    correct += 1
        total += max(0, len(got) - len(want)) * len(names)
    total += 1  # the format
    correct += int(pred is not None and pred.format == truth.format)
    return correct, total


def cer(pred: str, truth: str) -> float:
    """Character error rate: edit distance over the truth's length."""
    return edit_distance(pred, truth) / max(1, len(truth))
