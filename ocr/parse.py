"""From word boxes to a MatchRecord: a pure function (no OCR engine needed to test it).

``parse_words(words)`` groups the words into lines and cells (``layout``), finds table headers by
their words (Korean or English, any column order, unknown statistics ignored, side-by-side or
stacked tables), reads the rows, and reads a versus header (``A 3 : 1 B``) or a VICTORY/승리 banner.
Fields it could not read but knows the place of get confidence 0 and a box, so the fallback engine
can read that region again.
"""
from __future__ import annotations

import re

from kernel.errors import InputError
from kernel.korean import has_hangul

from .engines import Word
from .layout import (DEFEAT_WORDS, VICTORY_WORDS, Cell, Column, Line, TableGroup, assign_cells, group_lines,
                     is_header, norm_word, split_groups)
from matchdata.record import FieldInfo, MatchRecord, PlayerResult, TeamResult

NO_RESULT = "No match result was found in the picture; please upload a screenshot of a result screen."
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                            "!": "1", "]": "1", "[": "1", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2",
                            "g": "9", "q": "9", "A": "4", "T": "7", "?": "7"})
_SCORE = re.compile(r"^(?P<a>.*?\D)\s*(?P<sa>\d{1,3})\s*[:;\-–—|]\s*(?P<sb>\d{1,3})\s*(?P<b>\D.*)$")
_RANK = re.compile(r"^(?:no\.?|#|n°)?\s*(\d{1,2})\s*(?:st|nd|rd|th|위|등|\.)?$", re.I)


def to_int(text: str) -> tuple[int | None, float]:
    """A number read from a cell, and a factor (1.0, or less when characters had to be guessed)."""
    t = text.strip().replace(" ", "")
    if not t:
        return None, 0.0
    if t.isdigit():
        return int(t), 1.0
    fixed = t.translate(_DIGIT_FIX)
    digits = "".join(ch for ch in fixed if ch.isdigit())
    if not digits or len(digits) < len(fixed) - 1:
        return None, 0.0
    return int(digits), 0.7


def parse_rank(text: str) -> tuple[int | None, float]:
    """Ranks in any style: 1, #1, 01, 1st, 1위, No.1."""
    t = text.strip().replace(" ", "")
    m = _RANK.match(t)
    if m:
        return int(m.group(1)), 1.0
    m = _RANK.match(t.translate(_DIGIT_FIX))
    if m:
        return int(m.group(1)), 0.7
    value, factor = to_int(re.sub(r"(st|nd|rd|th|위)$", "", t, flags=re.I))
    if value is not None and value > 99:  # "6위" read as "691" or "69]": the 위 became 9 + a stroke
        m = re.fullmatch(r"(\d{1,2})9[1l|\]I]?", t)
        if m:
            return int(m.group(1)), 0.6
    return value, factor


def _is_text(cell: Cell) -> bool:
    letters = sum(ch.isalpha() for ch in cell.text)
    return letters >= 1 and letters >= sum(ch.isdigit() for ch in cell.text)


def _clean_name(text: str) -> str:
    words = [w for w in text.split() if norm_word(w) not in VICTORY_WORDS | DEFEAT_WORDS]
    return " ".join(words).strip(" -–—:|·•*_~,")


class _Builder:
    """Collects values with their FieldInfo while the parse proceeds."""

    def __init__(self):
        self.fields: dict[str, FieldInfo] = {}

    def put(self, key: str, cell: Cell | None, factor: float = 1.0, box=None):
        if cell is None:
            self.fields[key] = FieldInfo("tesseract", 0.0, box)
        else:
            self.fields[key] = FieldInfo(cell.engine, cell.conf * factor, cell.box)


def _row_values(group: TableGroup, line: Line):
    """role -> Cell for one row line of a table group, plus the name cell and unlabelled cells."""
    cells = line.cells_in(group.lo, group.hi)
    if not cells:
        return None
    assigned = assign_cells(cells, group.columns, line.height)
    by_role: dict[str, Cell] = {}
    loose: list[Cell] = []
    for idx, cell in sorted(assigned.items(), key=lambda kv: kv[1].left):
        role = group.columns[idx].role if idx >= 0 else None
        if role and role not in by_role:
            by_role[role] = cell
        elif idx < 0 or role is None:
            loose.append(cell)
    return by_role, loose, cells


def _parse_table(group: TableGroup, builder: _Builder, kind: str, out_rows: list, titles: list):
    name_role = "player" if kind == "versus" else "team"
    stat_roles = ["kills", "deaths", "assists"] if kind == "versus" else ["kills", "points"]
    col_of = {c.role: c for c in group.columns if c.role}
    title = None
    for line in group.rows:
        if not line.cells:  # a row Tesseract skipped: every field empty, with its box
            boxes = {c.role: c for c in group.columns if c.role}
            row = {"name": None, "line": line, "title": title, "values": {}, "by_role": {}, "loose": [],
                   "name_box": _name_box(group, name_role, line)}
            if row["name_box"] is not None:
                out_rows.append((row, col_of))
            continue
        vals = _row_values(group, line)
        if vals is None:
            continue
        by_role, loose, cells = vals
        name_cell = by_role.get(name_role)
        if (kind == "ranking" and name_cell is not None and "rank" not in by_role
                and re.fullmatch(r"(#\s*\d{1,2}|\d{1,2}\s*(위|st|nd|rd|th))", name_cell.text.strip(), re.I)):
            by_role["rank"] = name_cell  # a rank badge where the (unread) name should be
            name_cell = None
            stats_read = sum(r in by_role for r in stat_roles)
            if stats_read >= 1 and _name_box(group, name_role, line) is not None:
                row = {"name": None, "line": line, "title": title, "by_role": by_role, "loose": loose,
                       "values": {r: by_role[r] for r in stat_roles + ["rank"] if r in by_role},
                       "name_box": _name_box(group, name_role, line)}
                out_rows.append((row, col_of))
                continue
        numbers_elsewhere = sum(to_int(c.text)[0] is not None for c in cells if c is not name_cell)
        if name_cell is not None and not _is_text(name_cell) and numbers_elsewhere < 2:
            loose.append(name_cell)
            name_cell = None
        if name_cell is None:
            texts = [c for c in loose if _is_text(c) and not (kind == "ranking" and parse_rank(c.text)[0])]
            if texts:
                name_cell = max(texts, key=lambda c: sum(ch.isalpha() for ch in c.text))
        has_number = any(ch.isdigit() for c in cells for ch in c.text)
        stats_read = sum(r in by_role for r in stat_roles + ["kda"])
        if name_cell is None and stats_read >= 2 and _name_box(group, name_role, line) is not None:
            # the name was not read at all (often Hangul): keep the row, the fallback reads the name
            row = {"name": None, "line": line, "title": title, "by_role": by_role, "loose": loose,
                   "values": {r: by_role[r] for r in stat_roles + ["rank", "team", "kda"] if r in by_role},
                   "name_box": _name_box(group, name_role, line)}
            out_rows.append((row, col_of))
            continue
        if name_cell is None or not has_number:
            if len(cells) == 1 and _is_text(cells[0]) and not has_number:
                title = cells[0]  # a section title (a team's name above its rows)
                titles.append((title, line))
            continue
        row = {"name": name_cell, "line": line, "title": title, "values": {}, "by_role": by_role, "loose": loose}
        for role in stat_roles + ["rank", "team", "kda"]:
            if role in by_role:
                row["values"][role] = by_role[role]
        out_rows.append((row, col_of))


def _columns_from_rows(group: TableGroup, kind: str) -> None:
    """A statistic whose header word OCR missed entirely: numbers standing in the same place in
    most rows, under no header, become that column (in the usual left-to-right order)."""
    order = ["kills", "points"] if kind == "ranking" else ["kills", "deaths", "assists"]
    if kind == "versus" and "kda" in group.roles:
        return
    missing = [r for r in order if r not in group.roles]
    if not missing:
        return
    spots: list[tuple[float, Cell]] = []
    rows = 0
    for line in group.rows:
        cells = line.cells_in(group.lo, group.hi)
        if len(cells) < 2:
            continue
        rows += 1
        for key, cell in assign_cells(cells, group.columns, line.height).items():
            if key < 0 and to_int(cell.text)[0] is not None and not _is_text(cell):
                spots.append((cell.cx, cell))
    if rows < 2:
        return
    spots.sort(key=lambda t: t[0])
    clusters: list[list[Cell]] = []
    for cx, cell in spots:
        if clusters and cx - clusters[-1][-1].cx < 1.5 * max(1, cell.bottom - cell.top):
            clusters[-1].append(cell)
        else:
            clusters.append([cell])
    clusters = [c for c in clusters if len(c) >= 0.5 * rows]
    if len(clusters) != len(missing):
        return
    for role, cluster in zip(missing, clusters):
        group.columns.append(Column(role, min(c.left for c in cluster), max(c.right for c in cluster), "?"))
    group.columns.sort(key=lambda c: c.left)


def _fill_missing_rows(group: TableGroup) -> None:
    """Rows Tesseract skipped entirely show as a gap of one row pitch: put an empty line there, so
    its cells get boxes and the fallback reads them."""
    rows = [l for l in group.rows if len(l.cells_in(group.lo, group.hi)) >= 2]
    if len(rows) < 3:
        return
    pitch = sorted(b.cy - a.cy for a, b in zip(rows, rows[1:]))[len(rows) // 2 - 1]
    if pitch <= 0:
        return
    h = rows[0].height
    fake = []
    prev_cy = group.header.cy
    for line in rows:
        gap = line.cy - prev_cy
        n = round(gap / pitch) - 1
        if 0 < n <= 3 and abs(gap - (n + 1) * pitch) < 0.3 * pitch:
            for k in range(1, n + 1):
                cy = prev_cy + k * pitch
                fake.append(Line([Word("", int(group.columns[0].left), int(cy - h / 2), 1, int(h), 0.0)], cells=[]))
        prev_cy = line.cy
    if fake:
        group.rows = sorted(group.rows + fake, key=lambda l: l.cy)


def _name_box(group: TableGroup, role: str, line: Line):
    cols = sorted(group.columns, key=lambda c: c.left)
    for i, c in enumerate(cols):
        if c.role == role:
            right = cols[i + 1].left if i + 1 < len(cols) else c.right + 8 * line.height
            return (c.left - int(0.3 * line.height), line.top - int(0.3 * line.height), int(right),
                    line.bottom + int(0.3 * line.height))
    return None


def _missing_box(col: Column | None, line: Line):
    if col is None:
        return None
    pad = int(0.6 * line.height)
    return (col.left - pad, line.top - int(0.25 * line.height), col.right + pad, line.bottom + int(0.25 * line.height))


def _teams_from_score_line(found, builder: _Builder) -> list[TeamResult]:
    """The two teams of an ``A 3 : 1 B`` line, with each field's box put in ``builder``."""
    (a_cell, _), (sa, sa_word), (sb, sb_word), (b_cell, _) = found
    teams = [TeamResult(_clean_name(a_cell.text), None, sa, None), TeamResult(_clean_name(b_cell.text), None, sb, None)]
    builder.put("teams[0].name", a_cell)
    builder.put("teams[1].name", b_cell)
    for k, (word, factor) in enumerate((sa_word, sb_word)):
        if word.text:
            builder.put(f"teams[{k}].score", Cell([word]), factor)
        else:  # unread: its place, for the fallback
            pad = word.height // 2
            builder.fields[f"teams[{k}].score"] = FieldInfo(
                "tesseract", 0.0, (word.left - pad, word.top - pad, word.right + pad, word.bottom + pad))
    return teams


def _versus_header(lines: list[Line], builder: _Builder):
    """Two teams with scores and placements from a score line or a VICTORY/DEFEAT banner, or None."""
    found_banner = _banner(lines, builder)
    for line in lines:
        found = _score_line(line)
        if found is None:
            continue
        return _teams_from_score_line(found, builder), line
    if found_banner is not None:
        return found_banner
    for line in lines:
        found = _score_line(line, allow_single=True)
        if found is None:
            continue
        return _teams_from_score_line(found, builder), line
    return None


def _banner(lines: list[Line], builder: _Builder):
    """Two team names with VICTORY/DEFEAT (승리/패배) under them, and scores below, or None."""
    for i, line in enumerate(lines):
        marks = [(c, "win" if norm_word(c.text) in VICTORY_WORDS else "lose") for c in line.cells
                 if norm_word(c.text) in VICTORY_WORDS | DEFEAT_WORDS]
        if not marks:
            continue
        above = [l for l in lines[max(0, i - 2):i] if sum(_is_text(c) for c in l.cells) >= 1]
        if not above:
            continue
        names_line = above[-1]
        name_cells = [c for c in names_line.cells if _is_text(c)]
        if len(name_cells) < 2:
            continue
        name_cells = sorted(sorted(name_cells, key=lambda c: -len(c.text))[:2], key=lambda c: c.left)
        below = lines[i + 1] if i + 1 < len(lines) else None
        teams, outcome = [], {}
        for c, result in marks:
            nearest = min(range(2), key=lambda k: abs(name_cells[k].cx - c.cx))
            nc = name_cells[nearest]
            if abs(nc.cx - c.cx) <= max(nc.right - nc.left, c.right - c.left):
                outcome[nearest] = result
        if not outcome:
            continue
        if len(outcome) == 1:
            (k, r), = outcome.items()
            outcome[1 - k] = "lose" if r == "win" else "win"
        if outcome[0] == outcome[1]:
            continue
        mid = (name_cells[0].right + name_cells[1].left) / 2
        for k, nc in enumerate(name_cells):
            builder.put(f"teams[{k}].name", nc)
            score, sc_cell = None, None
            if below is not None and below.top - line.bottom < 3 * line.height:
                digits = [c for c in below.cells if to_int(c.text)[0] is not None and not _is_text(c)
                          and ((c.cx < mid) == (k == 0))]
                if digits:
                    sc_cell = min(digits, key=lambda c: abs(c.cx - nc.cx))
                    score = to_int(sc_cell.text)[0]
            if sc_cell is not None:
                builder.put(f"teams[{k}].score", sc_cell)
            else:
                h = line.bottom - line.top
                box = (int(nc.cx - 2 * h), line.bottom + int(0.3 * h), int(nc.cx + 2 * h), line.bottom + int(3.2 * h))
                builder.fields[f"teams[{k}].score"] = FieldInfo("tesseract", 0.0, box)
            teams.append(TeamResult(_clean_name(nc.text), 1 if outcome[k] == "win" else 2, score, None))
        return teams, line
    return None


def _score_line(line: Line, allow_single: bool = False):
    """``NAME 3 : 1 NAME`` (separator optional, as OCR often drops it) at word level, or None."""
    words = []
    for w in line.words:  # split "3:1" and "Gen.G 3" style words into their parts
        m = re.fullmatch(r"(\d{1,3})\s*[:;\-–—|]\s*(\d{1,3})", w.text)
        if m:
            half = w.width // 2
            words += [Word(m.group(1), w.left, w.top, half, w.height, w.conf, w.engine),
                      Word(m.group(2), w.left + half, w.top, w.width - half, w.height, w.conf, w.engine)]
        else:
            words.append(w)

    def number(w):
        if w.text.isdigit() and len(w.text) <= 3:
            return int(w.text), 1.0
        if len(w.text) <= 2 and not has_hangul(w.text):
            value, factor = to_int(w.text)
            if value is not None and value < 100:
                return value, factor * 0.8
        return None

    seps = {":", ";", "-", "–", "—", "|", "vs", "VS"}
    for i in range(1, len(words) - 2):
        first = number(words[i])
        if first is None:
            continue
        j = i + 1
        if words[j].text in seps:
            j += 1
        if j >= len(words) - 1:
            continue
        second = number(words[j])
        if second is None:
            continue
        left = [w for w in words[:i] if w.text not in seps]
        right = [w for w in words[j + 1:] if w.text not in seps]
        if not left or not right:
            continue
        # names: the words next to the score, up to the first wide gap
        a = _adjacent(left[::-1], line.height)[::-1]
        b = _adjacent(right, line.height)
        if not any(ch.isalpha() for w in a for ch in w.text) or not any(ch.isalpha() for w in b for ch in w.text):
            continue
        return (Cell(a), a), (first[0], (words[i], first[1])), (second[0], (words[j], second[1])), (Cell(b), b)
    # one score unread: NAME 3 NAME with the number off-centre; the other sits mirrored
    for i in range(1, len(words) - 1 if allow_single else 1):
        first = number(words[i])
        if first is None:
            continue
        left, right = words[:i], words[i + 1:]
        a = _adjacent(left[::-1], line.height)[::-1]
        b = _adjacent(right, line.height)
        if not any(ch.isalpha() for w in a for ch in w.text) or not any(ch.isalpha() for w in b for ch in w.text):
            continue
        centre = (a[-1].right + b[0].left) / 2
        w = words[i]
        mirror = Word("", int(2 * centre - w.right), w.top, w.width, w.height, 0.0, w.engine)
        found = (first[0], (w, first[1]))
        missing = (None, (mirror, 0.0))
        pair = (found, missing) if w.cx < centre else (missing, found)
        return (Cell(a), a), pair[0], pair[1], (Cell(b), b)
    return None


def _adjacent(words: list[Word], height: float) -> list[Word]:
    out = [words[0]]
    for w in words[1:]:
        if min(abs(w.left - out[-1].right), abs(out[-1].left - w.right)) > 1.2 * height:
            break
        out.append(w)
    return out


def _team_for_group(group: TableGroup, teams: list[TeamResult], lines: list[Line], titles) -> str | None:
    from .names import similarity

    candidates = []
    for title, line in titles:
        if line.cy < group.header.cy and group.lo <= title.cx < group.hi:
            candidates.append((line.cy, title.text))
    for line in lines:
        if line.cy < group.header.cy:
            for c in line.cells_in(group.lo, group.hi):
                if _is_text(c):
                    candidates.append((line.cy, c.text))
    for _y, text in sorted(candidates, reverse=True):
        best = max(teams, key=lambda t: similarity(text, t.name))
        if similarity(text, best.name) >= 0.7:
            return best.name
    return None


def parse_words(words: list[Word], page_width: float | None = None) -> MatchRecord:
    """The match result in a page's words; raises InputError when there is none."""
    lines = group_lines(words)
    if not lines:
        raise InputError(NO_RESULT)
    width = page_width or max(w.right for w in words)
    builder = _Builder()
    header_lines = [l for l in lines if is_header(l)]
    groups: list[TableGroup] = []
    for hi, hl in enumerate(header_lines):
        nxt = header_lines[hi + 1].cy if hi + 1 < len(header_lines) else 1e12
        for g in split_groups(hl, width, [l for l in lines if hl.cy < l.cy < nxt]):
            g.rows = [l for l in lines if hl.cy < l.cy < nxt]
            groups.append(g)
    roles = set().union(*(g.roles for g in groups)) if groups else set()
    first_header_y = header_lines[0].cy if header_lines else 1e12
    above = [l for l in lines if l.cy < first_header_y]
    header = _versus_header(above, builder)
    if roles & {"player", "deaths", "assists", "kda"} or (header and not roles & {"rank", "points"}):
        kind = "versus"
    elif groups:
        kind = "ranking"
    else:
        raise InputError(NO_RESULT)

    for g in groups:
        g.infer_missing(kind)
        _columns_from_rows(g, kind)
        _fill_missing_rows(g)
    rows: list = []
    titles: list = []
    group_of_row = []
    for g in groups:
        before = len(rows)
        _parse_table(g, builder, kind, rows, titles)
        group_of_row += [g] * (len(rows) - before)
    if kind == "ranking":
        return _build_ranking(rows, builder)
    return _build_versus(header, rows, group_of_row, groups, lines, titles, builder)


def _num(builder, key, row, role, col_of, parse=to_int):
    cell = row["values"].get(role)
    if cell is None:
        builder.fields[key] = FieldInfo("tesseract", 0.0, _missing_box(col_of.get(role), row["line"]))
        return None
    value, factor = parse(cell.text)
    builder.put(key, cell, factor if value is not None else 0.0)
    if value is None:
        builder.fields[key].box = _missing_box(col_of.get(role), row["line"]) or cell.box
    return value


def _put_name(builder: _Builder, key: str, row) -> None:
    if row["name"] is not None:
        builder.put(key, row["name"])
    else:
        builder.fields[key] = FieldInfo("tesseract", 0.0, row.get("name_box"))


def _build_ranking(rows, builder: _Builder) -> MatchRecord:
    if not rows:
        raise InputError(NO_RESULT)
    teams = []
    for i, (row, col_of) in enumerate(rows):
        key = f"teams[{i}]"
        _put_name(builder, f"{key}.name", row)
        rank = None
        if "rank" in row["values"]:
            rank = _num(builder, f"{key}.placement", row, "rank", col_of, parse_rank)
        else:
            for c in row["loose"]:
                if row["name"] is not None and c is not row["name"] and c.right <= row["name"].left + 2:
                    value, factor = parse_rank(c.text)
                    if value is not None:
                        rank = value
                        builder.put(f"{key}.placement", c, factor)
            if rank is None and "rank" in col_of:
                builder.fields[f"{key}.placement"] = FieldInfo("tesseract", 0.0, _missing_box(col_of["rank"], row["line"]))
        kills = _num(builder, f"{key}.kills", row, "kills", col_of) if "kills" in col_of else None
        points = _num(builder, f"{key}.score", row, "points", col_of) if "points" in col_of else None
        teams.append(TeamResult(_clean_name(row["name"].text) if row["name"] else "", rank, points, kills))
    _repair_ranks(teams, builder)
    if all(t.placement is None for t in teams):  # no rank column: the order is the ranking
        for i, t in enumerate(teams):
            t.placement = i + 1
            builder.fields[f"teams[{i}].placement"] = FieldInfo("layout", 0.9, None)
    return MatchRecord("ranking", teams, [], fields=builder.fields)


def repair_ranks(record: MatchRecord) -> None:
    """:func:`_repair_ranks` on a finished record (after the fallback re-read some ranks)."""
    if record.format == "ranking":
        b = _Builder()
        b.fields = record.fields
        _repair_ranks(record.teams, b)


def _repair_ranks(teams: list[TeamResult], builder: _Builder) -> None:
    """Placements run 1, 2, 3… down the table: when most rows agree with their position, a rank
    that breaks the run but starts with the expected number ("691" for "6위") or is missing is the
    expected one."""
    if not teams:
        return
    agree = sum(t.placement == i + 1 for i, t in enumerate(teams))
    if agree < 0.6 * len(teams):
        return
    for i, t in enumerate(teams):
        expected = i + 1
        if t.placement == expected:
            continue
        if t.placement is None or (str(t.placement).startswith(str(expected)) and t.placement > expected):
            t.placement = expected
            info = builder.fields.get(f"teams[{i}].placement")
            if info is not None:
                info.confidence = max(info.confidence, 0.85) * 0.95
            else:
                builder.fields[f"teams[{i}].placement"] = FieldInfo("layout", 0.8, None)


def _build_versus(header, rows, group_of_row, groups, lines, titles, builder: _Builder) -> MatchRecord:
    if header is not None:
        teams, _ = header
    else:
        teams = []
    players = []
    group_team = {}
    for g in groups:
        if teams:
            group_team[id(g)] = _team_for_group(g, teams, lines, titles)
    distinct_groups = []
    for g in group_of_row:
        if id(g) not in [id(x) for x in distinct_groups]:
            distinct_groups.append(g)
    for i, ((row, col_of), g) in enumerate(zip(rows, group_of_row)):
        key = f"players[{i}]"
        _put_name(builder, f"{key}.nickname", row)
        team = None
        if "team" in row["values"]:
            team = _clean_name(row["values"]["team"].text)
            builder.put(f"{key}.team", row["values"]["team"])
        elif row["title"] is not None:
            team = _clean_name(row["title"].text)
            builder.put(f"{key}.team", row["title"])
        elif group_team.get(id(g)):
            team = group_team[id(g)]
            builder.fields[f"{key}.team"] = FieldInfo("layout", 0.9, None)
        if "kda" in col_of and "kda" in row["values"]:
            cell = row["values"]["kda"]
            parts = [p for p in re.split(r"[/\\|l]", cell.text.replace(" ", "")) if p]
            vals = [to_int(p) for p in parts]
            if len(vals) == 3 and all(v[0] is not None for v in vals):
                k, d, a = (v[0] for v in vals)
                f = min(v[1] for v in vals)
                for name in ("kills", "deaths", "assists"):
                    builder.put(f"{key}.{name}", cell, f)
            else:
                k = d = a = None
                for name in ("kills", "deaths", "assists"):
                    builder.fields[f"{key}.{name}"] = FieldInfo("tesseract", 0.0, cell.box)
        else:
            k = _num(builder, f"{key}.kills", row, "kills", col_of) if "kills" in col_of else None
            d = _num(builder, f"{key}.deaths", row, "deaths", col_of) if "deaths" in col_of else None
            a = _num(builder, f"{key}.assists", row, "assists", col_of) if "assists" in col_of else None
        players.append(PlayerResult(_clean_name(row["name"].text) if row["name"] else "", team, k, d, a))
    if not teams:
        names = []
        for p in players:
            if p.team and p.team not in names:
                names.append(p.team)
        if len(names) >= 2:
            teams = [TeamResult(n) for n in names[:2]]
        elif not players:
            raise InputError(NO_RESULT)
    # players without a team: two groups → left/right, one group → first/second half
    if teams and any(p.team is None for p in players):
        for i, (p, g) in enumerate(zip(players, group_of_row)):
            if p.team is None:
                if len(distinct_groups) >= 2:
                    side = 0 if id(g) == id(distinct_groups[0]) else 1
                else:
                    side = 0 if i < (len(players) + 1) // 2 else 1
                p.team = teams[min(side, len(teams) - 1)].name
                builder.fields[f"players[{i}].team"] = FieldInfo("layout", 0.8, None)
    _placements(teams, builder)
    return MatchRecord("versus", teams, players, fields=builder.fields)


def derive_placements(record: MatchRecord) -> None:
    """Versus placements from the scores, unless a banner gave them (call again after a re-read)."""
    derived = [record.fields.get(f"teams[{i}].placement") for i in range(len(record.teams))]
    if record.format != "versus" or len(record.teams) != 2:
        return
    if all(info is not None and info.engine != "derived" for info in derived):
        return
    for t in record.teams:
        t.placement = None
    b = _Builder()
    b.fields = record.fields
    _placements(record.teams, b)


def _placements(teams: list[TeamResult], builder: _Builder) -> None:
    if len(teams) != 2 or any(t.placement for t in teams):
        return
    a, b = teams
    if a.score is not None and b.score is not None and a.score != b.score:
        a.placement, b.placement = (1, 2) if a.score > b.score else (2, 1)
        conf = min(builder.fields.get(f"teams[{i}].score", FieldInfo()).confidence for i in range(2))
        for i in range(2):
            builder.fields[f"teams[{i}].placement"] = FieldInfo("derived", conf, None)
