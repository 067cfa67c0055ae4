"""Field accuracy of a read record against ground truth (benchmarks and tests), and CER."""
from __future__ import annotations

import copy

from rapidfuzz.distance.Levenshtein import distance as edit_distance  # as voices.metrics scores speech

from matchdata.record import MatchRecord

TEAM_FIELDS = ("name", "placement", "score", "kills")
PLAYER_FIELDS = ("nickname", "team", "kills", "deaths", "assists")


def field_matches(pred: MatchRecord | None, truth: MatchRecord) -> tuple[int, int]:
    """(correct, total) over every field of the truth's teams and players, row by row in screen order;
    rows the reader missed count wrong, rows it invented add to the total. A player of an unnamed team
    (the screen prints no name) is right on ``team`` when his ``team_index`` is; as nothing on such a
    screen fixes which side is team 0, the reader's teams are also tried in swapped order."""
    if pred is None or not any(t.name is None for t in truth.teams) or len(pred.teams) != 2:
        return _matches(pred, truth)
    swapped = copy.deepcopy(pred)
    swapped.teams.reverse()
    for p in swapped.players:
        if p.team_index in (0, 1):
            p.team_index = 1 - p.team_index
    return max(_matches(pred, truth), _matches(swapped, truth))


def _matches(pred: MatchRecord | None, truth: MatchRecord) -> tuple[int, int]:
    correct = total = 0
    for attr, names in (("teams", TEAM_FIELDS), ("players", PLAYER_FIELDS)):
        want = getattr(truth, attr)
        got = getattr(pred, attr) if pred is not None else []
        for i, row in enumerate(want):
            for f in names:
                total += 1
                if i < len(got) and _same(got[i], row, f):
                    correct += 1
        total += max(0, len(got) - len(want)) * len(names)
    total += 1  # the format
    correct += int(pred is not None and pred.format == truth.format)
    return correct, total


def _same(got, want, field: str) -> bool:
    if field == "team" and want.team is None and getattr(want, "team_index", None) is not None:
        return got.team_index == want.team_index
    return getattr(got, field) == getattr(want, field)


def cer(pred: str, truth: str) -> float:
    """Character error rate: edit distance over the truth's length."""
    return edit_distance(pred, truth) / max(1, len(truth))
