"""A result-screen generator with ground truth, for tests and benchmarks.

``render_result_screen(kind="versus"|"ranking", seed=...)`` draws a game-style result screen
(Korean or English labels, light or dark theme, 960x540 to 1920x1080, Nanum/DejaVu/Liberation fonts,
column orders, extra statistics, K/D/A split or combined, rank styles, split long tables, logos and
decorations) and returns the picture with the :class:`~matchdata.record.MatchRecord` it shows.
``degrade(image, name, rng)`` applies one degradation (jpeg, blur, noise, scale, rotate).
"""
from __future__ import annotations

import dataclasses
import io
import random
from pathlib import Path

from kernel.checks import LANGUAGES
from kernel.korean import has_hangul
from matchdata.record import MatchRecord, PlayerResult, TeamResult

FONT_DIRS = [Path("/usr/share/fonts/truetype/nanum"), Path("/usr/share/fonts/truetype/dejavu"),
             Path("/usr/share/fonts/truetype/liberation")]
# The Debian package that ships each font the generator draws with (all listed in packages.apt).
FONT_PACKAGES = {
    "fonts-nanum": ["NanumGothic.ttf", "NanumGothicBold.ttf", "NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf",
                    "NanumSquareR.ttf", "NanumSquareB.ttf", "NanumSquareRoundR.ttf", "NanumSquareRoundB.ttf"],
    "fonts-dejavu-core": ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"],
    "fonts-dejavu-extra": ["DejaVuSansCondensed.ttf"],
    "fonts-liberation": ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSansNarrow-Regular.ttf"],
}
HANGUL_FONTS = FONT_PACKAGES["fonts-nanum"]
LATIN_FONTS = FONT_PACKAGES["fonts-dejavu-core"] + FONT_PACKAGES["fonts-dejavu-extra"] + FONT_PACKAGES["fonts-liberation"]
DEGRADATIONS = ["clean", "jpeg", "blur", "noise", "scale", "rotate"]
VARIANTS = {
    "icons": {"headers": "icons"},
    "unnamed": {"team_names": "none"},
    "colour rows": {"row_colours": True},
    "colour sides": {"kind": "versus", "team_names": "none", "layout": "colour"},
    "combined kda": {"kind": "versus", "kda": "combined"},
    "art": {"background": "art"},
    "photo": {"degradation": "photo"},
    "all": {"headers": "icons", "team_names": "none", "row_colours": True, "background": "art"},
}
"""Options that draw what real result screens show, one per name (benchmarks sample them)."""
SIZES = [(960, 540), (1280, 720), (1600, 900), (1920, 1080)]

TEAMS_LATIN = ["T1", "Gen.G", "DRX", "KT Rolster", "Hanwha Life", "Dplus KIA", "Nongshim RedForce", "BNK FearX",
               "OK Brion", "Kwangdong Freecs", "Team Liquid", "Cloud9", "G2 Esports", "Fnatic", "Danawa",
               "Gladiolus", "Vitality", "Natus Vincere", "Soniqs", "Twisted Minds", "Petrichor Road", "Al Qadsiah"]
TEAMS_HANGUL = ["젠지", "담원", "한화생명", "광동 프릭스", "농심", "디플러스", "리브 샌박", "케이티", "다나와",
                "블루 드래곤", "서울 다이너스티", "부산 갈매기", "한빛 스타즈", "청룡", "백호", "현무", "주작", "아리랑"]
PLAYERS_LATIN = ["Faker", "Chovy", "Zeus", "Oner", "Gumayusi", "Keria", "Ruler", "Canyon", "ShowMaker", "Deft",
                 "Peanut", "Viper", "Kiin", "Lehends", "BeryL", "Doran", "Peyz", "Delight", "Kingen", "Aiming",
                 "Lucid", "Bdd", "Cuzz", "Clozer", "Zeka", "Pyosik", "Kellin", "Morgan", "Teddy", "Willer",
                 "Duro", "Moham", "Andil", "Effort", "Hena", "Smash", "Siwoo", "Rascal", "Dove", "Croco"]
PLAYERS_HANGUL = ["페이커", "쵸비", "제우스", "오너", "구마유시", "케리아", "룰러", "캐니언", "데프트", "피넛",
                  "바이퍼", "기인", "리헨즈", "베릴", "도란", "표식", "켈린", "테디", "루시드", "클로저"]

LABELS = {
    "en": {"title": ["MATCH RESULT", "FINAL RESULTS", "GAME OVER", "RESULTS"],
           "victory": ["VICTORY", "WIN", "WINNER"], "defeat": ["DEFEAT", "LOSE", "LOSS"],
           "player": ["Player", "Name", "Nickname"], "team": ["Team", "Squad"], "rank": ["Rank", "#", "Place"],
           "kills": ["Kills", "K", "Elims"], "deaths": ["Deaths", "D"], "assists": ["Assists", "A"],
           "kda": ["K/D/A", "KDA"], "points": ["Points", "Total", "PTS"],
           "extra": ["Damage", "CS", "Gold", "Rating", "Headshots", "Survival"]},
    "ko": {"title": ["경기 결과", "최종 결과", "매치 결과"],
           "victory": ["승리"], "defeat": ["패배"],
           "player": ["선수", "플레이어", "닉네임"], "team": ["팀", "팀명"], "rank": ["순위", "등수"],
           "kills": ["킬", "처치"], "deaths": ["데스", "사망"], "assists": ["어시스트", "도움"],
           "kda": ["K/D/A", "킬/데스/어시"], "points": ["점수", "총점", "포인트"],
           "extra": ["피해량", "골드", "평점", "헤드샷", "생존 시간"]},
}
SUBTITLES = ["Seoul Spring Cup 2026", "ArenaHub Weekly #12", "Busan Open Qualifier", "서울 봄 컵 2026",
             "아레나허브 주간 리그", "Group A - Day 2", "조별 리그 2일차"]


@dataclasses.dataclass
class RenderedScreen:
    """A generated screenshot, the record it shows and the options that drew it."""

    image: "object"  # PIL.Image.Image
    truth: MatchRecord
    spec: dict

    def png_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.image.save(buf, format="PNG")
        return buf.getvalue()


class _Canvas:
    def __init__(self, size, theme, rng, latin_font, hangul_font):
        from PIL import Image, ImageDraw

        self.w, self.h = size
        self.rng = rng
        self.s = self.h / 540
        dark = theme == "dark"
        self.bg = (rng.randint(8, 30), rng.randint(10, 34), rng.randint(18, 44)) if dark else \
            (rng.randint(236, 250), rng.randint(236, 250), rng.randint(238, 252))
        self.fg = (rng.randint(225, 255),) * 3 if dark else (rng.randint(10, 40),) * 3
        self.muted = (150, 156, 170) if dark else (95, 100, 112)
        self.accent = rng.choice([(230, 180, 40), (60, 170, 255), (240, 90, 80), (90, 200, 120)])
        self.row_alt = tuple(min(255, c + 12) for c in self.bg) if dark else tuple(max(0, c - 12) for c in self.bg)
        self.img = Image.new("RGB", size, self.bg)
        if rng.random() < 0.6:  # vertical gradient
            for y in range(0, self.h, 4):
                k = y / self.h * (18 if dark else -14)
                col = tuple(max(0, min(255, int(c + k))) for c in self.bg)
                ImageDraw.Draw(self.img).rectangle([0, y, self.w, y + 4], fill=col)
        self.draw = ImageDraw.Draw(self.img)
        self.latin_font, self.hangul_font = latin_font, hangul_font
        self._fonts = {}
        self.icons = False  # column headers drawn as glyphs instead of words

    def game_art(self):
        """A textured, colourful backdrop (blurred shapes, streaks and grain, as game art behind a
        result screen) and one see-through panel in the screen's theme colour over most of it."""
        import numpy as np
        from PIL import Image, ImageDraw, ImageFilter

        rng, w, h = self.rng, self.w, self.h
        art = Image.new("RGB", (w, h), tuple(rng.randint(20, 200) for _ in range(3)))
        d = ImageDraw.Draw(art)
        for _ in range(rng.randint(14, 26)):
            col = tuple(rng.randint(0, 255) for _ in range(3))
            x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.04, 0.25) * w
            if rng.random() < 0.5:
                d.ellipse([x - r, y - r * rng.uniform(0.4, 1), x + r, y + r], fill=col)
            else:
                d.polygon([(x + rng.uniform(-r, r), y + rng.uniform(-r, r)) for _ in range(rng.randint(3, 6))], fill=col)
        art = art.filter(ImageFilter.GaussianBlur(radius=w / 160))
        d = ImageDraw.Draw(art)
        for _ in range(rng.randint(10, 30)):  # sharp streaks and sparks
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            d.line([(x, y), (x + rng.uniform(-0.2, 0.2) * w, y + rng.uniform(-0.1, 0.1) * h)],
                   fill=tuple(rng.randint(120, 255) for _ in range(3)), width=rng.randint(1, 4))
        grain = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 10, (h, w, 1))
        arr = np.clip(np.asarray(art, dtype=np.float32) + grain, 0, 255).astype(np.uint8)
        self.img.paste(Image.fromarray(arr))
        m = int(0.03 * w)
        box = (m, int(0.1 * h), w - m, h - int(0.03 * h))
        region = self.img.crop(box)
        self.img.paste(Image.blend(region, Image.new("RGB", region.size, self.bg), rng.uniform(0.6, 0.78)), box[:2])

    def font(self, text, px, bold=False):
        from PIL import ImageFont

        path = self.hangul_font if (has_hangul(text) or self.latin_font is None) else self.latin_font
        if bold and "Bold" not in path and not path.endswith("B.ttf"):
            cand = path.replace(".ttf", "Bold.ttf").replace("-Regular", "-Bold").replace("R.ttf", "B.ttf")
            if Path(cand).exists():
                path = cand
        key = (path, int(px))
        if key not in self._fonts:
            self._fonts[key] = ImageFont.truetype(path, int(px))
        return self._fonts[key]

    def text(self, xy, text, px, fill=None, anchor="la", bold=False):
        self.draw.text(xy, text, font=self.font(text, px, bold), fill=fill or self.fg, anchor=anchor)

    def decorate(self, lang):
        rng, s = self.rng, self.s
        # a logo: circle + polygon + initials, top left
        x, y, r = int(40 * s), int(34 * s), int(22 * s)
        self.draw.ellipse([x - r, y - r, x + r, y + r], outline=self.accent, width=max(2, int(3 * s)))
        self.draw.polygon([(x, y - r + 6), (x + r - 8, y + r - 10), (x - r + 8, y + r - 10)], fill=self.accent)
        # corner stripes
        for i in range(rng.randint(2, 5)):
            off = int((20 + 14 * i) * s)
            self.draw.line([(self.w - off, 0), (self.w, off)], fill=self.accent, width=max(1, int(3 * s)))
        self.draw.rectangle([0, self.h - int(6 * s), self.w, self.h], fill=self.accent)
        title = rng.choice(LABELS[lang]["title"])
        self.text((int(72 * s), int(20 * s)), title, 22 * s, bold=True)
        if rng.random() < 0.7:
            self.text((self.w - int(24 * s), int(24 * s)), rng.choice(SUBTITLES), 14 * s, fill=self.muted, anchor="ra")


def _rank_text(rank: int, style: str, lang: str) -> str:
    if style == "hash":
        return f"#{rank}"
    if style == "ordinal":
        if lang == "ko":
            return f"{rank}위"
        suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        return f"{rank}{suffix}"
    if style == "zero":
        return f"{rank:02d}"
    return str(rank)


def _extra_value(label: str, rng: random.Random) -> str:
    low = label.lower()
    if "surv" in low or "생존" in label:
        return f"{rng.randint(5, 32)}:{rng.randint(0, 59):02d}"
    if "rating" in low or "평점" in label:
        return f"{rng.uniform(0.4, 2.2):.2f}"
    if "gold" in low or "골드" in label:
        return f"{rng.randint(6, 19)}.{rng.randint(0, 9)}k"
    return str(rng.randint(20, 4800))


def _draw_icon(cv: _Canvas, key: str, cx: float, cy: float, size: float, fill) -> None:
    """A small glyph standing for a column, as game clients label their statistics: a crosshair
    (kills), a skull (deaths), two joined rings (assists), three bars (K/D/A), a star (points), a cup
    (rank), a shield (team), a bust (player), a diamond (anything else)."""
    import math

    d, r = cv.draw, size / 2
    lw = max(1, int(size / 9))
    if key == "kills":
        d.ellipse([cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7], outline=fill, width=lw)
        d.line([(cx - r, cy), (cx + r, cy)], fill=fill, width=lw)
        d.line([(cx, cy - r), (cx, cy + r)], fill=fill, width=lw)
    elif key == "deaths":
        d.ellipse([cx - r * 0.8, cy - r, cx + r * 0.8, cy + r * 0.5], fill=fill)
        d.rectangle([cx - r * 0.45, cy + r * 0.3, cx + r * 0.45, cy + r], fill=fill)
        for ex in (-0.35, 0.35):
            d.ellipse([cx + (ex - 0.18) * r, cy - r * 0.4, cx + (ex + 0.18) * r, cy - r * 0.05], fill=cv.bg)
    elif key == "assists":
        for ox in (-0.35, 0.35):
            d.ellipse([cx + (ox - 0.55) * r, cy - r * 0.55, cx + (ox + 0.55) * r, cy + r * 0.55], outline=fill, width=lw)
    elif key == "kda":
        for i, hgt in enumerate((0.6, 1.0, 0.8)):
            bx = cx + (i - 1) * r * 0.7
            d.rectangle([bx - r * 0.22, cy + r - 2 * r * hgt, bx + r * 0.22, cy + r], fill=fill)
    elif key == "points":
        pts = [(cx + r * (1 if i % 2 == 0 else 0.45) * math.sin(i * math.pi / 5),
                cy - r * (1 if i % 2 == 0 else 0.45) * math.cos(i * math.pi / 5)) for i in range(10)]
        d.polygon(pts, fill=fill)
    elif key == "rank":
        d.polygon([(cx - r * 0.8, cy - r), (cx + r * 0.8, cy - r), (cx + r * 0.3, cy + r * 0.2),
                   (cx - r * 0.3, cy + r * 0.2)], fill=fill)
        d.rectangle([cx - r * 0.12, cy + r * 0.2, cx + r * 0.12, cy + r * 0.7], fill=fill)
        d.rectangle([cx - r * 0.5, cy + r * 0.7, cx + r * 0.5, cy + r], fill=fill)
    elif key == "team":
        d.polygon([(cx - r * 0.8, cy - r), (cx + r * 0.8, cy - r), (cx + r * 0.8, cy), (cx, cy + r),
                   (cx - r * 0.8, cy)], outline=fill, width=lw)
    elif key == "player":
        d.ellipse([cx - r * 0.4, cy - r, cx + r * 0.4, cy - r * 0.2], fill=fill)
        d.pieslice([cx - r * 0.8, cy - r * 0.1, cx + r * 0.8, cy + r * 1.5], 180, 360, fill=fill)
    else:
        d.polygon([(cx, cy - r), (cx + r * 0.7, cy), (cx, cy + r), (cx - r * 0.7, cy)], outline=fill, width=lw)


def _draw_table(cv: _Canvas, x0, x1, y0, row_h, columns, rows, header_px, cell_px, stripe=True, fills=None):
    """Draw header + rows; ``columns`` = [(key, label, rel_width, align)], rows = [{key: text}];
    ``fills`` = one background colour per row (team colour bands) or None. With ``cv.icons`` the
    header shows a glyph per column instead of its word."""
    total = sum(c[2] for c in columns)
    xs, x = [], x0
    for col in columns:
        wcol = (x1 - x0) * col[2] / total
        xs.append((x, x + wcol))
        x += wcol
    pad = 8 * cv.s

    def put(y, key_text, px, fill=None, bold=False):
        for (key, label, _w, align), (a, b) in zip(columns, xs):
            text = key_text(key, label)
            if text is None:
                continue
            if align == "l":
                cv.text((a + pad, y), text, px, fill=fill, anchor="lm", bold=bold)
            elif align == "r":
                cv.text((b - pad, y), text, px, fill=fill, anchor="rm", bold=bold)
            else:
                cv.text(((a + b) / 2, y), text, px, fill=fill, anchor="mm", bold=bold)

    if cv.icons:
        for (key, _label, _w, align), (a, b) in zip(columns, xs):
            size = header_px * 1.1
            cx = a + pad + size / 2 if align == "l" else (b - pad - size / 2 if align == "r" else (a + b) / 2)
            _draw_icon(cv, key if not key.startswith("x:") else "extra", cx, y0 + row_h / 2, size, cv.muted)
    else:
        put(y0 + row_h / 2, lambda k, lab: lab, header_px, fill=cv.muted, bold=True)
    cv.draw.line([(x0, y0 + row_h), (x1, y0 + row_h)], fill=cv.muted, width=1)
    y = y0 + row_h
    for i, row in enumerate(rows):
        if fills is not None:
            cv.draw.rectangle([x0, y + 1, x1, y + row_h - 1], fill=fills[i])
        elif stripe and i % 2 == 1:
            cv.draw.rectangle([x0, y + 1, x1, y + row_h - 1], fill=cv.row_alt)
        put(y + row_h / 2, lambda k, lab, row=row: row.get(k), cell_px)
        y += row_h
    return y


def _sample_names(rng, pool_latin, pool_hangul, n, hangul_share):
    names = []
    while len(names) < n:
        pool = pool_hangul if rng.random() < hangul_share else pool_latin
        name = rng.choice(pool)
        if name not in names:
            names.append(name)
    return names


def _columns_for(rng, lang, keys, extras_max):
    lab = LABELS[lang]
    cols = [(k, rng.choice(lab[k]), 1.0, "c") for k in keys]
    n_extra = rng.randint(0, extras_max)
    for label in rng.sample(lab["extra"], n_extra):
        pos = rng.randint(1, len(cols))
        cols.insert(pos, ("x:" + label, label, 1.2, "c"))
    return cols


def _render_versus(cv: _Canvas, rng, lang, spec):
    s = cv.s
    hangul_share = spec.get("hangul_names", 0.5 if lang == "ko" else 0.15)
    a, b = _sample_names(rng, TEAMS_LATIN, TEAMS_HANGUL, 2, hangul_share)
    best_of = rng.choice([1, 3, 5, 13])
    win = best_of // 2 + 1
    lose = rng.randint(0, win - 1)
    a_wins = rng.random() < 0.5
    sa, sb = (win, lose) if a_wins else (lose, win)
    header = spec.setdefault("header", rng.choice(["score", "score", "banner"]))
    unnamed = spec.get("team_names", "printed") == "none"
    show_score = spec.setdefault("show_score", True if header == "score" else rng.random() < 0.7)
    y = 70 * s
    if header == "score":
        if rng.random() < 0.5:
            word = LABELS[lang]["victory"][0]
            cv.text((cv.w / 2, y + 8 * s), word, 20 * s, fill=cv.accent, anchor="mm", bold=True)
            y += 26 * s
        sep = rng.choice([":", ":", "-"])
        gap = 40 * s
        cv.text((cv.w / 2, y + 20 * s), sep, 34 * s, anchor="mm", bold=True)
        cv.text((cv.w / 2 - gap, y + 20 * s), str(sa), 34 * s, anchor="rm", bold=True)
        cv.text((cv.w / 2 + gap, y + 20 * s), str(sb), 34 * s, anchor="lm", bold=True)
        if not unnamed:
            cv.text((cv.w / 2 - gap - 50 * s, y + 20 * s), a, 28 * s, anchor="rm", bold=True)
            cv.text((cv.w / 2 + gap + 50 * s, y + 20 * s), b, 28 * s, anchor="lm", bold=True)
        y += 56 * s
    else:
        lab = LABELS[lang]
        vi, de = rng.choice(lab["victory"]), rng.choice(lab["defeat"])
        for cx, name, won, score in ((cv.w * 0.27, a, a_wins, sa), (cv.w * 0.73, b, not a_wins, sb)):
            if not unnamed:
                cv.text((cx, y + 14 * s), name, 28 * s, anchor="mm", bold=True)
            cv.text((cx, y + 46 * s), vi if won else de, 20 * s, fill=cv.accent if won else cv.muted,
                    anchor="mm", bold=True)
            if show_score:
                cv.text((cx, y + 80 * s), str(score), 30 * s, anchor="mm", bold=True)
        y += (100 if show_score else 66) * s
    teams = [TeamResult(None if unnamed else a, 1 if a_wins else 2, sa if show_score else None, None),
             TeamResult(None if unnamed else b, 2 if a_wins else 1, sb if show_score else None, None)]
    players: list[PlayerResult] = []
    table = spec.setdefault("table", rng.random() < 0.8)
    if unnamed and not table:  # nothing would tell the sides apart
        table = spec["table"] = True
    if table:
        n = spec.setdefault("players_per_team", rng.choice([3, 4, 5]))
        names = _sample_names(rng, PLAYERS_LATIN, PLAYERS_HANGUL, 2 * n, hangul_share)
        for i, nick in enumerate(names):
            team = a if i < n else b
            players.append(PlayerResult(nick, team, rng.randint(0, 15), rng.randint(0, 12), rng.randint(0, 20)))
            if unnamed:  # sides told apart by position or colour only
                players[-1].team, players[-1].team_index = None, int(i >= n)
        layout = spec.setdefault("layout", rng.choice(["sections", "team_column", "side"]))
        if unnamed and layout == "team_column":
            layout = spec["layout"] = "colour"
        colours = spec.get("row_colours", layout == "colour")
        side_fill = _side_colours(cv, rng) if colours else None
        if layout == "colour":  # one table, the two sides' rows mixed, told apart by their colour
            side_of = {id(p): int(i >= n) for i, p in enumerate(players)}
            players.sort(key=lambda p: (-p.kills, p.deaths))
            fills_all = [side_fill[side_of[id(p)]] for p in players]
        kda = spec.setdefault("kda", rng.choice(["split", "split", "combined"]))
        keys = ["player", "kda"] if kda == "combined" else ["player", "kills", "deaths", "assists"]
        if kda == "split" and rng.random() < 0.3:
            keys = ["player", "kills", "assists", "deaths"] if rng.random() < 0.5 else keys
        if layout == "team_column":
            keys = keys[:1] + ["team"] + keys[1:]
        cols = _columns_for(rng, lang, keys, 1 if layout == "side" else 2)
        cols = [(k, lab, 2.6 if k == "player" else (2.2 if k == "team" else (1.6 if k == "kda" else w)),
                 "l" if k in ("player", "team") else al) for k, lab, w, al in cols]

        def row_of(p):
            r = {"player": p.nickname, "team": p.team, "kills": str(p.kills), "deaths": str(p.deaths),
                 "assists": str(p.assists), "kda": f"{p.kills}/{p.deaths}/{p.assists}"}
            for k, *_ in cols:
                if k.startswith("x:"):
                    r[k] = _extra_value(k[2:], rng)
            return r

        avail = cv.h - y - 20 * s
        margin = cv.w * rng.uniform(0.06, 0.12)
        if layout == "side":
            row_h = min(34 * s, avail / (n + 1.5))
            px = min(17 * s, row_h * 0.55)
            mid = cv.w / 2
            for side, (x0, x1) in enumerate(((margin, mid - 20 * s), (mid + 20 * s, cv.w - margin))):
                rows = [row_of(p) for p in players[side * n:(side + 1) * n]]
                _draw_table(cv, x0, x1, y, row_h, cols, rows, px * 0.9, px,
                            fills=[side_fill[side]] * n if side_fill else None)
        elif layout == "sections":
            row_h = min(30 * s, avail / (2 * n + 3.5))
            px = min(16 * s, row_h * 0.6)
            yy = y
            for side in range(2):
                if not unnamed:
                    cv.text((margin + 8 * s, yy + row_h * 0.5), teams[side].name, px * 1.1, fill=cv.accent,
                            anchor="lm", bold=True)
                yy += row_h
                rows = [row_of(p) for p in players[side * n:(side + 1) * n]]
                yy = _draw_table(cv, margin, cv.w - margin, yy, row_h, cols, rows, px * 0.9, px,
                                 fills=[side_fill[side]] * n if side_fill else None) + row_h * 0.3
                if side == 0:
                    cols_hdr = cols  # the second table repeats the header
        else:
            row_h = min(30 * s, avail / (2 * n + 1.5))
            px = min(16 * s, row_h * 0.6)
            _draw_table(cv, margin, cv.w - margin, y, row_h, cols, [row_of(p) for p in players], px * 0.9, px,
                        fills=fills_all if layout == "colour" else (
                            [side_fill[int(i >= n)] for i in range(2 * n)] if side_fill else None))
    return MatchRecord("versus", teams, players)


def _side_colours(cv: _Canvas, rng) -> list[tuple[int, int, int]]:
    """Two team colours for row bands: saturated mid-dark ones under light text (dark theme), pale
    tints under dark text (light theme)."""
    pairs = [((34, 130, 150), (165, 52, 72)), ((40, 90, 170), (180, 110, 30)), ((50, 140, 70), (140, 60, 160))]
    pair = rng.choice(pairs)
    if cv.fg[0] > 128:
        return list(pair)
    return [tuple(int(255 - (255 - c) * 0.3) for c in col) for col in pair]


def _render_ranking(cv: _Canvas, rng, lang, spec):
    s = cv.s
    n = spec.setdefault("rows", rng.randint(8, 16))
    hangul_share = spec.get("hangul_names", 0.5 if lang == "ko" else 0.15)
    names = _sample_names(rng, TEAMS_LATIN, TEAMS_HANGUL, n, hangul_share)
    points = sorted((rng.randint(0, 80) for _ in range(n)), reverse=True)
    teams = [TeamResult(name, i + 1, points[i], rng.randint(0, 30)) for i, name in enumerate(names)]
    style = spec.setdefault("rank_style", rng.choice(["plain", "hash", "ordinal", "zero"]))
    layout = spec.setdefault("layout", "split" if n > 12 and rng.random() < 0.6 else "single")
    keys = ["rank", "team", "kills", "points"]
    if rng.random() < 0.3:
        keys = ["rank", "team", "points", "kills"]
    cols = _columns_for(rng, lang, keys, 1 if layout == "split" else 2)
    cols = [(k, lab, 2.8 if k == "team" else (0.9 if k == "rank" else w), "l" if k == "team" else al)
            for k, lab, w, al in cols]
    rows = [{"rank": _rank_text(t.placement, style, lang), "team": t.name, "kills": str(t.kills),
             "points": str(t.score), **{k: _extra_value(k[2:], rng) for k, *_ in cols if k.startswith("x:")}}
            for t in teams]
    y = 70 * s
    avail = cv.h - y - 20 * s
    margin = cv.w * rng.uniform(0.05, 0.12)
    if layout == "split":
        half = (n + 1) // 2
        row_h = min(34 * s, avail / (half + 1.3))
        px = min(17 * s, row_h * 0.58)
        mid = cv.w / 2
        _draw_table(cv, margin, mid - 16 * s, y, row_h, cols, rows[:half], px * 0.9, px)
        _draw_table(cv, mid + 16 * s, cv.w - margin, y, row_h, cols, rows[half:], px * 0.9, px)
    else:
        row_h = min(34 * s, avail / (n + 1.3))
        px = min(17 * s, row_h * 0.6)
        _draw_table(cv, margin, cv.w - margin, y, row_h, cols, rows, px * 0.9, px)
    return MatchRecord("ranking", teams, [])


def degrade(image, name: str, rng: random.Random):
    """One degradation of a screenshot: clean, jpeg, blur, noise, scale, rotate (or ``mixed``: two of
    them), or ``photo`` (:func:`photograph`)."""
    import numpy as np
    from PIL import Image, ImageFilter

    if name == "clean":
        return image
    if name == "photo":
        return photograph(image, rng)[0]
    if name == "mixed":
        for step in rng.sample(DEGRADATIONS[1:], 2):
            image = degrade(image, step, rng)
        return image
    if name == "jpeg":
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="JPEG", quality=rng.randint(25, 45))
        return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    if name == "blur":
        return image.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.8, 1.3) * image.height / 720))
    if name == "noise":
        arr = np.asarray(image, dtype=np.float32)
        arr = arr + np.random.default_rng(rng.randint(0, 2**31)).normal(0, 14, arr.shape)
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if name == "scale":
        f = rng.uniform(0.7, 0.85)
        small = image.resize((int(image.width * f), int(image.height * f)), Image.BILINEAR)
        return small.resize(image.size, Image.BILINEAR)
    if name == "rotate":
        bg = image.getpixel((2, image.height // 2))
        return image.rotate(rng.choice([-1, 1]) * rng.uniform(0.6, 1.6), resample=Image.BICUBIC, fillcolor=bg)
    raise ValueError(f"unknown degradation {name!r}")


def photograph(image, rng: random.Random, *, tilt: float = 1.0, glare: bool = True, moire: bool = True,
               blur: bool = True):
    """A phone photo of ``image`` shown on a monitor: the screen inside a dark bezel, warped with a
    random perspective (corners moved up to ``tilt`` x 7% of the size) onto a darker, textured desk,
    with a glare blob, moire stripes and camera blur. Returns ``(photo, homography)``, the 3x3 matrix
    that maps the flat picture's pixels to the photo's."""
    import cv2
    import numpy as np
    from PIL import Image

    src = np.asarray(image.convert("RGB"))
    h, w = src.shape[:2]
    bezel = max(6, int(0.025 * w))
    framed = cv2.copyMakeBorder(src, bezel, bezel, bezel, bezel, cv2.BORDER_CONSTANT,
                                value=(rng.randint(8, 22),) * 3)
    out_w, out_h = int(w * 1.25), int(h * 1.3)
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    # the desk: a mid-dark tone, a lighting gradient and a little texture
    tone = np.array([rng.randint(55, 105), rng.randint(45, 95), rng.randint(35, 85)], dtype=np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    shade = 1.0 + 0.35 * (xx / out_w - 0.5) * rng.choice([-1, 1]) + 0.2 * (yy / out_h - 0.5)
    desk = tone[None, None, :] * shade[..., None] + nrng.normal(0, 6, (out_h, out_w, 1))
    # where the framed screen's corners land: centred, with each corner moved at random
    fh, fw = framed.shape[:2]
    x0, y0 = (out_w - fw * 0.92) / 2, (out_h - fh * 0.92) / 2
    base = np.array([[x0, y0], [x0 + fw * 0.92, y0], [x0 + fw * 0.92, y0 + fh * 0.92], [x0, y0 + fh * 0.92]],
                    dtype=np.float32)
    jitter = np.array([[rng.uniform(-1, 1) * 0.07 * tilt * out_w, rng.uniform(-1, 1) * 0.07 * tilt * out_h]
                       for _ in range(4)], dtype=np.float32)
    dst = base + jitter
    corners = np.array([[0, 0], [fw - 1, 0], [fw - 1, fh - 1], [0, fh - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(corners, dst)
    warped = cv2.warpPerspective(framed, m, (out_w, out_h), flags=cv2.INTER_LINEAR).astype(np.float32)
    mask = cv2.warpPerspective(np.ones((fh, fw), np.float32), m, (out_w, out_h), flags=cv2.INTER_LINEAR)
    photo = warped * mask[..., None] + desk * (1 - mask[..., None])
    if moire:  # fine interference stripes of the monitor's pixel grid and the camera's sensor
        angle = rng.uniform(0, np.pi)
        period = rng.uniform(3.0, 6.0)
        wave = np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * 2 * np.pi / period)
        photo *= (1 + 0.05 * wave * mask)[..., None]
    if glare:  # a lamp or window reflected on the screen: a smooth additive white blob
        cx, cy = dst[:, 0].mean() + rng.uniform(-0.3, 0.3) * fw, dst[:, 1].mean() + rng.uniform(-0.25, 0.25) * fh
        sigma = rng.uniform(0.09, 0.16) * out_w
        blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2 / rng.uniform(0.5, 1.0)) / (2 * sigma ** 2))
        photo += rng.uniform(70, 110) * blob[..., None]
    photo = np.clip(photo, 0, 255).astype(np.uint8)
    if blur:
        photo = cv2.GaussianBlur(photo, (0, 0), rng.uniform(0.6, 1.1) * w / 1280)
    photo = np.clip(photo.astype(np.float32) + nrng.normal(0, 3, photo.shape), 0, 255).astype(np.uint8)
    shift = np.array([[1, 0, bezel], [0, 1, bezel], [0, 0, 1]], dtype=np.float64)
    return Image.fromarray(photo), m.astype(np.float64) @ shift


def render_result_screen(kind: str = "versus", *, seed: int = 0, lang: str | None = None,
                         theme: str | None = None, size: tuple[int, int] | None = None,
                         font: str | None = None, degradation: str = "clean", **options) -> RenderedScreen:
    """Draw a result screen and return it with its ground truth.

    ``kind`` is ``versus`` or ``ranking``; ``lang`` ``ko``/``en``; ``theme`` ``light``/``dark``;
    ``size`` (width, height); ``font`` a font file name from Debian's fonts-nanum, fonts-dejavu or
    fonts-liberation; ``degradation`` one of :data:`DEGRADATIONS` or ``mixed``. Other options pin
    layout choices: ``header`` (score|banner), ``table`` (bool), ``layout`` (versus: sections|
    team_column|side; ranking: single|split), ``kda`` (split|combined), ``rows``, ``rank_style``
    (plain|hash|ordinal|zero), ``players_per_team``, ``show_score``, ``hangul_names`` (share 0..1).
    Unset choices are drawn at random from ``seed``.

    What real screens show, off unless asked for (:data:`VARIANTS` names one setting of each):
    ``headers="icons"`` (a glyph per column instead of its word), ``team_names="none"`` (versus: no
    team name anywhere; truth teams have ``name=None`` and players a ``team_index``),
    ``row_colours=True`` (each team's rows on a band of its colour), ``layout="colour"`` (versus: one
    table, the sides' rows mixed and told apart by colour), ``background="art"`` (textured game art
    behind a see-through panel) and ``degradation="photo"`` (:func:`photograph`: a phone photo of a
    monitor, perspective, glare, moire and blur).
    """
    rng = random.Random(f"{kind}-{seed}")
    lang = lang or rng.choice(LANGUAGES)
    theme = theme or rng.choice(["light", "dark"])
    size = tuple(size or rng.choice(SIZES))
    hangul_font = str(_find_font(font if font in HANGUL_FONTS else rng.choice(HANGUL_FONTS)))
    if font and font not in HANGUL_FONTS:
        latin_font = str(_find_font(font))
    elif font:
        latin_font = None
    else:
        latin_font = None if lang == "ko" or rng.random() < 0.4 else str(_find_font(rng.choice(LATIN_FONTS)))
    cv = _Canvas(size, theme, rng, latin_font, hangul_font)
    if options.get("background", "plain") == "art":
        cv.game_art()
    cv.icons = options.get("headers", "words") == "icons"
    cv.decorate(lang)
    spec = dict(options, kind=kind, seed=seed, lang=lang, theme=theme, size=size, degradation=degradation,
                font=Path(latin_font or hangul_font).name)
    if kind == "versus":
        truth = _render_versus(cv, rng, lang, spec)
    elif kind == "ranking":
        truth = _render_ranking(cv, rng, lang, spec)
    else:
        raise ValueError("kind must be 'versus' or 'ranking'")
    image = degrade(cv.img, degradation, rng)
    truth.confidence, truth.engine = 1.0, "truth"
    return RenderedScreen(image, truth, spec)


def _find_font(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    from kernel.errors import EnvironmentProblem

    package = next((pkg for pkg, names in FONT_PACKAGES.items() if name in names), "the package that ships it")
    raise EnvironmentProblem(f"The font {name} is missing; install it with 'apt-get install {package}'.")
