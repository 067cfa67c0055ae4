"""Table reconstruction from text boxes, without assuming a layout (a pure function, testable on boxes).

``parse_boxes(words)`` turns the boxes a text detector found (one box per word or phrase, with its
text, confidence and optionally its background and ink colours) into a MatchRecord:

1. tokens: each box's text is split into names, integers (``12,188`` too), ``+N`` gains, ``#N`` ranks,
   decimals and times; a cell holding several numbers (``22 / 3 / 7``, ``8 12 18``) gives one token
   per number, placed along the box by character offset;
2. rows by vertical overlap; name columns by horizontal overlap of the names of rows that hold
   numbers; several name columns split the screen into panels (left/right halves, two-column
   rankings) at the corridor that leaves both sides with as many cells as each other;
3. per panel, blocks of consecutive data rows (a wide vertical gap starts a new block), value columns
   aligned across the rows, roles from header words when there are any (``KDA``, ``Kills``, ``Rank``
   …) and otherwise from the content (a K/D/A triple of small integers, a rank run 1..N, points as
   the right-most plain integer column of a ranking);
4. teams from panels, blocks or row colours (``team_index``; names stay null when the screen prints
   none), the winner and the teams' scores or kills from a VICTORY/DEFEAT/승리/패배 banner and the
   numbers beside it.
"""
from __future__ import annotations

import dataclasses
import re
import statistics

from kernel.errors import InputError

from .engines import Word
from .layout import DEFEAT_WORDS, ROLE_WORDS, VICTORY_WORDS, norm_word, role_of
from matchdata.record import FieldInfo, MatchRecord, PlayerResult, TeamResult

NO_RESULT = "No match result was found in the picture; please upload a screenshot of a result screen."
_SLASHED = re.compile(r"^[\d\s/|\\]+$")
_PIECE = re.compile(r"\S+")
_TIME = re.compile(r"^(\d{1,3}[hm])?\d{1,2}s$|^\d{1,2}:\d{2}(:\d{2})?$|^\d{1,3}m$", re.I)
_RANK = re.compile(r"^(#|no\.?)(\d{1,3})$|^(\d{1,3})(st|nd|rd|th|위|등)$", re.I)
_INT = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_DEC = re.compile(r"^\d+[.,]\d+$")
_PLUS = re.compile(r"^[+＋]\d+$")
VALUE_KINDS = ("num", "rank", "plus", "dec", "time")
KILLS_MAX = 60
_PUNCT = re.compile(r"[\W_]+")
"""A ranking's unlabelled column of integers all at most this is its teams' kills (when it is the only one)."""
BANNER_WORDS = VICTORY_WORDS | DEFEAT_WORDS | {"vitória", "vitoria", "derrota", "victoire", "défaite", "sieg",
                                               "niederlage", "victoria", "승리!", "패배!"}
_NAME_STRIP = " ,;·•♂♀⚥"
_ROLE_KEYS = frozenset(w for words in ROLE_WORDS.values() for w in words)


def _is_label(text: str) -> bool:
    """A column label exactly as the header vocabulary spells it ("Kills", "사망", "Nickname")."""
    return norm_word(text) in _ROLE_KEYS


def _is_header(row: "Row") -> bool:
    """A line of column labels (with perhaps an icon read as a number): two labels or more, and labels
    for most of its words. A player called "Player" does not make his row a header."""
    texts = [t for t in row.toks if t.kind == "text"]
    labels = sum(1 for t in texts if _is_label(t.text))
    return labels >= 2 and labels * 2 >= len(texts) and labels >= sum(1 for t in row.toks if t.kind != "text")


@dataclasses.dataclass
class Tok:
    """One name or value read from a box."""

    kind: str                # text | num | rank | plus | dec | time
    text: str
    value: int | None
    left: float
    top: float
    right: float
    bottom: float
    conf: float
    engine: str
    color: tuple | None = None
    ink: tuple | None = None
    slash: bool = False      # one of several numbers of an "a / b / c" cell

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def h(self) -> float:
        return max(1.0, self.bottom - self.top)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (int(self.left), int(self.top), int(self.right), int(self.bottom))


def _classify(piece: str) -> tuple[str, int | None]:
    p = piece.strip()
    if _INT.match(p):
        return "num", int(p.replace(",", ""))
    m = _RANK.match(p)
    if m:
        return "rank", int(m.group(2) or m.group(3))
    if _PLUS.match(p):
        return "plus", int(p[1:])
    if _DEC.match(p) or re.match(r"^\d+([.,]\d+)?[kKmM%]$", p):
        return "dec", None
    if _TIME.match(p):
        return "time", None
    if sum(ch.isalpha() for ch in p):
        return "text", None
    return "junk", None


def tokens_of(word: Word) -> list[Tok]:
    """The tokens of one box: a slashed or spaced run of numbers gives one token per number."""
    text = (word.text or "").strip()
    if not text:
        return []
    text = re.sub(r"([+＋])\s+(?=\d)", r"\1", text)
    n = max(1, len(text))
    span = max(1.0, word.width)

    def at(a: int, b: int, kind: str, value, piece: str, slash=False) -> Tok:
        return Tok(kind, piece, value, word.left + span * a / n, word.top, word.left + span * b / n, word.bottom,
                   word.conf, word.engine, word.color, word.ink, slash)

    if "/" in text and _SLASHED.match(text):
        nums = list(re.finditer(r"\d+", text))
        return [at(m.start(), m.end(), "num", int(m.group()), m.group(), slash=len(nums) >= 3) for m in nums]
    out: list[Tok] = []
    for m in _PIECE.finditer(text):
        kind, value = _classify(m.group())
        if kind == "junk":
            continue
        if kind == "text" and out and out[-1].kind == "text":
            prev = out.pop()  # consecutive words of one name stay together, as printed
            start = int(round((prev.left - word.left) * n / span))
            out.append(at(start, m.end(), "text", None, text[start:m.end()]))
            continue
        out.append(at(m.start(), m.end(), kind, value, m.group()))
    return out


@dataclasses.dataclass
class Row:
    toks: list[Tok]

    @property
    def top(self) -> float:
        return statistics.median(t.top for t in self.toks)

    @property
    def bottom(self) -> float:
        return statistics.median(t.bottom for t in self.toks)

    @property
    def cy(self) -> float:
        return statistics.median(t.cy for t in self.toks)


def group_rows(toks: list[Tok]) -> list[Row]:
    """Tokens into rows by vertical overlap, top to bottom, each row's tokens left to right."""
    rows: list[Row] = []
    for t in sorted(toks, key=lambda t: t.cy):
        best, best_ov = None, 0.0
        for r in rows[-3:]:
            ov = min(t.bottom, r.bottom) - max(t.top, r.top)
            frac = ov / min(t.h, r.bottom - r.top or 1)
            if frac > best_ov:
                best, best_ov = r, frac
        if best is not None and best_ov >= 0.45:
            best.toks.append(t)
        else:
            rows.append(Row([t]))
    for r in rows:
        r.toks.sort(key=lambda t: t.left)
    return rows


def _merge_text(row: Row) -> None:
    """Neighbouring text tokens of a row closer than a letter height are one name ("TCQ" + "argonautas2")."""
    out: list[Tok] = []
    for t in row.toks:
        if out and t.kind == "text" and out[-1].kind == "text" and t.left - out[-1].right < 0.8 * max(t.h, out[-1].h) \
                and not (role_of(t.text) and role_of(out[-1].text)):  # two column labels stay two
            p = out.pop()
            out.append(dataclasses.replace(p, text=f"{p.text} {t.text}", right=max(p.right, t.right),
                                           top=min(p.top, t.top), bottom=max(p.bottom, t.bottom),
                                           conf=min(p.conf, t.conf)))
        else:
            out.append(t)
    row.toks = out


def _is_name(t: Tok) -> bool:
    if t.kind != "text":
        return False
    letters = sum(ch.isalpha() for ch in t.text)
    if letters < 2 and not (letters == 1 and len(t.text.strip()) >= 2):
        return False
    return norm_word(t.text) not in BANNER_WORDS


def _intervals(items: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """Overlapping intervals merged: (lo, hi, count)."""
    out: list[list] = []
    for lo, hi in sorted(items):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
            out[-1][2] += 1
        else:
            out.append([lo, hi, 1])
    return [tuple(x) for x in out]


def _split_panels(rows: list[Row], cols: list[tuple[float, float, int]], width: float) -> list[tuple[float, float]]:
    """x-ranges of side-by-side panels: one per name column, cut where both sides keep equal cell counts."""
    bounds = [0.0]
    for k, ((a_lo, a_hi, _), (b_lo, b_hi, _)) in enumerate(zip(cols, cols[1:])):
        lo_edge, hi_edge = bounds[-1], (cols[k + 2][0] if k + 2 < len(cols) else width)
        both = [r for r in rows if any(_is_name(t) and a_lo <= t.cx <= a_hi for t in r.toks)
                and any(_is_name(t) and b_lo <= t.cx <= b_hi for t in r.toks)]
        edges = sorted({e for r in both for t in r.toks if a_hi <= t.left <= b_lo or a_hi <= t.right <= b_lo
                        for e in (t.left, t.right)} | {a_hi, b_lo})
        best, best_key = (a_hi + b_lo) / 2, None
        for x0, x1 in zip(edges, edges[1:]):
            x = (x0 + x1) / 2
            crossing = sum(1 for r in both for t in r.toks if t.left < x < t.right)
            if crossing:
                continue
            cost = sum(abs(sum(1 for t in r.toks if lo_edge <= t.cx < x) - sum(1 for t in r.toks if x <= t.cx <= hi_edge))
                       for r in both)
            gap = min((min(abs(t.left - x), abs(t.right - x)) for r in both for t in r.toks), default=0.0)
            key = (cost, -gap)
            if best_key is None or key < best_key:
                best, best_key = x, key
        bounds.append(best)
    bounds.append(width + 1)
    return list(zip(bounds, bounds[1:]))


@dataclasses.dataclass
class Table:
    """A block of data rows in one panel, with value columns and their roles."""

    rows: list[Row]
    names: list[Tok]
    cells: list[dict[int, Tok]]          # per row: column index -> token
    centers: list[float]
    roles: dict[int, str]
    header: bool = False
    panel: int = 0
    boxes: list[tuple[float, float]] = dataclasses.field(default_factory=list)
    team_names: list[str | None] = dataclasses.field(default_factory=list)
    """Per row, the team printed in a team column (None when there is none)."""

    def value(self, i: int, role: str) -> Tok | None:
        for c, r in self.roles.items():
            if r == role:
                return self.cells[i].get(c)
        return None

    def column(self, role: str) -> int | None:
        return next((c for c, r in self.roles.items() if r == role), None)


def _align(values: list[list[Tok]]) -> tuple[list[float], list[dict[int, Tok]]]:
    """Column centres from the rows with the most common number of values; every row's values
    assigned to the nearest centre, in order."""
    counts = [len(v) for v in values if v]
    if not counts:
        return [], [{} for _ in values]
    mode = max(sorted(set(counts), reverse=True), key=counts.count)
    template = [v for v in values if len(v) == mode]
    centers = [statistics.median(v[k].cx for v in template) for k in range(mode)]
    spacing = min((b - a for a, b in zip(centers, centers[1:])), default=100.0)
    out = []
    for v in values:
        cells: dict[int, Tok] = {}
        for t in v:
            k = min(range(len(centers)), key=lambda c: abs(centers[c] - t.cx))
            if abs(centers[k] - t.cx) > max(0.75 * spacing, 1.5 * t.h) and len(v) != mode:
                continue
            if k not in cells or abs(centers[k] - t.cx) < abs(centers[k] - cells[k].cx):
                cells[k] = t
        out.append(cells)
    return centers, out


def _is_team_column(texts: list[str]) -> bool:
    """A column of a few names each repeated on several rows is the players' team, not their names."""
    keys = [norm_word(x) for x in _same_spelling(texts)]
    return len(keys) >= 4 and len(set(keys)) <= max(2, len(keys) // 3)


def _kda_triple(table: Table, ncol: int) -> tuple[int, int, int] | None:
    """Three adjacent columns of small integers (slashed cells first), K, D, A in that order; columns
    holding no integer at all (a time, a rating, a gold "12.3k") between them do not break the run."""
    def ok(c, slashed):
        vals = [cells.get(c) for cells in table.cells]
        present = [t for t in vals if t is not None]
        if len(present) < 0.6 * len(vals) or any(t.kind != "num" for t in present):
            return False
        if slashed and not all(t.slash for t in present):
            return False
        return sum(t.value <= 60 for t in present) >= 0.85 * len(present)

    def no_integers(c):
        return c not in table.roles and not any(c in cells and cells[c].kind == "num" for cells in table.cells)

    for slashed in (True, False):
        for c in range(ncol - 2):
            if all(c + k not in table.roles and ok(c + k, slashed) for k in range(3)):
                return c, c + 1, c + 2
    run: list[int] = []
    for c in range(ncol):
        if c not in table.roles and ok(c, False):
            run.append(c)
            if len(run) == 3:
                return run[0], run[1], run[2]
        elif not no_integers(c):
            run = []
    return None


def _complete_kda(table: Table, ncol: int) -> None:
    """Two of kills, deaths and assists labelled (the third's label unread or an icon): the unlabelled
    column of numbers where the order K, D, A puts the third is the third."""
    stats = ("kills", "deaths", "assists")
    have = {r: c for c, r in table.roles.items() if r in stats}
    if len(have) != 2:
        return
    (missing,) = [r for r in stats if r not in have]
    if missing == "kills" and have["assists"] == have["deaths"] + 1:
        c = have["deaths"] - 1
    elif missing == "deaths" and have["assists"] == have["kills"] + 2:
        c = have["kills"] + 1
    elif missing == "assists" and have["deaths"] == have["kills"] + 1:
        c = have["deaths"] + 1
    else:
        return
    if not 0 <= c < ncol or c in table.roles:
        return
    present = [cells[c] for cells in table.cells if c in cells]
    if len(present) >= 0.6 * len(table.cells) and all(t.kind == "num" for t in present):
        table.roles[c] = missing


def _rank_column(table: Table, ncol: int) -> int | None:
    for c in range(ncol):
        toks = [cells.get(c) for cells in table.cells]
        present = [t for t in toks if t is not None]
        if len(present) < max(2, 0.6 * len(toks)) or any(t.slash for t in present):
            continue
        if sum(t.kind == "rank" for t in present) >= 0.6 * len(present):
            return c
        vals = [t.value if t is not None and t.kind == "num" else None for t in toks]
        pairs = [(a, b) for a, b in zip(vals, vals[1:]) if a is not None and b is not None]
        if len(pairs) >= 2 and sum(b == a + 1 for a, b in pairs) >= 0.6 * len(pairs):
            return c
    return None


def _label_words(toks: list[Tok]) -> list[Tok]:
    """Header tokens, a token of several words that is no label as a whole cut into its words (placed
    along it by character offset) when each of them is one."""
    out = []
    for t in toks:
        pieces = list(_PIECE.finditer(t.text))
        if t.kind == "text" and len(pieces) > 1 and role_of(t.text) is None and all(role_of(m.group()) for m in pieces):
            n, span = max(1, len(t.text)), t.right - t.left
            out += [dataclasses.replace(t, text=m.group(), left=t.left + span * m.start() / n,
                                        right=t.left + span * m.end() / n) for m in pieces]
        else:
            out.append(t)
    return out


def _header_roles(header: Row | None, centers: list[float]) -> dict[int, str]:
    roles: dict[int, str] = {}
    if header is None or not centers:
        return roles
    spacing = min((b - a for a, b in zip(centers, centers[1:])), default=200.0)
    found = [(t, role_of(t.text)) for t in _label_words(header.toks)]
    found = [(t, r) for t, r in found if r is not None]
    if len(found) == 1 and len(norm_word(found[0][0].text)) == 1:
        return roles  # one letter alone is more likely an icon read as a letter than a "K" column
    for t, role in found:
        if role in ("player", "team"):
            continue
        if role == "kda" and len(centers) >= 3:
            start = min(range(len(centers) - 2), key=lambda c: abs(centers[c + 1] - t.cx))
            if abs(centers[start + 1] - t.cx) < max(spacing, t.right - t.left):
                roles.update({start: "kills", start + 1: "deaths", start + 2: "assists"})
            continue
        k = min(range(len(centers)), key=lambda c: abs(centers[c] - t.cx))
        if abs(centers[k] - t.cx) < max(0.6 * spacing, (t.right - t.left) / 2 + t.h) and k not in roles:
            roles[k] = {"points": "points", "rank": "rank"}.get(role, role)
    return roles


def build_tables(rows: list[Row], width: float) -> list[Table]:
    """Data tables: blocks of rows that hold a name and at least one integer, per panel."""
    data_rows = [r for r in rows if any(_is_name(t) for t in r.toks) and any(t.kind in ("num", "rank") for t in r.toks)
                 and not _is_header(r)]
    names = [t for r in data_rows for t in r.toks if _is_name(t)]
    cols = [c for c in _intervals([(t.left, t.right) for t in names]) if c[2] >= 2]
    team_cols = [c for c in cols if _is_team_column([t.text for t in names if c[0] <= t.cx <= c[1]])]
    if len(team_cols) < len(cols):
        cols = [c for c in cols if c not in team_cols]
    else:
        team_cols = []
    if not cols:
        return []
    panels = _split_panels(data_rows, cols, width)
    tables: list[Table] = []
    for pi, (lo, hi) in enumerate(panels):
        col = next((c for c in cols if lo <= (c[0] + c[1]) / 2 < hi), None)
        if col is None:
            continue
        prow: list[tuple[Row, Tok, list[Tok]]] = []
        breaks: set[int] = set()
        for r in rows:
            inside = [t for t in r.toks if lo <= t.cx < hi]
            if inside and (sum(1 for t in inside if t.kind == "text" and role_of(t.text)) >= 2 and not any(
                    t.kind in ("num", "rank") for t in inside) or _is_header(Row(inside))):
                breaks.add(len(prow))  # a header line: what is above it is another table (or a title)
                continue
            name = next((t for t in inside if _is_name(t) and col[0] <= t.cx <= col[1]), None)
            vals = [t for t in inside if t.kind in VALUE_KINDS]
            if name is not None:
                team = next((t for t in inside if t.kind == "text" and any(c[0] <= t.cx <= c[1] for c in team_cols)), None)
                prow.append((r, name, vals, team))
        if not prow:
            continue
        pitch = statistics.median([b[0].cy - a[0].cy for a, b in zip(prow, prow[1:])] or [prow[0][1].h * 2])
        blocks = [[prow[0]]]
        for k, (prev, cur) in enumerate(zip(prow, prow[1:]), start=1):
            if cur[0].cy - prev[0].cy > 1.8 * pitch or k in breaks:
                blocks.append([])
            blocks[-1].append(cur)
        for block in blocks:
            while block and not any(t.kind in ("num", "rank") for t in block[0][2]):
                block.pop(0)  # titles above the table
            while block and not any(t.kind in ("num", "rank") for t in block[-1][2]):
                block.pop()
        for block in blocks:
            if sum(1 for _, _, v, _ in block if any(t.kind in ("num", "rank") for t in v)) < 2 or (
                    len(block) == 2 and block[1][0].cy - block[0][0].cy > 1.3 * pitch):
                continue  # a lone line with a number (a date, a title) is not a table
            centers, cells = _align([b[2] for b in block])
            table = Table([b[0] for b in block], [b[1] for b in block], cells, centers, {}, panel=pi,
                          boxes=[(lo, hi)], team_names=[_clean(b[3].text) if b[3] is not None else None for b in block])
            first = block[0][0]
            above = [r for r in rows if first.cy - 3 * pitch < r.cy < first.cy - 0.4 * pitch
                     and any(lo <= t.cx < hi for t in r.toks)]
            for r in reversed(above):
                sub = Row([t for t in r.toks if lo <= t.cx < hi])
                roles = _header_roles(sub, centers)
                if roles or any(role_of(t.text) for t in sub.toks):
                    table.roles, table.header = roles, True
                    break
            ncol = len(centers)
            if "rank" not in table.roles.values():
                rc = _rank_column(table, ncol)
                if rc is not None and rc not in table.roles:
                    table.roles[rc] = "rank"
            _complete_kda(table, ncol)
            if not {"kills", "deaths", "assists"} <= set(table.roles.values()):
                triple = _kda_triple(table, ncol)
                if triple is not None:
                    table.roles.update(zip(triple, ("kills", "deaths", "assists")))
            tables.append(table)
    return tables


# ---- teams, banner ------------------------------------------------------------------------------------------


def _dist(a, b) -> float:
    return sum((float(x) - float(y)) ** 2 for x, y in zip(a, b)) ** 0.5


def colour_teams(colors: list[tuple | None]) -> list[int] | None:
    """Rows told apart by background colour: two balanced groups (a highlighted row joins the smaller
    side), group 0 being the first row's; None when the colours do not separate."""
    if len(colors) < 4 or any(c is None for c in colors):
        return None
    a, b = max(((i, j) for i in range(len(colors)) for j in range(i + 1, len(colors))),
               key=lambda ij: _dist(colors[ij[0]], colors[ij[1]]))
    ca, cb = colors[a], colors[b]
    for _ in range(8):
        lab = [0 if _dist(c, ca) <= _dist(c, cb) else 1 for c in colors]
        ga = [c for c, l in zip(colors, lab) if l == 0]
        gb = [c for c, l in zip(colors, lab) if l == 1]
        if not ga or not gb:
            return None
        ca = tuple(statistics.fmean(x[k] for x in ga) for k in range(3))
        cb = tuple(statistics.fmean(x[k] for x in gb) for k in range(3))
    spread = statistics.fmean(min(_dist(c, ca), _dist(c, cb)) for c in colors)
    if _dist(ca, cb) < max(40.0, 2.5 * spread):
        return None
    n = len(colors)
    if n % 2 == 0:  # versus sides are the same size: move the rows that fit their group worst
        while lab.count(0) != lab.count(1):
            big = 0 if lab.count(0) > lab.count(1) else 1
            centre, other = (ca, cb) if big == 0 else (cb, ca)
            worst = max((i for i in range(n) if lab[i] == big),
                        key=lambda i: _dist(colors[i], centre) - _dist(colors[i], other))
            lab[worst] = 1 - big
    if lab[0] == 1:
        lab = [1 - x for x in lab]
    return lab


def find_banner(toks: list[Tok]) -> tuple[str | None, Tok | None, Tok | None, Tok | None]:
    """('win'|'loss'|None, banner token, number left of it, number right of it)."""
    for t in toks:
        if t.kind != "text":
            continue
        words = {norm_word(w) for w in t.text.split()}
        outcome = "win" if words & (VICTORY_WORDS | {"vitória", "vitoria", "victoire", "victoria", "sieg"}) else \
            "loss" if words & (DEFEAT_WORDS | {"derrota", "défaite", "niederlage"}) else None
        if outcome is None or t.h < 10:
            continue
        line = [u for u in toks if u.kind == "num" and min(u.bottom, t.bottom) - max(u.top, t.top) > 0.4 * min(u.h, t.h)
                and u.h >= 0.5 * t.h]
        left = max((u for u in line if u.cx < t.left and u.right < t.cx), key=lambda u: u.right, default=None)
        right = min((u for u in line if u.cx > t.right and u.left > t.cx), key=lambda u: u.left, default=None)
        if left is not None and t.left - left.right > 4 * t.h:
            left = None
        if right is not None and right.left - t.right > 4 * t.h:
            right = None
        return outcome, t, left, right
    return None, None, None, None


def _clean(text: str) -> str:
    return text.strip(_NAME_STRIP).strip()


def _banner_tokens(words: list[Word]) -> list[Tok]:
    """Tokens of boxes, with a box like "13 VICTORY 6" cut into its number, word and number."""
    out = []
    for w in words:
        out += tokens_of(w)
    return out


def parse_boxes(words: list[Word], page_width: float | None = None, page_height: float | None = None) -> MatchRecord:
    """The match result in a screen's text boxes; raises InputError when there is none."""
    toks = _banner_tokens(words)
    if not toks:
        raise InputError(NO_RESULT)
    width = page_width or max(t.right for t in toks)
    heights = [t.h for t in toks if t.kind in ("text", "num")]
    typical = statistics.median(heights) if heights else 20.0
    small = [t for t in toks if t.h <= 2.2 * typical]
    rows = group_rows(small)
    for r in rows:
        _merge_text(r)
    tables = build_tables(rows, width)
    outcome, banner, left_num, right_num = find_banner(toks)
    fields: dict[str, FieldInfo] = {}
    has_kda = any({"kills", "deaths", "assists"} <= set(t.roles.values()) for t in tables)
    has_rank = any("rank" in t.roles.values() for t in tables)
    panels = sorted({t.panel for t in tables})
    player_stats = any({"deaths", "assists"} & set(t.roles.values()) for t in tables)
    if outcome or (has_kda and not has_rank) or (len(panels) == 2 and not has_rank and tables) or player_stats:
        fmt = "versus"
    elif tables:
        fmt = "ranking"
    elif any(t.slash for t in toks):
        fmt = "versus"
    else:
        raise InputError(NO_RESULT)
    if fmt == "ranking":
        return _ranking(tables, fields)
    used = {id(r) for t in tables for r in t.rows}
    top = min((t.rows[0].cy for t in tables), default=None)
    above = [r for r in rows if id(r) not in used and (top is None or r.cy < top)]
    record = _versus(tables, outcome, left_num, right_num, fields,
                     _score_line(above) or _banner_names(above, toks), banner)
    if record.teams[0].name is None and record.teams[1].name is None:
        _side_titles(record, tables, rows, used)
    return record


def _score_line(rows: list[Row]):
    """A header naming both teams around their scores above the tables: "T1 3 : 1 Gen.G" (name, number,
    number, name), also with a score the detector missed ("T1 3 Gen.G", "T1 Gen.G" with the names a few
    letter heights apart). Returns ((name, score token or None, box to read it again), same for the
    second team) or None."""
    for r in rows:
        toks = [t for t in r.toks if t.kind in ("text", "num")]
        names = [t for t in toks if t.kind == "text"]
        nums = [t for t in toks if t.kind == "num"]
        if len(names) != 2 or not all(_is_name(t) for t in names) or len(nums) > 2 or any(n.value > 99 for n in nums):
            continue
        a, b = names
        if not all(a.right <= n.cx <= b.left for n in nums):
            continue
        h = max(a.h, b.h)
        if len(nums) < 2 and b.left - a.right > 10 * h:
            continue  # two titles at both ends of a line, not a score header
        mid = (a.right + b.left) / 2
        sa = next((n for n in nums if n.cx < mid), None)
        sb = next((n for n in reversed(nums) if n.cx >= mid), None)
        top, bottom = min(a.top, b.top), max(a.bottom, b.bottom)
        box_a = (a.right + 0.2 * h, top, mid - 0.3 * h, bottom)
        box_b = (mid + 0.3 * h, top, b.left - 0.2 * h, bottom)
        return (a, sa, box_a), (b, sb, box_b)
    return None


def _banner_names(rows: list[Row], toks: list[Tok]):
    """Both teams' names printed above a VICTORY/DEFEAT word each (and their scores below it):
    ((name, score or None, None), (name, score or None, None)) left to right, or None."""
    banners = [t for t in toks if t.kind == "text" and norm_word(t.text) in BANNER_WORDS]
    for r in rows:
        names = [t for t in r.toks if _is_name(t)]
        if len(names) != 2 or len(r.toks) > 4:
            continue
        out = []
        for nm in names:
            below = [b for b in banners if 0 < b.top - nm.bottom < 2.5 * nm.h and b.left < nm.cx < b.right
                     or 0 < b.top - nm.bottom < 2.5 * nm.h and nm.left < b.cx < nm.right]
            if not below:
                break
            word = below[0]
            score = min((t for t in toks if t.kind == "num" and t.value <= 99 and 0 < t.top - word.bottom < 2.5 * word.h
                         and (word.left < t.cx < word.right or nm.left < t.cx < nm.right)),
                        key=lambda t: t.top, default=None)
            out.append((nm, score, None))
        if len(out) == 2:
            return tuple(out)
    return None


def _side_titles(record: MatchRecord, tables: list[Table], rows: list[Row], used: set[int]) -> None:
    """Teams still unnamed: a line holding one name just above a side's first table (above its header),
    within that table's columns, names the side ("G2 Esports" over its players)."""
    fields = record.fields
    for j in (0, 1):
        firsts = sorted((t for t in tables if _side_of(record, t) == j), key=lambda t: t.rows[0].cy)
        if not firsts:
            continue
        table = firsts[0]
        lo, hi = table.boxes[0] if table.boxes else (0.0, float("inf"))
        first = table.rows[0]
        pitch = statistics.median([b.cy - a.cy for a, b in zip(table.rows, table.rows[1:])] or [2 * first.bottom - 2 * first.top])
        for r in sorted((r for r in rows if id(r) not in used and first.cy - 4 * pitch < r.cy < first.cy - 0.4 * pitch),
                        key=lambda r: -r.cy):
            inside = [t for t in r.toks if lo <= t.cx < hi]
            if not inside or any(t.kind == "text" and role_of(t.text) for t in inside):
                continue  # the table's header line
            names = [t for t in inside if _is_name(t)]
            texts = [t for t in inside if t.kind == "text" and norm_word(t.text) not in BANNER_WORDS]
            if len(names) == 1 and len(texts) == 1:
                name = names[0]
                record.teams[j].name = _clean(name.text)
                fields[f"teams[{j}].name"] = FieldInfo(name.engine, float(name.conf), name.box)
            break
    for p in record.players:
        if p.team_index is not None:
            p.team = record.teams[p.team_index].name


def _side_of(record: MatchRecord, table: Table) -> int | None:
    """The side (team_index) of a table's players."""
    boxes = {n.box for n in table.names}
    for k, p in enumerate(record.players):
        info = record.fields.get(f"players[{k}].nickname")
        if info is not None and info.box in boxes:
            return p.team_index
    return None


def _put(fields, key, tok: Tok | None, table: Table | None = None, row: int | None = None, col: int | None = None):
    if tok is not None:
        fields[key] = FieldInfo(tok.engine, float(tok.conf), tok.box)
    elif table is not None and row is not None and col is not None and table.centers:
        r = table.rows[row]
        spacing = min((b - a for a, b in zip(table.centers, table.centers[1:])), default=60.0)
        half = max(12.0, 0.45 * spacing)
        fields[key] = FieldInfo("layout", 0.0, (int(table.centers[col] - half), int(r.top - 4),
                                                int(table.centers[col] + half), int(r.bottom + 4)))


def _ranking(tables: list[Table], fields) -> MatchRecord:
    teams: list[TeamResult] = []
    ranked = [t for t in tables if len(t.rows) >= 2] or tables
    for table in sorted(ranked, key=lambda t: (t.panel, t.rows[0].cy)):
        rank_col = table.column("rank")
        points_col = table.column("points")
        kills_col = table.column("kills")
        if points_col is None and not table.header:
            points_col, content_kills = _content_points(table)
            kills_col = kills_col if kills_col is not None else content_kills
        for i, name in enumerate(table.names):
            k = len(teams)
            rank_tok = table.cells[i].get(rank_col) if rank_col is not None else None
            team = TeamResult(name=_clean(name.text), placement=rank_tok.value if rank_tok else None)
            fields[f"teams[{k}].name"] = FieldInfo(name.engine, float(name.conf), name.box)
            _put(fields, f"teams[{k}].placement", rank_tok, table, i, rank_col)
            for attr, col in (("score", points_col), ("kills", kills_col)):
                if col is None:
                    continue
                tok = table.cells[i].get(col)
                if tok is not None and tok.kind == "num":
                    setattr(team, attr, tok.value)
                _put(fields, f"teams[{k}].{attr}", tok if tok is not None and tok.kind == "num" else None, table, i, col)
            teams.append(team)
    _repair_placements(teams, fields)
    return MatchRecord(format="ranking", teams=teams, fields=fields, engine="ppocr")


def _content_points(table: Table) -> tuple[int | None, int | None]:
    """Points and kills of a ranking without header words (icons or none), from the content: points
    fall with the rank (the column of plain numbers that never rises down the table, the right-most of
    those; else the right-most plain number), kills are the one other column of small integers."""
    def values(c):
        return [cells[c].value for cells in table.cells if c in cells and cells[c].kind == "num"]

    plain = [c for c in range(len(table.centers)) if c not in table.roles and len(values(c)) >= 0.5 * len(table.rows)]
    falling = []
    for c in plain:
        v = values(c)
        steps = list(zip(v, v[1:]))
        if len(v) >= 3 and sum(a >= b for a, b in steps) >= 0.9 * len(steps) and v[0] > v[-1]:
            falling.append(c)
    points = max(falling or plain, default=None)
    small = [c for c in plain if c != points and len(values(c)) >= 0.8 * len(table.rows)
             and max(values(c)) <= KILLS_MAX]
    return points, (small[0] if len(small) == 1 else None)


def _repair_placements(teams: list[TeamResult], fields) -> None:
    """Placements that break the run 1..N (unread, or two ranks merged into one box) follow their neighbours."""
    vals = [t.placement for t in teams]
    if not teams:
        return
    if sum(v is not None for v in vals) < 0.5 * len(vals):
        for i, t in enumerate(teams):
            t.placement = i + 1
            fields[f"teams[{i}].placement"] = FieldInfo("derived", 0.9, None)
        return
    for i, t in enumerate(teams):
        prev = teams[i - 1].placement if i else 0
        nxt = teams[i + 1].placement if i + 1 < len(teams) else None
        fits = t.placement is not None and t.placement == prev + 1 if prev is not None else True
        if not fits and (nxt is None or t.placement is None or nxt != t.placement + 1):
            if prev is not None:
                t.placement = prev + 1
                fields[f"teams[{i}].placement"] = FieldInfo("derived", 0.7, None)


def _versus(tables: list[Table], outcome, left_num: Tok | None, right_num: Tok | None, fields,
            score_line=None, banner: Tok | None = None) -> MatchRecord:
    players: list[PlayerResult] = []
    sides: list[int | None] = []
    rows_meta: list[tuple[Table, int]] = []
    panels = sorted({t.panel for t in tables})
    ordered = sorted(tables, key=lambda t: (t.panel, t.rows[0].cy))
    for table in ordered:
        for i in range(len(table.rows)):
            rows_meta.append((table, i))
    printed = _same_spelling([t.team_names[i] if t.team_names else None for t, i in rows_meta])
    order = list(dict.fromkeys(n for n in printed if n))
    team_names: list[str | None] = [None, None]
    if 1 <= len(order) <= 2:
        team_names[:len(order)] = order
        sides = [order.index(n) if n else None for n in printed]
    elif len(panels) >= 2:
        sides = [min(1, panels.index(t.panel)) for t, _ in rows_meta]
    elif len(ordered) >= 2:
        sides = [min(1, ordered.index(t)) for t, _ in rows_meta]
    else:
        colors = [_row_colour(t.rows[i]) for t, i in rows_meta]
        lab = colour_teams(colors)
        sides = lab if lab is not None else [None] * len(rows_meta)
    for k, ((table, i), side) in enumerate(zip(rows_meta, sides)):
        name = table.names[i]
        p = PlayerResult(nickname=_clean(name.text), team=team_names[side] if side is not None else None,
                         team_index=side)
        fields[f"players[{k}].nickname"] = FieldInfo(name.engine, float(name.conf), name.box)
        for stat in ("kills", "deaths", "assists"):
            col = table.column(stat)
            if col is None:
                continue
            tok = table.cells[i].get(col)
            tok = tok if tok is not None and tok.kind == "num" else None
            setattr(p, stat, tok.value if tok else None)
            _put(fields, f"players[{k}].{stat}", tok, table, i, col)
        players.append(p)
    teams = [TeamResult(name=team_names[0]), TeamResult(name=team_names[1])]
    viewer = 0
    if score_line is not None:
        (name_a, sa, box_a), (name_b, sb, box_b) = score_line
        if team_names == [None, None] or {norm_word(name_a.text), norm_word(name_b.text)} == {
                norm_word(n or "") for n in team_names}:
            if team_names != [None, None] and norm_word(name_a.text) != norm_word(team_names[0] or ""):
                (name_a, sa, box_a), (name_b, sb, box_b) = (name_b, sb, box_b), (name_a, sa, box_a)
            for j, (nm, sc, box) in enumerate(((name_a, sa, box_a), (name_b, sb, box_b))):
                teams[j].name = teams[j].name or _clean(nm.text)
                fields[f"teams[{j}].name"] = FieldInfo(nm.engine, float(nm.conf), nm.box)
                if sc is not None:
                    teams[j].score = sc.value
                    fields[f"teams[{j}].score"] = FieldInfo(sc.engine, float(sc.conf), sc.box)
                elif box is not None and box[2] - box[0] > 4:  # the detector missed it: read it again there
                    fields[f"teams[{j}].score"] = FieldInfo("layout", 0.0, tuple(int(v) for v in box))
            for p in players:
                if p.team_index is not None:
                    p.team = teams[p.team_index].name
    if left_num is not None and right_num is not None and score_line is None:
        cols = [_team_colour(players, rows_meta, j) for j in (0, 1)]
        if left_num.ink is not None and right_num.ink is not None and all(cols) and len(panels) < 2:
            direct = _dist(left_num.ink, cols[0]) + _dist(right_num.ink, cols[1])
            swapped = _dist(left_num.ink, cols[1]) + _dist(right_num.ink, cols[0])
            viewer = 1 if swapped < direct else 0
        nums = {viewer: left_num, 1 - viewer: right_num}
        sums = [sum(p.kills for p in players if p.team_index == j and p.kills is not None) for j in (0, 1)]
        counted = [sum(1 for p in players if p.team_index == j and p.kills is not None) for j in (0, 1)]
        sizes = [sum(1 for p in players if p.team_index == j) for j in (0, 1)]
        complete = [j for j in (0, 1) if sizes[j] and counted[j] == sizes[j]]
        # the banner's numbers are kills when a side whose kills were all read adds up to its number
        as_kills = bool(complete) and all(sums[j] == nums[j].value for j in complete)
        for j in (0, 1):
            attr = "kills" if as_kills else "score"
            setattr(teams[j], attr, nums[j].value)
            fields[f"teams[{j}].{attr}"] = FieldInfo(nums[j].engine, float(nums[j].conf), nums[j].box)
    if outcome:
        teams[viewer].placement, teams[1 - viewer].placement = (1, 2) if outcome == "win" else (2, 1)
        for j in (0, 1):  # read from the banner (not derived from scores, which a re-read may redo)
            fields[f"teams[{j}].placement"] = (FieldInfo(banner.engine, float(banner.conf), banner.box)
                                               if banner is not None else FieldInfo("layout", 0.9, None))
    if (not outcome or score_line is not None) and teams[0].score is not None and teams[1].score is not None \
            and teams[0].score != teams[1].score:
        win = 0 if teams[0].score > teams[1].score else 1
        teams[win].placement, teams[1 - win].placement = 1, 2
    return MatchRecord(format="versus", teams=teams, players=players, fields=fields, engine="ppocr")


def _same_spelling(names: list[str | None]) -> list[str | None]:
    """A team column's names with punctuation slips merged ("Gen,G" among "Gen.G"): names equal but
    for punctuation and spaces take the most frequent spelling."""
    from collections import Counter

    spelling: dict[str, str] = {}
    for name, _ in Counter(n for n in names if n).most_common():
        spelling.setdefault(_PUNCT.sub("", name.lower()), name)
    return [spelling[_PUNCT.sub("", n.lower())] if n else None for n in names]


def _row_colour(row: Row):
    cols = [t.color for t in row.toks if t.color is not None]
    if not cols:
        return None
    return tuple(statistics.median(c[k] for c in cols) for k in range(3))


def _team_colour(players, rows_meta, j):
    cols = [_row_colour(t.rows[i]) for p, (t, i) in zip(players, rows_meta) if p.team_index == j]
    cols = [c for c in cols if c is not None]
    if not cols:
        return None
    return tuple(statistics.median(c[k] for c in cols) for k in range(3))
