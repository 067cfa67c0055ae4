"""Dates and times in a question, at any granularity, as conditions on a timestamp column.

Korean and English: a day (``2025-09-27``, ``25년 7월 12일``, ``July 12, 2025``, ``3/14``), a month
(``2026년 3월``, ``March 2026``), a half or quarter (``2025년 상반기``, ``first half of 2025``, ``Q3``),
a year (``2026``, ``26년``), an open-ended year (``after 2024``, ``2024년 이후``), a range (``from May 2 to June 9, 2024``, ``3월 1일부터 3월 10일까지``),
weekdays (``토요일``, ``on saturdays``, ``weekends``) and times of day (``저녁 7시 넘어서``, ``after 7pm``).
Relative years (``this year``, ``작년``) are resolved against ``today``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
WEEKDAYS = {"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
            "일요일": 0, "월요일": 1, "화요일": 2, "수요일": 3, "목요일": 4, "금요일": 5, "토요일": 6,
            # the chat forms ("토욜", "일욜")
            "일욜": 0, "월욜": 1, "화욜": 2, "수욜": 3, "목욜": 4, "금욜": 5, "토욜": 6}


@dataclasses.dataclass
class DateSpec:
    """One date expression: a half-open range [lo, hi), or a weekday / time-of-day / month-day test."""

    kind: str
    """'range', 'monthday', 'month', 'weekday', 'weekdays' or 'time'."""
    value: object
    start: int
    end: int


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _month_range(y: int, m: int) -> tuple[str, str]:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return dt.date(y, m, 1).isoformat(), nxt.isoformat()


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _next_day(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _one_match_at(low: str, a: int, b: int) -> bool:
    """Whether a clock time names one match ("the 7pm game", "what stage was the 5pm match", "7시 경기 무슨"): said
    after "the" or right before a match noun, with no plural or "every"."""
    before, after = low[max(0, a - 12):a], low[b:b + 14]
    return bool(re.search(r"\bthe\s*$", before) and re.match(r"\s*(?:game|match|series|map)\b", after)
                or re.match(r"\s*(?:경기|매치|게임)\s*(?:무슨|뭐|어느|어떤|누가|누구|스테이지|결과|스코어|맵)", after))


def find_dates(text: str, today: dt.date | None = None, taken: list[bool] | None = None) -> list[DateSpec]:
    """Every date expression of ``text`` that does not overlap ``taken`` (spans of linked names)."""
    today = today or dt.date.today()
    low = text.lower()
    out: list[DateSpec] = []
    used = list(taken) if taken else [False] * (len(text) + 1)

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def add(kind: str, value, a: int, b: int) -> None:
        out.append(DateSpec(kind, value, a, b))
        for i in range(a, b):
            used[i] = True

    def scan(pattern: str, fn) -> None:
        for m in re.finditer(pattern, low):
            if free(m.start(), m.end()):
                r = fn(m)
                if r is not None:
                    add(r[0], r[1], m.start(), m.end())

    y4 = r"((?:19|20)\d\d|\d\d)"
    # a whole year with its first and last day glossed in brackets: "all of 2025 (jan 1 - dec 31)", "2025년(1월 1일~12월 31일)"
    scan(r"(?<![\d.])((?:19|20)\d\d)\s*년?\s*[(\[]\s*(?:jan(?:uary)?\.?\s*1(?:st)?|1\s*월\s*1\s*일|01[-/.]01)\s*(?:-|–|~|to|through|부터)\s*"
         r"(?:dec(?:ember)?\.?\s*31(?:st)?|12\s*월\s*31\s*일(?:\s*까지)?|12[-/.]31)\s*[)\]]",
         lambda m: ("range", (f"{m.group(1)}-01-01", f"{int(m.group(1)) + 1}-01-01")))
    # A span of days from a day: "the fortnight from 1 April 2025", "the week starting April 7, 2025", "10 days after
    # 2025-04-01" (that day and the following ones)
    spans = {"week": 7, "fortnight": 14, "two weeks": 14, "2 weeks": 14, "three weeks": 21, "3 weeks": 21}

    def span_from(m):
        n = spans.get(m.group(1)) or (int(m.group(2)) if m.group(2) else None)
        g = m.groups()[2:]
        if g[0]:  # 1 april 2025
            day = _day(int(g[2]), MONTHS[g[1][:4] if g[1].startswith("sept") else g[1][:3]], int(g[0]))
        elif g[3]:  # april 1, 2025
            day = _day(int(g[5]), MONTHS[g[3][:4] if g[3].startswith("sept") else g[3][:3]], int(g[4]))
        else:  # 2025-04-01
            day = _day(int(g[6]), int(g[7]), int(g[8]))
        if not n or not day:
            return None
        return ("range", (day, (dt.date.fromisoformat(day) + dt.timedelta(days=n)).isoformat()))
    scan(rf"\b(?:the\s+|a\s+)?(week|fortnight|two weeks|2 weeks|three weeks|3 weeks|(\d{{1,2}}) days)\s+(?:from|after|starting(?:\s+(?:on|from))?"
         rf"|beginning(?:\s+on)?|following|commencing(?:\s+on)?|of)\s+(?:the\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\.?,?\s+((?:19|20)\d\d)"
         rf"|{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|((?:19|20)\d\d)-(\d{{1,2}})-(\d{{1,2}}))", span_from)
    # Ranges first: "from May 2 to June 9, 2024", "3월 1일부터 3월 10일까지".
    def en_range(m):
        y = _year(m.group(5))
        lo, hi = _day(y, MONTHS[m.group(1)[:3] if m.group(1)[:4] != "sept" else "sept"], int(m.group(2))), \
            _day(y, MONTHS[m.group(3)[:3] if m.group(3)[:4] != "sept" else "sept"], int(m.group(4)))
        return ("range", (lo, _next_day(hi))) if lo and hi else None
    scan(rf"(?:between|from)\s+{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–|until|through)\s+{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)", en_range)
    # ... and without "from" when a dash or "to/through" joins the days ("Jan 30 - Feb 2, 2026", "the weekend of May 31 to June 1, 2025")
    scan(rf"\b{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru|until)\s*{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)", en_range)

    def ko_range(m):
        y = _year(m.group(1)) if m.group(1) else today.year
        y2 = _year(m.group(4)) if m.group(4) else y
        lo, hi = _day(y, int(m.group(2)), int(m.group(3))), _day(y2, int(m.group(5)), int(m.group(6)))
        return ("range", (lo, _next_day(hi))) if lo and hi else None
    scan(rf"(?:{y4}\s*년\s*)?(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일\s*(?:부터|에서|~|-)\s*(?:{y4}\s*년\s*)?(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일\s*(?:까지|사이)?", ko_range)
    # A range within one month: "2025년 5월 1일부터 15일까지", "May 1-15, 2025", "between May 1 and 15, 2025".
    def ko_days(m):
        y = _year(m.group(1)) if m.group(1) else today.year
        lo, hi = _day(y, int(m.group(2)), int(m.group(3))), _day(y, int(m.group(2)), int(m.group(4)))
        return ("range", (lo, _next_day(hi))) if lo and hi and lo <= hi else None
    scan(rf"(?:{y4}\s*년\s*)?(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일?\s*(?:부터|에서|~|-)\s*(\d{{1,2}})\s*일\s*(?:까지|사이)?", ko_days)

    def en_days(m):
        y, mon = _year(m.group(4)), MONTHS[m.group(1)[:4] if m.group(1).startswith("sept") else m.group(1)[:3]]
        lo, hi = _day(y, mon, int(m.group(2))), _day(y, mon, int(m.group(3)))
        return ("range", (lo, _next_day(hi))) if lo and hi and lo <= hi else None
    scan(rf"(?:between\s+|from\s+)?{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through|until)\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)", en_days)
    # Months from one to another: "2025년 5월부터 7월까지", "from May to July 2025".
    def months_span(y, a, b):
        return ("range", (_month_range(y, a)[0], _month_range(y, b)[1])) if 1 <= a <= b <= 12 else None
    scan(rf"{y4}\s*년\s*(\d{{1,2}})\s*월\s*(?:부터|에서|~|-)\s*(\d{{1,2}})\s*월\s*(?:까지|사이)?",
         lambda m: months_span(_year(m.group(1)), int(m.group(2)), int(m.group(3))))
    scan(rf"(?:from|between)\s+{_MON}\s+(?:to|and|through|until|-)\s+{_MON},?\s+((?:19|20)\d\d)",
         lambda m: months_span(int(m.group(3)), MONTHS[m.group(1)[:3]], MONTHS[m.group(2)[:3]]))
    # ... across a new year: "24년 11월~25년 1월", "2024년 11월부터 2025년 1월까지", "Nov 2024 - Jan 2025"
    def years_span(y1, a, y2, b):
        lo, hi = _month_range(y1, a)[0], _month_range(y2, b)[1]
        return ("range", (lo, hi)) if 1 <= a <= 12 and 1 <= b <= 12 and lo < hi else None
    scan(rf"{y4}\s*년\s*(\d{{1,2}})\s*월\s*(?:부터|에서|~|-)\s*{y4}\s*년\s*(\d{{1,2}})\s*월\s*(?:말\s*)?(?:까지|사이)?",
         lambda m: years_span(_year(m.group(1)), int(m.group(2)), _year(m.group(3)), int(m.group(4))))
    scan(rf"(?:(?:from|between)\s+)?{_MON}\.?\s+((?:19|20)\d\d)\s*(?:to|and|through|thru|until|-|–)\s*{_MON}\.?\s+((?:19|20)\d\d)",
         lambda m: years_span(int(m.group(2)), MONTHS[m.group(1)[:3]], int(m.group(4)), MONTHS[m.group(3)[:3]]))
    # a day to the end of a month: "2025년 12월 1일부터 2026년 2월 말까지"
    scan(rf"{y4}\s*년\s*(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일\s*(?:부터|에서|~|-)\s*(?:{y4}\s*년\s*)?(\d{{1,2}})\s*월\s*(?:말|끝)?\s*(?:까지|사이)",
         lambda m: ("range", (d, _month_range(_year(m.group(4)) if m.group(4) else _year(m.group(1)), int(m.group(5)))[1]))
         if (d := _day(_year(m.group(1)), int(m.group(2)), int(m.group(3)))) and 1 <= int(m.group(5)) <= 12 else None)
    # a year's months written short: "2025.7~12", "2025/4 ~ 9"
    scan(r"(?<!\d)((?:19|20)\d\d)\s*[./]\s*(\d{1,2})\s*(?:~|\s[-–]\s)\s*(\d{1,2})(?![\d./])(?!\s*일)",
         lambda m: months_span(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    # Open-ended months: "since April 2026", "before June 2025", "2026년 4월 이후", "25년 6월 전".
    def open_month(word: str, y: int, mon: int):
        lo, hi = _month_range(y, mon)
        if word in ("after", "후"):
            return ("range", (hi, None))
        if word in ("since", "from", "starting", "starting in", "이후", "부터", "이래"):
            return ("range", (lo, None))
        if word in ("before", "prior to", "전"):
            return ("range", (None, lo))
        return ("range", (None, hi))  # until, through, up to, 이전, 까지
    scan(rf"\b(after|since|from|starting(?: in)?|before|prior to|until|through|up to)\s+{_MON}\.?,?\s+(?:of\s+)?((?:19|20)\d\d)(?!\d)"
         rf"(?!\s*(?:to|-|–|until|and|through)\b)",
         lambda m: open_month(m.group(1), int(m.group(3)), MONTHS[m.group(2)[:3]]))
    scan(rf"{y4}\s*년\s*(\d{{1,2}})\s*월\s*(이후|부터|이래|이전|까지|전|후)(?![가-힣](?<!에)(?<!의))",
         lambda m: open_month(m.group(3), _year(m.group(1)), int(m.group(2))) if 1 <= int(m.group(2)) <= 12 else None)
    # US days with a year: "3/14/2026", "3/14/26".
    scan(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)(?![\d/])",
         lambda m: ("range", (d, _next_day(d))) if (d := _day(_year(m.group(3)), int(m.group(1)), int(m.group(2)))) else None)
    # A two-digit year first ("25/8/9", "25.8.9"): a Korean writer's short date, read so when the first number
    # cannot be a month and is a year of this era (15-39)
    scan(r"(?<![\d/.])(\d\d)([/.])(\d{1,2})\2(\d{1,2})(?![\d/.])",
         lambda m: ("range", (d, _next_day(d))) if 15 <= int(m.group(1)) <= 39
         and (d := _day(2000 + int(m.group(1)), int(m.group(3)), int(m.group(4)))) else None)
    # ISO days and months.
    scan(r"(?<!\d)((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})(?!\d)",
         lambda m: ("range", (d, _next_day(d))) if (d := _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))) else None)
    scan(r"(?<!\d)((?:19|20)\d\d)[-./](\d{1,2})(?![\d./-])",
         lambda m: ("range", _month_range(int(m.group(1)), int(m.group(2)))) if 1 <= int(m.group(2)) <= 12 else None)
    # A month before its year: "10/2025", "10-2025", "10.2025" (the US order of a month and a year).
    scan(r"(?<![\d/.-])(\d{1,2})[-./]((?:19|20)\d\d)(?![\d./-])",
         lambda m: ("range", _month_range(int(m.group(2)), int(m.group(1)))) if 1 <= int(m.group(1)) <= 12 else None)
    # Korean: "2025년 7월 12일", "25년 7월", "7월 12일".
    scan(rf"{y4}\s*년\s*(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일",
         lambda m: ("range", (d, _next_day(d))) if (d := _day(_year(m.group(1)), int(m.group(2)), int(m.group(3)))) else None)
    scan(rf"{y4}\s*년\s*(\d{{1,2}})\s*월",
         lambda m: ("range", _month_range(_year(m.group(1)), int(m.group(2)))) if 1 <= int(m.group(2)) <= 12 else None)
    # the year said last: "3월 2일 2025년", "3월 2025년", "3월달 2025", "11월, 25년"
    scan(r"(?<!\d)(\d{1,2})\s*월\s*(\d{1,2})\s*일\s*,?\s*((?:19|20)\d\d)\s*년?(?!\s*\d)",
         lambda m: ("range", (d, _next_day(d))) if (d := _day(int(m.group(3)), int(m.group(1)), int(m.group(2)))) else None)
    scan(r"(?<!\d)(\d{1,2})\s*월\s*(?:달\s*)?(?:,\s*)?((?:19|20)\d\d(?:\s*년)?|\d\d\s*년)(?!\s*\d)",
         lambda m: ("range", _month_range(_year(m.group(2).rstrip("년 ")), int(m.group(1)))) if 1 <= int(m.group(1)) <= 12 else None)
    scan(r"(?<!\d)(\d{1,2})\s*월\s*(\d{1,2})\s*일",
         lambda m: ("monthday", f"{int(m.group(1)):02d}-{int(m.group(2)):02d}"))
    # English days: "July 12, 2025", "12 July 2025", "July 12".
    scan(rf"{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)",
         lambda m: ("range", (d, _next_day(d))) if (d := _day(int(m.group(3)), MONTHS[m.group(1)[:4] if m.group(1).startswith("sept") else m.group(1)[:3]], int(m.group(2)))) else None)
    scan(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\.?,?\s+((?:19|20)\d\d)",
         lambda m: ("range", (d, _next_day(d))) if (d := _day(int(m.group(3)), MONTHS[m.group(2)[:4] if m.group(2).startswith("sept") else m.group(2)[:3]], int(m.group(1)))) else None)
    scan(rf"{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b",
         lambda m: ("monthday", f"{MONTHS[m.group(1)[:4] if m.group(1).startswith('sept') else m.group(1)[:3]]:02d}-{int(m.group(2)):02d}"))
    # "3/14" (month/day), no year.
    scan(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])",
         lambda m: ("monthday", f"{int(m.group(1)):02d}-{int(m.group(2)):02d}") if 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31 else None)
    # Months with a year: "March 2026", "2026 March".
    scan(rf"{_MON}\.?,?\s+(?:of\s+)?((?:19|20)\d\d)",
         lambda m: ("range", _month_range(int(m.group(2)), MONTHS[m.group(1)[:4] if m.group(1).startswith('sept') else m.group(1)[:3]])))
    # Halves and quarters.
    def half(y, first):
        return ("range", (f"{y}-01-01", f"{y}-07-01") if first else (f"{y}-07-01", f"{y + 1}-01-01"))
    # a gloss in brackets right after a half or a quarter ("하반기(7~12월)", "H2 2025 (Jul-Dec)") restates it: part of the span
    gloss = r"(?:\s*[(\[][^()\[\]]{1,30}[)\]])?"
    scan(rf"{y4}\s*년?\s*(상반기|하반기){gloss}", lambda m: half(_year(m.group(1)), m.group(2) == "상반기"))
    scan(rf"(first|second|1st|2nd)\s+half\s+(?:of\s+)?((?:19|20)\d\d){gloss}", lambda m: half(int(m.group(2)), m.group(1) in ("first", "1st")))
    scan(rf"\bh([12])\s*((?:19|20)\d\d){gloss}", lambda m: half(int(m.group(2)), m.group(1) == "1"))

    def quarter(y, q):
        return ("range", (f"{y}-{3 * q - 2:02d}-01", f"{y + (q == 4)}-{(3 * q) % 12 + 1:02d}-01"))
    scan(rf"{y4}\s*년?\s*([1-4])\s*분기{gloss}", lambda m: quarter(_year(m.group(1)), int(m.group(2))))
    scan(rf"\bq([1-4])\s*((?:19|20)\d\d){gloss}", lambda m: quarter(int(m.group(2)), int(m.group(1))))
    # A month alone: "3월", "in March".
    scan(r"(?<!\d)(\d{1,2})\s*월(?!\s*\d)", lambda m: ("month", f"{int(m.group(1)):02d}") if 1 <= int(m.group(1)) <= 12 else None)
    scan(rf"\b(?:in|during)\s+{_MON}\b", lambda m: ("month", f"{MONTHS[m.group(1)[:4] if m.group(1).startswith('sept') else m.group(1)[:3]]:02d}"))
    # Open-ended years: "after 2025", "since 2024", "before 2026", "2025년 이후", "2026년 전".
    def open_year(word: str, y: int):
        if word in ("after", "후"):
            return ("range", (f"{y + 1}-01-01", None))
        if word in ("since", "from", "starting", "starting in", "이후", "부터", "이래"):
            return ("range", (f"{y}-01-01", None))
        if word in ("before", "prior to", "전"):
            return ("range", (None, f"{y}-01-01"))
        return ("range", (None, f"{y + 1}-01-01"))  # until, through, up to, 이전, 까지
    # "the event which was starting in 2025", "tournaments starting in 2025": when they started, that year (not "since")
    _subject = "|".join(f"(?<=\\b{w} )" for w in ("was", "were", "is", "are", "that", "which", "who", "tournaments", "tournament",
                                                 "events", "event", "cups", "leagues", "seasons", "editions"))
    scan(rf"(?:{_subject})starting in\s+((?:19|20)\d\d)(?!\d)(?!\s*(?:to|-|–|until|and|through|on(?:wards?)?)\b)",
         lambda m: ("range", (f"{m.group(1)}-01-01", f"{int(m.group(1)) + 1}-01-01")))
    scan(r"\b(after|since|from|starting(?: in)?|before|prior to|until|through|up to)\s+((?:19|20)\d\d)(?!\d)"
         r"(?!\s*(?:to|-|–|until|and|through)\s*(?:19|20)?\d\d)",
         lambda m: open_year(m.group(1), int(m.group(2))))
    scan(r"(?<![\d.])((?:19|20)\d\d|\d\d)\s*년도?\s*(이후|부터|이래|이전|까지|전|후)(?:에는|에도|에|엔|은|는)?(?![가-힣])",
         lambda m: open_year(m.group(2), _year(m.group(1))))
    # Years: "2026", "2026년", "26년", relative years.
    scan(r"(?<![\d.])((?:19|20)\d\d)(?!\d)\s*(?:년도|년)?", lambda m: ("range", (f"{m.group(1)}-01-01", f"{int(m.group(1)) + 1}-01-01")))
    scan(r"(?<![\d.])(\d\d)\s*년(?!\s*\d+\s*월)", lambda m: ("range", (f"{2000 + int(m.group(1))}-01-01", f"{2001 + int(m.group(1))}-01-01")))

    def beside_a_name(m):
        # "26 배그m", "valo '25": a bare two-digit year right before or after a linked name, no unit or comparison after it
        if not taken or re.match(r"(?:[가-힣]|%|\+)|\s*(?:이상|이하|미만|초과|넘|번|판|킬|승|패|명|개|위|등|점|라운드|경기)"
                                r"|\s*(?:st|nd|rd|th|kills?|frags?|wins?|games?|matches|maps?|rounds?|points?|or|and up|plus|times?|players?|teams?)\b", low[m.end():]):
            return None
        after = re.match(r"\s*", low[m.end():]).end() + m.end()
        before = m.start() - (len(low[:m.start()]) - len(low[:m.start()].rstrip()))
        if (after < len(taken) and taken[after] and after > m.end()) or (before > 0 and taken[before - 1] and before < m.start()):
            y = 2000 + int(m.group(1))
            return ("range", (f"{y}-01-01", f"{y + 1}-01-01"))
        return None
    scan(r"(?<![\d.,/:~'-])'?([23]\d)(?![\d.,/:~-])", beside_a_name)
    from .linking import lexicon

    lex = lexicon()
    for key, delta in (("this_year", 0), ("last_year", -1)):
        for phrase in sorted(lex[key], key=len, reverse=True):
            for m in re.finditer(re.escape(phrase), low):
                # "this year (2025)", "올해 2025년": the year said beside it is the one meant
                if re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", low[max(0, m.start() - 10):m.end() + 10]):
                    continue
                if free(m.start(), m.end()):
                    y = today.year + delta
                    add("range", (f"{y}-01-01", f"{y + 1}-01-01"), m.start(), m.end())
    # Weekdays, weekends, times of day. ("on weekends, i.e. sat or sun", "주말(토/일)": the weekend with its days spelled
    # out after it is one span, not three conditions)
    scan(r"\bweekends?\b[\s,(:–—-]*(?:i\.?e\.?,?\s*|like\s+|so\s+|meaning\s+)?(?:on\s+)?(?:a\s+)?(?:saturdays?|sundays?)\s*(?:or|and|&|/|,)\s*"
         r"(?:on\s+)?(?:saturdays?|sundays?)\)?|주말\s*[(,]?\s*토(?:요일)?\s*(?:,|/|·|이나|나|랑|이랑|과|와|또는)?\s*일(?:요일)?\s*\)?",
         lambda m: ("weekday", [0, 6]))
    for word, num in WEEKDAYS.items():
        scan(rf"{word[:-1] if word.endswith('day') else word}(?:day)?s?" if word.endswith("day") else word,
             lambda m, num=num: ("weekday", [num]))
    scan(r"\bweekends?\b|주말", lambda m: ("weekday", [0, 6]))
    scan(r"\bweekdays?\b|평일", lambda m: ("weekday", [1, 2, 3, 4, 5]))

    def clock(m, pm_hint: bool):
        h = int(m.group("h"))
        mins = int(m.group("m") or 0)
        ampm = (m.group("ap") or "").lower()
        if ampm.startswith("p") or pm_hint or ampm in ("오후", "저녁", "밤"):
            if h < 12:
                h += 12
        if ampm in ("오전", "아침", "새벽") and h == 12:
            h = 0
        if m.group("dir") is None and _one_match_at(low, m.start(), m.end()):
            return ("time", ("=", f"{h:02d}:{mins:02d}:00"))  # "the 7pm game", "저녁 7시 경기": the match at that time
        after = m.group("dir") is None or re.search(r"넘|이후|부터|후|after|since|from|later|or later|onwards|넘어", m.group("dir") or "")
        return ("time", (">=" if after else "<", f"{h:02d}:{mins:02d}:00"))
    scan(r"(?P<ap>오전|오후|저녁|밤|아침|새벽)?\s*(?<![\d:])(?P<h>\d{1,2})\s*시(?!리즈|즌|드)(?:\s*(?P<m>\d{1,2})\s*분)?\s*(?:정각)?\s*(?P<dir>넘어서|넘어|넘은|넘게|이후에?|부터|후에?|이전에?|전에?|까지)?",
         lambda m: clock(m, False))
    scan(r"(?P<dir>after|since|before|from|at or after)?\s*(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>[ap]\.?m\.?)\s*(?:or later|onwards)?",
         lambda m: clock(m, False))
    # A 24-hour clock said with a direction or "at" ("at 19:00 or after", "after 18:30", "20:00 이후"): never a
    # score ("13:11") — without one of those words around it the digits stay numbers.
    def clock24(m):
        d = " ".join(filter(None, (m.group("dir"), m.group("dir2")))).strip()
        if not d:
            return None
        if re.search(r"before|earlier|until|이전|전|까지", d):
            return ("time", ("<", f"{int(m.group('h')):02d}:{m.group('m')}:00"))
        if re.search(r"after|since|from|later|onwards|이후|부터|넘|후", d):
            return ("time", (">=", f"{int(m.group('h')):02d}:{m.group('m')}:00"))
        return ("time", ("=", f"{int(m.group('h')):02d}:{m.group('m')}:00"))  # "at 19:00": that time
    scan(r"(?P<dir>\bat or after|\bafter|\bsince|\bbefore|\bfrom|\buntil|\bat)?\s*(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::00)?(?![\d:])"
         r"\s*(?P<dir2>or (?:later|after|earlier|before)|onwards|이후에?|부터|넘어서?|넘은|이전에?|전에?|까지|후에?)?",
         clock24)
    # A part of the day without a clock: the morning is before noon, the evening from 6 pm.
    scan(r"(?<![가-힣])오전(?!\s*\d)|\bin the morning\b|\bmorning(?= (?:matches|games|series)\b)|\b(?:before noon)\b",
         lambda m: ("time", ("<", "12:00:00")))
    scan(r"(?<![가-힣])오후(?!\s*\d)|\bafter noon\b|\bin the afternoon\b|\bafternoon(?= (?:matches|games|series)\b)",
         lambda m: ("time", (">=", "12:00:00")))
    scan(r"(?<![가-힣])(?:저녁|밤)(?!\s*\d)(?=\s*(?:에|경기|시간|매치|게임|판))|\bin the evening\b|\bat night\b|\b(?:evening|night)(?= (?:matches|games|series)\b)",
         lambda m: ("time", (">=", "18:00:00")))
    return _joined_days(_share_year(sorted(out, key=lambda d: d.start), low), low)


def _joined_days(specs: list[DateSpec], low: str) -> list[DateSpec]:
    """Two days (or months) joined into a span read as one range from the first to the second, both inside: "from 1 April
    2025 to 30 April 2025", "Apr 1 2025 - Apr 30 2025", "between 04/01/2025 and 04/30/2025", "25.03.01~25.04.30",
    "2025.03~2025.05"."""
    out: list[DateSpec] = []
    for d in specs:
        prev = out[-1] if out else None
        if prev is not None and _is_day(prev) and _is_day(d) and prev.value[0] < d.value[0]:
            gap = low[prev.end:d.start]
            between = re.search(r"\b(?:between|from)\s*$", low[max(0, prev.start - 12):prev.start])
            if re.fullmatch(r"\s*,?\s*(?:~|〜|-|–|—|to|until|till|through|thru|부터|에서)\s*", gap) \
                    or between and re.fullmatch(r"\s*,?\s*and\s*", gap):
                out[-1] = DateSpec("range", (prev.value[0], d.value[1]), prev.start, d.end)
                continue
        out.append(d)
    return out


def _is_day(d: DateSpec) -> bool:
    """A single day or a single calendar month (a year alone is not joined: "2024 to 2025" may compare two years)."""
    if d.kind != "range" or not d.value[0] or not d.value[1]:
        return False
    lo = dt.date.fromisoformat(d.value[0])
    return _next_day(d.value[0]) == d.value[1] or (lo.day == 1 and d.value[1] == _month_range(lo.year, lo.month)[1])


def _share_year(specs: list[DateSpec], low: str) -> list[DateSpec]:
    """Days listed together share the year said once: "May 10 and May 11, 2025", "5월 10일이랑 2025년 5월 11일"
    (a month-day beside a dated day of the list, joined by and/or/a comma/랑/과, is that year's day)."""
    days = [d for d in specs if d.kind == "range" and d.value[0] and d.value[1] and _next_day(d.value[0]) == d.value[1]]
    years = {d.value[0][:4] for d in days}
    if len(years) != 1 or not any(d.kind == "monthday" for d in specs):
        return specs
    year = int(next(iter(years)))
    out = []
    for d in specs:
        if d.kind == "monthday":
            joined = any(re.fullmatch(r"[\s,]*(?:and|or|&|,|및|또는|(?:이)?랑|과|와|하고|이나|나)?[\s,]*(?:(?:on|of)\s+)?",
                                      low[min(d.end, o.end):max(d.start, o.start)]) for o in days)
            mon, day = (int(x) for x in d.value.split("-"))
            iso = _day(year, mon, day)
            if joined and iso:
                d = DateSpec("range", (iso, _next_day(iso)), d.start, d.end)
        out.append(d)
    return out
