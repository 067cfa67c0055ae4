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


def _draw_table(cv: _Canvas, x0, x1, y0, row_h, columns, rows, header_px, cell_px, stripe=True):
    """Draw header + rows; ``columns`` = [(key, label, rel_width, align)], rows = [{key: text}]."""
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

    put(y0 + row_h / 2, lambda k, lab: lab, header_px, fill=cv.muted, bold=True)
    cv.draw.line([(x0, y0 + row_h), (x1, y0 + row_h)], fill=cv.muted, width=1)
    y = y0 + row_h
    for i, row in enumerate(rows):
        if stripe and i % 2 == 1:
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
        cv.text((cv.w / 2 - gap - 50 * s, y + 20 * s), a, 28 * s, anchor="rm", bold=True)
        cv.text((cv.w / 2 + gap + 50 * s, y + 20 * s), b, 28 * s, anchor="lm", bold=True)
        y += 56 * s
    else:
        lab = LABELS[lang]
        vi, de = rng.choice(lab["victory"]), rng.choice(lab["defeat"])
        for cx, name, won, score in ((cv.w * 0.27, a, a_wins, sa), (cv.w * 0.73, b, not a_wins, sb)):
            cv.text((cx, y + 14 * s), name, 28 * s, anchor="mm", bold=True)
            cv.text((cx, y + 46 * s), vi if won else de, 20 * s, fill=cv.accent if won else cv.muted,
                    anchor="mm", bold=True)
            if show_score:
                cv.text((cx, y + 80 * s), str(score), 30 * s, anchor="mm", bold=True)
        y += (100 if show_score else 66) * s
    teams = [TeamResult(a, 1 if a_wins else 2, sa if show_score else None, None),
             TeamResult(b, 2 if a_wins else 1, sb if show_score else None, None)]
    players: list[PlayerResult] = []
    table = spec.setdefault("table", rng.random() < 0.8)
    if table:
        n = spec.setdefault("players_per_team", rng.choice([3, 4, 5]))
        names = _sample_names(rng, PLAYERS_LATIN, PLAYERS_HANGUL, 2 * n, hangul_share)
        for i, nick in enumerate(names):
            team = a if i < n else b
            players.append(PlayerResult(nick, team, rng.randint(0, 15), rng.randint(0, 12), rng.randint(0, 20)))
        layout = spec.setdefault("layout", rng.choice(["sections", "team_column", "side"]))
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
                _draw_table(cv, x0, x1, y, row_h, cols, rows, px * 0.9, px)
        elif layout == "sections":
            row_h = min(30 * s, avail / (2 * n + 3.5))
            px = min(16 * s, row_h * 0.6)
            yy = y
            for side in range(2):
                cv.text((margin + 8 * s, yy + row_h * 0.5), teams[side].name, px * 1.1, fill=cv.accent, anchor="lm",
                        bold=True)
                yy += row_h
                rows = [row_of(p) for p in players[side * n:(side + 1) * n]]
                yy = _draw_table(cv, margin, cv.w - margin, yy, row_h, cols, rows, px * 0.9, px) + row_h * 0.3
                if side == 0:
                    cols_hdr = cols  # the second table repeats the header
        else:
            row_h = min(30 * s, avail / (2 * n + 1.5))
            px = min(16 * s, row_h * 0.6)
            _draw_table(cv, margin, cv.w - margin, y, row_h, cols, [row_of(p) for p in players], px * 0.9, px)
    return MatchRecord("versus", teams, players)


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
    """One degradation of a screenshot: clean, jpeg, blur, noise, scale, rotate (or ``mixed``)."""
    import numpy as np
    from PIL import Image, ImageFilter

    if name == "clean":
        return image
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
