"""Layout analysis on word boxes (pure functions): lines, cells, header roles and table groups."""
from __future__ import annotations

import dataclasses
import functools
import re
import statistics

from kernel.korean import is_hangul

from .engines import Word

# Header words → column roles. Keys are normalised (lower case, no spaces).
ROLE_WORDS = {
    "rank": {"rank", "#", "place", "placement", "pos", "position", "no", "no.", "순위", "등수", "위"},
    "team": {"team", "teams", "squad", "팀", "팀명", "팀이름"},
    "player": {"player", "players", "name", "nickname", "nick", "선수", "플레이어", "닉네임", "이름", "선수명"},
    "kills": {"kills", "kill", "k", "elims", "elim", "eliminations", "킬", "처치", "킬수"},
    "deaths": {"deaths", "death", "d", "데스", "사망", "죽음"},
    "assists": {"assists", "assist", "a", "어시스트", "도움", "어시"},
    "kda": {"k/d/a", "kda", "k/d/a)", "킬/데스/어시", "킬/데스/어시스트", "k.d.a"},
    "points": {"points", "point", "pts", "total", "score", "점수", "총점", "포인트", "합계"},
    # statistics that are read past (known so they are never mistaken for a missing column)
    "ignore": {"damage", "dmg", "피해량", "딜량", "survival", "생존", "생존시간", "headshots", "hs", "헤드샷", "gold",
               "골드", "cs", "rating", "평점", "acs", "adr", "mvp", "time", "시간", "kd", "k/d", "kdratio", "placepts",
               "placementpts", "placepoints", "placementpoints", "killpts", "killpoints", "elimpts", "elimpoints",
               "순위점수", "킬점수", "처치점수", "wwcd", "치킨"},
}
VICTORY_WORDS = {"victory", "win", "winner", "won", "승리", "승"}
DEFEAT_WORDS = {"defeat", "lose", "loss", "lost", "패배", "패"}
_NORM = re.compile(r"[\s.:|]+")


def norm_word(text: str) -> str:
    return _NORM.sub("", text.lower()).strip("()[]")


def role_of(text: str) -> str | None:
    return _role_of(norm_word(text))


@functools.lru_cache(maxsize=4096)
def _role_of(key: str) -> str | None:
    """The role of a normalised header word (cached: the same labels recur on every screen)."""
    if not key:
        return None
    for role, words in ROLE_WORDS.items():
        if key in words:
            return role
    # OCR slips in longer labels ("종점" for "총점", "Kils" for "Kills"): compare as jamo
    if len(key) >= 2 and (len(key) >= 4 or any(is_hangul(ch) for ch in key)):
        from .names import similarity

        best = max(((similarity(key, w), role) for role, ws in ROLE_WORDS.items() for w in ws if len(w) >= 2))
        if best[0] >= 0.75:
            return best[1]
    return None


@dataclasses.dataclass
class Cell:
    """Words of one line close enough to be one table cell (or one phrase)."""

    words: list[Word]

    @property
    def text(self) -> str:
        out, prev = "", None
        for w in self.words:
            if prev is not None:
                gap = w.left - prev.right
                h = max(w.height, prev.height)
                if is_hangul(prev.text[-1]) and is_hangul(w.text[0]):
                    # Tesseract splits Hangul words into syllables with wide gaps
                    single = len(prev.text) == 1 or len(w.text) == 1
                    space = gap > (0.75 if single else 0.45) * h
                else:
                    space = gap > 0.22 * h
                out += " " if space else ""
            out += w.text
            prev = w
        return out

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def conf(self) -> float:
        return min(w.conf for w in self.words)

    @property
    def engine(self) -> str:
        return self.words[0].engine

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (self.left, self.top, self.right, self.bottom)


@dataclasses.dataclass
class Line:
    words: list[Word]
    cells: list[Cell] = dataclasses.field(default_factory=list)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def cy(self) -> float:
        return statistics.median(w.cy for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    def cells_in(self, lo: float, hi: float) -> list[Cell]:
        return [c for c in self.cells if lo <= c.cx < hi]


def _is_noise(w: Word) -> bool:
    # stray marks that Tesseract reads on logos and lines: no letter or digit, or tiny and unsure
    return (not any(ch.isalnum() or ch == "#" for ch in w.text) or (w.conf < 0.3 and len(w.text) <= 2)
            or (w.width > 12 * w.height and w.conf < 0.6))


def group_lines(words: list[Word]) -> list[Line]:
    """Words grouped into text lines by the vertical overlap of their boxes, top to bottom."""
    words = [w for w in words if w.height > 0 and not _is_noise(w)]
    if not words:
        return []
    typical = statistics.median(w.height for w in words)
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: w.cy):
        best = None
        for line in lines[-4:]:
            if abs(line.cy - w.cy) < 0.5 * max(min(line.height, w.height), typical * 0.5):
                best = line
        if best is None:
            lines.append(Line([w]))
        else:
            best.words.append(w)
    for line in lines:
        line.words.sort(key=lambda w: w.left)
        line.cells = split_cells(line.words)
    lines.sort(key=lambda l: l.cy)
    return lines


def split_cells(words: list[Word], gap_factor: float = 0.9) -> list[Cell]:
    """Consecutive words closer than ``gap_factor`` x their height belong to one cell."""
    cells: list[Cell] = []
    for w in words:
        if cells:
            prev = cells[-1].words[-1]
            h = max(min(w.height, prev.height), 1)
            # numbers sit in their own columns: a number next to anything needs only half the gap
            factor = 0.45 if _numeric(w.text) or _numeric(prev.text) else gap_factor
            if w.left - prev.right < factor * h:
                cells[-1].words.append(w)
                continue
        cells.append(Cell([w]))
    return cells


def _numeric(text: str) -> bool:
    return bool(text) and all(ch.isdigit() or ch in ":./k%" for ch in text) and any(ch.isdigit() for ch in text)


@dataclasses.dataclass
class Column:
    role: str | None          # a role of ROLE_WORDS, or None for a statistic to ignore
    left: int
    right: int
    label: str

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2


@dataclasses.dataclass
class TableGroup:
    """One table (or one side of side-by-side tables): its header line and columns, x-range and rows."""

    header: Line
    columns: list[Column]
    lo: float
    hi: float
    rows: list[Line] = dataclasses.field(default_factory=list)

    @property
    def roles(self) -> set[str]:
        return {c.role for c in self.columns if c.role and c.role != "ignore"}

    def infer_missing(self, kind: str) -> None:
        """A statistic whose label OCR garbled (unknown role) is the one the table type still lacks,
        taken from the right: ranking tables need kills and points, versus tables K, D and A."""
        needed = ["points", "kills"] if kind == "ranking" else ["assists", "deaths", "kills"]
        name_role = "team" if kind == "ranking" else "player"
        unknown = [c for c in self.columns if c.role is None]
        if name_role not in self.roles and unknown:
            stats = [c.left for c in self.columns if c.role in ("kills", "deaths", "assists", "kda", "points")]
            before = [c for c in unknown if not stats or c.left < min(stats)]
            if before:
                before[0].role = name_role
                unknown.remove(before[0])
        if kind == "versus" and "kda" in self.roles:
            return
        for role in needed:
            if role not in self.roles and unknown:
                unknown.pop().role = role


def header_columns(line: Line) -> list[Column]:
    """A line's cells as columns; a cell like "K D A" or "Player Kills" is split back into words
    when its words are separate roles."""
    cols = []
    for cell in line.cells:
        cell = _split_glued(cell)
        role = role_of(cell.text)
        if role is None and len(cell.words) > 1:
            roles = [role_of(w.text) for w in cell.words]
            if sum(r is not None for r in roles) >= 2:
                for w, r in zip(cell.words, roles):
                    cols.append(Column(r, w.left, w.right, w.text))
                continue
        cols.append(Column(role, cell.left, cell.right, cell.text))
    return cols


def _split_glued(cell: Cell) -> Cell:
    """Header words OCR glued together ("AssistDeaths") become two words with their share of the box."""
    out = []
    for w in cell.words:
        if role_of(w.text) is None and len(w.text) >= 4:
            for k in range(1, len(w.text)):
                a, b = w.text[:k], w.text[k:]
                if role_of(a) not in (None, "ignore") and role_of(b) not in (None, "ignore") and len(a) > 1 < len(b):
                    cut = w.left + w.width * k // len(w.text)
                    out += [Word(a, w.left, w.top, cut - w.left, w.height, w.conf, w.engine),
                            Word(b, cut + 1, w.top, w.right - cut - 1, w.height, w.conf, w.engine)]
                    break
            else:
                out.append(w)
        else:
            out.append(w)
    return Cell(out)


def is_header(line: Line) -> bool:
    roles = [c.role for c in header_columns(line) if c.role and c.role != "ignore"]
    distinct = set(roles)
    if len(distinct) < 2:
        return False
    # at least one statistic column
    return bool(distinct & {"kills", "deaths", "assists", "kda", "points"})


def split_groups(line: Line, page_width: float, below: list[Line] | None = None) -> list[TableGroup]:
    """A header line's columns, split into side-by-side tables where its roles repeat.

    When roles repeat at a common horizontal period (every table the same width), the tables start
    at the leftmost ink of the rows below plus whole periods, so a header word OCR missed does not
    shift the split; otherwise a table starts over where its first role comes back."""
    cols = header_columns(line)
    period = _period(cols)
    if period:
        lefts = [c.left for l in (below or [])[:4] for c in l.cells] + [c.left for c in cols]
        start = min(lefts)
        n = max(1, round((max(c.right for c in cols) - start) / period + 0.4))
        bounds = [start + k * period - 0.05 * period for k in range(1, n)]
        groups = [[] for _ in range(len(bounds) + 1)]
        for col in cols:
            groups[sum(col.cx >= b for b in bounds)].append(col)
        groups = [g for g in groups if g]
        edges = [-1e9] + bounds + [1e9]
        if len(groups) == len(edges) - 1:
            return [TableGroup(line, g, edges[i], edges[i + 1]) for i, g in enumerate(groups)]
    groups: list[list[Column]] = [[]]
    for i, col in enumerate(cols):
        seen = {c.role for c in groups[-1] if c.role}
        first = next((c.role for c in groups[-1] if c.role and c.role != "ignore"), None)
        if col.role and col.role != "ignore" and col.role in seen and col.role == first:
            # the table starts over only if what follows is a table too (a name column or 3 roles)
            tail = {c.role for c in cols[i:] if c.role and c.role != "ignore"}
            if tail & {"team", "player"} or len(tail) >= 3:
                groups.append([])
        groups[-1].append(col)
    out = []
    for i, g in enumerate(groups):
        lo = -1e9 if i == 0 else (groups[i - 1][-1].right + g[0].left) / 2
        hi = 1e9 if i == len(groups) - 1 else (g[-1].right + groups[i + 1][0].left) / 2
        out.append(TableGroup(line, g, lo, hi))
    return out


def _period(cols: list[Column]) -> float | None:
    """The horizontal distance at which the header's roles repeat, if at least two roles agree."""
    diffs = []
    by_role: dict[str, list[Column]] = {}
    for c in cols:
        if c.role and c.role != "ignore":
            by_role.setdefault(c.role, []).append(c)
    for same in by_role.values():
        diffs += [b.cx - a.cx for a, b in zip(same, same[1:])]
    if len(diffs) < 2:
        return None
    diffs.sort()
    mid = diffs[len(diffs) // 2]
    agree = [d for d in diffs if abs(d - mid) <= 0.04 * mid]
    return float(sum(agree) / len(agree)) if len(agree) >= 2 and mid > 0 else None


def assign_cells(cells: list[Cell], columns: list[Column], height: float) -> dict[int, Cell]:
    """Each row cell to the column it overlaps most (or the nearest one within a text height);
    cells that fit no column get negative keys (unlabelled columns, ordered by position)."""
    out: dict[int, Cell] = {}
    extra = -1
    for cell in cells:
        best, best_score = None, 0.0
        for i, col in enumerate(columns):
            overlap = min(cell.right, col.right) - max(cell.left, col.left)
            if overlap > 0:
                score = overlap / max(1, min(cell.right - cell.left, col.right - col.left))
            else:
                dist = -overlap
                score = -dist / max(height, 1)
                if dist > 1.5 * height:
                    continue
            if best is None or score > best_score:
                best, best_score = i, score
        if best is None or best in out:
            out[extra] = cell
            extra -= 1
        else:
            out[best] = cell
    return out
