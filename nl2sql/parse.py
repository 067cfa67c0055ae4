"""Question → :class:`~.ir.IR`: slot filling over value linking, dates and cue words.

preprocess: value linking (:mod:`.linking`) and dates (:mod:`.dates`) find the names and times; they
are masked, so the cue words of ``templates/cues.yaml`` only ever see the words around them. Then
each slot of the IR is read off separately — the measure and its aggregate, the entity asked for,
the filters, and the shape (lookup, count, list, group, superlative, threshold, single-match extreme,
set difference / intersection, the two teams of a match, best-per-group, year-over-year) — and
composed. A question whose slots do not compose into an IR raises :class:`Unsupported` with the
reason, so the caller can refuse with a suggestion instead of answering another question.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .dates import DateSpec, find_dates
from .ir import IR, Filter, compile_sql, lit
from .linking import _EN_NUMBERS, _KO_NUMBERS, Linked

CUES_PATH = Path(__file__).parent / "templates" / "cues.yaml"
KEY = {"month": "month(m.played_at)", "year": "year(m.played_at)", "team": "t.name", "player": "p.nickname", "tournament": "tr.name", "map": "m.map", "region": "t.region",
       "role": "p.role", "game": "tr.game", "stage": "m.stage", "match": "m.played_at", "date": "day(m.played_at)"}
VALUE_COL = {"team": "t.name", "player": "p.nickname", "tournament": "tr.name", "game": "tr.game", "stage": "m.stage",
             "map": "m.map", "region": "t.region", "role": "p.role"}
PLAYER_MEASURES = {"deaths", "assists", "damage", "kd", "kda", "kp"}
COLUMN_MEASURES = {"kills", "deaths", "assists", "damage", "points", "placement", "score"}
PLAYOFFS = ["quarterfinal", "semifinal", "final"]


class Unsupported(ValueError):
    """The question's parts do not compose into the IR; the message names what is missing."""


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, list[re.Pattern]]]:
    """The cue lexicon, compiled (templates/cues.yaml)."""
    raw = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    return {group: {name: [re.compile(p, re.I) for p in pats] for name, pats in items.items()}
            for group, items in raw.items()}


@dataclasses.dataclass
class Reading:
    """What the parser read, kept for follow-ups and explanations."""

    ir: IR
    confidence: float
    shape: str


class _Text:
    """The masked question and cue look-ups on it."""

    def __init__(self, masked: str):
        self.s = masked
        self.low = masked.lower()

    def find(self, group: str, name: str) -> list[tuple[int, int]]:
        out = []
        for p in cues()[group][name]:
            out += [(m.start(), m.end()) for m in p.finditer(self.s)]
        return sorted(out)

    def has(self, group: str, name: str) -> bool:
        return any(p.search(self.s) for p in cues()[group][name])

    def first(self, group: str, name: str) -> int | None:
        spans = self.find(group, name)
        return spans[0][0] if spans else None


def _mask(text: str, linked: Linked, dates: list[DateSpec]) -> tuple[str, list[tuple[int, int, str, Any]]]:
    """Names → '@team', dates → '@date' (same length kept out; positions re-mapped)."""
    spans = [(m.start, m.end, m.type, m.value) for m in linked.mentions]
    spans += [(d.start, d.end, "date", d) for d in dates]
    spans.sort()
    out, last, placed = [], 0, []
    for a, b, t, v in spans:
        if a < last:
            continue
        out.append(text[last:a])
        pos = sum(len(x) for x in out)
        token = f" @{t}X "
        out.append(token)
        placed.append((pos, pos + len(token), t, v))
        last = b
    out.append(text[last:])
    return "".join(out), placed


def _numbers(masked: str) -> list[tuple[int, int, float]]:
    """Numbers outside names and dates: (start, end, value)."""
    words = {**_EN_NUMBERS, **_KO_NUMBERS}  # the number words linking reads too
    out = []
    for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\d])(?!st\b|nd\b|rd\b|th\b)(?:\s?(만|천)(?![가-힣])|([kK])\b)?", masked):
        # a Korean unit or a k after the digits scales them ("3만" = 30,000, "5천", "250k")
        scale = {"만": 10000, "천": 1000}.get(m.group(2) or "", 1000 if m.group(3) else 1)
        out.append((m.start(1), m.end(), float(m.group(1)) * scale))
    for m in re.finditer(r"\b(" + "|".join(_EN_NUMBERS) + r")\b", masked, re.I):
        out.append((m.start(), m.end(), float(words[m.group(1).lower()])))
    for m in re.finditer(r"(?<![가-힣])(두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?(?=명|팀|개|판|경기|번|시리즈|세트|대회|종목|게임|맵|지역|나라)", masked):
        out.append((m.start(1), m.end(1), float(words[m.group(1)])))
    # "more than once", "at least twice": a number of times (linking reads the same words)
    for m in re.finditer(r"\b(?:more than|over|at least|exactly|only|fewer than|less than|at most|under|just)\s+(once|twice|thrice)\b",
                         masked, re.I):
        out.append((m.start(1), m.end(1), float({"once": 1, "twice": 2, "thrice": 3}[m.group(1).lower()])))
    return sorted(out)


# The English words the cues key on, spelled right: a word one typing slip away from one of them ("plaeyrs",
# "tournamnets", "averge") is read as that word. Words of five letters or more only, same first letter.
_VOCAB = ("players", "player", "matches", "match", "teams", "tournaments", "tournament", "tourneys", "squads", "series",
          "kills", "deaths", "assists", "damage", "average", "averaging", "points", "placement", "placements",
          "winners", "winner", "losses", "record", "region", "regions", "position", "positions", "which", "total")
_REAL = set(_VOCAB) | {"matched", "matcher", "plays", "played", "playing", "player's", "points", "pointed", "teamed",
                       "killed", "killer", "killers", "records", "recorded", "totals", "totaled", "totalled", "average",
                       "averaged", "averages", "winning", "loses", "losers", "loser", "damaged", "dealt", "death",
                       "assist", "assisted", "regional", "positioned", "series", "match's", "squad", "kill", "which"}


def _one_slip(a: str, b: str) -> bool:
    """a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


# "잇음", "죽엇음", "높앗던", "햇는지", "됏어": the past/existence ending's ㅆ typed as ㅅ (a casual slip), put back before
# an ending; only on the syllables those endings are built on (있 었 았 했 됐 갔 왔 였 겠 졌 봤 났 썼 웠 쳤 겼 렸 렀 랐 냈)
_KO_SS_SLIP = re.compile("([" + "".join(chr(ord(c) - 1) for c in "있었았했됐갔왔였겠졌봤났썼웠쳤겼렸렀랐냈") + "])"
                         r"(?=음|어|고|다|던|는|냐|나|지|니|으|습|을|네|죠|잖)")


def _fix_typos(masked: str) -> str:
    def fix(m: re.Match) -> str:
        w = m.group()
        low = w.lower()
        if len(low) < 5 or low in _REAL or re.fullmatch(r"[a-z]+X", w):
            return w  # a mask token ("playerX") whose @ a chit-chat pattern took is no typo
        hit = next((v for v in _VOCAB if v[0] == low[0] and len(v) <= len(w) and _one_slip(low, v)), None)
        return hit.ljust(len(w)) if hit else w  # no longer than the word: the masked spans keep their positions
    masked = re.sub(r"(?<![@\w])[A-Za-z]+(?![\w])", fix, masked)
    masked = _KO_SS_SLIP.sub(lambda m: chr(ord(m.group(1)) + 1), masked)
    # "how much players", "how much maps did they win": a learner's "how many" before a plural count noun
    return re.sub(r"\b(how|How|HOW)\s+much(?=\s+(?:\w+\s+)?(?:players|teams|squads|matches|games|maps|series|wins|kills|"
                  r"deaths|assists|points|rounds|tournaments|events|people|members|chicken|times)\b)",
                  lambda m: m.group(1) + " many", masked)


def _one_day(value) -> bool:
    """Whether a date range [lo, hi) is one calendar day."""
    try:
        lo, hi = (dt.date.fromisoformat(str(v)[:10]) for v in value)
    except (TypeError, ValueError):
        return False
    return (hi - lo).days == 1


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


# one format denied beside the other ("only ever battle royale, never one head-to-head game", "배틀로얄만, 대전 경기는
# 한 번도 없이"): played the one, never the denied one
_FORMAT_DENIED = re.compile(
    r"\b(?:never|not|no|without)\s+(?:(?:a|an|any|one|single|even|ever|once|played|play|in)\s+){0,4}(?:head[- ]to[- ]head|versus|1v1)\b"
    r"|(?:대전|1:1|일대일)\s*(?:경기)?\s*(?:은|는)?\s*(?:한\s*번도|전혀|아예)?\s*(?:안|없|못)", re.I)


# Rounds a side won are its score, said with the verb after or before them: "rounds won", "따낸 라운드", "라운드를 제일
# 많이 딴", "won the most rounds", "how many rounds did X take", "라운드 몇 개 가져갔어"
_ROUNDS_WON = re.compile(
    r"\brounds won\b|(?:딴|따낸|가져간|이긴) 라운드|라운드 ?수(?![가-힣])"
    r"|라운드(?:를|을)?\s*(?:(?:제일|가장|젤|더|많이|적게|최다로?|최소로?|몇\s*개|몇|\d+\s*개?|이상|넘게)\s*)*(?:딴|따낸|땄|따|가져간|가져갔|챙긴|챙겼|이긴|이겼)"
    r"|\b(?:won|wins?|winning|took|takes?|taking|grabbed|bagged)\s+(?:the\s+)?(?:(?:most|fewest|more|fewer|least|highest|lowest|number of|many|\d+|N|over|under|at least|than)\s+)*rounds\b"
    r"|\brounds\s+(?:did|does|do|has|have|had)\s+(?:[\w@.'’]+\s+){1,3}(?:win|won|take|took|get|got|bag|bagged)\b"
    # "the highest number of rounds one side has ever won", "rounds any squad took": the side's own rounds
    r"|\brounds\s+(?:(?:a|an|the|one|any|single|team|side|squad|has|have|had|ever|@teamX)\s+){1,5}(?:won|took|taken|bagged|grabbed)\b", re.I)


class Parser:
    """One question's parse (a small state machine over the slots)."""

    def __init__(self, text: str, linked: Linked, today: dt.date | None = None):
        self.text = text
        self.linked = linked
        taken = [False] * (len(text) + 1)
        for m in linked.mentions:
            for i in range(m.start, m.end):
                taken[i] = True
        self.dates = find_dates(text, today, taken)
        # "X 팀원", "팀원들": a team's members are its players (said before the team's own word is read beside its name)
        masked, self.placed = _mask(re.sub(r"(?<![가-힣])팀원", "선수", text), linked, self.dates)
        # "배그 결승 경기도 다 포함해서", "counting the royale's finals too": a game said only to be included is no scope
        incl = [m.span() for m in re.finditer(r"@gameX(?:[^?.,!@]|@stageX|@mapX){0,24}?도\s*(?:다\s*|전부\s*|모두\s*|같이\s*)?(?:포함|넣어|세)"
                                              r"|\b(?:including|incl\.?|counting|plus)\s+(?:the\s+)?@gameX(?=[^@]*(?:\btoo\b|\bas well\b|\balso\b))",
                                              masked, re.I)]
        self.placed = [p for p in self.placed if not (p[2] == "game" and any(p[0] < b and a < p[1] for a, b in incl))]
        # "(무소속 포함)", "free agents included": the teamless are kept among those asked, not the only ones
        masked = re.sub(r"\(?\s*(?:무소속|소속\s*(?:팀\s*)?(?:이\s*)?없는\s*(?:선수)?|팀\s*(?:이\s*)?없는\s*선수|프리\s*에이전트|(?<![A-Za-z])FA)(?:들)?\s*(?:도|까지)?\s*"
                        r"(?:다\s*|전부\s*|모두\s*)?(?:포함|넣어)\S*\s*\)?"
                        r"|\(?\s*\b(?:including|incl\.?|plus)\s+(?:the\s+|any\s+)?(?:free agents|teamless (?:players|ones)|unsigned players|players (?:with no|without an?) (?:team|squad))\b\s*\)?"
                        r"|\b(?:free agents|teamless (?:players|ones)|unsigned players|players (?:with no|without an?) (?:team|squad))\s+(?:included|too|as well)\b",
                        lambda m: " " * len(m.group()), masked, flags=re.I)
        # "sides with one game or more but never …": took part (the scope of a set difference), not a count threshold
        # "…, yet zero games in 2026", "and no games in 2026": not in that scope (the set difference's negation)
        masked = re.sub(r"\b(?:but|and|yet)\s+(?:none|no\s+(?:matches|games|series|maps)|zero\s+(?:matches|games|series|maps))(?:\s+at\s+all)?"
                        r"(?=\s+(?:in|at|during|since|after|before|from)\b)",
                        lambda m: "but not".ljust(len(m.group())), masked, flags=re.I)
        masked = re.sub(r"\b(played|competed|appeared|featured|been|had|has|have|with)\s+(?:in\s+)?at\s+least\s+(?:one|1|a\s+single)\s+(match|game|series|map)(?:es|s)?\b"
                        r"(?=.*\b(?:never|not once|no wins|without|but not)\b)",
                        lambda m: f"{'played' if m.group(1).lower() in ('had', 'has', 'have', 'with') else m.group(1)} a {m.group(2)}".ljust(len(m.group())),
                        masked, flags=re.I)
        # "each Bo5 is one match", "a series counts as a single match": how the rows are kept (a definition),
        # not a condition on one match; blanked
        masked = re.sub(r"\b(?:is|are|counts?\s+as|equals?)\s+(?:just\s+|only\s+)?(?:one|a\s+single|a|1)\s+(?:match|game|series)(?:\s+(?:row|record|entry))?\b",
                        lambda m: " " * len(m.group()), masked, flags=re.I)
        # "X Cup (a ranking-only event, whose days carry no stage), who …": an aside in brackets right after a name
        # that describes it (an apposition) adds nothing asked; blanked, with the names inside it
        aside = [m.span(1) for m in re.finditer(r"@(?:tournament|team|player)X\s*(\((?:the|a|an|its|their|which|who)\s[^()]*\))", masked, re.I)]
        for a, b in aside:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        self.placed = [p for p in self.placed if not any(a <= p[0] < b for a, b in aside)]
        for p in cues()["chitchat"]["words"]:
            masked = p.sub(lambda m: " " * len(m.group()), masked)
        # a chat's sobs and laughs inside the sentence ("팀들 ㅠㅠ 어디어디", "ㄹㅇ 궁금"): no words of the question
        masked = re.sub(r"(?<![가-힣ㄱ-ㅎ])(?:ㅠ+|ㅜ+|ㅋ{2,}|ㅎ{2,}|ㄹㅇ|ㅇㅇ)(?![가-힣ㄱ-ㅎ])", lambda m: " " * len(m.group()), masked)
        # "ranked bottom on points", "finished last in total kills": the bottom of a ranking by that statistic (a
        # superlative, the fewest), not last place in a match
        masked = re.sub(r"\b(?:finish(?:ed|es|ing)?|came|placed|end(?:ed)?(?: up)?|was|were|is|ranked)\s+(?:in\s+)?(?:dead\s+|the\s+)?(?:last|bottom)(?:\s+place)?"
                        r"(?=\s+(?:on|in|by|for|of)\s+(?:the\s+)?(?:total\s+|overall\s+|combined\s+)?(?:points?|pts|kills?|frags?|elims?|damage|dmg|assists?|score)\b)",
                        lambda m: "fewest" + " " * (len(m.group()) - 6), masked, flags=re.I)
        # "finished last", "꼴찌 몇 번": last place in a match (a condition), not a superlative; blanked so the
        # superlative cues do not see it
        last = re.compile(r"\b(?:finish(?:ed|es|ing)?|came|placed|end(?:ed)?(?: up)?)\s+(?:in\s+)?(?:dead\s+)?last(?: place)?\b|\blast[- ]place(?: finish(?:es)?)?\b"
                          r"|(?:꼴찌|꼴등|최하위)(?=\s*(?:를|로|한|했|몇|횟수|한 (?:횟수|번|경기)|로 끝난|로 마감))", re.I)
        # "맵이랑 1위 팀 순서대로", "the map and the first-placed squad": one more column of each match listed (its
        # winner), not a ranking
        if re.search(r"맵|\bmaps?\b|일시|시간|\btimes?\b|\bdates?\b", masked, re.I):
            masked = re.sub(r"(?<=과|와|랑|고|,|및)(\s*)1\s*(?:위|등)\s*(?:팀|스쿼드)"
                            r"|(?<=\band\b)(\s+(?:the\s+)?)(?:first|1st|top)[- ]plac(?:e|ed)\s+(?:team|squad|side)\b",
                            lambda m: (m.group(1) or m.group(2) or "") + ("승자" if re.search("[가-힣]", m.group()) else "winner")
                            .ljust(len(m.group()) - len(m.group(1) or m.group(2) or "")), masked, flags=re.I)
        # "the longest game by total rounds", "라운드 합계로 제일 긴 경기": a match's length is its rounds (sets), both
        # sides added; the most (fewest) of them
        if re.search(r"\brounds?\b|\bsets\b|라운드|세트", masked, re.I):
            masked = re.sub(r"\blongest(?=\s+(?:@\w+\s+)?(?:game|match|map|series)\b)", "biggest", masked, flags=re.I)
            masked = re.sub(r"\bshortest(?=\s+(?:@\w+\s+)?(?:game|match|map|series)\b)", "smallest", masked, flags=re.I)
            masked = re.sub(r"((?:가장|제일|젤)\s*)(긴|길었던|짧은|짧았던)(?=\s*(?:@\w+\s*)?(?:경기|매치|맵|판|시리즈))",
                            lambda m: m.group(1) + {"긴": "큰", "길었던": "많았던", "짧은": "적은", "짧았던": "적었던"}[m.group(2)], masked)
        # "맵 하나라도 따낸", "took at least one map": a side's score of one map (set) or more in a series
        masked = re.sub(r"(?:맵|세트)\s*(?:하나|한\s*개|1\s*개)\s*(?:라도|이라도)\s*(?:따낸|딴|가져간|챙긴|이긴)",
                        lambda m: "1세트 이상 딴".ljust(len(m.group())), masked)
        masked = re.sub(r"\b(?:won|took|taken|grabbed|take|win|taking|winning)\s+at\s+least\s+(?:one|1|a\s+single)\s+(?:map|set|game)\b",
                        lambda m: "scored 1+ sets".ljust(len(m.group())), masked, flags=re.I)
        self.last_place = bool(last.search(masked))
        masked = last.sub(lambda m: " " * len(m.group()), masked)
        masked = self._nicknames(masked)
        masked = _fix_typos(masked)
        # "역할(role)별", "승률(win rate)로": an English gloss in brackets inside a Korean word goes after the word's
        # ending ("역할별(role)"), so the Korean cues see the word whole; the gloss stays for the English cues
        masked = re.sub(r"(?<=[가-힣])(\([A-Za-z][A-Za-z0-9 /:.'-]{0,24}\))([가-힣]{1,3})",
                        lambda m: m.group(2) + m.group(1), masked)
        # a battle royale's squads by their size ("trios", "듀오"): teams
        masked = re.sub(r"\b(?:trios|trio|duos)\b|트리오|듀오",
                        lambda m: {"trios": "teams", "trio": "team", "duos": "team"}.get(
                            m.group().lower(), "팀" + " " * (len(m.group()) - 1)), masked, flags=re.I)
        # "rounds the loser got, how many": the rounds a side scored (its score), not a count of rows
        masked = re.sub(r"\bhow many (rounds)(?= (?:did|does|do)\b.*\b(?:get|got|take|took|score|scored|win|won)\b)",
                        lambda m: " " * (len(m.group()) - len(m.group(1))) + m.group(1), masked, flags=re.I)
        # "몇 킬 했어": how many kills (the statistic's total), not how many players
        masked = re.sub(r"몇(\s*)(킬|데스|어시)(?=\s*(?:했|한|기록|찍|넣|먹|인가|인지|이야|이에요|임|이나|나와|\?|$))", r"\2\1몇", masked)
        # "3판밖에 못 이긴": only, not a negation
        masked = re.sub(r"(?<=밖에)\s*(?:못|안)(?=\s)", lambda m: " " * len(m.group()), masked)
        # "3세트도 못 가져간", "10킬도 안 되는", "didn't even reach 4 wins": fewer than the number, not a negation
        masked = re.sub(r"(?<=\d)(\s*(?:라운드|킬|점|포인트|판|경기|번|승|세트|데스|어시|개|명)?)\s*도\s*(?:못|안)(?:\s*(?:되는|된|돼|됐|되게))?(?=\s|$)",
                        lambda m: (m.group(1) + " 미만").ljust(len(m.group())), masked)
        masked = re.sub(r"\b(?:could(?:n't|n’t| not)|did(?:n't|n’t| not)|failed to)\s+even\s+(?:get|take|win|reach|score|make|hit|manage)\s+(?=\d)(?!\d+\s*\+)",
                        lambda m: "fewer than".ljust(len(m.group()) - 1) + " ", masked, flags=re.I)
        masked = self._zero_stats(masked)
        # "(including squads with none)", "(0승 팀도 포함)", "keeping teams at zero": keep the groups with nothing
        # counted (a row with 0), not a set of those who never did it; blanked, so the negation cues do not see it
        zero = re.compile(r"\(?\s*\b(?:include|including|incl\.?|keep(?:ing)?|even)\s+(?:the\s+)?(?:anyone|anybody|everyone|teams?|squads?|players?|those|ones?)?"
                          r"\s*(?:who|that|with|at)?\s*(?:went|go|goes|were|was|are|is|have|has|had|sitting|stayed|stuck)?\s*(?:at\s+)?"
                          r"(?:winless|zero|none|0|no wins|without a win|no (?:kills|points|dinners|chickens|first places))\b(?:\s*(?:too|as well|also))?\s*\)?"
                          r"|\(?\s*(?:0\s*(?:승|번|회|킬|점)?(?:인|짜리)?|한\s*번도\s*(?:못|안)\s*(?:이긴|한|딴|먹은)|없는)\s*(?:팀|선수|스쿼드|것|거|곳|대회|토너먼트)?(?:들)?\s*(?:도|까지)\s*"
                          r"(?:다\s*|전부\s*|같이\s*)?(?:0\s*(?:건|개|번|회|경기|판)?\s*(?:으로|로)\s*)?(?:포함|넣어|보여|나오게)\S*\s*\)?"
                          # "including tournaments with no matches (as 0)", "teams without a match included, at zero"
                          r"|\(?\s*\b(?:include|including|incl\.?|keep(?:ing)?|with)\s+(?:the\s+)?(?:teams?|squads?|players?|tournaments?|events?|ones?|those)\s+"
                          r"(?:with\s+no|without\s+(?:any\s+)?|that\s+(?:never\s+)?(?:had|have|played)\s+no)\s*(?:matches|games|series|appearances)\b"
                          r"(?:\s*(?:\(?as\s+(?:0|zero)\)?|at\s+(?:0|zero)))?\s*\)?", re.I)
        # "best avg first", "highest total kills first", "lowest mean to highest": the order said with its statistic between
        masked = re.sub(r"\b(best|worst|highest|lowest|most|fewest|biggest|smallest|top)\s+(?:(?:avg|average|mean|total|overall|combined|"
                        r"k/?d|kda|kdr|ratio|rate|number|count|value|score|placement|placing|finish|kills?|deaths?|assists?|damage|dmg|"
                        r"points?|wins?)\s+){1,2}(first|on top|to (?:worst|best|lowest|highest|fewest|most))\b",
                        lambda m: (m.group(1) + " " + m.group(2)).ljust(len(m.group())), masked, flags=re.I)
        # "won at least 1 series in A and in B": a win in each, not a threshold of one
        masked = re.sub(r"\b(won|lost|took|dropped)\s+at\s+least\s+(?:one|1|a)\s+(?=(?:single\s+)?(?:match|game|series|map|set)\b)",
                        lambda m: (m.group(1) + " a").ljust(len(m.group())), masked, flags=re.I)
        # "who led <team> in kills": the team's top player in that statistic
        masked = re.sub(r"\bled(?=\s+@\w+\s+in\s+(?:total\s+)?(?:kills|frags|assists|damage|dmg|deaths|points|elims)\b)", "top", masked, flags=re.I)
        # "the two sides with the games each took", "X's map count": each side's score in a series
        masked = re.sub(r"\b(?:the\s+)?(?:maps|games|sets)\s+(?:each|apiece)\s+(?:won|took|taken)\b|(?<=['’]s )map\s+counts?\b|\b(?<=their )map\s+counts?\b",
                        lambda m: "scores".ljust(len(m.group())), masked, flags=re.I)
        # "the map name", "맵 이름": the map itself
        masked = re.sub(r"\b(maps?)\s+names?\b|(맵)\s*이름", lambda m: (m.group(1) or m.group(2)).ljust(len(m.group())), masked, flags=re.I)
        # "Teams at nothing get shown as 0.", "없으면 0으로 표시": a sentence of its own saying so, blanked whole
        self.keep_zero = bool(ZEROS_SHOWN.search(masked)) and bool(ZEROS_SHOWN.sub("", masked).strip(" .?!;"))
        if self.keep_zero:
            masked = ZEROS_SHOWN.sub(lambda m: " " * len(m.group()), masked)
        self.keep_zero = self.keep_zero or bool(zero.search(masked))
        masked = zero.sub(lambda m: " " * len(m.group()), masked)
        # "한 경기에 평균 8어시", "평균적으로 한 맵에", "in one match on average": the one match is the unit of the average
        # (per match), not a condition on one match's row
        def per_unit(m: re.Match) -> str:
            unit = m.group("ko") or m.group("ko2")
            said = f"{unit}당" if unit else "per " + (m.group("en") or m.group("en2"))
            rest = m.group("avg") or m.group("avg2")
            return (said + " " + rest).ljust(len(m.group()))
        masked = re.sub(r"(?:한|1)\s*(?P<ko>판|경기|게임|맵|매치|세트)\s*(?:에|에서|당)?\s*(?P<avg>평균(?:적으로)?)"
                        r"|(?P<avg2>평균(?:적으로)?)\s*(?:한|1)\s*(?P<ko2>판|경기|게임|맵|매치|세트)\s*(?:에|에서|당)?(?=\s)"
                        r"|\b(?:in\s+)?(?:a|one|1|a\s+single|any\s+given)\s+(?P<en>game|match|map|series)\s+(?P<avg3>on\s+average)\b"
                        r"|\b(?:on\s+average)\s+(?:in\s+)?(?:a|one|1|a\s+single|any\s+given)\s+(?P<en2>game|match|map|series)\b",
                        lambda m: per_unit(m) if m.group("ko") or m.group("ko2") else
                        ("per " + (m.group("en") or m.group("en2")) + " on average").ljust(len(m.group())), masked, flags=re.I)
        # "…: player and amount", "…, team + number": the columns asked, listed after the question as nouns; read as the
        # asking words ("who and how much") when nothing named follows
        masked = re.sub(r"(?<=[:,\-–—(])\s*(?:the\s+)?(players?|teams?|squads?|name)\s*(?:and|&|\+|,|/|with)\s*(?:the\s+|their\s+|its\s+|his\s+)?"
                        r"(?:amount|number|value|total|count|figure|stat|score|how (?:much|many))s?\b(?=[^@]*$)",
                        lambda m: (" which team and how much" if m.group(1).lower().startswith(("team", "squad")) else " who and how much"),
                        masked, flags=re.I)
        # "map play counts", "team match counts": how often each was played, a count per entity said as a plural noun
        masked = re.sub(r"\b(map|team|squad|player|role|region|stage|tournament)s?\s+(?:play|match|game|appearance)s?\s+counts\b",
                        lambda m: f"count per {m.group(1).lower()}".ljust(len(m.group())), masked, flags=re.I)
        # "대회 건수", "팀 건수": how many of those rows (건수 is a count of records, said of the noun before it)
        masked = re.sub(r"(대회|토너먼트|팀|선수|스쿼드|맵|지역|경기|매치)(\s*)건수(?![가-힣])", lambda m: m.group(1) + " 수" + m.group(2), masked)
        # "팀의 명칭", "대회명칭": a formal word for the name
        masked = re.sub(r"명칭", "이름", masked)
        # "역할별 선수 분포", "지역별 팀 분포", "distribution of players by role": how many of the noun in each group
        masked = re.sub(r"(대회|토너먼트|팀|선수|스쿼드|맵|경기|매치)(\s*)분포(?=$|[^가-힣]|(?:를|을|는|은|가|이|도|만)(?![가-힣]))",
                        lambda m: m.group(1) + " 수" + m.group(2), masked)
        # "대회 상관없이 전체로", "regardless of the event": no scope, every row (no negation of a tournament)
        masked = re.sub(r"(?:대회|토너먼트|경기|시즌|게임|맵|스테이지)\s*(?:와|과)?\s*(?:상관\s*없이|관계\s*없이|무관하게|구분\s*없이|가리지\s*않고)",
                        lambda m: " " * len(m.group()), masked)
        masked = re.sub(r"\b(?:the\s+)?distribution\s+of\s+(?:the\s+)?(teams|players|squads|tournaments|events|matches|maps)\b",
                        lambda m: ("number of " + m.group(1)).ljust(len(m.group())), masked, flags=re.I)
        # "(중복 제외)", "중복없이", "no duplicates", "each counted once": a remark that each row counts once (counts of
        # teams and players are distinct already), not a set difference; blanked so the negation cues do not see it
        masked = re.sub(r"중복(?:은|된\s*(?:건|거|것|팀|선수)은?)?\s*(?:제외|빼고|없이|말고|뺀|제거)(?:하고|해서|하면|요)?"
                        r"|\b(?:with(?:out)?\s+(?:any\s+)?|no\s+|excluding\s+|minus\s+(?:the\s+)?)(?:duplicates?|dupes?|repeats?)\b"
                        r"|\beach\s+(?:one\s+)?(?:counted|only)\s+once\b|\b(?:counted|count(?:ing)?\s+(?:each|them))\s+(?:just\s+|only\s+)?once\b",
                        lambda m: " " * len(m.group()), masked, flags=re.I)
        # "몇 번 죽었어", "몇번이나 죽음": how many deaths (the count said of the dying itself), not how many matches
        masked = re.sub(r"몇\s*번(?:이나|을)?\s*(?=죽)", lambda m: "몇 개".ljust(len(m.group())), masked)
        # "who took the final", "claimed the series": won it (padded, so the positions stay)
        masked = re.sub(r"\b(?:took|claimed|clinched|captured|bagged|grabbed|nabbed)(?=\s+(?:the\s+)?(?:@tournamentX\s*(?:'s\s+)?)?"
                        r"(?:@stageX|finals?\b|series\b|map\b|match\b|decider\b))",
                        lambda m: "won".ljust(len(m.group())), masked, flags=re.I)
        # "모든 대회 합쳐서", "every season together", "across all events": every row counted together, no breakdown by them
        masked = re.sub(r"(?:대회|토너먼트|시즌|경기|게임|맵|판)(?:들)?(?=\s*(?:다|전부|모두|싹)\s*(?:합쳐서|합쳐|합치면|합친|통틀어서?|포함해서?))"
                        r"|\b(?:across|over|in)\s+(?:all|every)\s+(?:the\s+)?(?:tourneys|tournaments|events|seasons|years)\b(?:\s+(?:combined|together))?"
                        r"|\ball\s+(?:the\s+)?(?:tourneys|tournaments|events|seasons|years)\s+(?:combined|together)\b"
                        # "판 전부 기준으로", "경기 전체 기준", "based on all the games": the whole scope, no breakdown by match
                        r"|(?:대회|토너먼트|시즌|경기|게임|맵|판)(?:들)?\s*(?:전부|전체|모두|다)\s*기준(?:으로|으로요|으로\s*해서)?"
                        r"|\bbased\s+on\s+(?:all|every)\s+(?:of\s+)?(?:the\s+|their\s+|its\s+)?(?:@gameX\s+)?(?:matches|games|maps|series)\b",
                        lambda m: " " * len(m.group()), masked, flags=re.I)
        # "배그랑 에이펙스 합쳐서", "valorant and lol combined": two named scopes taken together (their rows pooled), not
        # both sides of a match added up; the combining word is blanked, the names stay as the scope
        def pooled(m: re.Match) -> str:
            before = masked[max(0, m.start() - 60):m.start()]
            if re.search(r"@(game|tournament|map|stage|region|date)X\s*(?:이랑|랑|하고|과|와|,|and|&|\+|plus)\s*(?:the\s+)?@\1X\s*(?:을|를|이|가|은|는)?\s*(?:다\s*|모두\s*|전부\s*)?$",
                         before, re.I):
                return " " * len(m.group())
            return m.group()
        masked = re.sub(r"(?:합쳐서|합쳐|합친|합산해서|합산하면|통틀어서|통틀어|\bcombined\b|\btogether\b|\bpooled\b)", pooled, masked, flags=re.I)
        # "(발로 팀만)", "(valorant teams only)": an aside that scopes the rows to a game's teams; its team word is not the
        # entity asked (the game stays the scope)
        masked = re.sub(r"(?<=\()(\s*@gameX\s*)(팀들?|teams?|squads?)(?=\s*(?:만|한정|only)?\s*\))",
                        lambda m: m.group(1) + " " * len(m.group(2)), masked, flags=re.I)
        # "모노리스 발로팀 컨트롤러", "orbit valo team initiator": the named team's (division's) word 팀, not the entity asked
        masked = re.sub(r"(@teamX\s*(?:'s\s+)?(?:@gameX\s*)?)(팀|team\b)(?!\s*(?:수|들|별|마다|중))",
                        lambda m: m.group(1) + " " * len(m.group(2)), masked, flags=re.I)
        # "X 선수 몇 판 나왔어", "X 선수님 킬": the title said after a player's name, not the players asked about
        masked = re.sub(r"(@playerX\s*)(선수(?:님)?)(?!\s*(?:수|들|별|마다|중))(?=\s|[은는이가의도를을,?]|$)",
                        lambda m: m.group(1) + " " * len(m.group(2)), masked)
        # Korean "게임" is said of a match as often as "경기" ("게임 몇 판 했어", "치러진 게임 수"); only "무슨/어떤 게임",
        # "게임별", "게임 종류" or "게임이 뭐 있어" name the title
        # (nor "대회랑 게임", a tournament with its title beside)
        masked = re.sub(r"(?<!무슨)(?<!어떤)(?<!어느)(?<!무슨 )(?<!어떤 )(?<!어느 )(?<!각 )게임(?!\s*(?:별|마다|종류|타이틀|종목|이름))"
                        r"(?!(?:들|이|은|는)?\s*(?:뭐|무엇|몇\s*(?:개|종류)\s*(?:있|이야|야|임|인가|돼|되)))",
                        lambda m: m.group() if re.search(r"(?:대회|토너먼트|팀|선수|맵)들?\s*(?:이랑|랑|하고|과|와|,)\s*$", masked[:m.start()])
                        else "경기", masked)
        # "runner-up", "준우승": the final's loser (blanked, so 우승 inside 준우승 is no champion)
        runner = re.compile(r"\brunners?[- ]?ups?\b|\bsecond[- ]place (?:team|finish(?:er)?)\b|\bfinished second\b|준우승(?:팀|한 팀|자)?", re.I)
        self.runner_up = bool(runner.search(masked))
        masked = runner.sub(lambda m: " " * len(m.group()), masked)
        # "a first-placed team's smallest score in one game", "1위 스쿼드 최소 포인트": the side that placed first in
        # its match (a condition on the row), not a superlative; blanked when another superlative is said
        first = re.compile(r"\b(?:1st|first)[- ]plac(?:e|ed|ing) (?:squads?|teams?|sides?|finish(?:ers?|es)?|trios?|duos?)\b"
                           r"|\b(?:squads?|teams?|sides?) (?:that|who|which) (?:finished|placed|came|ended) (?:in )?(?:1st|first)\b"
                           r"|(?<![\d~])1\s*(?:등|위)\s*(?:한|했던|먹은|차지한)?\s*(?:팀|스쿼드)(?=\s*(?:이|가|들이|이\s|의|은|는|킬|데스|어시|딜량|포인트|점수))", re.I)
        rest = first.sub(lambda m: " " * len(m.group()), masked)
        self.first_place = bool(first.search(masked)) and (re.search(
            r"\b(?:lowest|fewest|least|min(?:imum)?|highest|most|max(?:imum)?|biggest|smallest|best|worst)\b|최저|최소|최고|최대|제일|가장|젤", rest, re.I) is not None
            # "1등 팀이 킬 4개 넘게 한 판 몇 번": how often the first-placed side passed a number (a condition on its rows)
            or re.search(r"몇\s*(?:번|판|경기|게임)|횟수|\bhow many\b|\bhow often\b|\bcount\b|\bnumber of\b", rest, re.I) is not None
            and re.search(r"\d\s*(?:개|킬|점|포인트)?\s*(?:넘|이상|초과|오버)|\b(?:over|above|more than|at least)\s+\d", rest, re.I) is not None)
        if self.first_place:
            masked = rest
        # "without finishing 1st", "teams that did not place first", "1등 못 한 판", "치킨 못 먹은 경기": the rows not in
        # first place (a condition), not a count of first places (blanked; the condition is put back in _amend)
        not_first = re.compile(r"\b(?:without|not|never|didn't|didnt|did not|don't|doesn't|failing to|failed to)\s+(?:having\s+)?"
                               r"(?:finish(?:ing|ed|es)?|plac(?:e|ing|ed|es)|end(?:ing|ed|s)?(?: up)?|com(?:e|ing|es)|taking|take|took|winning|win|won|getting|get|got)\s+"
                               r"(?:in\s+)?(?:the\s+)?(?:1st|first)(?:\s+place)?\b(?!\s+(?:in|on|by)\s+(?:total|overall))"
                               r"|\b(?:not|never)\s+(?:in\s+)?(?:1st|first)\s+place\b|\boutside\s+(?:of\s+)?(?:the\s+)?(?:1st|first)(?:\s+place)?\b"
                               r"|(?<![\d~])1\s*(?:등|위)\s*(?:을|를|은|는)?\s*(?:못|안)\s*(?:한|했던|하고|해도|하고도|했는데)|(?<![\d~])1\s*(?:등|위)\s*(?:이|가)?\s*아닌"
                               r"|치킨\s*(?:을|를|은|는)?\s*(?:못|안)\s*(?:먹은|먹고|먹었던|먹고도|먹었는데)", re.I)
        rest = not_first.sub(lambda m: " " * len(m.group()), masked)
        # ... only beside another statistic: "squads that never finished first" alone is who never did (a set operation)
        self.not_first = bool(not_first.search(masked)) and re.search(
            r"\b(?:kills?|frags?|points?|pts|score[sd]?|damage|dmg|deaths?|assists?|rounds?)\b|킬|포인트|점수|딜|데스|어시|라운드", rest, re.I) is not None
        if self.not_first:
            masked = rest
        masked, self.rank = self._ordinal(masked)
        # "…, most first, then role ascending": the tie-break names the key's own order, not the ranking's; kept aside
        tie = _TIE_THEN.search(masked)
        self.tie_said = tie.group() if tie else None
        if tie:
            masked = masked[:tie.start()] + " " * len(tie.group()) + masked[tie.end():]
        self.t = _Text(masked)
        self.numbers = _numbers(masked)
        self.values: dict[str, list[Any]] = {}
        for _, _, typ, v in self.placed:
            if typ != "date" and v not in self.values.setdefault(typ, []):
                self.values[typ].append(v)
        self.date_specs = [v for _, _, typ, v in self.placed if typ == "date"]
        # "작년(2025)", "last year (2025)": the same period said twice, the second an aside restating the first
        self.date_specs = [d for i, d in enumerate(self.date_specs)
                           if not (i and (d.kind, d.value) == (self.date_specs[i - 1].kind, self.date_specs[i - 1].value)
                                   and re.fullmatch(r"\s*[(\[,/=]?\s*(?:i\.e\.|즉|that is,?)?\s*", text[self.date_specs[i - 1].end:d.start]))]
        self.champion_side = self._champion_side()
        self.top_side = None if self.champion_side else self._top_side()

    _ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
                 "두": 2, "세": 3, "네": 4, "다섯": 5, "둘": 2, "셋": 3, "넷": 4}
    _ORDINAL = re.compile(
        r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)(?:[- ]?(?:place|spot))?\b(\s*(?:most|highest|best|biggest|largest|fewest|lowest|worst|least)\b)?"
        r"(?!\s*(?:place|spot)?\s*(?:teams?|squads?|finish(?:es|ers?)?|finished|half|map|match|game|series|round|stage|day|week|time))"
        r"|(?<![가-힣\d])(두|세|네|다섯)\s*번째로|(?<![가-힣\d~\-–])(?<![~\-–]\s)([2-5])\s*(?:위|등)(?=\s*(?:선수|팀|스쿼드|누구|(?:는|은|이|가|인)(?=\s|$|\?)|$|\?|\s(?:누|어디|알려)))", re.I)

    def _ordinal(self, masked: str) -> tuple[str, int | None]:
        """"who's second in kills", "킬 2위 선수", "두 번째로 많은": the groups at that place of the ranking (ties share a
        place). The ordinal is rewritten as the superlative (same length), so the rest reads a best-of reading; the
        place is kept to be put back (:func:`_amend`). Places in a match ("2등 몇 번") and second-place teams are not this."""
        m = self._ORDINAL.search(masked)
        if not m or m.group(1) and re.search(r"\b(?:the )?(?:first|1st)\b", masked[:m.start()], re.I):
            return masked, None
        if m.group(4) and _FIRST_PLACES.search(masked[:m.start(4)]):
            return masked, None  # "1, 2위": the first places (a top-N), not the second alone
        if m.group(1):
            n = self._ORDINALS[m.group(1).lower()]
            word = "" if m.group(2) else ("most" if len(m.group(1)) >= 4 else "max")
            end = m.end(1) if m.group(2) else m.end()
            return masked[:m.start()] + word.ljust(end - m.start()) + masked[end:], n
        if m.group(3):
            word = "최소" if re.match(r"\s*(?:\S+\s*){0,2}?(?:적게|적은|낮은|덜|못한)", masked[m.end():m.end() + 14]) else "최다"
            return masked[:m.start()] + word.ljust(m.end() - m.start()) + masked[m.end():], self._ORDINALS[m.group(3)]
        return masked[:m.start(4)] + "1" + masked[m.end(4):], int(m.group(4))

    _CHAMPION_SIDE = re.compile(
        r"\b(?:of|on|from|in|for|with)\s+(?:(?:the\s+)?(?:team|squad|side|org|roster)\s+(?:that|which|who)|whoever|whichever\s+(?:team|squad|side))\s+(?:won|took|claimed|lifted)\s+"
        r"(?:the\s+)?@tournamentX(?:\s*(?:title|trophy|crown|@stageX))?"
        # said first, as the topic ("whoever took the <T> final: how many kills did their …"), and the stage said
        # before the tournament ("the squad which won the semifinal at <T>")
        r"|(?:^\s*|(?<=[,;:.?!—–-])\s*|\b(?:of|on|from|in|for|with)\s+)(?:(?:the\s+)?(?:team|squad|side|org|roster)\s+(?:that|which|who)|whoever|whichever\s+(?:team|squad|side))"
        r"\s+(?:won|took|claimed|lifted)\s+(?:the\s+)?(?:@stageX\s+(?:of|at|in)\s+(?:the\s+)?@tournamentX|@tournamentX(?:\s*(?:title|trophy|crown|@stageX))?)"
        r"|\b(?:of|on|from|in|for|with)\s+(?:the\s+)?@tournamentX\s*(?:'s|’s)?\s+(?:champions?|winners?|winning (?:team|squad|side))(?:'s|’s)?"
        r"|\b(?:the\s+)?(?:team|squad|side)\s+(?:that|which|who)\s+won\s+(?:the\s+)?@tournamentX(?:'s|’s)"
        r"|\b(?:of|on|from|in|for|with)\s+(?:the\s+)?(?:best|top|champion)\s+(?:team|squad|side|roster)\s+(?:of|at|in|from)\s+(?:the\s+)?@tournamentX(?!\s*@stageX)"
        r"|@tournamentX\s*(?:@dateX\s*)?(?:의\s*)?(?:최고|베스트|1등|1위)\s*(?:팀|스쿼드)\s*(?:의|에서|소속|선수)?"
        r"|\bthe\s+@tournamentX\s*(?:'s|’s)?\s+(?:champions?|winners?|winning (?:team|squad|side))(?:'s|’s|'|’)"
        r"|@tournamentX\s*(?:@dateX\s*)?(?:@stageX\s*)?(?:(?:을|를|에서|서)\s*)?(?:(?:이긴|우승한|우승|승리한|제패한)\s*(?:팀|쪽|스쿼드)|챔피언(?:\s*팀)?)\s*(?:에서|의|에|소속(?:\s*선수)?(?:\s*중에?서?)?|선수\s*중에?서?|중에서?)?",
        re.I)

    def _champion_side(self) -> str | None:
        """"the top fragger of the team that won <T>", "<T> 우승팀 선수 중 …": players of the tournament's champion. The
        phrase is blanked (so the rest asks for players), and the champion becomes a condition on the players' team;
        said with a stage ("<T> 결승 이긴 팀에서 …") it is the side that won in that stage's matches ("@side")."""
        tours = self.values.get("tournament", [])
        # "the <year> <game> event", "<year> 롤 대회": a year before the tournament and a tournament word after it are part
        # of its name here (blanked for the search; the lengths kept, so the positions hold)
        said = re.sub(r"@dateX(?=\s*(?:the\s+)?@tournamentX)", lambda x: " " * len(x.group()), self.t.s)
        said = re.sub(r"(?<=@tournamentX)\s*(?:대회|토너먼트|\b(?:event|tournament|tourney|cup)s?\b)",
                      lambda x: " " * len(x.group()), said, flags=re.I)
        m = self._CHAMPION_SIDE.search(said) if len(tours) == 1 else None
        if m is None:
            return None
        end = m.end()
        aside = re.match(r"\s*\([^()]*\)", self.t.s[end:])
        if aside:
            end += aside.end()  # "(most final-stage points)": how the side is chosen, said again in an aside
        rest = self.t.s[:m.start()] + " " * (end - m.start()) + self.t.s[end:]
        players = re.search(r"선수|\bplayers?\b|\bfraggers?\b|\bmvp\b|\bmembers?\b|멤버|에이스|\bace\b|로스터|명단|라인업|\brosters?\b|\bline-?ups?\b|@roleX",
                            self.t.s, re.I)
        who = re.search(r"\bwho\b|\bwho'?s\b|누구|누가", rest, re.I) and any(p.search(rest) for ps in cues()["measures"].values() for p in ps)
        if not (players or who):
            return None  # "<T> 우승팀 어디", "who won <T>": the champion itself
        self.t = _Text(rest)
        if "@stageX" in m.group() and re.search(
                r"\b(?:for|over|across|in|during|throughout|within)\s+(?:that|the|this|the whole|the entire|their whole)\s+(?:tournament|event|tourney|cup)\b"
                r"|\b(?:whole|entire) (?:tournament|event)\b|대회\s*(?:전체|통틀어|내내|동안|전부)|전체\s*대회", rest, re.I):
            # "whoever won <T>'s final, their players' assists for that tournament": the final names the champion;
            # the statistic is over the whole tournament
            self.values.pop("stage", None)
            return tours[0]
        if "@stageX" in m.group():
            return "@side"  # "<T> 결승 이긴 팀에서": the side that won in that stage's matches (the player's own side)
        return tours[0]

    _TOP_SIDE = re.compile(
        r"(?P<stage>@stageX\s*)?(?P<m>총점|포인트|점수|킬|승수)\s*(?:1위|1등|최다|제일 많은|가장 많은|젤 많은)\s*(?:팀|스쿼드)\s*(?:의|에서|소속|선수)?"
        r"|(?P<m3>치킨|승리|우승)\s*(?:을|를)?\s*(?:제일|가장|젤)\s*많이\s*(?:먹은|한|딴|차지한|기록한)\s*(?:팀|스쿼드)\s*(?:의|에서|소속|선수)?"
        r"|(?:제일|가장|젤)\s*많이\s*(?P<m4>이긴|치킨\s*먹은)\s*(?:팀|스쿼드)\s*(?:의|에서|소속|선수)?"
        # "the squad with the most kills, and its K/D?": the team first by one measure, asked another (before the
        # general form below, which would stop before the scope said after the measure)
        r"|\b(?:the\s+)?(?:@gameX\s+)?(?:team|squad|org|side)\s+with\s+the\s+(?:most|highest)\s+(?:number\s+of\s+)?(?:map\s+|match\s+|series\s+|total\s+)?"
        r"(?P<m5>points|kills|wins|victories)(?:\s+(?:overall|in total|all[- ]time))?(?:\s+(?:in|at|of|during)\s+(?:the\s+)?(?:@\w+\s*){1,3})?"
        r"(?=\s*(?:[,;:?(–—-]|\band\b))"
        r"|\b(?:the\s+|of\s+the\s+|on\s+the\s+|for\s+the\s+|from\s+the\s+|in\s+the\s+)?(?:team|squad|org)\s+(?:with|that\s+(?:got|had|has|won|took|earned))\s+the\s+most\s+"
        r"(?P<m2>points|kills|wins|chicken dinners|chickens|dinners|(?:maps|matches|games|series)(?=\s+won\b|\s*$|\s*[,.?!-]))(?:\s+won)?(?:\s+(?:ever|overall|of all time))?"
        r"(?:\s+in\s+(?:the\s+)?(?P<stage2>@stageX)(?:\s+stage)?)?(?:'s|’s)?", re.I)

    def _top_side(self) -> dict | None:
        """"<대회> <스테이지> 포인트 1위 팀 선수 …", "the squad with the most points in the group stage": players of the
        team first by a measure inside a stage (ties: the first); the stage scopes that team only, unless said again."""
        m = self._TOP_SIDE.search(self.t.s)
        if m is None:
            return None
        rest = self.t.s[:m.start()] + " " * (m.end() - m.start()) + self.t.s[m.end():]
        if re.search(r"(?:팀|스쿼드)\s*$", m.group()) and re.match(r"\s*(?:은|는|이|가)?\s*(?:누구|어디)", self.t.s[m.end():]) \
                and not re.search(r"선수|\bplayers?\b|멤버|@roleX", self.t.s, re.I):
            return None  # "승 제일 많은팀 누구야": which team it is (chat Korean asks a team with 누구), not its players
        team = False
        if not re.search(r"선수|\bplayers?\b|\bfraggers?\b|\bmvp\b|\bmembers?\b|멤버|@roleX", self.t.s, re.I) \
                and not re.search(r"누구|누가|\bwho\b", rest, re.I):
            # "…, what's their win rate", "그 팀 승률은": another statistic of that team itself, asked after it
            after = rest[m.end():]
            team = bool(re.match(r"\s*(?:[,;:–—-]|\band\b)?\s*(?:and\s+)?(?:what(?:'s|\s+is|\s+was|s)?\s+|how\s+(?:about|much)\s+|give\s+me\s+|show\s+)?"
                                 r"(?:their|its|that (?:team|squad)'?s?|그\s*팀(?:의)?)\b", after, re.I)) \
                and any(p.search(after) for ps in cues()["measures"].values() for p in ps)
            # Korean says the statistic right after the team ("승수 1위 팀 승률", "킬 최다 팀의 평균 순위")
            lead = re.match(r"\s*(?:의|은|는)?\s*(?:평균\s*)?(\S+)", after)
            team = team or bool(m.group("m") and lead and any(p.match(lead.group(1)) for ps in cues()["measures"].values() for p in ps))
            if not team:
                return None  # "<스테이지> 포인트 1위 팀 어디야": the team itself
        word = (m.group("m") or m.group("m2") or m.group("m3") or m.group("m4") or m.group("m5")).lower()
        measure = "kills" if word in ("킬", "kills") else "chicken" if word.startswith(("치킨", "chicken", "dinner")) \
            else "wins" if word in ("승수", "wins", "victories", "승리", "우승", "이긴") or re.match(r"maps|matches|games|series", word) \
            else "points"
        stage = self.values.get("stage", []) if (m.group("stage") or m.group("stage2")) else []
        if stage and "@stageX" not in rest:
            self.values.pop("stage", None)  # the stage picks the team; the rest is read over the whole scope
        self.t = _Text(rest)
        return {"measure": measure, "stage": stage[:1], "team": team}

    @staticmethod
    def _nicknames(masked: str) -> str:
        """A player's nickname is how players are named: "선수 닉 다", "IGNs of the squad" ask for players.
        Beside a player noun the word is blanked; alone it becomes one (lengths are kept for the spans)."""
        # chat words for the people on a team ("how many ppl on X", "peeps", "folks") name players too
        masked = re.sub(r"\b(?:ppl|peeps|folks)\b", lambda m: ("pros" + " " * (len(m.group()) - 4)) if len(m.group()) >= 4
                        else "pro", masked, flags=re.I)
        nick = re.compile(r"(?:(?<![가-힣])|(?<=들의)|(?<=선수의)|(?<=팀의))(닉네임|닉|아이디)(?:이랑|랑|하고|과|와|(?=\s|들|을|은|이|만|만요|요|[?,.!]|$))|\b(nicknames|nicks|ign'?s|handles)\b", re.I)
        player = re.search(r"선수|플레이어|멤버|\bplayers?\b|\bmembers?\b|\bpros?\b|\bwho'?s?\b", masked, re.I)

        def swap(m: re.Match) -> str:
            word = m.group()
            if player:
                return " " * len(word)
            if m.group(1):
                return "선수" + " " * (len(word) - 2) if len(word) >= 2 else word
            return ("pros" + " " * (len(word) - 4)) if len(word) >= 4 else word
        return nick.sub(swap, masked)

    @staticmethod
    def _zero_stats(masked: str) -> str:
        """"zero kills", "노킬", "노데스 경기": the number 0 beside the statistic (lengths kept)."""
        masked = re.sub(r"\b(?:zero|no)(?=\s+(?:kills?|frags?|deaths?|assists?)\b(?!\s+(?:info|data|listed|recorded)))",
                        lambda m: "0" + " " * (len(m.group()) - 1), masked, flags=re.I)
        # "한 번도 안 쓰러진 판", "죽지 않고 끝까지 살아남은 판", "without dying once": no death in that match
        # (said of the match itself: "한 번도 안 죽은 선수" alone is who never died at all, a set)
        masked = re.sub(r"(?:(?:(?<![가-힣])한\s*번도\s*)?(?:안\s*(?:죽은|죽고|쓰러진|쓰러지고)|(?:죽|쓰러지)지\s*(?:않은|않고|않았던))"
                        r"(?:\s*(?:끝까지|마지막까지)\s*(?:살아남은|생존한))?|(?:끝까지|마지막까지)\s*(?:살아남은|생존한))(?=\s*(?:판|경기|게임|매치|맵|세트))",
                        lambda m: "0데스".ljust(len(m.group())), masked)
        # "킬 하나도 못 따고 끝난 판", "어시를 한 개도 못 올린 경기", "without a single kill": none of the statistic in that match
        masked = re.sub(r"(킬|데스|어시)\s*(?:을|를)?\s*(?:하나도|한\s*개도|한\s*번도|단\s*하나도)\s*(?:못|안)\s*"
                        r"(?:따고|딴|따낸|먹고|먹은|내고|낸|하고|한|올리고|올린|기록하고|기록한|챙기고|챙긴)(?=\s|$|[,.?!(])",
                        lambda m: ("0" + m.group(1)).ljust(len(m.group())), masked)
        if re.search(r"\b(?:match(?:es)?|games?|maps?|series)\b", masked, re.I):
            masked = re.sub(r"\bwithout (?:a (?:single )?)?(kill|frag|assist)\b", lambda m: f"0 {m.group(1)}s".ljust(len(m.group())), masked, flags=re.I)
        if re.search(r"\b(?:matches|games|maps|series)\b", masked, re.I):
            masked = re.sub(r"\bwithout (?:dying|a (?:single )?death)(?: (?:once|even once))?\b",
                            lambda m: "0 deaths".ljust(len(m.group())), masked, flags=re.I)
        return re.sub(r"(?<![가-힣])노(?=킬|데스|어시)", "0", masked)

    # ----------------------------------------------------------------- slots
    def has(self, name: str, group: str = "shapes") -> bool:
        return self.t.has(group, name)

    def measure(self) -> str | None:
        """The statistic the question is about (None: it counts or lists entities)."""
        t = self.t
        # "순위"/"rank" words name the placement only when no other statistic is named ("킬 순위" ranks kills).
        order = ["kp", "kda", "kd", "win_rate", "chicken", "damage", "assists", "deaths", "points", "kills",
                 "wins", "losses", "placement", "score"]
        if t.has("measures", "score") and self._score_side() is not None:
            return "score"  # "rounds the losing side got", "진 팀 평균 라운드": one side's score, not a count of losses
        if _ROUNDS_WON.search(t.s):
            return "score"  # "rounds won", "따낸 라운드": a side's rounds are its score, not its wins
        if re.search(r"\bpoints?\s*(?:or|/)\s*rounds?\b|\brounds?\s*(?:or|/)\s*points?\b|\bscore column\b"
                     r"|포인트(?:나|이나|든|/)\s*라운드|라운드(?:나|이나|든|/)\s*포인트", t.s, re.I):
            return "score"  # "rounds or points alike": the score of every format, not the points of one
        blank = None
        if t.has("shapes", "no_value"):
            # "데미지 기록이 누락된 경기", "rows with the team kills missing": the statistic's cell is what is blank, so the
            # rows are counted or listed, not the statistic summed
            nul = self._null_filter(None)
            blank = nul.col if nul is not None and nul.op == "is_null" else None
        for name in order:
            if t.has("measures", name):
                if name == "wins" and t.has("measures", "win_rate"):
                    continue
                if blank is not None and blank.split(".")[1] == {"points": "score"}.get(name, name):
                    continue
                return name
        return None

    def entity_positions(self) -> dict[str, list[int]]:
        out = {}
        for name in cues()["entities"]:
            spans = self.t.find("entities", name)
            if spans:
                out[name] = [a for a, _ in spans]
        return out

    def asked_entity(self) -> str | None:
        """The kind of thing the answer names; an aside in parentheses ("(롤 발로 기준)") is read past when the
        question without it names the kind."""
        got = self._asked_entity()
        if got is None and "(" in self.t.s:
            keep = self.t
            self.t = _Text(re.sub(r"\([^()]*\)?", lambda m: " " * len(m.group()), keep.s))
            try:
                got = self._asked_entity()
            finally:
                self.t = keep
        return got

    def _asked_entity(self) -> str | None:
        """The kind of thing the answer names: team, player, tournament, map, region, role, game, date, match."""
        t, s = self.t, self.t.s
        low = s.lower()
        # "Did someone go unbeaten at X? Which team?", "… 있음? 어느 팀?": a closing question of its own names the kind
        tail = re.search(r"[.?!]\s*(?:and\s+|if so,?\s+)?(?:which|what)\s+(teams?|squads?|orgs?|players?|maps?|tournaments?|events?)\s*\??\s*$", low) \
            or re.search(r"[.?!]\s*(?:있으면\s*)?(?:어느|어떤|무슨)\s*(팀|선수|맵|대회)(?:이야|임|인지|인가요|이에요|였음|였어)?\s*\??\s*$", s)
        if tail:
            return self._noun(tail.group(1))
        # English "which/what/how many/list (the) X", "who".
        m = re.search(r"\b(?:which|wich|whcih|what|wat|how many|h(?:w|o|ow?w) man+y|how manny|any|top(?:\s*\d+)?|best(?:\s*\d+)?|list(?: all)?(?: the)?|name(?: the| all)?|show(?: me)?(?: the| all)?|(?<!over )(?<!across )(?<!in )(?<!of )(?<!from )(?<!throughout )all(?: the)?|number of|count the|^\s*count|^\s*every|(?:is|are|was|were) there(?: ever)?)\s+"
                      r"(?:[\w@/-]+\s+){0,3}?(?<!\bper )(?<!\beach )(teams?|squads?|orgs?|players?|pros?|tournaments?|tourneys?|competitions?|events?|maps?|regions?|countr(?:y|ies)|roles?|positions?|games?|match(?:e?s)?|series|dates?|days?|stages?|members?|people|fraggers?|killers?|(?<=damage )dealers?|opponents?|rivals?|months?|years?|sides)\b", low)
        # "what's the highest kill count any squad put up": the value is asked, "any squad" only says whose rows count
        if m and re.match(r"any\b", m.group()) and re.search(
                r"\bwhat(?:'s|’s| is| was| were)\s+(?:the\s+)?(?:most|highest|max(?:imum)?|fewest|lowest|biggest|largest|top)\b", low[:m.start()]) \
                and not re.search(r"\b(?:which|what)\s+(?:team|squad|player|side)\b|\bwho\b|\bwhose\b", low[m.end():]):
            m = None  # (unless the one who did it is asked too: "… and which squad was that?")
        # "what's the most common map", "what is the best team": the noun right after the superlative
        m = m or re.search(r"\bwhat(?:'s|’s| is| was| are| were)\s+the\s+(?:(?:most|least)\s+)?(?:[a-z]+(?:est)?\s+)?(?:@gameX\s+)?"
                           r"(teams?|squads?|players?|tournaments?|tourneys?|competitions?|events?|maps?|regions?|roles?|positions?)\b", low)
        # a bare noun phrase: "most common role", "the map played least", "region with the fewest teams"
        m = m or re.search(r"^\s*(?:what(?:'s|’s| is| was)\s+)?(?:the\s+)?(?:(?:most|least)\s+(?:[a-z]+\s+)?|[a-z]+est\s+)(teams?|squads?|players?|tournaments?|tourneys?"
                           r"|events?|maps?|regions?|roles?|positions?|stages?|months?|years?)\b", low) \
            or re.search(r"^\s*(?:the\s+)?(teams?|squads?|players?|tournaments?|tourneys?|competitions?|events?|maps?|regions?|roles?|positions?|stages?|months?|years?)"
                         r"\s+(?:(?:[a-z]+|@\w+)\s+){0,3}?(?:the\s+)?(?:most|least|fewest)\b", low) \
            or re.search(r"^\s*(?:the\s+)?(months?|years?)\s+(?:with|that had|that saw|where|when|in which)\s+(?:the\s+)?(?:most|least|fewest|highest|lowest|\w+est)\b", low) \
            or re.search(r"\b(?:most|least)[\s-]+(?:often[\s-]+)?(?:played|common|frequent|picked|used|popular|chosen)\s+(maps?|roles?|positions?|regions?|stages?)\b", low)
        m = m or re.search(r"\b(?:rank|sort|order|ranking of|standings? of)\s+(?:all\s+)?(?:the\s+)?(?:@\w+\s+){0,2}"
                           r"(teams?|squads?|players?|maps?|tournaments?|roles?)\s+(?:(?:of|in|at|from)\s+(?:the\s+)?(?:@\w+\s+){1,3})?(?:by|on|in order|from|according)\b", low)  # "rank the X teams by ...", "order the teams of X by ..."
        # "the EU squads per game, count them", "a tally of X's players by position": what is broken down
        # by a group word is what each group counts
        m = m or (re.search(r"\b(teams|squads|players|tournaments|maps)\s+(?:(?:broken down|split|grouped)\s+)?(?:by|per|for each|in each)\s+"
                            r"(?:role|position|region|country|team|game|title|map|tournament|event|stage)\b", low)
                  if re.search(r"\bhow many\b|\bcount\b|\bnumber\b|\bbreakdown\b|\bbreak down\b|\btally\b", low) else None)
        if re.search(r"\b(?:what|which)\s+(?:games|titles)\s+(?:do|does|are|have|has|is|exist|in|you|u)\b", low) \
                and not self.measure():
            return "game"  # the titles covered, not matches
        if re.search(r"\b(?:what|which)\s+(?:game|title)s?\b.*\b(?:tournaments?|events?|tourneys?|teams?|players?)\b", low) \
                and not re.search(r"\b(?:which|what)\s+(?:game|title)s?\s+(?:did|was|were)\b", low):
            return "game"  # "which game has the most tournaments": the title, not a match
        if _TITLES_OF_EVENTS.search(self.text):
            return "game"  # "unique games over the events": the titles the tournaments are of, not matches
        if re.search(r"\b(?:what|which)\s+(?:game\s+)?titles?\s+(?:(?:was|is|were)\s+)?(?:the\s+)?@tournamentx(?:\s+\w+){0,3}\s+(?:on|in|for|with)\b", low):
            return "game"  # "which title the X event was fought out on": the tournament's game, no trophy
        if re.search(r"\bwhom?\b(?:\s+did|\s+has|\s+have|\s+does|\s+do|\s+will)?\s+@teamx\s+(?:beat|defeat|lost|lose|fall|fell"
                     r"|play(?:ed|s)?\s+(?:against|vs\.?|versus)|play\s+(?:in|at|during|on)\s+(?:the|their|its)\b"
                     # "who did X play last spring", "who did X play?": the sides X met (not "play for/with/as")
                     r"|play\b(?!\s+(?:for|as|with|alongside|under|on\s+(?:the\s+)?(?:same|a)\s+team)\b)|fac(?:e|ed|es)|meet|met|(?:go|went|gone)\s+up\s+against|t(?:ake|ook)\s+on)", low):
            return "team"  # the opponent of a named team ("who did X play against", "who has X faced")
        # "is there anyone …", "did anybody …": asked like "who"
        # ("the highest kill count anybody reached on one map": a value, the one who reached it is not asked)
        who = re.search(r"\bwho\b|\bwho'?s\b|\bwhom\b|\b(?:any|some)(?:one|body)\b", low)
        if who and who.group().startswith(("any", "some")):
            who = re.search(r"\bwho\b|\bwho'?s\b|\bwhom\b", low) or who  # "top damage anyone dealt in one game, who was it?"
        if who and who.group().startswith(("any", "some")) and re.search(r"^\W*(?:what(?:'s| is| was)\s+)?(?:the\s+)?(?:most|highest|max(?:imum)?|fewest|lowest|biggest)\b", low):
            who = None
        noun_who = re.search(r"\b(teams?|squads?|players?|pros?|members?)\s+(?:who|whom)\b", low) if who and not m else None
        # "players on a team who never played": the clause after an indefinite phrase of place tells of the noun that leads
        lead = re.match(r"\s*(?:(?:list|show|find|name|give me)\s+)?(?:all\s+)?(?:the\s+)?(teams?|squads?|players?|pros?|members?)\s+"
                        r"(?:on|in|of|with|from|at|for)\s+(?:a|an|any|some)\s+(?:\w+\s+)?(?:who|whom)\b", low)
        if noun_who and lead:
            return self._noun(lead.group(1))
        if noun_who:
            return self._noun(noun_who.group(1))  # "players who won a final": the noun before who names them
        if m and re.match(r"any\b", m.group(), re.I):
            # "teams that … never placed first in any game": "any" inside the clause, the noun that leads is asked
            lead_noun = re.search(r"^\s*(?:the\s+)?(?:@\w+\s+)*(teams?|players?|squads?)\s+(?:that|who|which|whose)\b", low)
            if lead_noun and lead_noun.end() <= m.start():
                return self._noun(lead_noun.group(1))
        # "the players of X and which position each plays": the leading noun is listed, the attribute after "and" beside it
        lead_list = re.match(r"^\W*(?:(?:all|the|every)\s+)*(players?|teams?|squads?|tournaments?|events?)\s+(?:of|in|from|on|at|for)\b", low)
        if lead_list and m and m.start() > lead_list.end() and re.search(r"\band\s*$", low[:m.start()]):
            return self._noun(lead_list.group(1))
        if m and not (who and who.start() < m.start()):
            return self._noun(m.group(1))
        if who:
            # winning and losing are what teams do ("who went out in a semifinal"): the team, as with wins; so are the
            # team-only measures (points, placements, chicken dinners) and a tournament's title
            return "team" if t.has("measures", "wins") or t.has("measures", "losses") or self.last_place and "player" not in self.values \
                or self.measure() in ("points", "placement", "chicken", "win_rate") and "player" not in self.values \
                or t.has("shapes", "champion") and "tournament" in self.values and not re.search(r"\bplayers?\b|\bfraggers?\b|\bmvp\b", low) \
                or self.measure() is None and re.search(r"\bstandings?\b|\bleaderboard\b|\btable\b", low) and "player" not in self.values \
                and not re.search(r"\bplayers?\b|\bfraggers?\b|\bmvp\b|\bkills?\b", low) else "player"
        if re.search(r"\b(?:team|squad)\s+(?:total\s+)?(?:kills?|frags?|elims?|eliminations?|deaths|assists|damage|dmg|points|pts|k/?d|kda|wins)\b", low) \
                and "player" not in self.values and not re.search(r"\bplayers?\b|\bfraggers?\b", low):
            return "team"  # "team kills ranking", "squad points standings": the team-level statistic of each team
        if re.search(r"\b(?:league|points?|group)\s+table\b|\bstandings?\b|\bleaderboard\b", low) and "player" not in self.values \
                and "team" not in self.values and not re.search(r"\bplayers?\b|\bfraggers?\b|\bmvp\b|선수", low) \
                and not (re.search(r"\bleaderboard\b", low) and not re.search(r"\btable\b|\bstandings?\b", low)
                         and self.measure() in PLAYER_MEASURES | {"kills"}):
            return "team"  # "the group stage's league table by wins", "순위표 승수 기준": the teams, each with its statistic
        if "team" in self.values and re.search(r"\b(?:opponents?|rivals?)\b", low) and t.has("shapes", "opponent"):
            return "team"  # "X's opponent in their last match", "the opponents of X in 2025": the other sides
        among = re.search(r"\bamong (?:the |all )?(?:@\w+\s+)?(teams|squads|players|tournaments)\b", low)
        if among:
            return self._noun(among.group(1))
        lead = re.search(r"^\s*(?:the\s+)?(?:@\w+\s+)*(teams?|players?|squads?|opponents?|rivals?)\s+(?:that|who|which|whose|with|@teamx|@playerx)\b", low)
        if lead:
            return self._noun(lead.group(1))
        if re.search(r"\bwhen\b|\bwhat date\b|^\s*(?:the\s+)?date of\b|\bwhat day\b|\bwhich day\b|\bwhat time\b|\b(?:busiest|biggest|quietest|slowest|best|worst)\s+(?:match\s+|game\s+)?(?:day|date)\b", low) \
                or re.search(r"(?:열린|있었던|많았던|치러진|가장 많은|제일 많은)\s*날(?:짜)?(?:은|이|이야|이었어)?\s*\??\s*$", s):
            return "date"
        if re.search(r"\brosters?\b|\bline-?ups?\b|명단|로스터|라인업|멤버 구성", s, re.I):
            return "player"
        if re.search(r"^\s*(?:(?:list|show|give me|name)\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:@\w+\s+)*(teams|players|tournaments|maps|squads|matches|opponents|rivals|guys|pros|orgs)\b", low):
            return self._noun(re.search(r"(teams|players|tournaments|maps|squads|matches|opponents|rivals|guys|pros|orgs)", low).group(1))
        # (after a scope said first: "for each tournament, the team with the most kills")
        m = re.search(r"(?:^|[,:;]|\b(?:for|in) (?:each|every) \w+)\s*(?:the\s+)?(team|player|tournament|map|squad)\s+(?:with|who|that|whose|where)\b", low) \
            or re.search(r"^\s*(?:the\s+)?(?:\w+est|most\s+\w+)\s+(team|player|tournament|map|squad)s?\b", low)
        if m:
            return self._noun(m.group(1))  # "map with the highest total kills"
        if "region" in self.values and re.search(r"@regionX\s*(?:들|은|는)?\s*(?:이름\s*)?(?:어디|목록|리스트|알려|보여|뭐|누구|이름|몇|있)", s) \
                and re.search(r"팀|구단|스쿼드", self.text):
            return "team"  # "한국 팀들 어디": the region's alias took the word 팀
        if re.search(r"몇\s*월(?:이|에|달)|어느\s*달|무슨\s*달|어떤\s*달|몇\s*월\s*$|\S(?:던|한|은|는|인)\s+달(?:은|이|이야|이었어|이었지)?\s*\??\s*$", s):
            return "month"
        if re.search(r"몇\s*년도|어느\s*해|어느\s*년도|무슨\s*년도|\S(?:던|한|은|는|인)\s+(?:해|연도|년도)(?:은|는|가|이야)?\s*\??\s*$", s):
            return "year"
        # Korean "어느 대회였어", "무슨 팀이야": the noun asked about, said with a copula.
        # "어느 대회 경기들이에요" (the matches of which tournament): the tournament, with a noun of its rows between
        m = re.search(r"(어느|어떤|무슨)\s*(팀|선수|대회|맵|지역|게임|포지션|스테이지)\s*(?:(?:의\s*)?(?:경기|판|매치|선수|팀)(?:들)?\s*)?"
                      r"(?:였|이었|야|이야|이에요|에요|예요|임|인가|인지|일까|입니까)", s)
        if m:
            first = re.search(r"(팀|선수|맵)(?:들)?(?:은|는|이|가)?\s*(?:어디|누구)", s[:m.start()])
            if first and re.match(r"(?:는지)?\s*도", s[m.end():]):
                return self._noun(first.group(1))  # "팀 어디임 … 무슨 대회였는지도": the team, the tournament asked beside
            if re.search(r"누구|누가", s[:m.start()]):
                return "player"  # "누구고 무슨 맵이었어": who, and the map beside
            return self._noun(m.group(2))
        # "선수랑 킬 수", "맵하고 경기 수": the noun named first of what the answer lists
        # (a noun said right after a name is that name's scope: "<game> 대회랑 <game> 대회 둘 다 나온 팀")
        m = next((m for m in re.finditer(r"(팀|선수|사람|대회|토너먼트|맵|스쿼드|구단|날짜)(?:들)?(?:\s*\([^()]*\))?(?:이랑|랑|하고|과|와|\s*[+&/]|\s*,|\s+(?:그리고|및))\s+\S", s)
                  if not re.search(r"@\w+X\s*$", s[:m.start()])), None)
        if m:
            return self._noun(m.group(1))
        # "X 선수들 포지션이랑 닉네임 (보여줘)": the noun, then only attributes of it asked beside
        m = re.search(r"(선수|팀|대회)들?(?:의)?\s+(?:(?:포지션|역할|소속팀|소속|지역|게임|종목|닉네임|닉|이름|날짜|일정)\s*(?:이랑|랑|하고|과|와|도|을|를|,)?\s*)+"
                      r"(?:(?:좀|다|전부|같이|함께)\s*)*(?:(?:보여|알려|뽑아|정리|적어|말해)\S*\s*)?\W*$", s)
        if m:
            return self._noun(m.group(1))
        # Korean: the noun right before a question word or a counter.
        # ("두 대회 다 합산": a scope pooled, not the noun asked)
        m = None
        for found in re.finditer(r"(팀|선수|사람|대회|토너먼트|맵|지역|나라|포지션|역할|게임|종목|경기|판|스쿼드|날짜|스테이지|멤버|상대|구단)(?:들)?(?:은|는|이|가|을|를|도|만|의)?\s*"
                             r"(?:이름\s*|(?<=[가-힣])명\s*(?=목록|리스트|알려|보여|뽑아|나열|정리|출력|적어|말해|전부|모두)|종류\s*|데이터\s*|기록\s*)?(?:중에?서?\s*)?(?:(?:은|는)?\s*(?:제외하고|빼고|말고|빼서)\s*)?(?:은|는|이|가)?\s*"
                             r"(어디|누구|뭐|무엇|목록|리스트|알려|보여|몇|이름|어느|있|나와|좀|전부|다\b|순위|순서|랭킹|top|탑|\W*$"
                             r"|싹|쭉|모두|뽑아|추려|나열|출력|찾아|적어|말해|정리)", s):  # imperatives of listing: "선수들 싹 다 뽑아줘", "팀 정리"
            if not re.match(r"\s*(?:합산|합쳐|합친|합해|통틀|더해|더한|누적)", s[found.end():]):
                m = found
        if m:
            return self._noun(m.group(1))
        m = re.search(r"(팀|선수|사람|대회|토너먼트|맵|스쿼드)(?:들)?\s*(?:중에서|중에|중)\b", s)
        if m:
            return self._noun(m.group(1))
        m = re.search(r"(팀|선수|대회|토너먼트|맵|스쿼드|구단)(?:들)?(?:의)?\s?(?:(?:전체|총|모든|전부)\s?)?(?:수|숫자|개수|갯수)(?:는|가|도|를|을|은|이)?(?![가-힣])", s)
        if m:
            return self._noun(m.group(1))  # "... 선수 수": the number of players
        # "대회는 모두 몇 개", "선수 몇 명": the noun the count is of
        m = re.search(r"(팀|선수|대회|토너먼트|맵|스쿼드|구단)(?:들)?(?:은|는|이|가)?\s+(?:\S+\s+){0,2}?몇\s*(?:개|명|팀|곳)", s)
        if m:
            return self._noun(m.group(1))
        if re.search(r"누구|누가|누군", s):
            return "team" if (re.search(r"누가\s*(?:이겼|우승|이김|이긴)|챔피언|우승", s) or "팀" in s
                              or self.measure() in ("points", "placement", "chicken", "win_rate") and "player" not in self.values) else "player"
        if re.search(r"언제|며칠|몇\s*일|날짜|몇\s*시", s):
            return "date"
        m = re.search(r"(어느|어떤|무슨)\s*(팀|선수|대회|맵|지역|게임|종목|경기|포지션|스테이지)", s)
        if m:
            return self._noun(m.group(2))
        for noun in ("선수", "사람", "팀", "대회", "맵"):
            if re.search(noun + r"(?:들)?\s*(?:은|는|이|가)?\s*(?:\?|$|있어|있나|있음|있냐|나와|좀)", s):
                return self._noun(noun)
        if re.search(r"(?<![가-힣])(?:곳|데|조직|단체)(?:들)?\s*(?:은|는|이|가)?\s*(?:어디|어느|목록|리스트|알려|있)", s):
            return "team"  # "둘 다 하는 곳 어디야": the place that fields teams is the organization
        m = re.search(r"^\W*(?:(?:the|all|every|only|any|non|@\w+|\d+|[a-z]+(?:ed|ive))[\s-]+){0,4}?"
                      r"(teams|squads|orgs|players|pros|guys|people|members|tournaments|tourneys|events|maps|matches|games|series)\b", low)
        if m and not re.search(r"\b(?:how|what|which|who|whom|when|where|why|does|did|do|is|are|was|were|has|have|had)\b", low):
            return self._noun(m.group(1))  # a bare noun phrase: "non-korean teams in pubg", "2025 events", "valorant maps"
        return None

    @staticmethod
    def _noun(word: str) -> str:
        w = word.lower()
        table = [("team", ("team", "squad", "org", "opponent", "rival", "side", "팀", "스쿼드", "상대", "구단")), ("player", ("player", "pro", "선수", "사람", "인원", "member", "멤버", "people", "fragger", "killer", "dealer", "guy")),
                 ("tournament", ("tournament", "tourney", "event", "competition", "대회", "토너먼트")), ("map", ("map", "맵", "장소")),
                 ("region", ("region", "countr", "지역", "나라", "리전", "국가")), ("role", ("role", "position", "포지션", "역할")),
                 ("game", ("game", "게임", "종목", "타이틀")), ("match", ("match", "series", "경기", "판", "시리즈", "매치", "세트")),
                 ("date", ("date", "day", "날짜")), ("stage", ("stage", "스테이지", "단계")), ("month", ("month",)),
                 ("year", ("year",))]
        if re.search(r"titles?$", w):
            return "game"  # "each game title", "per title": the game itself
        if w.startswith("game"):
            return "match"  # English "games" are matches; the title is "게임", "종목" or "title"
        for kind, words in table:
            if any(w.startswith(x) for x in words):
                return kind
        return "team"

    def group_entity(self) -> str | None:
        """The X of 'X별', 'for each X', 'per X', 'by X'."""
        s = self.t.s
        back = re.search(r"\b(?:in|for|of|within)\s+each(?:\s+one|\s+of (?:them|those|these))\b", s, re.I)
        if back:
            # "events held in 2025 … the total for each of them": the plural noun said before, one row for each
            nouns = re.findall(r"\b(tournaments|tourneys|events|competitions|teams|squads|players|maps|regions|roles)\b", s[:back.start()], re.I)
            if nouns:
                return self._noun(nouns[-1])
        if re.search(r"월별|달별|매달|매월|월마다|달마다|\b(?:by|per|each|every|for each) (?:calendar )?month\b|\bmonthly\b|\bmonth by month\b|\bmonth-by-month\b"
                     r"|\bmonth[- ]over[- ]month\b", s, re.I):
            return "month"
        if re.search(r"연도별|년도별|해마다|매년|\b(?:by|per|each|every|for each) (?:calendar )?year\b|\byearly\b|\byear by year\b"
                     r"|\byear[- ]over[- ]year\b|\byear[- ]on[- ]year\b", s, re.I):
            return "year"
        if re.search(r"일별|날짜별|일자별|하루마다|매일|\b(?<!sorted )(?<!ordered )(?<!sort )(?<!order )(?<!listed )(?<!ranked )(?:by|per|each|every|for each|a) (?:day|date)\b"
                     r"|\bdaily\b|\bday by day\b", s, re.I):
            return "date"
        # "어떤 맵을 몇 번씩", "which maps did X play, and how often", "maps X played and how many times", "X's map pool",
        # "맵픽 현황": the rows asked for, each with its count
        m = re.search(r"(?:어떤|어느|무슨)\s*(맵|팀|선수|대회|지역|포지션|게임|스테이지)(?:을|를|에서|에|이|가)?[^?.!]{0,24}?몇\s*(?:번|판|경기|회|게임)\s*씩", s) \
            or re.search(r"\b(?:which|what)\s+(maps?|teams?|squads?|players?|tournaments?|regions?|roles?|stages?)\b[^?.!]{0,60}?"
                         r"\b(?:and\s+)?how (?:often|many times)\b", s, re.I) \
            or re.search(r"^\W*(?:the\s+)?(maps?|teams?|squads?|players?|tournaments?|regions?|roles?|stages?)\s+[^?.!]{0,40}?"
                         r"\band how (?:often|many times)\b", s, re.I) \
            or re.search(r"\b(map)\s*pools?\b|(맵)\s*(?:픽|풀)", s, re.I) \
            or re.search(r"\b(stage|map|tournament|event|game|region|role)[- ]by[- ]\1\b", s, re.I)
        if m:
            return self._noun(next(g for g in m.groups() if g))
        # "A랑 B에서 각각", "in A and in B respectively": a row for each of the values named
        m = re.search(r"@(game|tournament|map|stage|region|role)X\s*(?:에서|에)?\s*(?:이랑|랑|하고|과|와|,|/|&|\band\b)\s*(?:(?:in|at|on)\s+)?(?:the\s+)?"
                      r"@\1X(?:[^.?!@]{0,14}?)(?:각각|각자|따로따로|\brespectively\b|\beach\b|\bseparately\b|\bapiece\b)", s, re.I)
        if m:
            return m.group(1)
        m = re.search(r"(팀|스쿼드|구단|선수|대회|토너먼트|맵|장소|지역|나라|리전|국가|포지션|역할|게임|종목|타이틀|경기|스테이지|(?<![가-힣])단계|@teamX|@tournamentX|@gameX|@mapX|@regionX|@roleX|@stageX"
                      # an English column word with the Korean suffix ("stage별", "region마다")
                      r"|(?<![A-Za-z])(?i:teams?|squads?|players?|tournaments?|maps?|regions?|roles?|positions?|stages?))\s*(?:별|마다)", s) \
            or re.search(r"(팀|스쿼드|선수|대회|맵|지역|포지션)들?\s*(?:이|은|는|이랑)?\s*(?:각각|각자)", s) \
            or re.search(r"(?<![가-힣])각\s*(팀|선수|대회|토너먼트|맵|지역|게임|종목|스테이지)", s)
        if m:
            w = m.group(1)
            return self._noun(w) if not w.startswith("@") else w[1:-1]
        for m in re.finditer(r"\b(?:for each|each|per|by|every|in each|of each)[\s-]+(?:of\s+(?:the|their|its|his|her|these|those)\s+)?(?:@\w+\s+)?"
                             # "each participating team", "every competing squad": a participle that only restates the scope
                             r"(?:(?:participating|competing|playing|qualified|qualifying|remaining|individual|single|registered|attending|entered)\s+)?"
                             r"(?:(?:players?|teams?)(?:'s?)?\s+(?=(?:roles?|positions?|regions?|countr(?:y|ies))\b))?(teams?|squads?|players?|members?|tournaments?|tourneys?|competitions?|events?|maps?|regions?|countr(?:y|ies)|roles?|positions?|games?(?:\s+titles?)?|titles?|stages?|years?)\b", s, re.I):
            if m.group().lower().startswith("every") and (
                    re.search(r"\b(?:list|show|name|give me|tell me|what are)\b(?:\s+\w+)?\s*$", s[:m.start()], re.I)
                    or (not s[:m.start()].strip(" ,:-") and self.measure() is None and not self.t.has("aggregates", "count"))):
                continue  # "list every X tournament", "every EU squad here": all of them, not a breakdown
            if m.group().lower().startswith("every") and re.search(
                    r"\b(?:counting|including|across|spanning|covering|summed over|added up over|in total over|over|throughout)\s+$", s[:m.start()], re.I):
                continue  # "a total counting every event", "across every tournament": the whole scope, not a breakdown
            if m.group().lower().startswith("every") and re.match(
                    r"\s+(?:who|that|which|whose|with)\b[^,.;?]*?(?:\bmore\b|\bless\b|\bfewer\b|\bat (?:least|most)\b|\bover\b|\bunder\b|\babove\b|\bbelow\b|\d)",
                    s[m.end():], re.I):
                continue  # "every player who has more than N kills": those that pass, not a breakdown of all
            if re.match(r"(?:by|per)\s+(?:maps?|games?|series|matche?s?)\s+(?:won|lost|taken|dropped|played)\b", s[m.start():], re.I):
                continue  # "ordered by maps won": a count of won maps (the statistic ordered on), not a row per map
            if m.group().lower().startswith("per") and re.search(r"(?:averag\w*|avg|mean)\s+(?:[\w.+%@]+\s+){0,4}$", s[:m.start()], re.I) \
                    and not re.match(r"roles?|positions?|regions?|countr(?:y|ies)|stages?", m.group(1), re.I):
                continue  # "mean frags per roster": the unit of the average, not a grouping ("per role" still groups)
            if re.match(r"by\s+@teamX\s+(?:players|members|pros)\b", m.group(), re.I):
                continue  # "kills by X players": X's players did it, all of them together
            if self._per_unit_of_rate(m, s):
                continue  # "fraggers ordered on frags per game": a rate per game of each player, not a row per map
            if re.match(r"\s+(?:(?:that|which)\s+)?(?:they|he|she|it|@\w+)(?:'ve|'d|\s+have|\s+had|\s+has)?\s+(?:played|was in|were in|appeared|took part|competed)", s[m.end():], re.I) \
                    and not (re.match(r"(?:for |in )?each[\s-]+of\b|for each\b.*,", s[m.start():], re.I)
                             and (not re.match(r"(?:games?|match(?:es)?|maps?|series)$", m.group(1), re.I)
                                  # "for each arena the squad saw, what …": a breakdown said as the clause's head
                                  or re.match(r"for each\b[^,;:?]*,\s*(?:how|what|which|the|their|its|number|count|total)\b", s[m.start():], re.I)
                                  and re.search(r"(?:^|[:;.,!?])\s*$", s[:m.start()]))):
                # (but "for each of the events she entered, …" heads a breakdown)
                continue  # "in each game they played": a condition on each of their rows, not a grouping
            if m.group(1).lower() == "game" and self.measure() is None and "tournament" not in self.values \
                    and re.search(r"\b(?:how many|number of|count)\b.*\b(?:tournaments|events|tourneys|cups|teams|squads|players|matches|maps|series)\b", s, re.I):
                # "for each game, how many events …", "squads per game": entities counted per game are the title's
                # (a match holds no tournament); a statistic per game ("kills per game") is per match
                return "game"
            return self._noun(m.group(1))
        m = re.search(r"\b(players|members|pros|teams|squads|maps|tournaments)\b.*\b(?:each|apiece|individually|one by one)\s*[?.!]*\s*$", s, re.I)
        if m:
            return self._noun(m.group(1))  # "X players, assists each": one row per player
        # "teams and how many players each one has", "players with their kill totals": the listed noun, a count or a
        # total of each said beside it
        m = re.search(r"^\s*(?:(?:list|show|give me|name)\s+)?(?:all\s+|every\s+)?(?:the\s+)?(?:@\w+\s+)?(teams|squads|players|tournaments|maps|regions|roles)"
                      r"\s*(?:,|\band\b|\bwith\b|\bplus\b|\balong with\b|\btogether with\b)\s+(?:how many\b|how much\b|(?:the|their|its)\s+(?:\w+\s+)?"
                      r"(?:counts?|numbers? of|totals?|tally|tallies)\b)", s, re.I)
        if m:
            return self._noun(m.group(1))
        m = re.search(r"\b(players|teams|squads|orgs)\s+(?:ordered|sorted|ranked|listed|arranged)\s+(?:by|on|from)\s+(?!(?:@\w+\s+)?(?:names?|time|dates?)\b)", s, re.I)
        if m and self.measure() is not None:
            return self._noun(m.group(1))  # "teams ordered by maps won": a row per team, ordered on its statistic
        return None

    def _per_unit_of_rate(self, m: re.Match, s: str) -> bool:
        """"sentinels ordered on deaths per game", "teams sorted by elims per match": "per <match unit>" right after a
        statistic, in a question that orders players or teams (or names a role), is the unit of an average."""
        if not re.match(r"per[\s-]+(?:maps?|match(?:es)?|games?|series)\b", m.group(), re.I):
            return False
        if not re.search(r"\b(?:kills?|kils?|frags?|elims?|eliminations?|deaths?|assists?|damage|dmg|points?|pts)\s*$", s[:m.start()], re.I):
            return False
        if re.search(r"\b(?:total|overall|combined|sum)\b", s[:m.start()], re.I):
            return False
        if re.search(r"\b(?:avg|average|mean)\b", s[m.end():], re.I) and not re.search(r"\b(?:each|every|by)\s+(?:maps?|match(?:es)?|games?|series)\b", s, re.I):
            return True  # "frags per game, this year's mean against last year's", "deaths per map, on average": the average's unit
        return bool(re.search(r"\b(?:rank(?:ed|ing|s)?|sort(?:ed)?|order(?:ed)?|best|top|highest|most|leaders?)\b", s, re.I)
                    and (re.search(r"\b(?:players?|teams?|squads?|members?|who|whos|who's|which (?:one|guy|person))\b", s, re.I)
                         or "role" in self.values))

    # ----------------------------------------------------------------- filters
    # An attribute of a player or a team said with a negation is a filter on every row ("who aren't supports",
    # "non-KR teams", "서포터 아닌 선수", "한국 팀 말고"): the value excluded, not a set of groups never doing something.
    _NEGATABLE = ("role", "region", "stage", "map", "tournament")
    _NEG_BEFORE = re.compile(r"(?:\bnot\s+(?:an?\s+|the\s+)?|\bnon[- ]?|\b(?:are|is|was|were)\s*n[o']?t\s+(?:an?\s+|the\s+)?"
                             r"|\b(?:do|does|did)\s*n[o']?t\s+play\s+(?:as\s+)?(?:an?\s+|the\s+)?"
                             r"|\b(?:except|excluding|besides|minus|other than|apart from|outside|not counting|leaving out|ignoring)(?:\s+for)?\s+"
                             # "excluding all matches of the X", "not counting the games at X"
                             r"(?:(?:all\s+|any\s+)?(?:the\s+)?(?:matches|games|series|maps|rounds)\s+(?:of|from|in|at|on)\s+)?(?:the\s+)?)\s*$", re.I)
    # (also said of a format: "배틀로얄 경기는 빼고", "excluding head-to-head matches")
    _NEG_AFTER = re.compile(r"^\s*(?:(?:팀|선수|스쿼드|쪽|지역|리전|포지션|역할|맵|스테이지|경기|매치|판|방식|형식|모드)(?:들)?\s*)?"
                            r"(?:(?:이|가|은|는|을|를)\s*)?(?:아닌|아니|말고|빼고|제외|뺀|외의?\s)")

    def _negated(self, typ: str) -> bool:
        """Whether every mention of this kind of value is negated where it is said."""
        spots = [(a, b) for a, b, t, _ in self.placed if t == typ]
        s = self.t.s
        return bool(spots) and all(self._NEG_BEFORE.search(s[max(0, a - 30):a]) or self._NEG_AFTER.match(s[b:b + 14])
                                   for a, b in spots)

    def _game_left_out(self) -> bool:
        """"X's kills excluding siege", "레식 말고 킬 합계": every game said is left out of the rows (a game said with
        "not" or "never" is another question: who never played it)."""
        spots = [(a, b) for a, b, t, _ in self.placed if t == "game"]
        s = self.t.s
        return bool(spots) and all(
            re.search(r"\b(?:except|excluding|besides|minus|other than|apart from|outside(?: of)?|aside from|ignoring|not counting|without counting"
                      r"|discounting|barring|leaving out|leave out|setting aside|putting aside)\s+(?:the\s+)?$", s[max(0, a - 20):a], re.I)
            # "setting siege aside", "with siege excluded", "siege left out"
            # ("siege ranked events excluded": a word describing its events between)
            or re.match(r"\s*(?:[a-z]+\s+)?(?:games?\s+|matches\s+|events?\s+|tournaments?\s+)?(?:aside|excluded|left out|set aside|put aside|not counted)\b",
                        s[b:b + 34], re.I)
            or re.match(r"\s*(?:은|는|이|가|을|를)?\s*(?:말고|빼고|제외하고|제외|뺀|빼면|제외하면|빼서)", s[b:b + 10]) for a, b in spots)

    def _value_negated(self, typ: str, value) -> bool:
        """Whether every mention of this one value is negated where it is said."""
        spots = [(a, b) for a, b, t, v in self.placed if t == typ and v == value]
        s = self.t.s
        return bool(spots) and all(self._NEG_BEFORE.search(s[max(0, a - 30):a]) or self._NEG_AFTER.match(s[b:b + 14])
                                   for a, b in spots)

    def _value_included(self, typ: str, value) -> bool:
        """Whether every mention of the value is said as included in a wider scope ("X까지 다 포함해서", "X도 포함",
        "including X"), not as the scope itself."""
        spans = [(a, b) for a, b, ty, v in self.placed if ty == typ and v == value]
        s = self.t.s
        return bool(spans) and all(
            re.match(r"\s*(?:\S{1,4}\s*)?(?:까지|도)\s*(?:다\s*|모두\s*|전부\s*)?포함", s[b:b + 24])
            or re.search(r"\b(?:including|incl\.?|counting)\s+(?:the\s+)?$", s[max(0, a - 16):a], re.I)
            for a, b in spans)

    def _stage_onward(self) -> bool:
        """A stage said with the ones after it: "quarterfinals onward", "from the semis on", "8강부터", "4강 이후"."""
        return any(re.match(r"\s*(?:stage\s+)?(?:onwards?|and (?:on|beyond|later|up|after)|or later|(?:부터|이후|이상)(?!\s*(?:까지|전)))", self.t.s[b:], re.I)
                   or re.search(r"\bfrom (?:the\s+)?$", self.t.s[max(0, a - 12):a], re.I)
                   and re.match(r"\s*(?:stage\s+)?on(?:wards?)?\b", self.t.s[b:], re.I)
                   for a, b, typ, _ in self.placed if typ == "stage")

    def value_filters(self, skip: set[str] = frozenset()) -> list[Filter]:
        out = []
        for typ, vals in self.values.items():
            if typ in skip or typ not in VALUE_COL:
                continue
            col = VALUE_COL[typ]
            if typ in ("game", "role", "region") and len(vals) > 1:
                # "롤 말고 발로만", "siege, not valorant": the value said with a negation is not in the scope, the others are
                kept = [v for v in vals if not self._value_negated(typ, v)]
                if kept and len(kept) < len(vals):
                    vals = kept
            if typ in ("game", "stage", "role", "region", "map"):
                # "에이펙스 쪽까지 다 포함해서", "including the apex division": the value widens the scope, it filters nothing
                vals = [v for v in vals if not self._value_included(typ, v)]
                if not vals:
                    continue
            if typ == "stage" and len(vals) == 1 and vals[0] in PLAYOFFS and self._stage_onward():
                # "quarterfinals onward", "8강부터": that stage and the later ones
                vals = PLAYOFFS[PLAYOFFS.index(vals[0]):]
                out.append(Filter(col, "in", vals) if len(vals) > 1 else Filter(col, "=", vals[0]))
                continue
            negated = typ in self._NEGATABLE and self._negated(typ) or typ == "game" and self._game_left_out()
            if negated and len(vals) == 1:
                out.append(Filter(col, "!=", vals[0]))
            elif negated:
                out.append(Filter(col, "not_in", list(vals)))
            else:
                out.append(Filter(col, "=", vals[0]) if len(vals) == 1 else Filter(col, "in", list(vals)))
        if self.has("playoffs") and "stage" not in self.values:
            out.append(Filter("m.stage", "in", list(PLAYOFFS)))
        if _MONTH_SPAN.search(self.t.s):
            out.append(Filter("tr.start_date", "month!=", "tr.end_date"))
        vs = re.search(r"\bhead[- ]to[- ]head (?:match|game|series|format|events?|tournaments?)|\bversus (?:match|game)"
                     r"|\bversus[- ](?:format|mode|style|type|events?|tournaments?|play)\b|대전 경기|(?:맞대결|대전|1\s*대\s*1)\s*(?:방식|형식)"
                     # the column's value said in Korean text ("versus 경기", "format이 versus인")
                     r"|\bversus\s*(?:경기|매치|판|게임|방식|포맷|형식|모드|대회|format)|\bformat\s*(?:(?:is|was|=|==|:|equals?|of)\s*)?(?:이|가|은|는|=)?\s*['\"]?versus\b", self.t.s, re.I)
        if vs and not self.has("ranking_format") and (self._NEG_BEFORE.search(self.t.s[max(0, vs.start() - 40):vs.start()])
                                                       or self._NEG_AFTER.match(self.t.s[vs.end():vs.end() + 14])):
            out.append(Filter("m.format", "=", "ranking"))  # "excluding head-to-head matches": the other format
        elif vs and not (self.has("ranking_format") and _FORMAT_DENIED.search(self.t.s)):
            # ("only battle royale, never a head-to-head game": the other format said as denied is no scope)
            out.append(Filter("m.format", "=", "versus"))
        if self.has("ranking_format"):
            out.append(Filter("m.format", "=", "versus" if self._format_left_out() else "ranking"))
        if not self.has("no_value"):
            out += [f for f in self._values_present() if f not in out]
        return out

    # a column said as filled in: "with a recorded map", "role is known", "맵 기록이 있는", "지역 정보가 있는 팀"
    _PRESENT_COLS = (("region|country|지역|나라|국가", "t.region"), ("role|position|포지션|역할", "p.role"), ("map|맵", "m.map"),
                     ("stage|스테이지", "m.stage"), (r"start(?:ing)? date|시작\s*(?:일|날짜)", "tr.start_date"),
                     (r"end(?:ing)? date|종료\s*(?:일|날짜)", "tr.end_date"),
                     # a statistic's own cell only with a word for the cell ("a damage value on record", "딜량 값이 있는")
                     ("damage|dmg|데미지|딜량", "mp.damage"), ("kills?|킬", "mp.kills"), ("deaths?|데스", "mp.deaths"),
                     ("assists?|어시(?:스트)?", "mp.assists"), ("scores?|점수|스코어", "mt.score"), ("placements?|등수", "mt.placement"))
    _FILLED_EN = r"(?:recorded|known|listed|logged|entered|filled[- ]in|registered|non-?null|present|on (?:record|file)|not (?:null|blank|empty|missing))"
    _FILLED_KO = r"(?:기록(?:돼|되어)?\s*있는|기록된|입력(?:돼|되어)?\s*있는|입력된|등록된|기재된|적혀\s*있는|적힌|채워진|존재하는|있는)"

    def _values_present(self) -> list[Filter]:
        """The columns said as filled in; read once per text (``value_filters`` is asked many times per question)."""
        cached = getattr(self, "_present_cache", None)
        if cached is not None and cached[0] == self.t.s:
            return list(cached[1])
        s, out = self.t.s, []
        for word, col in self._PRESENT_COLS:
            stat = col.startswith(("mp.", "mt."))
            cell = r"(?:\s+(?:value|field|entry|entries|figure|number|data|info|stat))" + ("" if stat else "?")
            en = re.search(rf"(?<![A-Z])\b(?:a|an|any|some|the|their|its|with|having|has|have)\s+{self._FILLED_EN}\s+(?:{word}){cell}\b"
                           rf"|\b(?:{word}){cell}\s+(?:(?:is|are|was|were|has been|have been)\s+)?{self._FILLED_EN}(?!\s+(?:in|at|on|for|by|during|across|over|from)\b(?! (?:record|file)))"
                           rf"|\b(?:with|has|have|having)\s+(?:a|an|their|its)?\s*(?:{word})\s+(?:recorded|listed|logged|filled in)\b", s, re.I)
            ko = re.search(rf"(?<![A-Z가-힣])(?:{word})\s*{'(?:값|수치|기록|데이터|정보)' if stat else '(?:값|기록|데이터|정보)?'}\s*(?:이|가|은|는)?\s*{self._FILLED_KO}", s)
            hit = en or ko
            if hit and not re.search(r"\b(?:no|not|without|never|missing|lacks?|un)\s*(?:\w+\s+)?$", s[max(0, hit.start() - 14):hit.start()], re.I):
                out.append(Filter(col, "not_null"))
        self._present_cache = (s, tuple(out))
        return out

    def _format_left_out(self) -> bool:
        """"excluding ranking-format matches", "not in battle royale", "배틀로얄 경기는 빼고": the ranking format said as left
        out scopes the other format."""
        s = self.t.s
        # ("no battle royale": said of a format, "no" leaves it out; said of a role it would be a roster's lack)
        return any(self._NEG_BEFORE.search(s[max(0, a - 40):a]) or self._NEG_AFTER.match(s[b:b + 14])
                   or re.search(r"\bno\s+$", s[max(0, a - 4):a], re.I) for a, b in self.t.find("shapes", "ranking_format"))

    def _date_cols(self, col: str, specs: list[DateSpec]) -> list[str]:
        """"started in 2025 and ended in 2026", "2025년에 시작해서 2026년에 끝난": with both a start and an end word, each
        date goes to the tournament date its nearest word names."""
        if col not in ("tr.start_date", "tr.end_date") or len(specs) < 2 \
                or not (self.t.has("shapes", "attr_start") and self.t.has("shapes", "attr_end")):
            return [col] * len(specs)
        spans = [(a, b) for a, b, typ, _ in self.placed if typ == "date"]
        words = [(m.start(), m.end(), c) for c, name in (("tr.start_date", "attr_start"), ("tr.end_date", "attr_end"))
                 for p in cues()["shapes"][name] for m in p.finditer(self.t.s)]
        out = []
        for d in specs:
            i = next((k for k, x in enumerate(self.date_specs) if x is d), None)
            if i is None or i >= len(spans) or not words:
                out.append(col)
                continue
            a, b = spans[i]
            out.append(min(words, key=lambda w: min(abs(w[0] - b), abs(a - w[1])))[2])
        return out

    _EVENT_DATED = re.compile(
        r"\b(?:tournaments?|events?|cups?|tourneys?)\s+(?:that\s+|which\s+)?(?:were\s+|was\s+)?(?:(started|began|begun|kicked off|opened)"
        r"|(ended|finished|concluded|wrapped up|closed))\s+(?:in|during|on|before|after|by)\b"
        r"|(?:(시작|개막)|(종료|끝|마무리|폐막))(?:된|한|난|났던|했던|되었던|됐던)\s*대회", re.I)

    def date_filters(self, col: str = "m.played_at", specs: list[DateSpec] | None = None) -> list[Filter]:
        out = []
        specs = self.date_specs if specs is None else specs
        dated = self._EVENT_DATED.search(self.t.s) if col == "m.played_at" else None
        if dated:
            # "matches of tournaments that ended in 2025", "2025년에 끝난 대회들의 경기 수": the tournament's own date
            col = "tr.start_date" if dated.group(1) or dated.group(3) else "tr.end_date"
        cols = self._date_cols(col, specs)
        for d, col in zip(specs, cols):
            if d.kind == "range":
                out.append(Filter(col, "range", list(d.value)))
            elif d.kind == "monthday":
                out.append(Filter(col, "monthday", d.value))
            elif d.kind == "month":
                out.append(Filter(col, "like", f"%-{d.value}-%"))
            elif d.kind == "weekday":
                out.append(Filter(col, "weekday", d.value[0]) if len(d.value) == 1 else
                           Filter(col, "weekday_in", d.value))
            elif d.kind == "time":
                op, v = d.value
                out.append(Filter(col, "time" + op, v))
        return out

    def comparison(self) -> str | None:
        for op, pats in cues()["comparisons"].items():
            if any(p.search(self.t.s) for p in pats):
                if self.measure() == "placement" and op != "=" and re.search(
                        r"\b(?:better|worse)\b|보다\s*(?:좋|잘|나은|나쁜|못)", self.t.s, re.I):
                    # a placement is better the smaller it is: "better than 3.5" is below 3.5, "worse than 4" above 4
                    better = re.search(r"\bbetter\b|보다\s*(?:좋|잘|나은)", self.t.s, re.I)
                    return ("<" if better else ">") + ("=" if op.endswith("=") else "")
                return op
        return None

    def top_n(self) -> int | None:
        s = self.t.s
        rng = re.search(r"(?<![\d/.-])1\s*(?:위|등|st)?\s*(?:~|-|–|부터|에서|to|through|thru)\s*(?P<r>\d+)\s*(?:위|등|th|rd|nd)", s, re.I) \
            or re.search(r"\b(?:places?|positions?|spots?|ranks?)\s+1\s*(?:-|–|to|through|thru)\s*(?P<r>\d+)\b", s, re.I) \
            or re.search(r"(?<![\d/.-])1\s*(?:위|등)?\s*,\s*(?:\d+\s*(?:위|등)?\s*,\s*)*(?P<r>\d+)\s*(?:위|등)", s)  # "1, 2위"
        if rng and 1 < int(rng.group("r")) <= 100:
            return int(rng.group("r"))  # "1~3위", "1st to 3rd", "places 1-5": the first N
        m = re.search(r"(?:\btop|\bbest|\bfirst|상위|탑|TOP)\s*(?P<a>\d+)"
                      r"|(?<![\d/.-])(?P<lead>\d+)\s+(?=(?:players?|teams?|squads?|people|guys)\s+(?:with|who|by)\b)"
                      r"|(?<![\d/.-])(?P<sup>\d+)\s+(?=(?:worst|best|biggest|highest|largest|lowest|most|fewest|smallest)\b)"
                      r"|\b(?:which|what)\s+(?P<which>\d+)\s+(?=(?:@\w+\s+)?(?:players?|teams?|squads?|people|guys|maps?|matches|games|series)\b)"
                      r"|(?P<b>\d+)\s*(?:명|팀|개|위)\s*(?:까지|만)?\s*(?:순위|뽑|알려|보여|top|랭킹)?"
                      r"|(?<![가-힣])(?P<kb>두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:명|팀|개|곳|스쿼드)(?:만|까지|을|를|이|가|은|는)?(?![가-힣])"
                      r"|(?:top|best|first)\s+(?P<w>one|two|three|four|five|six|seven|eight|nine|ten)\b"
                      r"|\b(?P<ws>two|three|four|five|six|seven|eight|nine|ten)\s+(?=(?:worst|best|biggest|highest|largest|lowest|most|fewest|smallest|top)\b)"
                      r"|\b(?:which|what)\s+(?P<ww>two|three|four|five|six|seven|eight|nine|ten)\s+(?=(?:players?|teams?|squads?|people|maps?|matches|games|series)\b"
                      r"|(?:\w+\s+){1,2}(?:the\s+)?(?:most|highest|fewest|lowest|best)\b)"
                      # "the three players with the most damage", "five squads that scored the most": a number word
                      # before who is ranked, beside a superlative
                      r"|\b(?P<wl>two|three|four|five|six|seven|eight|nine|ten)\s+(?=(?:@\w+\s+)?(?:players?|teams?|squads?|people|guys|maps?|pros?)\s+(?:with|who|that|which|by)\b)", s, re.I)
        if not m:
            return None
        if m.group("kb"):
            # "가장 높은 세 팀": a Korean number word beside a superlative
            if not re.search(r"top|상위|탑|순위|랭킹|best|제일|가장|젤|최다|최고|많이|많은|높은", s, re.I):
                return None
            if m.group("kb") == "두" and re.match(r"\s*(?:\S+\s*){0,2}?(?:합쳐|합친|합산|합해|합계|합(?:이|은|을)?(?![가-힣])|더해|더한|모두|다\s*합)", s[m.end():]):
                return None  # "두 팀 킬 합쳐서": both sides of one match added up, not the top two
            return {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}[m.group("kb")]
        word = m.group("w") or m.group("ws") or m.group("ww") or m.group("wl")
        if (m.group("ww") or m.group("wl")) and not re.search(r"\b(?:most|highest|best|top|fewest|lowest|least|biggest)\b", s, re.I):
            return None  # "the two sides that met in the final": no top-N without a superlative
        if word:
            return {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "ten": 10}[word.lower()]
        g = m.group("a") or m.group("lead") or m.group("b") or m.group("sup") or m.group("which")
        n = int(g)
        if (m.group("lead") or m.group("which")) and not re.search(r"\b(?:most|highest|best|top|fewest|lowest|least|biggest)\b", s, re.I):
            return None  # "2 players with the most ...": a top-N only beside a superlative
        if m.group("b") and not re.search(r"top|상위|탑|순위|랭킹|알려|보여|뽑|best|제일|가장|젤|최다|최고", s, re.I) \
                and not (re.search(r"많이|많은|높은|순서|순으로|줄\s*세", s)  # "어시 많이 한 선수 5명", as "다섯 명" above
                         and not re.match(r"\s*(?:명|팀|개|위)\s*(?:이상|이하|넘|초과|미만|보다|아래|밑|위로)", s[m.end("b"):])):
            return None
        return n if 0 < n <= 100 else None

    # ----------------------------------------------------------------- compose
    def parse(self) -> Reading:
        t = self.t
        values = self.values
        measure = self.measure()
        asked = self.asked_entity()
        lookup = self._lookup(measure)
        if lookup is not None:
            return Reading(lookup, 0.9, "lookup")
        debut = self._debut(asked)
        if debut is not None:
            return Reading(debut, 0.8, "list")
        share = self._share_of_total()
        if share is not None:
            return Reading(share, 0.8, "scalar")
        reached = self._reached_stage(measure, asked)
        if reached is not None:
            return Reading(reached, 0.75, "list")
        if asked == "team" and len(values.get("team", [])) == 1 and t.has("shapes", "opponent") and self._names_match_by_time():
            # "X's opponent in their first match of 2026": the other side of that one match (before the readings of the
            # match itself or of X's first appearance)
            pair = self._pair(measure, asked)
            if pair is not None:
                return Reading(pair, 0.85, "pair")
        edge = self._winning_record_against()
        if edge is not None:
            return Reading(edge, 0.75, "having")
        latest = self._latest_to_win(asked)
        if latest is not None:
            return Reading(latest, 0.75, "list")
        won_with = self._wins_with_stat(asked)
        if won_with is not None:
            return Reading(won_with, 0.75, "list" if won_with.select else "count")
        won_by_time = self._winner_of_match_by_time(asked)
        if won_by_time is not None:
            return won_by_time
        sets = self._sets_played()
        if sets is not None:
            return sets
        record = self._record_compared(asked)
        if record is not None:
            return Reading(record, 0.75, "having")
        dated = self._tournament_by_date(measure, asked) or self._tournament_length(measure, asked)
        if dated is not None:
            return Reading(dated, 0.8, "extreme")
        total_rounds = self._rounds_of_both_sides()
        if total_rounds is not None:
            return Reading(total_rounds, 0.75, "having")
        nested_total = self._nested_total(measure, asked)
        if nested_total is not None:
            return Reading(nested_total, 0.75, "group" if nested_total.group else "scalar")
        nested = self._match_totals(measure, asked)
        if nested is not None:
            return nested
        one_match = self._stat_in_match_by_time(measure)
        if one_match is not None:
            return Reading(one_match, 0.75, "list" if one_match.select else "scalar")
        differential = self._differential()
        if differential is not None:
            return Reading(differential, 0.75, "group" if differential.group else "scalar")
        upset = self._winner_behind_on_stat()
        if upset is not None:
            return Reading(upset, 0.75, "pair")
        streak = self._streak()
        if streak is not None:
            return Reading(streak, 0.75, "extreme" if streak.select else "scalar")
        overtime_share = self._overtime_share()
        if overtime_share is not None:
            return Reading(overtime_share, 0.75, "scalar")
        within = self._best_within_unit(measure, asked)
        if within is not None:
            return Reading(within, 0.75, "top")
        runner_up = self._runner_up(asked)
        if runner_up is not None:
            return Reading(runner_up, 0.8, "list")
        pair = self._pair(measure, asked)
        if pair is not None:
            return Reading(pair, 0.85, "pair")
        if t.has("shapes", "titles") and (asked in ("team", None) or asked == "tournament" and len(values.get("team", [])) == 1
                                          and t.has("aggregates", "count")) and "player" not in values:
            # "which team won the most tournaments", "X 우승 몇 번", "how many tournaments has X won": tournaments won,
            # counted per team
            fs = self.value_filters(skip={"stage"}) + self.date_filters()
            if "team" in values and asked in (None, "tournament"):
                return Reading(IR(measure="titles", filters=fs), 0.8, "count")
            maxish = t.has("aggregates", "max") or re.search(r"\bthe most\b|제일|가장|최다", t.s, re.I)
            return Reading(IR(select=["t.name"], measure="titles", filters=fs, group=True,
                              order="desc" if maxish or t.has("shapes", "order") else None,
                              limit=(self.top_n() or 1) if maxish else None), 0.8, "top" if maxish else "group")
        special = self._record_or_recent(asked)
        if special is not None:
            return special
        if measure in (None, "placement") and asked in (None, "team") and ("tournament" in values or "game" in values) \
                and "team" not in values and "player" not in values \
                and re.search(r"\bstandings?\b|\bleaderboard\b|\btable\b|순위표|(?:최종|전체|종합)\s*순위|등수표", t.s, re.I) \
                and not re.search(r"\btop[- ]?\d+\s+(?:finish|placing|spot|place)|\b(?:finish\w*|placed?|placing|land\w*)\s+(?:in\s+|inside\s+|within\s+|into\s+)?"
                                  r"(?:the\s+)?top[- ]?\d+|\d+\s*위\s*(?:이내|안)|(?<![가-힣])(?:탑|톱)\s*\d+", t.s, re.I):
            # "X standings", "X 최종 순위": the teams by what ranks them there (points in ranking play, wins in versus)
            # (a count of top-N finishes "like a leaderboard" is that count, listed)
            fs = self.value_filters() + self.date_filters()
            # "who topped the X table", "led the standings": the first of the table, not the table
            led = re.search(r"\btop(?:ped|s)\b|\b(?:led|leads|leading)\b|\b(?:on |at the )?top of\b|\bheaded\b|1위(?:는|가|한|팀)|1등(?:은|이|한|팀)", t.s, re.I)
            # "bottom of the table", "꼴찌": the last of it
            last = re.search(r"\bbottom of\b|\b(?:last|bottom) (?:place|spot) (?:in|of|on)\b|꼴찌|최하위", t.s, re.I)
            return Reading(IR(select=["t.name"], measure="title", filters=fs, group=True, order="asc" if last and not led else "desc",
                              limit=self.top_n() or (1 if led or last else None)), 0.75, "ranking")
        maxish = t.has("aggregates", "max") or t.has("aggregates", "first")
        minish = t.has("aggregates", "min") or t.has("aggregates", "last")
        n = self.top_n()
        single = t.has("shapes", "single") or self._one_side_score_extreme(measure)
        if asked is None and "role" in values:
            asked = "player"
        if asked in (None, "match") and single and not (maxish or minish or n) and not t.has("aggregates", "count") and self._asks_existence() \
                and self._row_thresholds(True, True):
            # "did anybody drop 25 frags on one map", "20킬 이상 한 판 있어?": whose rows pass the threshold, not a sum
            if asked == "match" and any(p.search(re.sub("|".join(p.pattern for p in cues()["shapes"]["single"]), " ", t.s, flags=re.I))
                                        for p in cues()["entities"]["match"]):
                pass  # "a match where someone got 20 kills": the match is asked, said beside the one-match cue
            else:
                asked = "team" if re.search(r"\b(?:teams?|squads?|sides?)\b|팀|스쿼드", t.s, re.I) or "team" in values else "player"
        if asked is None and measure is None and self._names_match_by_time():
            asked = "match"
        if asked is None and (maxish or minish or t.has("shapes", "order") or n) and not single \
                and not (measure is None and "tournament" in values and t.has("shapes", "champion") and not n) \
                and not (t.has("shapes", "order") and not (maxish or minish or n) and (self.group_entity() or self._CLOCK_ORDER.search(t.s))):
            # ("total matches per tournament, biggest first": the groups are ordered, no key is ranked; "경기 시작시간
            # 이른 순": the rows in time order)
            asked = self._default_key(measure)  # ("winner of <T>" is its champion, below: no superlative of players)
            if n and n > 1 and re.search(r"\bgroup(?:ed)?\s+by\b", t.s, re.I) and self.group_entity() in KEY:
                asked = self.group_entity()  # "sum of kills grouped by team, top 5": the top groups, not a top inside each
        player_level = (asked == "player" or "player" in values or self._by_one_player() or self._per_player_average() or "role" in values or measure in PLAYER_MEASURES
                        or asked == "role" or self.group_entity() in ("player", "role"))
        filters = self.value_filters()
        if self.top_side:
            scope = [f for f in filters + self.date_filters() if f.col in ("tr.name", "tr.game", "m.format", "m.played_at")]
            scope += [Filter("m.stage", "=", st) for st in self.top_side["stage"]]
            if self.top_side.get("team"):
                # that team's own statistic: one row, the team and the value
                cols = {"kills": "mt.kills", "score": "mt.score", "points": "mt.score", "deaths": "mp.deaths",
                        "assists": "mp.assists", "damage": "mp.damage"}
                m_expr = measure if measure in ("win_rate", "kd", "kda", "kp", "wins", "losses") else \
                    f"{'avg' if t.has('aggregates', 'avg') else 'sum'}:{cols[measure]}" if measure in cols else \
                    "avg:mt.placement" if measure == "placement" else None
                if m_expr is not None:
                    fs = filters + self.date_filters()
                    if m_expr in ("win_rate", "wins", "losses") and not any(f.col == "m.format" for f in fs):
                        fs.append(Filter("m.format", "=", "versus"))
                    fs.append(Filter("t.id", "top_team", {"measure": self.top_side["measure"], "filters": scope}))
                    return Reading(IR(select=["t.name"], measure=m_expr, filters=fs, group=True), 0.75, "group")
            filters.append(Filter("p.team_id", "top_team", {"measure": self.top_side["measure"], "filters": scope}))
            player_level = True
        if self.champion_side:
            filters.append(Filter("mt.placement", "=", 1) if self.champion_side == "@side"
                           else Filter("p.team_id", "champion_of", self.champion_side))
            player_level = True
        date_col = "m.played_at"
        timed = any(d.kind in ("time", "weekday", "weekdays") for d in self.date_specs)
        if timed:
            pass  # a clock time or a weekday is a match's: tournaments have dates only
        elif asked == "tournament" and t.has("entities", "match") and self.date_specs \
                and all(d.kind == "range" and _one_day(d.value) for d in self.date_specs):
            pass  # "on Sep 27, matches from which tournament were played", "그날 경기는 무슨 대회": the matches of that day
        elif asked == "tournament" and (t.has("shapes", "attr_start") or re.search(
                r"\btook place\b|\b(?:was|were) (?:held|hosted|run|played)\b|\bhappened\b|개최|치러진|진행된", t.s, re.I)
                or re.search(r"\b(?:starting|started|beginning|began|kicking off|kicked off) in\b", self.text, re.I)):
            date_col = "tr.start_date"  # "events held in 2024": by the tournament's own dates
        elif asked == "tournament" and t.has("shapes", "attr_end") and not t.has("measures", "appearances"):
            date_col = "tr.end_date"
        single = t.has("shapes", "single") or self._one_side_score_extreme(measure)
        # Events and measures.
        mcol, agg, events = self._measure_column(measure, player_level, asked)
        if measure not in ("wins", "losses", "chicken", "win_rate"):
            events += self._result_filters()
        filters += events
        filters += self._score_filters() + self._column_comparisons()
        both = [f for f in filters if f.op == "col>" and f.col.startswith("mp.") and str(f.value).startswith("mp.")]
        if both and asked in ("player", "team") and not single and re.search(
                r"\b(?:overall|in total|total|combined|career|all[- ]time|altogether|summed|cumulative(?:ly)?|in aggregate|all told)\b|통산|총합|전체|합계|합쳐|합친|누적"
                # "across every one of their games", "over the entire season": every row of the key, summed
                r"|\b(?:counting|across|over|summing|adding up)\s+(?:all|every|each)\s+(?:of\s+)?(?:their|his|her|its|the)?\s*(?:matches|games|series|maps)\b"
                r"|\bover\s+(?:the\s+(?:whole|entire)\s+|that\s+|this\s+|the\s+)(?:tournament|event|tourney|season|year|cup)\b"
                r"|모든\s*경기(?:를|에서)?\s*(?:합|더|통틀)", t.s, re.I):
            # "squads with more deaths than kills in total": their sums compared, not one match's row
            rest = [f for f in filters if f is not both[0]]
            return Reading(IR(select=[KEY[asked]], measure=f"diff:{both[0].col}-{both[0].value}", filters=rest + self.date_filters(),
                              group=True, having=(">", 0)), 0.75, "having")
        if t.has("shapes", "overtime") and not any(f.col == "mt.score" for f in filters):
            # overtime: the winner scored more than the game's regulation winning score (the most common one
            # in the asked database: 13 rounds in one title, 7 in another)
            filters += [Filter("mt.placement", "=", 1), self._overtime()]
            if not any(f.col == "m.format" for f in filters):
                filters.append(Filter("m.format", "=", "versus"))
        final_winner = values.get("stage") == ["final"] and "team" not in values and "player" not in values \
            and re.search(r"\bwinners?\b|\bwho won\b|우승|이긴 팀|승자|누가 이겼", t.s, re.I) \
            and not re.search(r"\bhow many\b|몇", t.s, re.I) and not self._extra_columns("team")
        if (t.has("shapes", "champion") and "stage" not in values or final_winner or self._best_squad(measure, asked)) and "tournament" in values \
                and asked in ("team", None):
            # the champion of a tournament, the winner of its final: the final's winner in versus play, the
            # most final-stage points in ranking play
            filters = [f for f in filters if not (f.col == "m.format" and f in events) and f.col != "m.stage"]
            if measure in (None, "wins"):
                fs = [f for f in filters if f not in events] + [Filter("m.stage", "=", "final")]
                return Reading(IR(select=["t.name"], measure="title", filters=fs + self.date_filters(), group=True,
                                  order="desc", limit=1), 0.85, "champion")
            filters += [Filter("m.stage", "=", "final")]
            asked = "team"
        crowned = self._champions_in_scope(measure, asked, self.group_entity(), t.has("aggregates", "count"))
        if crowned is not None:
            return crowned
        if asked == "tournament" and len(values.get("team", [])) == 1 and "stage" not in values and not t.has("aggregates", "count") \
                and re.search(r"\b(?:tournaments?|events?|tourneys?|cups?|titles?)\s+(?:(?:did|has|have|had)\s+)?@teamX\s+(?:ever\s+)?(?:win|won)\b(?!\s+(?:a|an|any|at least|more|most|matches|games|maps|series|rounds|\d))"
                              r"|\b(?:tournaments?|events?|tourneys?|cups?)\s+(?:that\s+|which\s+)?(?:were\s+)?won\s+by\s+@teamX\b"
                              r"|@teamX\s*(?:이|가|은|는)?\s*(?:우승한|우승했던|우승 차지한|정상에 오른)\s*(?:대회|토너먼트)", t.s, re.I):
            # "which events did X win", "X가 우승한 대회": the tournaments whose final X won (its titles), not any match won
            fs = [f for f in filters if not (f.col in ("mt.placement", "m.format", "m.stage") and f in events)]
            return Reading(IR(select=["tr.name"], filters=fs + [Filter("mt.placement", "=", 1), Filter("m.stage", "=", "final"),
                                                                 Filter("m.format", "=", "versus")] + self.date_filters(), distinct=True),
                           0.8, "list")
        every = self._in_every(asked, measure)
        if every is not None:
            return Reading(every, 0.8, "having")
        setop = self._setop(asked, measure, events)
        if setop is not None and setop.setop and setop.setop["op"] == "except" and not setop.setop["a"] and re.search(
                r"(?:경기(?:는|를|도|라도)?\s*)?(?:뛴|뛰어본|뛰어 본|출전한|참가한|나온|나가본|경기한)\s*(?:적\s*(?:은|이)?\s*있는\s*)?(?:팀|선수|스쿼드)?(?:들)?\s*중(?:에서|에)?"
                r"|\b(?:among|of|out of)\s+(?:those|the ones|the (?:teams|players|squads)|teams|players|squads)\s+(?:that|who)\s+(?:have\s+|has\s+|did\s+)?(?:actually\s+)?(?:played|competed)\b"
                r"|\b(?:that|who)\s+(?:have\s+|has\s+)?(?:played|competed)\s+(?:at least once|at all|before)\b", t.s, re.I):
            # "(출전한 선수 중에서)", "among those who played": counted only among those who took part at all
            setop.setop["a"] = [Filter("m.id", "not_null")]
        if setop is not None:
            if t.has("aggregates", "count") and self._counted(asked) == asked and asked in ("team", "player", "tournament") \
                    and not re.search(r"\bwhich\b|(?<![a-z]s )(?<!people )\bwho\b|\blist\b|누구|어디|목록|알려", t.s, re.I):
                # "결승 못 나간 선수 몇 명": how many of them ("the number of players who …": "who" relates, asks no one)
                setop.count_groups = True
            return Reading(setop, 0.8, "set")
        first = self._debut(asked, first_word=True)
        if first is not None:
            return Reading(first, 0.8, "first")
        diff = self._difference(measure, mcol, agg, events)
        if diff is not None:
            return Reading(diff, 0.7, "difference")
        compare = self._compare(asked, mcol, agg)
        if compare is not None:
            return Reading(compare, 0.8, "compare")
        which = self._which_of_two(measure, mcol, agg, filters)
        if which is not None:
            return Reading(which, 0.75, "top")
        filters += self.date_filters(date_col)
        if t.has("shapes", "no_team") and asked == "team" and re.search(r"\b(?:players?|pros?|members?|people)\b|선수|사람", t.s, re.I) \
                and not self.measure():
            asked = "player"  # "players without any team": the team is what they lack, the players are asked
        if t.has("shapes", "no_team") and asked in ("player", None):
            filters.append(Filter("p.team_id", "is_null"))
            asked = "player"
        elif t.has("shapes", "has_team") and asked == "player":
            filters.append(Filter("p.team_id", "not_null"))
        if t.has("shapes", "no_value") and (asked in ("team", "player", "tournament", "match", "date", "map")
                                            or asked is None and self.group_entity()  # "맵 빠진 경기 대회별로 몇 개"
                                            # "stage 빈 경기들, 대회명이랑 일시": the matches listed, with their columns
                                            or asked is None and self._MATCH_NOUN.search(t.s)):
            nul = self._null_filter(asked)
            grouped = {"region": "t.region", "role": "p.role", "map": "m.map", "stage": "m.stage"}.get(self.group_entity() or "")
            if nul is not None and nul.col == grouped and re.search(
                    r"(?:없는|빈|비어 ?있는|안 적힌|미정)\s*(?:거|것|팀|선수|경기|애들)?(?:들)?\s*(?:도|까지)|포함|따로"
                    r"|\b(?:too|as well|also|includ(?:e|ing)|plus|separately|(?:their|its|an?) (?:own|separate|distinct|extra) (?:row|group|bucket|category|line))\b", t.s, re.I):
                nul = None  # "역할 빈 선수도 같이 세줘", "count the blank ones too": the missing value is one more group, kept
            if nul is not None:
                filters.append(nul)
        elif t.has("shapes", "no_team") and asked == "player":
            nul = self._null_filter(asked)  # "a role set but no team": the value said to be there
            if nul is not None and nul.op == "not_null":
                filters.append(nul)
        own = re.search(r"\b(?:series|matches|games|maps)\s+(?:that\s+|which\s+)?(?:@teamX|they|it|the team)\s+(?:had\s+)?(won|lost)\b"
                        r"|\b(?:in|from|during)\s+(?:@teamX\s*(?:'s|’s)?\s+|their\s+|its\s+)(wins|losses|victories|defeats)\b"
                        r"|@teamX\s*(?:이|가|에서)?\s*(이긴|이겼던|승리한|진|졌던|패한|패배한)\s*(?:경기|판|시리즈|맵|게임|매치)", t.s, re.I)
        if own and player_level and "team" in values and not any(f.col == "mt.placement" for f in filters):
            # "X's players' damage in the maps X lost", "X 진 판에서 Y 킬 합계": the player's own side's result
            word = next(g for g in own.groups() if g).lower()
            filters.append(Filter("mt.placement", "=", 2 if word in ("lost", "losses", "defeats", "진", "졌던", "패한", "패배한") else 1))
        side = re.search(r"\b(?:on|of|from|for) the (?:team|side|squad) (?:that|which|who) (won|lost)\b|\b(winning|losing) (?:team|side|squad)\b"
                         r"|(이긴|(?<![가-힣])진|패한|우승한|우승|승리|패배) ?(?:팀|쪽)\s*(?:의|에서|에|소속)?\s*(?:선수|멤버)", t.s, re.I)
        if side and player_level and not any(f.col == "mt.placement" for f in filters):
            # "kills per player of the side that won": the player's own side of the match won (or lost)
            word = next(g for g in side.groups() if g)
            filters.append(Filter("mt.placement", "=", 2 if word.lower() in ("lost", "losing", "진", "패한", "패배") else 1))
        times = self._times_said() if asked in ("team", "player") and self.group_entity() in (None, asked) else None
        row = self._row_thresholds(player_level, True, times) if times else []
        if row:
            # "teams with more than 30 kills in at least two matches", "킬 40 넘긴 경기가 두 번 이상인 팀": the matches
            # whose row passes the statistic's number, counted per key against the number of times
            return Reading(IR(select=[KEY[asked]], measure="countd:m.id", filters=filters + row, group=True,
                              having=(times[0], _num(times[1]))), 0.75, "having")
        listing = self._match_list(asked, measure, events, filters)
        if listing is not None:
            return Reading(listing, 0.75, "list")
        each = self._each_match_values(measure, filters)
        if each is not None:
            return Reading(each, 0.75, "list")
        versus = self._versus(asked, measure, mcol, agg, filters)
        if versus is not None:
            return Reading(versus, 0.75, "versus")
        row_filters = self._row_thresholds(player_level, single)
        filters += row_filters
        has_count = t.has("aggregates", "count")
        maxish = t.has("aggregates", "max") or t.has("aggregates", "first")
        minish = t.has("aggregates", "min") or t.has("aggregates", "last")
        group_by = self.group_entity()
        within = re.search(r"\btop[- ]?(\d+) (?:finish|placing|spot|place|rate|ratio|percentage)|(\d+)\s*위\s*(?:이내|안에|안|권|까지)"
                           r"|\b(?:finish(?:ed|es|ing)?|placed?|placing|end(?:ed)?(?: up)?|land(?:ed|s|ing)?|made|make|makes|crack(?:ed|s)?)"
                           r"\s+(?:in\s+|inside\s+|within\s+|into\s+)?(?:the\s+)?top[- ]?(\d+)\b"
                           # "탑3 젤 많이 한 팀", "탑3 든 횟수", "top 5 안에 든", "톱3 진입": a finish within N said with the loanword
                           r"|(?<![가-힣A-Za-z])(?:탑|톱|top)\s*(\d+)\s*(?:을|를|에|안에|안|이내|까지)?\s*(?:(?:젤|제일|가장|최다로?)\s*)?(?:(?:많이|마니|자주)\s*)?"
                           r"(?:한|했|든|들|찍|기록|진입|입상|횟수|몇\s*번)", t.s, re.I)
        if within:
            # "top 3 finishes per squad", "3위 안에 든 횟수": placements within N, counted per team
            cut = int(within.group(1) or within.group(2) or within.group(3) or within.group(4))
            # ("how often …, with the count of them": a count said outright is no share)
            if t.has("shapes", "percent") or re.search(r"\brate\b|\bratio\b|\bshare\b|비율|확률", t.s, re.I) or re.search(r"\bhow often\b", t.s, re.I) \
                    and not re.search(r"\bcounts?\b|\bhow many times\b|\bnumber of times\b|횟수|몇\s*번", t.s, re.I):
                # "X의 3위 이내 비율": the share of its rows placed within N
                fs = [f for f in filters if f.col != "mt.placement" and not (f.col == "m.format" and f.value == "versus")]
                if group_by in ("team", "player") and not values.get(group_by):
                    # "팀별 톱3 진입 비율", "top-3 rate for each team": the share per group
                    return Reading(IR(select=[KEY[group_by]], measure=f"share:mt.placement<={cut}", filters=fs, group=True), 0.75, "group")
                return Reading(IR(measure=f"share:mt.placement<={cut}", filters=fs), 0.75, "scalar")
            filters = [f for f in filters if f.col != "mt.placement"] + [Filter("mt.placement", "<=", cut)]
            if group_by == "team" or (group_by is None and (asked in (None, "team") or "team" in values)):
                if "team" in values and group_by is None:
                    return Reading(IR(measure="count", filters=filters), 0.75, "count")
                # ("…, most first", "많은 순": an order of the list, not the best one alone)
                rest = re.sub(r"\b(?:highest|lowest|most|fewest|biggest|top|best) (?:one )?(?:first|on top)\b|(?:많은|적은|높은|낮은)\s*(?:순|순서)", "",
                              t.s, flags=re.I)
                if (maxish or minish) and group_by is None and re.search(
                        r"\b(?:most|best|highest|fewest|least|lowest)\b|제일|가장|최고|최다|(?<![가-힣])젤|최소|최저", rest, re.I) and not (
                        t.has("shapes", "each") and not re.search(r"\b(?:every|each|all)\s+(?:of\s+the\s+)?tied\b", t.s, re.I)):
                    # "the side with the most podium (top-N) placings", "탑3 젤 많이 한 팀": the best count, ties kept
                    return Reading(IR(select=["t.name"], measure="count", filters=filters, group=True,
                                      order="asc" if minish and not maxish else "desc", limit=1), 0.75, "top")
                # "… keeping the ones at 5 or more", "그중 5번 이상인 팀만": a threshold on each team's count
                cmp_said, cut_at = self.comparison(), within.start()
                more = [v for a, b, v in self.numbers if not (cut_at <= a < within.end())
                        and not re.search(r"(?:top|탑|톱)[- ]?\s*$", t.s[max(0, a - 5):a], re.I) and not re.match(r"\s*(?:위|등)", t.s[b:])] \
                    if cmp_said else []
                having = (cmp_said, _num(more[0])) if len(more) == 1 and cmp_said in (">", ">=", "<", "<=") else None
                return Reading(IR(select=["t.name"], measure="count", filters=filters, group=True, having=having,
                                  order="desc" if t.has("shapes", "order") else None), 0.75, "having" if having else "group")
        n = self.top_n()
        cmp = self.comparison()
        threshold = self._threshold(row_filters)
        if cmp is None and threshold is not None and not (maxish or minish or n) and self._count_said_as_size():
            cmp = "="  # "teams with 5 players", "선수가 5명인 팀": exactly that many
        if group_by in ("tournament", "team", "player", "map", "stage", "game", "region") and measure is None \
                and t.has("aggregates", "first") and t.has("aggregates", "last") and not t.has("shapes", "single") \
                and re.search(r"날짜|일자|일시|언제|\bdates?\b|\bwhen\b|\bdays?\b", t.s, re.I):
            # "팀별 첫 경기랑 마지막 경기 날짜", "each team's first and last match dates": both ends per group
            return Reading(IR(select=[KEY[group_by]], measure="min:m.played_at", extra_measures=["max:m.played_at"],
                              filters=filters, group=True), 0.75, "group")
        # "first match of 2026 — when?": the earliest or latest date.
        if asked == "date" and not group_by and (measure is None or measure in ("wins", "losses", "chicken") and events) \
                and (t.has("aggregates", "first") or t.has("aggregates", "last")):
            # "X's first loss, when?", "언제 처음 이겼어": the earliest (latest) match with that result
            fn = "min" if t.has("aggregates", "first") else "max"
            if t.has("aggregates", "first") and t.has("aggregates", "last") and not t.has("shapes", "single"):
                # "when were the earliest and latest ...": both ends, side by side
                return Reading(IR(measure="min:m.played_at", extra_measures=["max:m.played_at"], filters=filters), 0.8, "measures")
            return Reading(IR(measure=f"{fn}:m.played_at", filters=filters), 0.8, "date_extreme")
        by_time = self._match_by_time(asked, group_by, measure, filters, n)
        if by_time is not None:
            return by_time
        bounded = not (maxish or minish or t.has("aggregates", "avg")) and (
            re.search(r"\b(?:stomps?|blowouts?)\b|압승|완승", t.s, re.I)
            and any(f.col in ("mt.score", "w.score", "l.score") and f.op in ("<", "<=", ">", ">=") for f in filters)
            or any(f.col == "w.score - l.score" for f in filters))
        if t.has("shapes", "margin") and not bounded:
            # the winner's margin: "biggest round difference on each map", "평균 점수 차". A margin bounded by a number
            # ("2라운드 차 이하로 끝난 맵") or blowouts defined by the loser's score ("stomps, the loser held to N") are
            # conditions of the rows counted or listed instead.
            fs = [Filter("wt.name", f.op, f.value) if f.col == "t.name" else f for f in filters
                  if not f.col.startswith(("mt.", "mp.", "p.")) and not (f.col == "m.format" and f in events)]
            fs += [Filter("w.placement", "=", 1)] + ([] if any(f.col == "m.format" for f in fs) else [Filter("m.format", "=", "versus")])
            fn = "min" if minish and not maxish else "avg" if t.has("aggregates", "avg") else "max"
            diff = "w.score - l.score"
            if group_by in KEY and group_by != "match":
                gkey = {"team": "wt.name"}.get(group_by, KEY[group_by])
                return Reading(IR(select=[gkey], measure=f"{fn}:{diff}", filters=fs, group=True), 0.75, "group")
            ranked = self.asked_entity()
            if fn == "avg" and (maxish or minish) and ranked in ("tournament", "team", "map", "stage", "game") and ranked in KEY:
                # "the event whose average winning margin was the widest", "평균 점수 차가 가장 작은 맵": the groups by that
                # average, the extreme one (ties kept)
                gkey = {"team": "wt.name"}.get(ranked, KEY[ranked])
                return Reading(IR(select=[gkey], measure=f"avg:{diff}", filters=fs, group=True,
                                  order="asc" if minish and not maxish else "desc", limit=self.top_n() or 1), 0.75, "top")
            both_sides = re.search(r"\bwho beat whom?\b|\bwho (?:defeated|beat) who\b|\bwinner and (?:the )?loser\b|누가 누구|이긴 팀(?:이랑|과|하고) 진 팀"
                                   r"|\b(?:the )?(?:winning (?:team|side|squad)|winner),? (?:and )?(?:the )?(?:losing (?:team|side|squad)|loser)\b|이긴\s*팀\s*,\s*진\s*팀|승리\s*팀\s*(?:,|과|이랑|하고)\s*패배\s*팀", t.s, re.I)
            # "rounds both teams took", "양 팀 라운드": both sides' scores asked beside
            each_score = re.search(r"\b(?:rounds?|points?|maps?|scores?) (?:each|both) (?:side|team|squad)s? (?:won|took|got|scored)\b|\b(?:each|both) (?:side|team)s?'? (?:rounds|scores?)\b"
                                   r"|(?:양\s*팀|두\s*팀|각\s*팀)\s*(?:이|의|가)?\s*(?:딴|따낸|가져간|얻은)?\s*(?:라운드|점수|스코어)", t.s, re.I)
            when = re.search(r"\bwhen\b|\bwhat (?:day|date)\b|언제|날짜|며칠|일시", t.s, re.I)
            if both_sides and fn != "avg" and not (when and re.search(r"(?:이긴|진)\s*팀(?:과|와|이랑|하고)?\s*(?:진|이긴)\s*팀\s*(?:의\s*)?(?:라운드|점수|스코어)\s*차", t.s)):
                # "the widest win there, and who beat whom": that match's two sides (and both scores, when the score
                # line is asked: "both sides plus the scoreline", "스코어도")
                line = re.search(r"\bscores?\b|\bscore ?lines?\b|\bfinal score\b|\b(?:winner|loser)'?s (?:rounds|score|points)\b|스코어|점수|몇\s*대\s*몇",
                                 t.s, re.I) or each_score
                # ("… and on what day": the match's time beside its two sides)
                return Reading(IR(select=(["m.played_at"] if when else []) + ["wt.name", "lt.name"] + (["w.score", "l.score"] if line else []),
                                  filters=fs, extreme=(diff, fn)), 0.75, "extreme")
            if self.asked_entity() == "map" and fn != "avg":
                sel = ["m.map"] + [c for c in self._extra_columns("map") if c.startswith("m.")]
                return Reading(IR(select=sel, filters=fs, extreme=(diff, fn)), 0.75, "extreme")
            said = re.search(r"\bdates?\b|\bwhen\b|\bwinners?\b|\bwho won\b|날짜|언제|승자|이긴 팀|누가 이겼", t.s, re.I)
            if fn != "avg" and (self.asked_entity() in ("match", "date", "team") or self._names_the_match() or said):
                sel = ["m.played_at", "m.map", "wt.name", "lt.name"]
                if re.search(r"\bscores?\b|\bscorelines?\b|스코어|점수|몇 ?대 ?몇", t.s, re.I) or each_score:
                    sel += ["w.score", "l.score"]  # "… who won it, final score": both sides' scores beside
                return Reading(IR(select=sel, filters=fs, extreme=(diff, fn)), 0.75, "extreme")
            return Reading(IR(measure=f"{fn}:{diff}", filters=fs), 0.75, "scalar")
        # Per-group best: "X별 1등 Y".
        key = KEY.get(asked) if asked else None
        if asked == "date" and mcol and t.has("entities", "match") and not re.search(r"\b(?:day|date)\b|하루|날(?!짜)|일자|일별", t.s, re.I):
            key = "m.played_at"  # "their best-kill match, when?": the match is the unit, not the day
        beside = asked in ("tournament", "team") and re.search(
            r"(?:대회|토너먼트)\s*(?:이름|명)?\s*(?:이랑|하고|과|와|별)\s*(?:우승팀|우승한 팀|챔피언)|\b(?:tournaments?|events?|tourneys?)\s+(?:names?\s+)?(?:and|with|plus)\s+(?:their|its|the)\s+(?:champions?|winners?)\b",
            t.s, re.I) or asked == "tournament" and (group_by == "tournament" or re.search(
            r"\b(?:with|and|plus|along with|next to|beside)\s+(?:its|their|the|each one'?s)\s+(?:champions?|winners?|winning teams?)\b"
            r"|(?:우승팀|우승한 팀|챔피언)\s*(?:이랑|하고|과|와|도|까지)", t.s, re.I))  # "each event with its champion", "…우승팀 대회이름이랑"
        if (group_by == "tournament" or beside) and (asked in ("team", "player", None) or beside) and measure in ("wins", "points", None) \
                and not has_count and (t.has("measures", "wins") or t.has("shapes", "champion") or t.has("shapes", "winner")):
            # each tournament's champion: the final's winner, or the most final-stage points
            said = [f for f in self.value_filters() if f.col == "m.format"]  # "versus 방식 대회별": a format said is a scope
            fs = [f for f in filters if (f not in events or f in said) and f.col != "m.stage"] + [Filter("m.stage", "=", "final")]
            return Reading(IR(select=["t.name"], measure="title", filters=fs, per="tr.name", order="desc"), 0.75, "per")
        if group_by and asked and group_by != asked and (maxish or minish or n == 1) and not has_count:
            m_expr = self._aggregate(mcol, agg, asked, "sum")
            if m_expr is None:
                m_expr = "count"
            order = "asc" if (minish and not maxish) or (measure == "placement" and maxish) else "desc"
            return Reading(IR(select=[key], measure=m_expr, filters=filters, per=KEY[group_by], order=order), 0.75, "per")
        # Grouped breakdown: "X별 ...", "for each X".
        noun_by = re.search(r"\b(?:breakdown|split|count|tally|number) of (?:the )?(players|teams|squads|tournaments|maps)\b"
                            r"|\b(players|teams|squads)\s+(?:broken down |split |grouped )?(?:by|per)\s+(?:@\w+\s+)?(?:roles?|positions?|regions?|teams?|games?)\b",
                            t.s, re.I) if group_by and group_by != asked and not measure else None
        if noun_by and not has_count:
            # "how many players per position", "teams per region": how many of those nouns in each group
            has_count, asked = True, self._noun(noun_by.group(1) or noun_by.group(2))
        # "팀별 K/D 1 넘는 팀": the groups asked are the ones kept by a threshold (below), not a breakdown of every one
        kept_by_threshold = group_by == asked and key and threshold is not None and cmp and not (maxish or minish) and not single
        if group_by and (not asked or group_by == asked or has_count or measure or asked == "match") and group_by in KEY \
                and not kept_by_threshold:
            gkey = KEY[group_by]
            m_expr = self._aggregate(mcol, agg, asked if asked != group_by else None, "sum")
            if mcol and agg in (None, "sum") and any(f.col == mcol and f.op in (">=", ">", "<=", "<") for f in filters) \
                    and re.search(r"\bhow many (?:times|games|matches|maps|series)\b|\bsuch (?:games|matches|maps|series)\b|\bnumber of (?:times|games|matches|maps)\b"
                                  r"|몇\s*(?:번|판|경기)|횟수|(?:판|경기)\s*수", t.s, re.I):
                # "how many games each player had 5+ kills in", "5킬 이상 한 판 수 선수별로": the rows meeting the condition, counted
                m_expr = "count"
            if m_expr is None and measure in ("wins", "losses", "chicken") and group_by == "team" and not has_count \
                    and not re.search(r"\bwhich teams?\b|\bwho\b|어느 팀|누구|누가", t.s, re.I):
                # "팀별 승수": every team in scope, a team without a win counted as 0
                filters = [f for f in filters if not (f.col == "mt.placement" and f in events)]
                m_expr = "losses" if measure == "losses" else "wins"
            if m_expr is None:
                counted = self._counted(asked) if has_count else None
                if counted == group_by:
                    counted = None
                m_expr = self._count_expr(counted or (asked if asked != group_by else None)
                                          or (None if events else "match"), filters, per=group_by)
            ir = IR(select=[gkey] if group_by != "match" else ["m.id", gkey], measure=m_expr, filters=filters, group=True)
            together = self._side_by_side(player_level or group_by in ("player", "role"))
            if _SHARE_WORD.search(t.s) and not together and (m_expr == "count" or m_expr.startswith(("countd:", "sum:"))):
                # "맵별 경기 비율", "what share of all kills did each team get": each group's part of the whole, in percent
                ir.measure = f"pct_total:{m_expr}"
            if together:
                # "per squad, wins beside losses": one column per statistic
                ir.measure, ir.extra_measures = together[0], together[1:]
                ir.filters = [f for f in filters if not (f.col == "mt.placement" and f in events)]
            if group_by in ("month", "year", "date"):
                ir.order = f"col:{gkey}:asc"  # a calendar breakdown reads in calendar order
            elif t.has("shapes", "order"):
                ir.order = f"col:tr.start_date:{self._chronological()}" if group_by == "tournament" and self._chronological() \
                    else self._direction(measure)
            if n and n > 1 and not ir.order.startswith("col:") if ir.order else n and n > 1:
                ir.order, ir.limit = ir.order or self._direction(measure), n  # "X별 ... top 5": the first n groups
            elif threshold is not None and cmp and not (maxish or minish or single or together) \
                    and (measure or m_expr == "count" or m_expr.startswith("countd:")) \
                    and group_by in ("team", "player", "tournament", "map", "region", "role", "game", "stage"):
                # "팀별 평균 등수 N 이하만", "per player, the average kills, only those at N or more": the
                # groups whose statistic passes the number
                ir.having, ir.order = (cmp, self._scale(measure, threshold)), None
                return Reading(ir, 0.75, "having")
            return Reading(ir, 0.75, "group")
        if has_count and asked in ("team", "player", "tournament", "map", "region") and not (maxish or minish):
            counted = self._counted(None)
            if counted and counted != asked and re.search(r"\beach\b|\bwith how many\b|\bhow many\b.*\beach\b|마다|각각|별로", t.s, re.I):
                ir = IR(select=[KEY[asked]], measure=self._count_expr(counted, filters), filters=filters, group=True)
                if t.has("shapes", "order"):
                    ir.order = (f"col:tr.start_date:{self._chronological()}" if asked == "tournament" and self._chronological()
                                else "desc")
                if threshold is not None and cmp and not single and not n:
                    # "maps picked over N times, with each one's count": the groups whose count passes the number
                    ir.having = (cmp, _num(threshold))
                    return Reading(ir, 0.75, "having")
                return Reading(ir, 0.75, "group")
        # Threshold on an aggregate: "squads above 4 victories", "킬뎃 1.5 이상".
        if key and threshold is not None and cmp and not (maxish or minish) and not single:
            m_expr = self._having_measure(mcol, agg, asked)
            ir = IR(select=[key], measure=m_expr, filters=filters, group=True, having=(cmp, self._scale(measure, threshold)))
            several = self._several_thresholds(player_level)
            if several:
                # "어시 N 넘고 딜량 M 이상": every statistic's own threshold holds
                (m0, op0, v0), rest = several[0], several[1:]
                ir.measure, ir.having, ir.having_also = m0, (op0, v0), rest
                ir.extra_measures = [m for m, _, _ in rest]  # each tested statistic is shown beside the key
                ir.filters = [f for f in filters if not (f.col == "mt.placement" and f in events) and f.op != "col>"]
                return Reading(ir, 0.75, "having")
            every = re.search(r"\b(?:in |on )?(?:every|each) (?:single )?(?:match|map|game|series|round)\b|\ball (?:of )?(?:their|his|her|its) (?:matches|maps|games|series)\b"
                              r"|매\s*(?:경기|판|맵|게임|시리즈)|모든\s*(?:경기|판|맵|게임|시리즈)|전\s*경기", t.s, re.I)
            if every and (re.search(r"\b(?:over|across|throughout|summed|added|adding up|totall?ed|in total|total of)\s+(?:up\s+)?$", t.s[:every.start()], re.I)
                          or re.match(r"\s*(?:combined|together|put together|added up|in total|summed)\b|\s*(?:을|를|에서)?\s*(?:다\s*)?(?:합쳐|합산|합친|합해|통틀어|총|누적)", t.s[every.end():], re.I)):
                every = None  # "a total across all of their maps", "모든 경기 합쳐서": one total over the rows, not each row
            if every and mcol and "." in mcol:
                # "two or more assists in each game": the threshold holds for each row, i.e. for its minimum
                ir.having_measure = f"{'min' if cmp in ('>', '>=') else 'max'}:{mcol}"
            if has_count and self._counted(asked) == asked and not re.search(
                    r"\band (?:how many|their|the)\b|\bwhich\b|\bwho\b|\blist\b|이랑|하고|누구|어디|어느|목록|알려", t.s, re.I):
                ir.count_groups = True  # "how many teams have more than 5 wins": the number of such teams
            return Reading(ir, 0.75, "having")
        if key and self.has("more_than_one") and not (maxish or minish):
            noun = self._counted_after_more_than_one()
            col = {"game": "tr.game", "tournament": "tr.id", "team": "t.id", "player": "p.id", "map": "m.map",
                   "region": "t.region", "match": "m.id"}.get(noun or "match", "m.id")
            if noun == asked:
                col = "m.id"
            return Reading(IR(select=[key], measure=f"countd:{col}", filters=filters, group=True, having=(">", 1)),
                           0.7, "having")
        # Superlatives.
        if (maxish or minish) and (key or single):
            order = "asc" if (minish and not maxish) or (measure == "placement" and not minish) else "desc"
            if measure == "placement" and minish:
                order = "desc"
            if measure == "placement" and re.search(r"\b(?:lowest|smallest)\s+(?:avg\s+|average\s+|mean\s+)?(?:placements?|place|finish(?:ing)? position)\b", t.s, re.I):
                order = "asc"  # the lowest placement number is the best finish (Korean 순위 낮은 is the worst)
            if measure == "deaths" and re.search(r"\bworst\b|최악", t.s, re.I):
                order = "desc"  # the worst death count is the highest
            if single and mcol and n and n > 1 and (not key or asked in ("match", "date")):
                # "top 5 single-match kill games": those rows, with when (and what was asked beside)
                sel = ["m.played_at"] + [c for c in self._extra_columns(asked) if c != "m.played_at"]
                sel += ["t.name"] if mcol.startswith("mt.") else ["p.nickname"]
                return Reading(IR(select=sel + [mcol], filters=filters, order=f"col:{mcol}:{order}", limit=n), 0.75, "top_rows")
            if single and mcol:
                fn = "max" if order == "desc" else "min"
                if key and asked not in ("match", "date"):
                    sel = [key] + (["m.played_at"] if t.has("entities", "date") else [])
                    sel += [c for c in self._extra_columns(asked) if c not in sel]
                    if n and n > 1:
                        # "the five highest one-match damage numbers": the rows, best first
                        return Reading(IR(select=sel + [mcol], filters=filters, order=f"col:{mcol}:{order}", limit=n),
                                       0.75, "top_rows")
                    return Reading(IR(select=sel, filters=filters, extreme=(mcol, fn)), 0.8, "extreme")
                named = "player" in values or "team" in values
                if asked == "match" and named and not t.has("entities", "date") \
                        and not re.search(r"\b(?:which|what) (?:match|game|series)\b|어느 경기|어떤 경기|무슨 경기", t.s, re.I):
                    return Reading(IR(measure=f"{fn}:{mcol}", filters=filters), 0.8, "extreme_value")  # its best, a value
                if asked in ("match", "date"):
                    return Reading(IR(select=["m.played_at"], filters=filters, extreme=(mcol, fn)), 0.8, "extreme")
                extra = self._extra_columns(asked)
                holder = re.search(r"\b(?:player|team|squad)(?:'s name)?\s*(?:and|&|\+|,|/)|(?:\band|\bwith|\bplus|[,:+&/])\s+(?:the\s+|their\s+)?(?:player|team|squad)s?\b"
                                   r"|(?:선수|팀)\s*(?:이름|명)?\s*(?:이랑|랑|하고|과|와|,|\+|도)|(?:[,:\-–—]|이랑|랑|하고|과|와)\s*(?:선수|팀)\s*(?:이름|명)(?![가-힣])", t.s, re.I)
                if extra or holder:
                    # "most kills in one series, plus the date", "…: player and date": the record's row, with who holds it
                    if mcol == "mt.kills" and holder and re.search(r"player|선수", holder.group(), re.I):
                        mcol = "mp.kills"  # the player said beside it: one player's kills, not a side's
                    sel = ["t.name" if mcol.startswith("mt.") else "p.nickname"] + extra
                    return Reading(IR(select=sel, filters=filters, extreme=(mcol, fn)), 0.8, "extreme")
                return Reading(IR(measure=f"{fn}:{mcol}", filters=filters), 0.8, "extreme_value")
            if key:
                if mcol is None and measure is None and asked == "player" and not has_count \
                        and not (t.has("entities", "match") or t.has("measures", "appearances")):
                    mcol = "mp.kills"  # "top 5 fraggers", "best players": ranked by kills
                played = "match" if asked not in ("match", "date", "month", "year") and measure is None and (
                    t.has("entities", "match") or t.has("measures", "appearances")) else None
                most = re.search(r"\b(?:most|fewest|least)\s+(tournaments|events|teams|squads|players|matches|maps)\b"
                                 r"|(대회|팀|선수|경기|맵)(?:가|이|를|을)?\s*(?:제일|가장|젤)\s*(?:많|적)", t.s, re.I)
                if most and measure is None and self._noun(most.group(1) or most.group(2)) != asked:
                    played = self._noun(most.group(1) or most.group(2))  # "which game has the most tournaments"
                m_expr = self._aggregate(mcol, agg, asked, "sum") or self._count_expr(played, filters)
                hv = None
                if threshold is not None and cmp:
                    hv = (cmp, self._scale(None, threshold))
                    m_h = "count"
                    ir = IR(select=[key] if asked != "match" else ["m.id", key], measure=m_expr, filters=filters,
                            group=True, order=order, limit=n or 1)
                    return Reading(self._with_having(ir, m_h, hv), 0.75, "top")
                plain = re.sub(r"\b(?:best|worst) (?:first|to \w+)\b|\bfrom best\b|\b(?:highest|lowest|most|fewest|biggest|top|best|worst) (?:one |(?:map|team|player|squad|side|stage|event|tournament|region|role)s? )?(?:first|on top)\b(?![- ]?places?\b)"
                               r"|\bhigh(?:est)? to low(?:est)?\b|\blow(?:est)? to high(?:est)?\b", "", t.s, flags=re.I)
                limit = n if n else (None if t.has("shapes", "order") and not re.search(r"\b(?:most|best|highest|top(?:ped|s)?|led|leads)\b|제일|가장|최고|최다", plain, re.I) else 1)
                sel = [key] if asked != "match" else ["m.id", key]
                if asked == "map" and group_by is None and re.search(r"\bdates?\b|\bwhen\b|날짜|언제|며칠", t.s, re.I):
                    sel = ["m.id", "m.map", "m.played_at"]  # "which map had the most kills, and when": one map played, a match
                return Reading(IR(select=sel, measure=m_expr, filters=filters, group=True, order=order, limit=limit),
                               0.8, "top")
        if key and t.has("shapes", "order") and (mcol or measure) and asked not in ("date",):
            m_expr = self._aggregate(mcol, agg, asked, "sum") or self._count_expr(None, filters)
            return Reading(IR(select=[key], measure=m_expr, filters=filters, group=True, order=self._direction(measure), limit=n),
                           0.75, "ranking")
        if key and n and (mcol or measure):
            m_expr = self._aggregate(mcol, agg, asked, "sum") or self._count_expr(None, filters)
            return Reading(IR(select=[key], measure=m_expr, filters=filters, group=True, order="desc", limit=n),
                           0.75, "top")
        if measure is None and not has_count and asked is None and ("player" in values or "team" in values) \
                and re.search(r"\bappearances?\b|\bapps\b|출전 ?(?:수|횟수)", t.s, re.I):
            return Reading(IR(measure="countd:m.id", filters=filters), 0.75, "count")  # "X appearances"
        if measure in ("wins", "losses", "chicken") and not has_count and asked is None and not key \
                and not (mcol or "").startswith("share:"):
            return Reading(IR(measure="count", filters=filters), 0.75, "count")  # "X chickens?", "X 승수"
        if mcol and mcol.startswith("share:") and not key:
            return Reading(IR(measure=mcol, filters=filters), 0.8, "scalar")  # "X의 치킨 비율"
        # Counts and scalar aggregates.
        if has_count or agg or mcol or measure in ("kd", "kda", "kp", "win_rate"):
            counted = self._counted(asked)
            if has_count and row_filters and asked in (None, "match", "team", "player") \
                    and (not agg or agg == "avg" and not re.search(r"\bavg\b|\baverag|\bmean\b|평균", t.s, re.I)) \
                    and re.search(r"\bhow (?:many times|often)\b|\bnumber of times\b|몇\s*번|횟수|경우", t.s, re.I):
                # "how often did a side close out a map on zero frags", "노킬 경우 몇 번": the side's rows so
                return Reading(IR(measure="count", filters=filters), 0.8, "count")
            if mcol and (counted is None or self._measure_near_count() or (not has_count and (asked in (None, "match", "date") or (
                    agg and not re.search(r"\b(?:which|who|list|show)\b|누구|어느|어떤|목록|명단", t.s, re.I))))):
                fn = agg or "sum"
                together = self._side_by_side(player_level)
                if together:  # "X's assists and damage in total": both, side by side
                    fs = [f for f in filters if not (f.col == "mt.placement" and f in events)]
                    return Reading(IR(measure=together[0], extra_measures=together[1:], filters=fs), 0.8, "scalar")
                if measure in ("kd", "kda", "kp", "win_rate"):
                    return Reading(IR(measure=measure, filters=filters), 0.8, "scalar")
                return Reading(IR(measure=f"{fn}:{mcol}", filters=filters), 0.8, "scalar")
            if measure in ("kd", "kda", "kp", "win_rate"):
                return Reading(IR(measure=measure, filters=filters), 0.8, "scalar")
            if has_count:
                return Reading(IR(measure=self._count_expr(counted, filters), filters=filters), 0.8, "count")
        if key and mcol and "." in mcol and asked in ("player", "team") and not has_count and (re.search(
                r"\beach(?: one|one)?(?:'s|’s)?\b|\bapiece\b|\bper (?:player|team|squad|head)\b|\bindividual(?:ly)?\b|각각|각자|한 ?명씩|개인별|선수별|팀별", t.s, re.I)
                or measure is not None and not row_filters and not self._asks_existence()
                and not any(f.col.startswith(("mt.", "mp.")) and f.op in ("<", "<=", ">", ">=", "between") for f in filters)):
            # "X's players with the kills of each", "선수들 킬 각각": the statistic summed per listed key; so is a
            # statistic said of the players or a role without a count ("the adc's kills in the final", "정글러 데스"):
            # listing the players would drop the number asked; a threshold on each row ("11라운드 이하로 진 팀이랑 딴
            # 라운드") asks for the rows that pass, each with its own number
            return Reading(IR(select=[key], measure=f"{agg or 'sum'}:{mcol}", filters=filters, group=True), 0.75, "group")
        # Lists.
        if key:
            sel = [key]
            if asked in ("match", "date"):
                sel = ["m.played_at"]  # the dates of the matches themselves, with their times
            if t.has("entities", "map") and asked != "map" and re.search(
                    r"\bwhich map\b|\bwhat map\b|어느 맵|무슨 맵|맵은|맵도|맵이|(?:이랑|랑|하고|와|과|,)\s*맵(?!\s*(?:별|마다|에서|당))"
                    r"|\b(?:and|plus|with) (?:the |their )?maps?\b(?!\s+(?:count|number|pool))", t.s, re.I):
                sel.append("m.map")
            if asked != "date" and (t.has("entities", "date") and re.search(r"\bdate\b|\bwhen\b|날짜|언제", t.s, re.I)
                                    or re.search(r"\b(?:what|which) (?:day|date)\b|무슨 ?날|며칠"
                                                 # "with the time of each game", "the series time"
                                                 r"|\b(?:the|its|their)\s+(?:exact\s+|start(?:ing)?\s+)?times?\s+of\s+(?:the|its|their|that|each)\s+(?:match|game|series)\b"
                                                 r"|\b(?:match|game|series)\s+times?\b", t.s, re.I)) \
                    and not any(f.op in ("is_null", "not_null", "month!=") and f.col.endswith("_date") for f in filters):
                # a tournament's own span, unless the date is said of its match ("결승전 일시", "결승 날짜",
                # "when was each final played")
                of_match = asked == "tournament" and re.search(
                    r"(?:@stageX\s*전?|결승전?|준결승전?|4강전?|8강전?|경기|매치|판)\s*(?:이|가|은|는|의|도)?\s*(?:언제|날짜|일시|일자|며칠)"
                    r"|\bwhen\s+(?:was|were|did)\s+(?:the\s+|each\s+|that\s+|those\s+|its\s+|their\s+)?(?:grand\s+)?(?:finals?|semi-?finals?|quarter-?finals?|matche?s?|games?|@stageX)"
                    r"|(?:\b(?:finals?|semi-?finals?|match|game)|@stageX)(?:'s)?\s+(?:dates?|days?)\b", t.s, re.I)
                sel.append("m.played_at") if asked != "tournament" or of_match else sel.extend(["tr.start_date", "tr.end_date"])
            sel += [c for c in self._attributes_beside(asked, filters) if c not in sel]
            # "players at 20+ kills in one match, plus their date and kills", "닉, 일자, 킬": the statistic a
            # threshold on each row holds, listed beside the row
            for f in filters:
                stat = f.col.split(".")[1] if f.col.startswith("mp.") and f.op in (">", ">=", "<", "<=") else None
                word = {"kills": r"kills|킬", "deaths": r"deaths|데스", "assists": r"assists|어시(?:스트)?", "damage": r"damage|딜량|데미지"}.get(stat or "")
                if word and f.col not in sel and re.search(
                        r"(?:,|\band\b|\bwith\b|\bplus\b|랑|이랑|하고|과|와)\s*(?:the\s+|their\s+|his\s+|her\s+)?(?:" + word + r")(?:\s*(?:수|개수|횟수))?\s*(?:[,.?!]|$|도|까지|\band\b)",
                        t.s, re.I):
                    sel.append(f.col)
            if asked == "team" and any(f.col.startswith("mt.") for f in filters) and re.search(
                    r"(?:딴|얻은|가져간|챙긴|기록한|낸)\s*(?:라운드|점수|포인트|세트|맵)|\b(?:rounds?|points?|maps?|sets?)\s+(?:they|it|that (?:team|side))\s+(?:won|took|got|scored|had)\b"
                    r"|\b(?:their|its)\s+(?:own\s+)?(?:scores?|rounds?|points?)\b", t.s, re.I):
                sel.append("mt.score")  # "the losing sides and the rounds they took": each row's own score beside
            return Reading(IR(select=sel, filters=filters, distinct=True), 0.75, "list")
        raise Unsupported("no_shape")

    # ----------------------------------------------------------------- pieces
    _WITHIN_UNIT = re.compile(
        r"\b(?:in|within|during|on|over|across|at)\s+(?:a|one|any)\s+(?:single\s+)?(?:(?:@\w+|battle|royale|br|versus|ranked)\s+){0,2}(day|date|tournament|event|tourney|season|year|month|stage|edition)\b"
        r"|\b(?:in|within|during)\s+(?:the\s+)?same\s+(day|tournament|event|season|year|month)\b|\bsingle[- ](day|tournament|event|season)\b"
        r"|\bone[- ](day)\b|(하루)\s*(?:에|에만|동안|만에)|(?:한|단일|같은)\s*(대회|날|시즌|해|달)(?:에서|에|동안|안에|기준)", re.I)

    def _best_within_unit(self, measure: str | None, asked: str | None) -> IR | None:
        """"a squad's best points total on one day", "the most map wins one side had inside one event",
        "하루에 제일 많이 킬한 선수": the best total of a key inside one day (tournament, season, month): grouped by the key
        and that unit, the best group with the unit beside it."""
        t, s = self.t, self.t.s
        m = self._WITHIN_UNIT.search(s)
        # "squads on 2+ dinners inside one event": the key's count inside one unit against
        # a threshold (grouped by the key and the unit), said before the unit
        cmp = self.comparison()
        cut = self._threshold([]) if m is not None and cmp in (">", ">=", "=") else None
        if m is None or not (t.has("aggregates", "max") or t.has("aggregates", "min") or cut is not None):
            return None
        if self.group_entity() or "team" in self.values or "player" in self.values:
            return None
        word = next(g for g in m.groups() if g).lower()
        unit = {"day": "day(m.played_at)", "date": "day(m.played_at)", "하루": "day(m.played_at)", "날": "day(m.played_at)",
                "tournament": "tr.name", "event": "tr.name", "tourney": "tr.name", "edition": "tr.name", "대회": "tr.name",
                "season": "year(m.played_at)", "year": "year(m.played_at)", "시즌": "year(m.played_at)", "해": "year(m.played_at)",
                "month": "month(m.played_at)", "달": "month(m.played_at)", "stage": "m.stage"}[word]
        if asked not in ("team", "player"):
            if re.search(r"\b(?:one|any|a|which|what)\s+(?:player|pro|fragger)\b|누가|선수", s, re.I) or measure in PLAYER_MEASURES:
                asked = "player"
            elif re.search(r"\b(?:one|any|a|which|what)\s+(?:team|squad|side|org)\b|팀|스쿼드", s, re.I) or measure in ("points", "wins", "chicken", "placement"):
                asked = "team"
            else:
                return None
        player_level = asked == "player"
        mcol, agg, events = self._measure_column(measure, player_level, asked)
        if mcol is None and not events:
            return None
        if mcol in ("kd", "kda", "kp") or (mcol or "").startswith("share:"):
            return None
        m_expr = f"sum:{mcol}" if mcol else "count"
        fs = self.value_filters() + self.date_filters() + events
        if cut is not None:
            # the key's best unit passes: one row per key (a team over 3 in two events is one team)
            return IR(select=[KEY[asked]], measure=m_expr, filters=fs, group=True, having=(cmp, _num(cut)),
                      nest={"agg": "max", "by": [unit]})
        minish = t.has("aggregates", "min") and not t.has("aggregates", "max")
        return IR(select=[KEY[asked], unit], measure=m_expr, filters=fs, group=True, order="asc" if minish else "desc", limit=1)

    _SIDES_SUMMED = re.compile(r"\bcombined\b|\bboth (?:teams|sides|squads)\b|\b(?:of|by|from|across|for) (?:all|every|each) (?:the )?(?:teams|sides|squads)\b|\bin total\b|\bbetween (?:them|the two|both)\b|\bsummed\b"
                             r"|\b(?:total|combined|aggregate)\s+(?:\w+\s+)?(?:kills|rounds|points|score|damage)\s+(?:of|in|per|for)\s+(?:a|each|every|one)\b"
                             r"|양\s?팀|두\s?팀\s?합|합친|합쳐|합산|합계|총합", re.I)
    _MATCH_UNIT = re.compile(r"\b(?:per|a|each|every|one|single|in a|in one)\s+(?:@\w+\s+)?(?:match|game|map|series)\b"
                             r"|(?:맵|경기|판|게임|시리즈|매치)\s*(?:하나|한\s?개|1개)?\s*(?:에|당|마다|별로)|한\s?(?:맵|경기|판|게임|시리즈|매치)(?:에|에서|당)", re.I)

    _WON_EVENT = re.compile(r"\bwon\s+(?:a|an|any|the)?\s*(?:tournaments?|events?|titles?|cups?|championships?)\b|\bchampions?\b|\btitle winners?\b"
                            r"|우승\s*(?:한|했던|했던|차지한)\s*(?:팀|곳)|우승\s*팀|우승팀|챔피언", re.I)
    _FIRST_EVENT = re.compile(r"\b(?:first|earliest|opening|very first)\s+(?:@\w+\s+)?(?:tournament|event|cup)\b|첫\s*(?:번째\s*)?대회|최초(?:의)?\s*대회|가장\s*(?:처음|먼저|이른)\s*(?:열린\s*)?대회", re.I)
    _LAST_EVENT = re.compile(r"\b(?:most recent|latest|last|newest|final)\s+(?:@\w+\s+)?(?:tournament|event|cup)\b|(?:가장\s*)?최근\s*(?:에\s*)?(?:열린\s*)?대회|마지막\s*대회|최신\s*대회", re.I)

    def _champions_in_scope(self, measure, asked, group_by, has_count) -> Reading | None:
        """"2025년에 우승한 팀", "which teams won a tournament in 2025", "who won the first tournament": the champion of each
        tournament in a date scope (the final's winner, or the most final-stage points), or of the first or last one."""
        t, values = self.t, self.values
        first, last = self._FIRST_EVENT.search(t.s), self._LAST_EVENT.search(t.s)
        won = self._WON_EVENT.search(t.s) or (first or last) and re.search(r"\bw[oi]n(?:ner)?s?\b|우승", t.s, re.I)
        if asked == "player" and not re.search(r"\bplayers?\b|\bpros?\b|선수", t.s, re.I):
            asked = "team"  # "who were the champions": a side
        if "tournament" in values or "team" in values or "player" in values or "stage" in values or group_by or has_count \
                or asked not in ("team", None) or measure not in (None, "wins") or not won:
            return None
        game = values.get("game", [None])[0] if len(values.get("game", [])) <= 1 else None
        fs = [f for f in self.value_filters() if f.col in ("tr.game", "m.format", "t.region")] + [Filter("m.stage", "=", "final")]
        if bool(first) != bool(last):
            fs.append(Filter("tr.id", "tr_by_time", {"order": "asc" if first else "desc", "game": game}))
            return Reading(IR(select=["t.name"], measure="title", filters=fs, group=True, order="desc", limit=1), 0.8, "champion")
        if first or last or not (self.date_specs or re.search(r"\btournaments\b|\bevents\b|대회들|대회마다|각\s*대회|\bwon\s+(?:a|any)\b", t.s, re.I)):
            return None
        return Reading(IR(select=["t.name"], measure="title", filters=fs + self.date_filters(), per="tr.name", order="desc"),
                       0.75, "per")

    def _match_totals(self, measure: str | None, asked: str | None) -> Reading | None:
        """A statistic of both sides of one match added up, then averaged (or its extreme taken) over the matches:
        "mean kills per map with both squads summed", "판마다 두 팀 킬 더해서 평균" → AVG over matches of SUM(mt.x) (IR ``over``);
        "the map whose two sides together scored highest, and its date" → the matches ranked by that total."""
        t, s = self.t, self.t.s
        if measure not in ("kills", "score", "points", "damage", "deaths", "assists") or "team" in self.values or "player" in self.values:
            return None
        if not self._SIDES_SUMMED.search(s) or not (self._MATCH_UNIT.search(s) or t.has("shapes", "single")
                                                   or t.has("entities", "match") or t.has("entities", "map")):
            return None
        if self.group_entity() not in (None, "match"):
            return None
        if asked == "map" and not (self._MATCH_UNIT.search(s) or t.has("shapes", "single")) and re.search(r"\bin total\b|\boverall\b|통틀어|합계|총", s, re.I):
            return None  # "on which map was the most damage dealt in total": each map's total over its matches
        if asked in ("team", "player") and not re.search(r"\bboth (?:teams|sides|squads)\b|\bbetween (?:them|the two|both)\b|양\s?(?:팀|쪽|측)|두\s?팀", s, re.I):
            return None  # "그날 합계 킬 1등 선수", "the squad with the most points in total": who has the largest own total
        col = {"kills": "mt.kills", "score": "mt.score", "points": "mt.score"}.get(measure, f"mp.{measure}")
        fs = self.value_filters() + self.date_filters()
        maxish = t.has("aggregates", "max") or re.search(r"\bbloodiest\b", s, re.I)
        minish = t.has("aggregates", "min")
        if t.has("aggregates", "avg") and not (maxish or minish):
            return Reading(IR(measure=f"sum:{col}", filters=fs, nest={"by": ["m.id"], "agg": "avg"}), 0.75, "scalar")
        if not (maxish or minish):
            return None
        order = "asc" if minish and not maxish else "desc"
        if asked in (None, "match", "date", "tournament", "map") and (asked or t.has("entities", "date")
                                                                      or re.search(r"\b(?:which|what) (?:match|game|series|map)\b|어느 경기|어떤 경기|언제", s, re.I)):
            sel = ["m.id", "m.played_at"]
            if asked == "tournament" or re.search(r"\b(?:which|what) (?:tournament|event)\b|어느 대회|무슨 대회|어떤 대회", s, re.I):
                sel.append("tr.name")
            if asked == "map" or re.search(r"\b(?:which|what) map\b|어느 맵|무슨 맵|맵은|맵이", s, re.I) or "m.map" in self._extra_columns(asked):
                sel.append("m.map")
            return Reading(IR(select=sel, measure=f"sum:{col}", filters=fs, group=True, order=order, limit=self.top_n() or 1),
                           0.75, "top")
        return Reading(IR(measure=f"sum:{col}", filters=fs, nest={"by": ["m.id"], "agg": "max" if order == "desc" else "min"}),
                       0.75, "scalar")

    def _stat_in_match_by_time(self, measure: str | None) -> IR | None:
        """A named player's or team's statistic in the first or last match of a scope ("X's damage in the final game
        of T", "T 마지막 경기 X 킬"): the statistic in that one match (picked by time inside the scope)."""
        t = self.t
        if not self._names_match_by_time() or re.search(
                r"\b(?:first|last|latest|earliest|most recent)\s+(?:\d+|two|three|five|ten)\s|(?:첫|마지막|최근)\s*\d+", t.s, re.I):
            return None  # no one match, or the last N matches: a span, not one match
        first = re.search(r"\b(?:first|earliest)\s+(?:@\w+\s+)?(?:match|game|series|map)|첫\s*(?:경기|매치|판)", t.s, re.I)
        scope = [f for f in self.value_filters() + self.date_filters() if f.col.startswith(("tr.", "m."))]
        asked = self.asked_entity()
        if measure is None and asked in ("team", "player") and not ("player" in self.values or "team" in self.values) \
                and re.search(r"\bplay(?:ed|s)?\b|\bfaced\b|\bmet\b|\bin\b|붙은|뛴|경기한|나온|맞붙|대결", t.s, re.I):
            # "which two teams played the first LoL match of 2026", "마지막 경기 뛴 선수": who took part in that one match
            pick = Filter("m.id", "by_time", {"order": "asc" if first else "desc", "filters": scope})
            return IR(select=["t.name" if asked == "team" else "p.nickname"], filters=[pick],
                      fact="mt" if asked == "team" else "mp", distinct=True)
        if measure not in COLUMN_MEASURES or not ("player" in self.values or "team" in self.values):
            return None
        own = [f for f in self.value_filters() if f.col in ("p.nickname", "t.name")]
        player = "player" in self.values
        col = {"kills": f"{'mp' if player else 'mt'}.kills", "points": "mt.score", "score": "mt.score",
               "placement": "mt.placement"}.get(measure, f"mp.{measure}")
        who = {"player": self.values["player"][0]} if player else {"team": self.values["team"][0]}
        pick = Filter("m.id", "by_time", {"order": "asc" if first else "desc", "filters": scope, **who})
        return IR(measure=f"sum:{col}" if measure != "placement" else "min:mt.placement", filters=own + [pick])

    _CONJ = re.compile(r"\band\b|&|\+|,|이랑|(?<=[가-힣])랑|하고|(?<=[가-힣])(?:과|와)\s|그리고|및", re.I)

    def _measures_said(self) -> list[tuple[str, int, int]]:
        """The statistics the question names, in order: (name, start, end) of the first cue of each."""
        out = []
        for name in ("kp", "kda", "kd", "win_rate", "damage", "assists", "deaths", "points", "kills", "wins", "losses"):
            spans = self.t.find("measures", name)
            if spans:
                a, b = min(spans)
                if not any(a < b2 and a2 < b for _, a2, b2 in out):
                    out.append((name, a, b))
        return sorted(out, key=lambda x: x[1])

    def _plain_measure(self, name: str, player_level: bool, avg: bool = False) -> str | None:
        """The aggregate of one named statistic on its own (for measures side by side and several thresholds)."""
        fn = "avg" if avg else "sum"
        if name in ("kd", "kda", "kp", "win_rate", "wins", "losses"):
            return name
        if name == "kills":
            return f"{fn}:{'mp' if player_level else 'mt'}.kills"
        if name in ("deaths", "assists", "damage"):
            return f"{fn}:mp.{name}"
        if name == "points":
            return f"{fn}:mt.score"
        return None

    def _side_by_side(self, player_level: bool) -> list[str] | None:
        """Two or more statistics asked together ("wins and losses by team", "어시랑 딜량"): each
        one column. None when the question compares them ("more deaths than kills") or names one."""
        said = self._measures_said()
        if len(said) < 2 or re.search(r"\bthan\b|보다|\bvs\.?\b|대비|\bper\s+(?:kill|death)\b", self.t.s, re.I):
            return None
        both = re.search(r"둘\s?다|\bboth\b|같이|모두|\btwo columns\b|\bside by side\b|나란히", self.t.s, re.I)
        for (_, _, b), (_, a, _) in zip(said, said[1:]):
            between = self.t.s[b:a]
            if len(between) > 40 or not (self._CONJ.search(between) or re.search(r"\bplus\b|\bas well as\b", between, re.I)
                                         or both and not between.strip()):
                return None
        avg = self.t.has("aggregates", "avg")
        # kills beside a player-only statistic (deaths, damage) are the players' kills: one fact table for all
        player_level = player_level or any(n in PLAYER_MEASURES for n, _, _ in said)
        exprs = [self._plain_measure(n, player_level, avg) for n, _, _ in said]
        return None if None in exprs else exprs

    def _several_thresholds(self, player_level: bool) -> list[tuple[str, str, float]] | None:
        """A threshold on each of two or more statistics ("damage over 5k while assists stay below 20"): (measure, op, value) each."""
        said = self._measures_said()
        if len(said) < 2:
            return None
        s = self.t.s
        out = []
        for i, (name, a, b) in enumerate(said):
            # the number said right before the statistic ("at least 12 assists"), else after it ("딜량 3천 이상",
            # "assists above 12")
            lo, hi = said[i - 1][2] if i else 0, a
            before = [x for x, y, _ in self.numbers if lo <= x < hi and re.fullmatch(r"\s*(?:(?:or|and) (?:more|fewer|less|above|below|higher|lower|up|over)\s+|\+\s*)?"
                                                                                           r"(?:(?!(?:and|but|while|yet|or|with)\b)[A-Za-z]+\s+)?", s[y:a], re.I)]
            if before:
                lo = max(lo, max(x for x, y, _ in self.numbers if x < before[-1] and lo <= x) if any(
                    x < before[-1] and lo <= x for x, _, _ in self.numbers) else lo)
            else:
                lo, hi = a, said[i + 1][1] if i + 1 < len(said) else len(s)
            seg_nums = [(x, y, v) for x, y, v in self.numbers if lo <= x < hi]
            if not seg_nums:
                return None
            seg = s[lo:hi]
            op = next((o for o, pats in cues()["comparisons"].items() if any(p.search(seg) for p in pats)), None)
            expr = self._plain_measure(name, player_level, bool(re.search(r"\baverag|\bavg\b|평균|경기당|판당", seg, re.I)))
            if op is None or expr is None:
                return None
            out.append((expr, op, _num(seg_nums[0][2])))
        return out
    _PER_MATCH = re.compile(r"\bper\s+(?:@\w+\s+)?(?:map|match|game|series)\b|\b(?:a|each|every|one)\s+(?:@\w+\s+)?(?:map|match|game|series)\b"
                            r"|\b(?:per|each)[- ](?:map|match|game)\b|(?:한|각|매)\s*(?:맵|경기|판|게임|시리즈|매치)|(?:맵|경기|판|게임|시리즈|매치)\s*(?:(?:하나\s*|한\s?개\s*)?(?:당|마다|별)|(?:하나|한\s?개)\s*에(?!서))", re.I)
    _PER_TEAM = re.compile(r"\bper\s+(?:team|squad)\b|\b(?:a|each|every|the average|an average)\s+(?:team|squad)(?:'s|’s)?\b|(?:팀|스쿼드)\s*(?:당|마다|별)|각\s*(?:팀|스쿼드)", re.I)
    _SIDES_ADDED = re.compile(r"\bboth (?:teams|sides|squads)\b|\b(?:all|every) (?:teams|squads|players|sides)\b(?:\s+(?:combined|together))?|\bcombined\b|\badded up\b"
                             r"|\b(?:in )?total\b|양\s*(?:팀|쪽|측)|두\s*팀|모든\s*(?:팀|선수|스쿼드)|(?:합으로|합해서|합쳐서|합친|합산|총합|합계|총\s)"
                             # what a match saw, nobody's own: "kills that happened in a game", "한 경기에 킬이 몇 개 나왔"
                             r"|\b(?:kills?|deaths?|rounds?|frags?|assists?)\s+(?:were\s+|got\s+)?(?:happened|happen|occurred|occur|were there|went down|dropped)\b"
                             r"|(?:킬|데스|라운드|어시|딜)\s*(?:이|가|은|는)?\s*(?:평균\s*)?(?:몇\s*(?:개|번)?\s*(?:씩\s*)?)?(?:나왔|나온|나오|나와|터졌|터진|터지|발생)", re.I)

    def _nested_total(self, measure: str | None, asked: str | None) -> IR | None:
        """"the average number of rounds in a map, both sides added", "평균 한 판 총 킬 (양팀 합)", "the average team's total
        kills": a total per unit (a match, or a team) first, then the average (or extreme) of those totals."""
        t, s = self.t, self.t.s
        if not re.search(r"\baverag|\bavg|\bmean\b|평균", s, re.I) or "player" in self.values or "team" in self.values:
            return None  # an average said outright: "per map" alone is a breakdown by map
        if re.search(r"\bthan\b|\bbeats?\b|\babove\b|\bbelow\b|\bover\b|\bunder\b|\bexceed|\bwhose\b|보다|넘|이상|이하|미만|초과", s, re.I):
            return None  # "teams whose total beats the average team": a comparison with the average (IR.vs)
        both = self._SIDES_ADDED.search(s)
        sides = both and re.search(r"both|all|every|양|두|모든", both.group(), re.I)
        per_team = self._PER_TEAM.search(s)
        per_match = self._PER_MATCH.search(s)
        if not both or not (per_match or per_team):
            return None
        word = measure or ("score" if re.search(r"\brounds?\b|라운드|세트|\bsets?\b", s, re.I) else None)
        col = {"score": "mt.score", "points": "mt.score", "kills": "mt.kills", "deaths": "mp.deaths", "assists": "mp.assists",
               "damage": "mp.damage"}.get(word or "")
        if col is None:
            return None
        if per_team and not per_match:
            by = "t.id"  # "the average team's total": each team's total over the scope
        elif per_match and not (per_team and per_team.start() < per_match.start()):
            by = "m.id"
        else:
            return None
        if asked not in (None, "match", "map", "game") and self.group_entity() is None and not sides \
                and not (by == "t.id" and asked == "team"):
            return None
        if by == "t.id" and word in ("score", "points") and not re.search(r"\bpoints?\b|포인트|점수|총점", s, re.I):
            return None
        group_by = self.group_entity()
        keys = [KEY[group_by]] if group_by in ("game", "tournament", "stage", "map", "region", "year", "month") else []
        if not keys and re.search(r"\b(?:for each|by|per|each)\s+(?:game|title)\b|게임\s*(?:별|마다)|종목\s*(?:별|마다)", s, re.I):
            keys = ["tr.game"]  # "for each game": the title, not a match
        fs = self.value_filters() + self.date_filters()
        return IR(select=keys, measure=f"sum:{col}", nest={"by": [by], "agg": "avg"}, filters=fs, group=bool(keys))

    def _rounds_of_both_sides(self) -> IR | None:
        """"maps that ran past 24 rounds in all", "양 팀 합산 24라운드 넘은 맵": the rounds (or sets) of
        both sides of one match added up, compared with a number; the matches, with their map and time."""
        s = self.t.s
        for a, b, v in self.numbers:
            if not re.match(r"\s*(?:라운드|rounds?\b|세트|sets?\b)", s[b:b + 8], re.I) \
                    and not re.search(r"(?:라운드|rounds?)\s*(?:수\s*)?(?:가|이|는|은)?\s*$", s[max(0, a - 12):a], re.I) \
                    and not re.match(r"\s*(?:or more|or fewer|or less|\+)?\s*(?:\w+\s+){0,3}?rounds?\b", s[b:b + 30], re.I):
                continue
            if not re.search(r"\bin total\b|\bcombined\b|\btotal rounds\b|\baltogether\b|\bboth (?:teams|sides)\b|\bbetween (?:them|the two)\b"
                             r"|합쳐|합친|합산|두 팀 합|양 ?팀|총 ?라운드|라운드 ?합", s, re.I):
                return None
            op = self.comparison() or ">="
            if op == "=" and not re.search(r"\bexactly\b|정확히|딱", s, re.I):
                op = ">="
            fs = self.value_filters() + self.date_filters() + [Filter("m.format", "=", "versus")]
            return IR(select=["m.id", "m.map", "m.played_at"], measure="sum:mt.score", filters=fs, group=True, having=(op, _num(v)))
        return None

    def _best_squad(self, measure: str | None, asked: str | None) -> bool:
        """"the best squad of X", "X 결승 1등 팀": with no statistic named, the best team of a tournament is its
        champion (the most final-stage points in ranking play, the final's winner in versus play)."""
        s = self.t.s
        if measure is not None or asked not in ("team", None) or "team" in self.values or self.t.has("aggregates", "count") \
                or self.values.get("stage", ["final"]) != ["final"] or self.top_n() not in (None, 1):
            return False
        return bool(re.search(r"\b(?:best|top|number one|no\.? ?1|goat(?:ed)?) (?:squad|team)\b(?! (?:by|in terms of|for)\b)|(?:1등|1위|최고의?|제일 잘한|젤 잘한|베스트|넘버 ?원)\s*(?:팀|스쿼드)", s, re.I))

    _LATEST = re.compile(r"\b(?:most recent(?:ly)?|recent(?:ly)?|latest|newest|last|final one)\b|최근|최신|마지막|(?:가장|제일|젤|제일로)\s*늦(?:게|은)|맨 ?나중|가장 나중|제일 나중", re.I)
    _EARLIEST = re.compile(r"\b(?:first|earliest|oldest|soonest)\b|처음|(?<![가-힣])첫|(?:가장|제일|젤|맨)\s*(?:먼저|빨리|일찍|오래된|예전|빠른|이른)|최초", re.I)

    def _tournament_by_date(self, measure: str | None, asked: str | None) -> IR | None:
        """"the most recent tournament", "which event started first", "가장 먼저 끝난 대회": the tournament whose start
        (or end) date is the extreme, ties kept. A tournament's own dates, not a statistic of its matches."""
        t = self.t
        if measure is not None or asked not in (None, "tournament", "player", "date") or not t.has("entities", "tournament") \
                or any(k in self.values for k in ("team", "player", "tournament")) or t.has("aggregates", "count") \
                or t.has("entities", "team") or t.has("entities", "match") or self.top_n() not in (None, 1) \
                or re.search(r"\b(?:players?|who|whos|who's)\b|선수|누구|누가", t.s, re.I):
            return None
        text = self.text  # "ended last" is blanked as a last place in the masked text; here it is a date
        latest, earliest = self._LATEST.search(text), self._EARLIEST.search(text)
        if bool(latest) == bool(earliest):
            return None
        end = t.has("shapes", "attr_end") or re.search(r"\bend(?:ed|s)?\b|\bfinish(?:ed|es)?\b|끝난|끝났|종료", text, re.I)
        col = "tr.end_date" if end else "tr.start_date"
        fs = [f for f in self.value_filters() if f.col in ("tr.game", "t.region")] + self.date_filters(col)
        return IR(select=["tr.name"], filters=fs, extreme=(col, "max" if latest else "min"))

    _LONGEST = re.compile(r"\blongest\b|\blasted (?:the )?(?:longest|most days)\b|\bran (?:the )?longest\b|\bmost days\b"
                          r"|(?:제일|가장|젤)\s*(?:길게|길었|긴|오래|오랫동안)|기간이\s*(?:제일|가장|젤)\s*(?:길|긴)", re.I)
    _SHORTEST = re.compile(r"\bshortest\b|\blasted (?:the )?(?:shortest|fewest days)\b|\bfewest days\b"
                           r"|(?:제일|가장|젤)\s*(?:짧게|짧았|짧은|빨리 끝난)|기간이\s*(?:제일|가장|젤)\s*(?:짧)", re.I)

    _DAYS_LONG = re.compile(r"(?:총\s*)?(?:며칠|몇\s*일)\s*(?:짜리|간|동안|에\s*걸쳐|이나\s*(?:열|진행|했)|(?:열|진행|개최)(?:됐|되었|했|한))"
                            r"|(?:기간|일정)\s*(?:이|은)?\s*(?:총\s*)?(?:며칠|몇\s*일)"
                            r"|\bhow many days\b[^?]{0,40}?\b(?:last|lasted|run|ran|span|spanned|go on|went on|take|took|long)\b"
                            r"|\b(?:length|duration)\s+in\s+days\b|\bhow long\b[^?]{0,40}?\bin days\b", re.I)

    def _tournament_length(self, measure: str | None, asked: str | None) -> IR | None:
        """"the longest tournament", "which event lasted the shortest", "가장 길게 열린 대회": the tournament whose own
        span (its end date less its start date) is the extreme, ties kept."""
        t = self.t
        if self._DAYS_LONG.search(t.s) and len(self.values.get("tournament", [])) == 1 and not any(
                k in self.values for k in ("team", "player")):
            # "X는 총 며칠짜리 대회", "how many days did X run": its span in days, the first and the last day both counted
            return IR(select=["daysin(tr.start_date..tr.end_date)"], filters=[Filter("tr.name", "=", self.values["tournament"][0])])
        if measure is not None or asked not in (None, "tournament") or not t.has("entities", "tournament") \
                or any(k in self.values for k in ("team", "player", "tournament")) or t.has("aggregates", "count") \
                or t.has("entities", "match") and not re.search(r"\blasted\b|기간|열린|진행", t.s, re.I):
            return None
        longest, shortest = self._LONGEST.search(t.s), self._SHORTEST.search(t.s)
        if bool(longest) == bool(shortest):
            return None
        fs = [f for f in self.value_filters() if f.col in ("tr.game", "t.region")] + self.date_filters("tr.start_date")
        return IR(select=["tr.name"], filters=fs, extreme=("days(tr.start_date..tr.end_date)", "max" if longest else "min"))

    _WIN_WORD = r"(?:wins?|victories|ws|won)"
    _RECORD_EN = re.compile(r"\b(?:more|fewer|less)\s+(losses|defeats|ls|wins|victories|ws)\s+than\s+(?:wins|victories|ws|losses|defeats|ls)\b"
                            r"|\b(lost|won)\s+(?:more|fewer|less)\s+(?:often\s+)?(?:games\s+|matches\s+|series\s+|maps\s+)?(?:often\s+)?than\s+(?:they|it)\s+(?:won|lost|did)\b", re.I)
    _RECORD_KO = re.compile(r"(승리|승수|승|이긴\s*(?:경기|게임|판|횟수|거|것)?|패배|패수|패|진\s*(?:경기|게임|판|횟수|거|것)?)\s*(?:수|횟수)?\s*보다\s*(?:[가-힣]+\s+)?(?:더\s*)?(많|적)")

    def _record_compared(self, asked: str | None) -> IR | None:
        """"teams with more losses than wins", "which teams lost more than they won", "패배가 승리보다 많은 팀": the
        teams whose losses less wins (versus play) are above zero (below it for fewer)."""
        s = self.t.s
        en, ko = self._RECORD_EN.search(s), self._RECORD_KO.search(s)
        if asked not in (None, "team") or "player" in self.values or not (en or ko):
            return None
        if en:
            word = (en.group(1) or en.group(2)).lower()
            more = re.match(r"\s*(?:\w+\s+)?more\b", s[en.start():en.end()], re.I) is not None
            loss_more = (word in ("losses", "defeats", "ls", "lost")) == more
        else:
            than_win = not re.match(r"패|진", ko.group(1))  # the word compared against: "승리보다 (패배가) 많은"
            loss_more = than_win == (ko.group(2) == "많")
        fs = self.value_filters() + self.date_filters()
        if not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "versus"))
        ir = IR(select=["t.name"], measure="diff:losses-wins" if loss_more else "diff:wins-losses", filters=fs, group=True,
                having=(">", 0))
        if self.t.has("aggregates", "count") and not re.search(r"\bwhich\b|\blist\b|어디|어느|목록", s, re.I):
            ir.count_groups = True  # "진 경기가 이긴 경기보다 많은 팀 몇 개": how many such teams
        return ir

    def _runner_up(self, asked: str | None) -> IR | None:
        """"the runner-up of X", "X 준우승 팀", "how many times was Y runner-up": the loser of a final (versus play)."""
        if not self.runner_up or "player" in self.values:
            return None
        fs = [f for f in self.value_filters(skip={"stage"})] + self.date_filters() + [Filter("m.stage", "=", "final")]
        if "team" in self.values and self.t.has("aggregates", "count"):
            return IR(measure="count", filters=fs + [Filter("mt.placement", "=", 2), Filter("m.format", "=", "versus")])
        if any(f.col == "m.format" and f.value == "ranking" for f in fs):
            return None
        return IR(select=["t.name"], filters=fs + [Filter("mt.placement", "=", 2), Filter("m.format", "=", "versus")], distinct=True)

    _TOURNAMENT_SPAN = re.compile(
        r"(?:며칠|언제|몇\s*일|몇\s*월\s*몇\s*일)\s*(?:부터|에서)\s*(?:며칠|언제|몇\s*일|몇\s*월\s*몇\s*일)?\s*까지|(?:대회|일정)?\s*기간|(?:진행|개최)\s*(?:기간|일정|날짜)"
        r"|\bwhen\s+(?:did|does|was|is|will)\s+(?:the\s+)?@tournamentX\s+(?:run|take place|happen|go on|held|played|on)\b"
        r"|\b(?:run(?:ning)?|event|tournament)?\s*dates?\b(?!\s+(?:of|for)\s+(?:the\s+|its\s+)?(?:matches|games|maps|series|final))"
        r"|\bfrom when\b|\bhow long\b|\bduration\b|\btime ?frame\b|\bspan\b", re.I)

    def _lookup(self, measure: str | None) -> IR | None:
        """One attribute of one named entity ("X 포지션 뭐야", "when did X start and end")."""
        t, v = self.t, self.values
        if self._DAYS_LONG.search(t.s) and len(v.get("tournament", [])) == 1:
            return self._tournament_length(measure, None)  # its length in days, whatever dates are said beside
        if measure in ("kills", "deaths", "assists", "damage", "kd", "kda", "kp", "points", "wins", "losses", "chicken", "win_rate"):
            return None
        if t.has("aggregates", "count") or t.has("aggregates", "max") and "tournament" not in v:
            return None
        players, teams, tours = v.get("player", []), v.get("team", []), v.get("tournament", [])
        if len(players) == 1 and not teams and not tours:
            # each attribute asked, in the order said ("what team does X play for and what's his role", "X 소속팀이랑 포지션")
            said = []
            if t.has("shapes", "attr_role"):
                said.append((min(a for p in cues()["shapes"]["attr_role"] for a in [m.start() for m in p.finditer(t.s)]), "p.role"))
            joined = re.search(r"\b(?:and|also|plus)\b|이랑|하고|,|\s및\s", t.s, re.I) or re.search(
                # a second question after the first one's ending ("X 무슨 팀 소속이야? 거기 지역도", "팀 어디고 지역은", "what team?
                # its region?"): each asked
                r"(?:이고|이며|고|며|야|임|이야|이냐|냐|인지|[?？.])\s+(?:그\s*(?:팀|선수)\s*(?:의\s*)?)?(?:지역|나라|국가|리전|포지션|역할|소속)"
                r"|[?.]\s*(?:and\s+)?(?:what(?:'s|’s| is)?\s+)?(?:its|that team'?s?|their team'?s?)\s+(?:region|country|role)", t.s, re.I)
            if not said and not joined and re.search(
                    r"지역|나라|국가|리전|출신|국적|\bregions?\b|\bcountry\b|\bwhere\b.*\b(?:from|based)\b|\bbased\b", t.s, re.I):
                # "X 소속팀 지역", "what region is X's team from": the region of the player's team alone
                return IR(select=["t.region"], filters=[Filter("p.nickname", "=", players[0])])
            team_word = re.search(r"\bteam\b|팀", t.s, re.I)
            if team_word and said and re.search(r"\b(?:for|on|in|with)\s+(?:his|her|their|its|the)\s+$", t.s[:team_word.start()], re.I):
                team_word = None  # "which position does X fill on her team": the team is where the role is played, not asked
            if t.has("shapes", "attr_team") or team_word:
                pos = [m.start() for p in cues()["shapes"]["attr_team"] for m in p.finditer(t.s)] + ([team_word.start()] if team_word else [])
                said.append((min(pos), "t.name"))
            if said and t.has("shapes", "attr_region") and joined:
                said.append((min(m.start() for p in cues()["shapes"]["attr_region"] for m in p.finditer(t.s)), "t.region"))
            if said:
                return IR(select=[c for _, c in sorted(said)], filters=[Filter("p.nickname", "=", players[0])])
        if len(teams) == 1 and not players and not tours and t.has("shapes", "attr_region") \
                and not t.has("measures", "appearances"):
            return IR(select=["t.region"], filters=[Filter("t.name", "=", teams[0])])
        if len(tours) == 1 and not players and not teams and "stage" not in v:
            start, end = t.has("shapes", "attr_start"), t.has("shapes", "attr_end")
            cols = []
            if start and not re.search(r"열린 경기|played|경기", t.s):
                cols.append("tr.start_date")
            if end:
                cols.append("tr.end_date")
            if not cols and self._TOURNAMENT_SPAN.search(t.s):
                cols = ["tr.start_date", "tr.end_date"]  # "X 며칠부터 며칠까지", "when did X run": its whole span
            if t.has("shapes", "attr_game") and not cols:
                cols.append("tr.game")
            if cols and (t.has("entities", "date") or re.search(r"\bwhen\b|언제|며칠|몇\s*일|날짜", t.s, re.I) or len(cols) == 2):
                return IR(select=cols, filters=[Filter("tr.name", "=", tours[0])])
            if cols == ["tr.game"]:
                return IR(select=cols, filters=[Filter("tr.name", "=", tours[0])])
        return None

    # the side ahead in two teams' meetings: "더 많이 이긴 팀", "상대전적에서 앞서는 팀", "who leads the head to head"
    _LEADS = (r"더\s*많이\s*(?:이긴|이겼던|승리한)\s*(?:팀|쪽)|앞서(?:는|고\s*있는|있는)\s*(?:팀|쪽)|우위(?:인|에 있는)\s*(?:팀|쪽)"
              r"|\bwho(?:'s| is)?\s+(?:leads|leading|ahead|up)\b|\bwhich (?:team|side|one) (?:leads|is ahead|is up|won more)\b")

    def _pair(self, measure: str | None, asked: str | None) -> IR | None:
        """The two teams of one match: head-to-head records, who beat whom, scorelines."""
        t, teams = self.t, self.values.get("team", [])
        if len(teams) == 2 and self._asks_difference() and not t.has("shapes", "h2h"):
            return None  # "how many more wins does A have than B": a difference, not their matches
        if asked == "player" and not teams and re.search(r"\bagainst\s+(?:which|what|whom|who)\b|\bvs\.?\s+(?:which|what|whom|who)\b", t.s, re.I):
            return None  # "which player had the most kills in one match, and against whom?": that row, its opponent beside
        side = next((m for p in cues()["shapes"]["side_won"] for m in [p.search(t.s)] if m), None)
        if side and (t.has("shapes", "percent") or re.search(r"\bhow often\b|\brate\b|\bratio\b|\bshare\b|비율|확률|얼마나 자주", t.s, re.I)):
            # "how often did the side with more kills win": the share of versus matches where the winner had more
            word = side.group(1).lower()
            col = "kills" if word.startswith(("kill", "frag", "킬")) else "score" if word.startswith(("score", "point", "점수", "포인트")) \
                else None
            if col:
                fs = [f for f in self.value_filters(skip={"team"}) if f.col != "m.format"] + self.date_filters()
                return IR(measure=f"pct:w.{col}>l.{col}", filters=fs + [Filter("w.placement", "=", 1), Filter("m.format", "=", "versus")])
        score = re.search(r"(?<![\d:/-])(\d{1,2})\s*(?:-|:|대|to|–)\s*(\d{1,2})(?![\d:/-])", t.s)
        if score and re.fullmatch(r"\d{1,2}:0\d", score.group()):
            score = None  # "18:00", "9:05": a clock time (a score is never written with a leading zero)
        outside = re.sub(r"\([^()]*\)?", lambda m: " " * len(m.group()), t.s)
        aside = next((a for a in re.finditer(r"\([^()]*\)?", t.s) if score and a.start() <= score.start() < a.end()), None)
        if score and outside[score.start()] == " " and any(p.search(outside) for name in ("sweep", "full") for p in cues()["shapes"][name]) \
                and len(re.findall(r"(?<![\d:/-])\d{1,2}\s*(?:-|:|대|to|–)\s*\d{1,2}(?![\d:/-])", aside.group())) > 1:
            # "went to a decider (2-1, 3-2)": scorelines in an aside explain the word, they do not replace it; one
            # scoreline alone ("풀세트(3:2)", "sweeps (2-0)") says which of them is meant
            score = None
        base = [f for f in self.value_filters(skip={"team"})] + self.date_filters()
        above = self._placed_above() if len(teams) == 2 else None
        if above is not None:
            # "matches where A finished above B", "A가 B보다 순위 높았던 판": both named sides in one match, the first
            # one's placement better (a smaller number) than the second's; in a battle royale too, where neither won
            a, b = teams if above else teams[::-1]
            fs = base + [Filter("wt.name", "=", a), Filter("lt.name", "=", b), Filter("l.placement", "col>", "w.placement")]
            if t.has("aggregates", "count") or re.search(r"\bhow often\b|\bhow many times\b|횟수|몇\s*(?:번|판|경기|회)", t.s, re.I):
                return IR(measure="countd:m.id", filters=fs, fact="w")
            return IR(select=["m.played_at", "w.placement", "l.placement"], filters=fs)
        if len(teams) == 2 and (t.has("measures", "wins") or t.has("measures", "losses")) and re.search(
                r"\bhow (?:many|often)\b.*\b(?:and|of (?:those|them|these|which))\b.*\bhow many\b|\bhow many\b.*\bof (?:those|them|these)\b"
                r"|몇\s*(?:번|판|경기).*(?:그\s*중|그중|중에|이랑|하고|,|(?<=[가-힣])고)\s*.*몇", t.s, re.I) \
                and not re.search(r"\beach (?:of them|of the two|of both|team|side|one)\b|\bboth of them\b|씩", t.s, re.I) \
                and not (t.has("measures", "wins") and t.has("measures", "losses")):
            # (both the wins and the losses asked are the record, below)
            # "A and B: matches played, A's wins among them": their matches and A's wins, side by side (not "how many
            # times each of them won": a row per side)
            a, b = teams
            if self._object_of_win(a) and not self._subject_of_win(a):
                a, b = b, a
            winner = [x for st, en, typ, x in self.placed if typ == "team" and x in (a, b) and re.match(
                r"\s*(?:(?:가|이|는|은)\s*)?(?:몇\s*(?:번|판|경기)\s*)?(?:win|won|take|took|get|got|grab|grabbed|이긴|이겼|이김|승리)", t.s[en:], re.I)]
            if len(set(winner)) == 1 and winner[0] == b:
                a, b = b, a  # "A and B met how many times, and how many of those did B win": B's wins
            if len(set(winner)) == 2:
                # "how many did A win and how many did B win": each side's wins over the other, A's record
                a = next(x for st, en, typ, x in self.placed if typ == "team" and x in (a, b))
                b = teams[1] if a == teams[0] else teams[0]
                fs = base + [Filter("wt.name", "=", a), Filter("lt.name", "=", b)]
                if not any(f.col == "m.format" for f in fs):
                    fs.append(Filter("m.format", "=", "versus"))
                return IR(measure="record", filters=fs, fact="w")
            lost = t.has("measures", "losses") and not t.has("measures", "wins")
            fs = base + [Filter("wt.name", "=", a), Filter("lt.name", "=", b)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))  # a win is a versus match's
            return IR(measure="count", extra_measures=["losses" if lost else "wins"], filters=fs, fact="w")
        if score and re.search(r"\b(?:places?|positions?|spots?|ranks?)\s*$|(?:위|등)\s*$", t.s[:score.start()], re.I):
            score = None  # "places 1-3": a range of places (a top-N), not a scoreline
        if score and int(score.group(1)) != int(score.group(2)) and not re.search(r"\d\s*-\s*\d\s*(?:월|일)", t.s):
            hi, lo = sorted((int(score.group(1)), int(score.group(2))), reverse=True)
            fs = base + [Filter("w.placement", "=", 1), Filter("w.score", "=", hi), Filter("l.score", "=", lo)]
            # "7-0 or 7-1", "13-11, 14-12 또는 15-13": more scorelines joined by or; one side's score shared, the other's listed
            pairs = [(hi, lo)]
            rest = t.s[score.end():]
            while True:
                # ("2-0, or for best-of-fives 3-1": a few words naming the other series between)
                more = re.match(r"\s*(?:,|/|\bor\b|또는|아니면|이나|나|혹은)\s*(?:,|\bor\b|또는)?\s*(?:(?:[A-Za-z]|\d*[가-힣])[\w]*\s+){0,4}?(\d{1,2})\s*(?:-|:|대|–)\s*(\d{1,2})(?![\d:/-])",
                                rest, re.I)
                if not more or int(more.group(1)) == int(more.group(2)):
                    break
                pairs.append(tuple(sorted((int(more.group(1)), int(more.group(2))), reverse=True)))
                rest = rest[more.end():]
            his, los = sorted({p[0] for p in pairs}), sorted({p[1] for p in pairs})
            gaps = sorted({p[0] - p[1] for p in pairs})
            if len(pairs) > 1 and (len(his) == 1 or len(los) == 1):
                fs = base + [Filter("w.placement", "=", 1),
                             Filter("w.score", "=", his[0]) if len(his) == 1 else Filter("w.score", "in", his),
                             Filter("l.score", "=", los[0]) if len(los) == 1 else Filter("l.score", "in", los)]
            elif len(pairs) > 1 and {(h, lo) for h in his for lo in los if h - lo in gaps} == set(pairs):
                # "13-11 or 14-12": the winner's scores, the loser's, and the margins together allow exactly those
                fs = base + [Filter("w.placement", "=", 1), Filter("w.score", "in", his), Filter("l.score", "in", los),
                             Filter("w.score - l.score", "=", gaps[0]) if len(gaps) == 1 else Filter("w.score - l.score", "in", gaps)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            return self._pair_select(fs, teams, asked)
        if t.has("shapes", "sweep") or t.has("shapes", "full"):
            fs = base + [Filter("w.placement", "=", 1)]
            if t.has("shapes", "sweep"):
                fs.append(Filter("l.score", "=", 0))
            else:  # the deciding game was played: the loser one game short of the winner (2-1, 3-2)
                said = re.search(r"(?:\ball|\bgo\w*|\bwent|\bgone)\s+(?:to\s+)?(?:all\s+)?(?:the\s+)?(?:full\s+)?(\d|five|three|seven)\s+(?:maps|games|sets)\b"
                                 r"|(\d|다섯|세)\s?(?:세트|맵|판|게임|경기)(?:째)?까지"
                                 r"|\b(?:to|reach(?:ed)?)\s+(?:a\s+|the\s+)?(?:map|game|set)\s+(\d|three|five|seven)\b|\b(?:map|game|set)\s+(\d|three|five|seven)\s+(?:was\s+|got\s+)?played\b", t.s, re.I)
                word = next((g for g in said.groups() if g), None) if said else None
                total = {"five": 5, "three": 3, "seven": 7, "다섯": 5, "세": 3}.get(word.lower(), None) if word else None
                if word and total is None:
                    total = int(word)
                best_of = re.search(r"\bbo\s?([357])s?\b|\bbest[- ]of[- ]?(\d|three|five|seven)\b|([357])\s?(?:판|세트|전)\s?[234]\s?선승|([234])\s?선승", t.s, re.I)
                formats = re.findall(r"\bbo\s?([357])s?\b|\bbest[- ]of[- ]?(?:(\d)|three|five|seven)\b|([357])\s?(?:판|세트|전)\s?[234]\s?선승|([357])\s?판제", t.s, re.I)
                if best_of and not said and len({next((x for x in f if x), "") for f in formats}) > 1:
                    best_of = None  # two formats named ("Bo3 2-1, Bo5 3-2"): the deciding game of either
                if best_of and not said:
                    # "Bo5", "best of seven", "3판2선승제": the full length of that format
                    g = next(x for x in best_of.groups() if x)
                    total = {"three": 3, "five": 5, "seven": 7}.get(g.lower()) or (int(g) * 2 - 1 if best_of.group(4) else int(g))
                if total and total % 2 == 1:  # "went to 5 games": 3-2 exactly
                    fs += [Filter("w.score", "=", total // 2 + 1), Filter("l.score", "=", total // 2)]
                else:
                    fs += [Filter("l.score", "col=", "w.score - 1"), Filter("w.score", "<=", 3), Filter("w.score", ">=", 2)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            return self._pair_select(fs, teams, asked)
        scoreline = measure == "score" or (measure == "points" and re.search(r"스코어|\bscores?\b|세트|\bsets?\b", t.s, re.I))
        result = re.search(r"\bhow did (?:it|that|the|@\w+)\b.*\b(?:go|end|turn out|finish)\b|\bresults?\b|어떻게\s*(?:됐|되었|끝났)|결과", t.s, re.I)
        per_side = re.search(r"팀별|팀마다|(?<![가-힣])각\s*팀(?:이|마다|별)?|각각|각자|씩|몇\s*대\s*몇|\beach\b(?!\s+other)|\bper (?:team|side)\b|\bapiece\b|\bfor both\b", t.s, re.I)
        col = {"score": "score", "points": "score", "kills": "kills"}.get(measure or "")
        if col is None and re.search(r"세트|\bsets?\b|\bmaps? won\b|라운드|\brounds?\b", t.s, re.I):
            col = "score"
        if len(teams) == 2 and col and per_side and (t.has("aggregates", "sum") or re.search(r"합치|합하|몇\s*대\s*몇|\bin all\b|\baltogether\b", t.s, re.I)):
            # "sets each side took in their meetings, added up": one total per side over the matches between them
            fs = base + [Filter("wt.name", "either_pair", list(teams))]
            return IR(select=["wt.name"], measure=f"sum:w.{col}", filters=fs, group=True, fact="w")
        if len(teams) == 2 and col and not per_side and not t.has("aggregates", "avg") \
                and (t.has("aggregates", "sum") or re.search(r"\bhow many (?:rounds|sets|maps|games|kills|points)\b|몇\s*(?:라운드|세트|킬)", t.s, re.I)) \
                and not re.search(r"\bhow many times\b|몇\s*번", t.s, re.I) \
                and re.search(r"@teamX.*\b(?:off|against|from|vs\.?|versus|over|on)\s+(?:the\s+)?@teamX|@teamX\s*(?:이|가|은|는)?\s*@teamX\s*(?:상대로|한테서|에게서|한테|에게|를 상대로)", t.s, re.I):
            # "total rounds A took off B", "A가 B 상대로 딴 라운드 합계": one side's total in their meetings, the side said first
            versus = [] if any(f.col == "m.format" for f in base) or not re.search(r"\brounds?\b|\bsets?\b|라운드|세트", t.s, re.I) \
                else [Filter("m.format", "=", "versus")]  # rounds and sets are a versus match's score
            return IR(measure=f"sum:w.{col}", filters=base + versus + [Filter("wt.name", "=", teams[0]), Filter("lt.name", "=", teams[1])],
                      fact="w")
        if len(teams) == 2 and scoreline and not t.has("aggregates", "avg") and not t.has("aggregates", "sum"):
            # "the score of the final between A and B", "A랑 B 경기 날짜랑 스코어": each of their matches,
            # both sides' scores, the first named team's side first
            return IR(select=["m.played_at", "wt.name", "w.score", "lt.name", "l.score"],
                      filters=base + [Filter("wt.name", "=", teams[0]), Filter("lt.name", "=", teams[1])], fact="w")
        if not teams and "stage" in self.values and re.search(r"\bwho won\b|\bwinner\b|누가 이겼|누가 이김|이긴 팀|승자|우승", t.s, re.I) \
                and re.search(r"\bscores?\b|\bscoreline\b|\bresult\b|스코어|몇\s*대\s*몇|점수", t.s, re.I) \
                and not (t.has("shapes", "margin") and (t.has("aggregates", "max") or t.has("aggregates", "min"))):
            # ("the biggest blowout of the playoffs, and the winner's and loser's score": the one widest margin, below)
            # "the final's winner, and by what score": the winner and the loser of each match with both scores
            fs = base + [Filter("w.placement", "=", 1)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            # "the final of each tournament: which one, who won, the score": the tournament beside each match
            each = len(self.values.get("tournament", [])) != 1 and (self.group_entity() == "tournament" or re.search(
                r"\b(?:which|what) (?:tournament|event|tourney)\b|\b(?:each|every) (?:@\w+\s+)?(?:tournament|event|tourney)\b"
                r"|(?:어느|어떤|무슨|각)\s*대회|대회\s*(?:별|마다|이름|명)", t.s, re.I))
            return IR(select=(["tr.name"] if each else []) + ["wt.name", "w.score", "lt.name", "l.score"], filters=fs)
        if not teams and (scoreline or (result and measure is None)) and asked in (None, "match", "team") and not (t.has("aggregates", "avg") or t.has(
                "aggregates", "sum") or t.has("aggregates", "max") or t.has("aggregates", "min") or t.has("aggregates", "count")) \
                and ("stage" in self.values or self.date_specs) and "player" not in self.values:
            # "the final's scoreline": each side of that match and its score; a versus match's two sides in one row,
            # the winner's first ("3-1"), as a scoreline is said
            royale = set(self.linked.ranking_games) | {"PUBG"}
            ranking = self._ranking_scope() or t.has("shapes", "ranking_format") or any(
                tour in self.linked.by_game.get(g, []) for g in royale for tour in self.values.get("tournament", []))
            if not ranking:
                fs = base + [Filter("w.placement", "=", 1)]
                if not any(f.col == "m.format" for f in fs):
                    fs.append(Filter("m.format", "=", "versus"))
                return IR(select=["m.played_at", "wt.name", "w.score", "lt.name", "l.score"], filters=fs, fact="w")
            return IR(select=["m.played_at", "t.name", "mt.score"], filters=base)
        upset = re.search(r"\b(?:the )?(los(?:er|ing (?:side|team|squad))|winn(?:er|ing (?:side|team|squad)))s?\b(?:\s+\w+){0,3}?\s+(more|fewer|less)\s+"
                          r"(kills|frags|deaths|assists|damage)\s+than\s+(?:the\s+)?(?:los|winn)"
                          r"|((?<![가-힣])진|패한|이긴|승리한)\s*(?:팀|쪽)(?:이|가)?\s*(?:이긴|진|승리한|패한)?\s*(?:팀|쪽)?보다\s*(킬|데스|어시)(?:이|가|을|를)?\s*(?:더\s*)?(많|적)", t.s, re.I)
        implicit = None if upset else self._implicit_upset()
        if (upset or implicit) and len(teams) < 2:
            # "maps the beaten side out-fragged the winners on": both sides' statistic in one match
            if upset:
                g = upset.groups()
                loser_first = (g[0] or "").lower().startswith("los") or g[3] in ("진", "패한")
                more = (g[1] or "").lower() == "more" or g[5] == "많"
                word = (g[2] or g[4] or "").lower()
            else:
                loser_first, more, word = implicit
            col = "kills" if word.startswith(("kill", "frag", "킬")) else "deaths" if word.startswith(("death", "데스")) \
                else "assists" if word.startswith(("assist", "어시")) else "kills"
            if word == "damage":
                col = None
            if col:
                first, second = ("l", "w") if loser_first else ("w", "l")
                if not more:
                    first, second = second, first
                fs = base + [Filter("w.placement", "=", 1), Filter(f"{first}.{col}", "col>", f"{second}.{col}")]
                if not any(f.col == "m.format" for f in fs):
                    fs.append(Filter("m.format", "=", "versus"))
                if t.has("aggregates", "count") and not re.search(r"\bwhich\b|\bwho\b|\blist\b|누구|어디|어느|목록", t.s, re.I):
                    return IR(measure="countd:m.id", filters=fs)  # "count the maps the higher-kill side dropped"
                return IR(select=["wt.name", "lt.name"] + (["m.played_at"] if t.has("entities", "date") else []), filters=fs)
        if not teams and re.search(r"\bwho won (?:each|every|all(?: of)?(?: the)?|the individual)\s+(?:match|game|map|series|set|round)(?:e?s)?\b"
                                   r"|\bwinners? (?:of|for|in) (?:each|every|all(?: of)?(?: the)?)\s+(?:match|game|map|series|set)(?:e?s)?\b"
                                   r"|\b(?:each|every) (?:match|game|map|series)(?:'s|’s) winner|\b(?:match|game|map|series)[- ]by[- ](?:match|game|map|series) winners?\b"
                                   r"|(?:각|모든)\s*(?:경기|판|맵|시리즈|매치|세트)(?:의|마다|별)?\s*(?:승자|이긴\s*팀|누가\s*이겼|누가\s*이김|승리\s*팀)"
                                   r"|(?:경기|판|맵|시리즈|매치|세트)\s*(?:별|마다)\s*(?:승자|이긴\s*팀|누가\s*이겼|누가\s*이김|승리\s*팀)", t.s, re.I):
            # "who won each series that weekend", "각 경기 승자": every match in scope with its winner, in time order
            fs = base + [Filter("w.placement", "=", 1)]
            return IR(select=["m.played_at", "wt.name"], filters=fs, order="col:m.played_at:asc")
        if not teams and not (t.has("shapes", "margin") and (t.has("aggregates", "max") or t.has("aggregates", "min"))) \
                and re.search(r"\bwho beat whom?\b|\bwho (?:defeated|beat) who\b|누가 누구(?:를|랑|한테)?\s*(?:이기|이겼|이긴|잡|꺾|눌)"
                                   r"|\b(?:and )?(?:who|whom) did (?:they|it|the winners?) (?:beat|defeat)\b|\band (?:over )?whom\b|\bagainst whom\b"
                                   r"|누구(?:를|랑|한테|상대로)\s*(?:이기고|꺾고|잡고|눌러|이겨)|(?:누구|어디)(?:를|랑)?\s*상대로\s*(?:이기|이겼|우승)", t.s, re.I):
            # "who beat whom in the final": the winner and the loser of each match in scope
            fs = base + [Filter("w.placement", "=", 1)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            return IR(select=["wt.name", "lt.name"] + (["m.played_at"] if t.has("entities", "date") else []), filters=fs)
        if len(teams) == 2 and (t.has("shapes", "h2h") or measure in ("wins", "losses")):
            a, b = teams
            if not any(f.col == "m.format" for f in base):
                base = base + [Filter("m.format", "=", "versus")]  # a win is a versus match's
            record = re.search(r"전적|head[- ]to[- ]head|\bh2h\b|\brecord\b|팀별|각각|(?<![가-힣])각\s*팀|팀마다|each|씩|누가 더|\bwho (?:has )?(?:won|wins|beat) (?:more|most)\b|\bwho leads\b"
                               r"|" + self._LEADS, t.s, re.I)
            if not t.has("shapes", "h2h") and re.search(r"누가 더|\bwho (?:has )?(?:won|wins) more\b", t.s, re.I):
                # "who won more, A or B": the one with more wins overall, not only against each other (ties kept)
                return IR(select=["t.name"], measure="wins", filters=base + [Filter("t.name", "in", [a, b])], group=True,
                          order="desc", limit=1)
            pair = re.search(r"(?:(?<!['’])\b([\w.]+?)\s?('s|’s|s')?\s+)?(?:\bw\s*[-/]\s*l\b|\bwin[- /]loss\b|\bwins?\s*(?:and|&|/|-)\s*loss(?:es)?\b|승패|몇\s*승\s*몇\s*패)",
                             t.s, re.I)
            if (t.has("measures", "wins") and t.has("measures", "losses") or pair or re.search(
                    r"\bhow\s+(?:did|does|has|have|do)\s+@teamx\s+(?:do|did|done|fare|fared|perform|performed|go|gone)\b", t.s, re.I)) \
                    and not re.search(r"팀별|팀마다|(?<![가-힣])각\s*팀|각각|씩|each", t.s, re.I):
                # "how many times did A beat B and lose to them", "A vs B, A's W-L": A's wins and losses against B (the
                # side whose name is said before "W-L", "velvet's W-L", else the first named)
                said = []
                if pair and pair.group(2) and t.s[max(0, pair.start(1) - 1)] == "@":
                    said = [v for st, en, typ, v in self.placed if typ == "team" and st <= pair.start(1) < en]  # "X's W-L"
                elif pair and pair.group(1) and (pair.group(2) or pair.group(1).lower().endswith("s")):
                    said = [x for x in (a, b) if self._names_word_of(x, pair.group(1))]  # "velvets W-L"
                if not said:
                    # "A vs B: wins and losses for B", "… by B": the side the record is said to be for
                    said = list(dict.fromkeys(x for st, en, typ, x in self.placed if typ == "team" and x in (a, b)
                                              and re.search(r"\b(?:for|by)\s*$", t.s[:st], re.I)))
                    said = said if len(said) == 1 else []
                if pair and not said:
                    # "B 상대로 A 승패", "W-L against B": the side said as the opponent is B
                    said = [x for st, en, typ, x in self.placed if typ == "team" and x == a and re.match(
                        r"\s*(?:상대로|상대|한테|에게|과의|와의)", t.s[en:])]
                    said = [b] if said else []
                if len(said) == 1 and said[0] == b:
                    a, b = b, a
                return IR(measure="record", filters=base + [Filter("wt.name", "=", a), Filter("lt.name", "=", b)], fact="w")
            # "A가 B 잡은 적 있음? 언제 어느 맵", "when did A beat B": one side said as the winner, the other as the one beaten
            directed = self._object_of_win(a) != self._object_of_win(b) and measure != "losses" \
                and re.search(r"\b(?:beat|beaten|defeat(?:ed)?|took down|knocked out)\b|이긴|이겼|잡은|잡았|꺾은|꺾었|눌렀|누른", t.s, re.I)
            if t.has("entities", "date") and not t.has("aggregates", "count") and not directed \
                    and not re.search(r"\bwhen they (?:met|played|faced)\b", t.s, re.I):  # a scope, not a date asked
                # "X vs Y, dates and who won": each of their matches, its date and its winner
                return IR(select=["m.played_at", "wt.name"],
                          filters=base + [Filter("w.placement", "=", 1), Filter("wt.name", "either_pair", [a, b])])
            if record and not re.search(r"\bbeat\b(?! (?:more|most))|이긴 횟수|이겼", t.s, re.I) \
                    or re.search(r"팀별|팀마다|(?<![가-힣])각\s*팀|각각|씩|each|누가 더|누가\s*몇\s*(?:번|판|승|경기)|\bwho won how many\b|\bhow many (?:times )?each\b", t.s, re.I):
                # each side's wins over their meetings, counted on every row of theirs (a side without a win keeps its 0);
                # "누가 더 많이 이겼어", "who won more of their meetings": the side with more (ties kept)
                more = re.search(r"누가\s*더|\bwho (?:has )?(?:won|wins|beat \w+) more\b|\bwho (?:has|had) more wins\b|" + self._LEADS, t.s, re.I) \
                    and not re.search(r"누가\s*몇|각각|씩|\beach\b(?!\s+other)|\bhow many\b|몇\s*(?:번|판|승)", t.s, re.I)
                return IR(select=["wt.name"], measure="wins", filters=base + [Filter("wt.name", "either_pair", [a, b])],
                          group=True, fact="w", order="desc" if more else None, limit=1 if more else None)
            if not t.has("aggregates", "count") and re.search(
                    r"누가\s*(?:이김|이겼|이긴|이기|승리|잡았|꺾었)|어디가\s*(?:이김|이겼|이긴|이기)|승자|이긴\s*(?:팀|쪽)(?:은|이|이야|어디|누구)"
                    r"|\bwho\s+(?:won|wins|came out on top|took it|prevailed)\b|\b(?:which|what)\s+(?:team|side|squad|one)\s+(?:won|came out on top|prevailed)\b"
                    r"|\bwinners?\b", t.s, re.I):
                # "A랑 B 경기 누가 이겼어", "who came out on top between A and B": the winner of each of their meetings,
                # whichever side it was
                return IR(select=["m.played_at", "wt.name"],
                          filters=base + [Filter("w.placement", "=", 1), Filter("wt.name", "either_pair", [a, b])])
            # direction: who is the winner?
            winner, loser = a, b
            if measure == "losses" or self._object_of_win(a):
                winner, loser = b, a
            fs = base + [Filter("w.placement", "=", 1), Filter("wt.name", "=", winner), Filter("lt.name", "=", loser)]
            on_map = re.search(r"\b(?:which|what) maps?\b|\bon what\b|\bthe maps?\b|(?:어느|무슨|어떤)\s*맵|맵(?:은|이랑|하고|도)", t.s, re.I)
            if directed and not t.has("aggregates", "count") and (t.has("entities", "date") or on_map):
                return IR(select=["m.played_at"] + (["m.map"] if on_map else []), filters=fs, order="col:m.played_at:asc")
            if t.has("aggregates", "count") or not asked:
                return IR(measure="count", filters=fs)
            return IR(select=["m.played_at"], filters=fs)
        always = re.search(r"\bevery time\b|\balways\b|\beach time\b|매번|항상|만날 때마다", t.s, re.I)
        if len(teams) == 1 and asked == "team" and always and measure == "wins" and t.has("shapes", "opponent") \
                and not self._object_of_win(teams[0]):
            # "opponents X beat every time": X's opponents that X never lost to
            fs = base + [Filter("wt.name", "=", teams[0])]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            return IR(select=["t.name"], setop={"op": "except", "via": "opponent", "a": fs,
                                                "b": fs + [Filter("w.placement", "=", 2)]})
        if len(teams) == 1 and asked == "team" and t.has("shapes", "never") and (t.has("shapes", "opponent") or measure in ("wins", "losses")):
            # "opponents X never lost to" / "teams X never beat": X's opponents, but those of the excluded results
            a = teams[0]
            s = t.s
            if re.search(r"\b(?:beat|beaten|defeat(?:ed)?|won against|got past)\s+(?:the\s+)?@teamX", s, re.I):
                lost = True  # "teams that never beat X": X never lost to them
            elif re.search(r"@teamX\b.*\b(?:beat|beaten|defeat(?:ed)?|won against)\b", s, re.I) and not re.search(r"\bby\b", s, re.I):
                lost = False  # "teams X played but never defeated"
            else:
                lost = measure == "losses" or (self._object_of_win(a) and not self._subject_of_win(a))
            fs = base + [Filter("wt.name", "=", a)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            return IR(select=["t.name"], setop={"op": "except", "via": "opponent", "a": fs,
                                                "b": fs + [Filter("w.placement", "=", 2 if lost else 1)]})
        met = re.search(r"\bfac(?:e|ed|es|ing)\b|\bplay(?:ed|s|ing)? against\b|\b(?:gone|went|came|go) up against\b|\bmet\b|\bopponents?\b"
                        r"|붙어 ?(?:본|봤)|맞붙|붙은|붙었|만난|만났|상대한|상대했|상대해\s?(?:본|봤)|경기해 ?(?:본|봤)|싸워 ?(?:본|봤)|싸운|대결한"
                        r"|상대(?:팀)?(?:들)?\s*(?:전부|다|모두|목록|리스트|몇|수(?![가-힣])|숫자|개수)", t.s, re.I)
        won_lost = re.search(r"\bbeat|\bdefeat|\bwon\b|\bwins?\b|\blost\b|\blos[et]\b|이겨|이긴|이겼|꺾|잡아|잡은|졌|진 |패", t.s, re.I)
        if len(teams) == 1 and asked in (None, "team", "match") and met and not won_lost and measure in (None, "appearances") \
                and (t.has("aggregates", "count") or t.has("aggregates", "max")) and re.search(
                    r"\beach\b|\bapiece\b|\bper (?:opponent|team|side|squad)\b|\bby opponent\b|\bhow many times (?:they|we|it|each)\b"
                    r"|\band how (?:many times|often)\b|각각|별로|마다|상대별|팀별|(?:이랑|랑|하고|과|와)\s*(?:각각\s*)?몇\s*(?:번|판|경기|게임)"
                    r"|\b(?:the )?most\b|제일|가장|최다|젤", t.s, re.I):
            # "X's opponents and how many times each was met", "X가 상대한 팀별 몇 번", "who has X played against the
            # most": X's matches counted per other side, whoever won
            maxish = t.has("aggregates", "max") and not t.has("aggregates", "count") or re.search(r"\b(?:the )?most\b|제일|가장|최다|젤", t.s, re.I)
            return IR(select=["lt.name"], measure="countd:m.id", filters=base + [Filter("wt.name", "=", teams[0])], group=True,
                      order="desc" if maxish else None, limit=(self.top_n() or 1) if maxish else None, fact="w")
        if len(teams) == 1 and asked == "team" and won_lost and measure in (None, "wins", "losses") and not t.has("shapes", "never") \
                and not t.has("aggregates", "max") and re.search(
                    r"\bhow many times (?:(?:did|has|have)\s+)?(?:each|every)\b|\b(?:and|with) how (?:many times|often)\b|\bhow often each\b"
                    r"|\btimes each\b|\beach (?:of them|one|team|side)\b.{0,30}\b(?:times|how many|how often)\b"
                    r"|몇\s*(?:번|판|경기|게임)\s*씩|각각\s*몇\s*(?:번|판|경기)"
                    # a list of the sides with their count beside it: "… and the number of times", "팀과 이긴 횟수"
                    r"|\b(?:with|and|plus|along with) (?:the |their )?(?:number|count|#|tally) of (?:times|wins|victories|losses|defeats|results)\b"
                    r"|(?:팀|상대|곳)(?:들)?\s*(?:과|와|이랑|랑|하고)\s*(?:그\s*)?(?:이긴|진|패배한|승리한|꺾은|잡은)?\s*(?:횟수|경기\s*수|판\s*수)", t.s, re.I):
            # "sides that got past X, with a count for each", "X 상대로 이겨본 팀 몇 번씩": the other sides of those
            # results, a count per side
            a = teams[0]
            beaten = self._object_of_win(a) or (measure == "losses" and not self._subject_of_win(a))
            fs = base + [Filter("w.placement", "=", 1)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            fs.append(Filter("lt.name" if beaten else "wt.name", "=", a))
            return IR(select=["wt.name" if beaten else "lt.name"], measure="count", filters=fs, group=True, fact="w")
        if len(teams) == 1 and asked == "team" and t.has("aggregates", "max") and t.has("shapes", "opponent") \
                and not t.has("aggregates", "count"):
            # "who beat X the most": X's opponents by the matches they won against X (or lost, "beat most often")
            a = teams[0]
            beaten = self._object_of_win(a) or (measure == "losses" and not self._subject_of_win(a))
            fs = base + [Filter("w.placement", "=", 1)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))
            fs.append(Filter("lt.name" if beaten else "wt.name", "=", a))
            return IR(select=["wt.name" if beaten else "lt.name"], measure="count", filters=fs, group=True,
                      order="desc", limit=self.top_n() or 1, fact="w")
        if len(teams) == 1 and asked == "team" and t.has("aggregates", "count") and not t.has("aggregates", "max") \
                and measure not in ("wins", "losses") and met and not won_lost:
            # "how many teams has X faced", "X랑 붙어본 팀 몇 팀": the distinct other sides of X's matches
            return IR(measure="countd:lt.id", filters=base + [Filter("wt.name", "=", teams[0])], fact="w")
        if len(teams) == 1 and asked == "team" and t.has("aggregates", "count") and not t.has("aggregates", "max") \
                and won_lost and re.search(r"\b(?:teams|squads|opponents|sides)\b|팀|상대", t.s, re.I) and not t.has("shapes", "never") \
                and not re.search(r"\bhow many (?:times|matches|games|maps|series)\b|몇\s*(?:번|판|경기|게임|승|패)", t.s, re.I):
            # "how many teams has X beaten", "X한테 진 팀 몇 팀": the distinct sides on the other end of those results
            a = teams[0]
            beaten = self._object_of_win(a) or (measure == "losses" and not self._subject_of_win(a))
            fs = base + [Filter("w.placement", "=", 1)] + ([] if any(f.col == "m.format" for f in base) else [Filter("m.format", "=", "versus")])
            return IR(measure="countd:wt.id" if beaten else "countd:lt.id",
                      filters=fs + [Filter("lt.name" if beaten else "wt.name", "=", a)], fact="w")
        if len(teams) == 1 and asked == "team" and (measure in ("wins", "losses") or t.has("shapes", "opponent")) \
                and not t.has("aggregates", "count") and not t.has("aggregates", "max") and t.has("shapes", "opponent"):
            a = teams[0]
            if self._names_match_by_time() and not re.search(
                    r"\b(?:first|last|latest|earliest|most recent)\s+(?:\d+|two|three|five|ten)\s|(?:첫|마지막|최근)\s*\d+", t.s, re.I):
                # "X's opponent in their last match", "빌라노바 첫 경기 상대": the other side of X's one match picked by time
                first = re.search(r"\b(?:first|earliest)\b|첫", t.s, re.I)
                scope = [f for f in base if f.col.startswith(("tr.", "m."))]
                base = base + [Filter("m.id", "by_time", {"order": "asc" if first else "desc", "filters": scope, "team": a})]
            if measure not in ("wins", "losses") and not t.has("shapes", "winner") and not t.has("shapes", "loser") \
                    and not re.search(r"이긴|이겨|이겼|꺾|잡아|잡은|잡았|\bbeat|\bdefeat|\bwon\b|\blost\b|\blos[et]|(?<![가-힣])진\s|졌|패", t.s, re.I):
                # "X랑 맞붙은 팀", "every opponent X has met": the other sides of X's matches, whoever won (and the days
                # they met, when asked beside: "whom did X meet in March, and what dates")
                return IR(select=["lt.name"] + self._dates_beside(), filters=base + [Filter("wt.name", "=", a)], distinct=True, fact="w")
            beaten = self._object_of_win(a) or (measure == "losses" and not self._subject_of_win(a))
            if measure not in ("wins", "losses") and not t.has("shapes", "winner") and not t.has("shapes", "loser") \
                    and re.search(r"\bfac(?:ed|es|ing)\b|\bplay(?:ed|s|ing)? against\b|\b(?:gone|went|came) up against\b|\bmet\b"
                                  r"|붙어 ?(?:본|봤)|맞붙|붙은|만난|상대한|상대(?:팀)?(?:들)?\s*(?:전부|다|모두|목록|리스트)", t.s, re.I) \
                    and not re.search(r"\bbeat|\bdefeat|\bwon\b|\bwins?\b|\blost\b|\blos[et]\b|이겨|이긴|이겼|꺾|잡아|잡은|졌|진 |패", t.s, re.I):
                # "every team X has faced", "X가 붙어본 상대": the opponents met, whoever won
                return IR(select=["lt.name"] + self._dates_beside(), filters=base + [Filter("wt.name", "=", a)], distinct=True, fact="w")
            fs = base + [Filter("w.placement", "=", 1)]
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))  # a win is a versus match's
            if beaten:
                fs.append(Filter("lt.name", "=", a))
                return IR(select=["wt.name"] + self._dates_beside(), filters=fs, distinct=True)
            fs.append(Filter("wt.name", "=", a))
            return IR(select=["lt.name"] + self._dates_beside(), filters=fs, distinct=True)
        return None

    def _dates_beside(self) -> list[str]:
        """The match dates asked beside the sides listed ("and what dates", "언제였는지도", "and when")."""
        return ["m.played_at"] if self.t.has("entities", "date") else []

    def _asks_existence(self) -> bool:
        """A yes/no question whether some row exists: "has anyone …", "was there ever …", "any … ?", "… 있어?", "… 적 있나"."""
        return bool(re.search(r"^\W*(?:has|have|had|did|does|do|was|were|is|are)\b.*\b(?:any|anyone|anybody|someone|somebody|ever|there)\b"
                              r"|\b(?:anyone|anybody|someone|somebody)\b|^\W*any\b|\bever\b.*\?\s*$"
                              r"|있어|있나|있냐|있니|있었|있음|있을까|있는지|있던가|나온 적|나왔|적 ?있", self.t.s, re.I))

    def _placed_above(self) -> bool | None:
        """Two named sides ranked against each other inside their matches: "A finished above B", "A outplaced B", "B
        placed behind A", "A가 B보다 순위 높았던": True when the side named first placed better, False when worse."""
        s = self.t.s
        finish = r"(?:placed|place[sd]?|placing|finish(?:ed|es|ing)?|end(?:ed|s|ing)?(?: up)?|came(?: in)?|ranked|ranking|was|were|is|got)"
        m = re.search(r"@teamX\s+(?:\w+\s+){0,2}?" + finish + r"\s+(?:\w+\s+)?(above|ahead of|higher than|better than|in front of|over"
                      r"|below|behind|lower than|worse than|under)\s+(?:the\s+)?@teamX"
                      r"|@teamX\s+(?:\w+\s+)?(out-?plac\w*|out-?rank\w*)\s+(?:the\s+)?@teamX"
                      r"|@teamX\s+(?:\w+\s+){0,2}?(?:had|have|got|get|with|has|earned)\s+(?:an?\s+)?(higher|better|lower|worse)\s+(?:placements?|places?|finish(?:es)?|rank(?:ing)?s?|positions?)\s+than\s+(?:the\s+)?@teamX", s, re.I)
        if m:
            word = next(g for g in m.groups() if g).lower()
            return not word.startswith(("below", "behind", "lower", "worse", "under"))
        m = re.search(r"@teamX\s*(?:이|가|은|는|쪽이)?\s*@teamX\s*(?:보다|보단|보다는)?\s*(.{0,14})", s)
        if m and re.search(r"순위|등수|위에|앞에|앞서|아래|뒤에|뒤처", m.group(1)):
            w = m.group(1)
            high = re.search(r"높|좋|위에|앞", w)
            low = re.search(r"낮|나쁘|나빴|아래|뒤", w)
            if high and not low or high and low and high.start() < low.start():
                return True
            if low:
                return False
        return None

    def _implicit_upset(self) -> tuple[bool, bool, str] | None:
        """One side's statistic above the other's, said without "than": "패한 쪽 킬이 오히려 더 많았던", "the side with more
        kills still lost", "won with fewer kills". (the side said first is the loser, more?, the statistic word)"""
        s = self.t.s
        m = re.search(r"((?<![가-힣])진|패한|이긴|승리한)\s*(?:팀|쪽|편)(?:이|가|은|는)?\s*(킬|데스|어시)\S*\s*(?:은|는|이|가|을|를)?\s*(?:더|오히려)\s*(?:많이\s*)?(많|적)", s)
        if m:
            return m.group(1) in ("진", "패한"), m.group(3) == "많", m.group(2)
        m = re.search(r"\b(?:the )?(winners?|losers?|winning (?:team|side|squad)|losing (?:team|side|squad)|beaten (?:team|side|squad))s? (?:had|got|with|scored|ended with|finished with) (?:the )?(more|fewer|less) (kills|frags|deaths|assists)\b(?! than)", s, re.I)
        if m:
            return m.group(1).lower().startswith(("los", "beaten")), m.group(2).lower() == "more", m.group(3)
        m = re.search(r"\b(?:the )?(?:team|side|squad)s? with (?:the )?(more|fewer|less|most|fewest) (kills|frags|deaths|assists)\b(?:\s+\w+){0,3}?\s+(lost|lose|loses|losing|won|win|wins)\b"
                      r"|\b(won|win|wins|lost|lose)\s+(?:\w+\s+){0,3}?(?:with|despite|while having) (?:the )?(more|fewer|less) (kills|frags|deaths|assists)\b", s, re.I)
        if m:
            if m.group(1):
                more, word, result = m.group(1).lower() in ("more", "most"), m.group(2), m.group(3).lower()
            else:
                result, more, word = m.group(4).lower(), m.group(5).lower() == "more", m.group(6)
            lost = result.startswith("los")
            # "the side with more kills lost" = the loser had more; "won with fewer kills" = the loser had more
            return (True, more, word) if lost else (True, not more, word)
        return None

    def _extra_columns(self, asked: str | None) -> list[str]:
        """Other attributes a question asks to see beside the answer's key: "with the map", "포지션이랑"."""
        s, out = self.t.s, []
        # ... also in a list of the columns wanted: "map + date", "map/date", "when, map"
        if re.search(r"\b(?:what|which) map\b|\bon what\b|\b(?:with|and) (?:the )?maps?\b|(?:[+&/]|,)\s*(?:the\s+)?maps?\b|\bmaps?\s*(?:[+&/]|,\s*(?:date|when|time|score))|(?:랑|하고|과|와|,|\+)\s*맵(?:도|까지|이름)?(?:을|를|은|이|도)?(?![가-힣])|어느 맵|무슨 맵|어떤 맵|맵(?:은|이|이랑|도|하고)?\s*(?:어디|뭐|알려|같이|도)|(?:그|해당)\s*맵|맵(?:까지|도|이랑|하고)\s", s, re.I) and asked != "map":
            out.append("m.map")
        if asked == "player" and re.search(r"\b(?:what|which) (?:role|position)\b|\brole\b|포지션|역할", s, re.I):
            out.append("p.role")
        against = re.search(r"\b(?:playing|played|plays|was|were|up)\s+against\s*(?:[?,.;]|$)|\bagainst\s+(?:which|what|whom|who)\b"
                            r"|\b(?:the|his|her|their)\s+opponents?\b(?!\s+(?:of|to)\b)|\bvs\.?\s+(?:which|what|whom|who)\b"
                            r"|상대\s*팀(?:은|는|이|가|도|까지|이랑|하고|,|\s*이름|\s*$)|상대(?:는|은|가)\s*(?:누구|어디)", s, re.I)
        if asked == "player" and against:
            # "… and who was the opponent", "상대 팀은": the other side of that match (not the player's own team)
            out.append("opponent(m.id,p.team_id)")
        elif asked == "player" and re.search(r"\b(?:what|which) (?:team|squad|org)\b|\b(?:team|squad|org) (?:they|he|she) (?:play|plays|played) (?:for|on|in)\b|어느 팀|무슨 팀|소속", s, re.I):
            out.append("t.name")
        if re.search(r"\bwhen\b|언제|날짜|\bdates?\b|\b(?:what|which) (?:day|time)\b|무슨 ?날|몇\s*월\s*며칠", s, re.I):
            out.append("m.played_at")
        # "무슨 대회였는지도", "and at which event": the tournament the row belongs to, asked beside it
        if asked not in ("tournament", None) and re.search(
                r"(?:무슨|어느|어떤)\s*대회(?:였|이었|엿|인지|에서|였는지|였고)|\band (?:at |in )?(?:which|what) (?:tournament|event|competition)\b"
                r"|\b(?:which|what) (?:tournament|event|competition) (?:it|that) (?:was|came)\b", s, re.I) \
                or asked != "tournament" and re.search(
                # a list of the columns wanted: "- 선수명, 대회명", "with the team and the tournament"
                r"(?:[,:+/\-–—]|랑|하고|과|와|및)\s*대회\s*(?:명|이름)(?![가-힣])|대회\s*(?:명|이름)\s*(?:[,+/]|이랑|랑|하고|과|와|및|도)"
                r"|(?:\band|\bwith|\bplus|[,:+&/]|\s[-–—])\s+(?:the\s+|its\s+|their\s+)?(?:tournament|event|competition)(?:\s+names?)?\s*(?:[,.?!]|$|\band\b)", s, re.I):
            out.append("tr.name")
        return out

    def _attributes_beside(self, asked: str | None, filters: list[Filter]) -> list[str]:
        """The entity's own attributes asked beside a list of it: "tournaments with their game", "팀이랑 지역",
        "players and their roles and teams" (never one the filters already fix)."""
        s, out = self.t.s, []
        fixed = {f.col for f in filters if f.op == "="}
        if any(f.op == "month!=" for f in filters) and not re.search(
                r"\b(?:give|show|list|with|and|plus|include)\b[^?.!]{0,30}\bstart(?:ing)?\s+(?:and|&)\s+end(?:ing)?\s+dates?\b"
                r"|시작\s*(?:일|날짜)\s*(?:과|와|이랑|하고|및|,)\s*(?:종료|끝)\s*(?:일|날짜)\s*(?:도|까지|을|를)?\s*(?:같이|함께|보여|알려|조회|포함)", s, re.I):
            # the months of the two dates differing is the condition (the dates are shown only when asked for)
            fixed |= {"tr.start_date", "tr.end_date"}
        said = {
            "tournament": [(r"\b(?:what|which) (?:games?|titles?) (?:was|were|is|are|did)\b|\band (?:in )?(?:what|which) (?:games?|titles?)\b|무슨 게임|어떤 게임|\b(?:its|their|the) (?:games?|titles?)\b|\b(?:with|w/) ?(?:the )?(?:games?|titles?)\b|\band (?:the )?(?:games?|titles?)\b|게임(?:이랑|하고|도|과|명)|(?:랑|하고|과|와)\s*게임|종목", "tr.game"),
                           # "events with their start dates", "대회랑 시작일", "with the dates they ran": the tournament's own dates
                           (r"\b(?:its|their|the|with|and|plus)\s+(?:start(?:ing)?|begin(?:ning)?|opening|first)\s+(?:dates?|days?)\b|\b(?:its|their|with|and)\s+(?:the\s+)?(?:dates?|run(?:ning)? dates?|schedules?)\b"
                            r"|\bstart(?:ing)?\s+(?:and|&)\s+end(?:ing)?\b|시작\s*(?:일|날짜)|개막일|(?:대회\s*)?(?:기간|일정)(?!\s*[:：])(?:이랑|하고|도|과|까지)?\s*(?:같이|함께)?", "tr.start_date"),
                           (r"\b(?:its|their|the|with|and|plus)\s+(?:end(?:ing)?|clos(?:e|ing)|final|last|finish)\s+(?:dates?|days?)\b|\b(?:its|their|with|and)\s+(?:the\s+)?(?:dates?|run(?:ning)? dates?|schedules?)\b"
                            r"|\bstart(?:ing)?\s+(?:and|&)\s+end(?:ing)?\b|종료\s*(?:일|날짜)|폐막일|(?:대회\s*)?(?:기간|일정)(?!\s*[:：])(?:이랑|하고|도|과|까지)?\s*(?:같이|함께)?", "tr.end_date")],
            "team": [(r"\b(?:give|with|and|plus|show)\s+(?:the\s+)?(?:tournaments?|events?)\s*(?:\+|and|&|,|name)|\b(?:with|and|plus)\s+(?:the|their)\s+(?:tournaments?|events?)\s*[?.!]*\s*$|\b(?:tournaments?|events?)\s*(?:\+|&)\s*teams?\b"
                      r"|\bteams?\s*(?:\+|&|and)\s*(?:the\s+)?(?:tournaments?|events?)\b|대회(?:명)?(?:이랑|랑|하고|과|와|\s*\+)\s*팀", "tr.name"),
                     (r"\b(?:its|their|the) regions?\b|\b(?:with|w/) ?(?:the |their )?regions?\b|\band (?:their )?regions?\b|지역(?:이랑|하고|도|과|까지)|어느 지역", "t.region")],
            "player": [(r"\b(?:its|their|his|her|the) (?:roles?|positions?)\b|\band (?:their )?(?:roles?|positions?)\b|\bw/\s*(?:their\s+)?(?:roles?|positions?)\b|포지션(?:이랑|하고|도|과|까지)|역할(?:이랑|하고|도|과|까지)", "p.role"),
                       (r"(?:명단|로스터|라인업|선수)\S*\s+(?:\S+\s+)?(?:포지션|역할|roles?(?![A-Za-z])|positions?(?![A-Za-z]))|\b(?:roster|line-?up|players)\b.*\b(?:with|and|\+)\s+(?:their\s+)?(?:roles?|positions?)\b", "p.role"),
                       (r"\b(?:their|his|her) teams?\b|\band (?:their )?teams?\b|소속(?:팀)?(?:이랑|하고|도|과|까지)|팀(?:이랑|하고|도|까지)"
                        # "… and what team was he on", "which team does she play for", "소속팀은?": the player's team asked beside
                        r"|\b(?:what|which) (?:team|squad|org)\b(?:\s+(?:was|is|were|are|does|did|do))?\s+(?:he|she|they|that player|it)\b"
                        r"|\b(?:team|squad|org)s?\s+(?:they|he|she)\s+(?:play|plays|played|are on|is on|belong to)\b"
                        r"|(?:랑|하고|그리고|,)\s*(?:그\s*선수\s*)?(?:소속\s*팀|소속|어느\s*팀|무슨\s*팀)"
                        # "닉네임과 소속 팀명", "and their team name", "with team names"
                        r"|소속\s*팀\s*(?:명|이름)|(?:과|와|랑|이랑|하고|및|,)\s*팀\s*(?:명|이름)|\b(?:and|with|plus)\s+(?:their\s+|the\s+)?team\s+names?\b"
                        # a list of the columns wanted: "nickname, team, the date", "닉네임, 팀, 날짜"
                        r"|(?:,|\bneed)\s*(?:their\s+|the\s+)?teams?\s*(?:,|\band\b|&)|,\s*(?:소속\s*)?팀\s*(?:,|이랑|랑|하고)", "t.name"),
                       # "roster of X and which position each one has", "선수 이름과 포지션"
                       (r"\band (?:what|which) (?:roles?|positions?)\b|(?:과|와|랑|이랑|하고|및)\s*(?:포지션|역할|롤|roles?|positions?)(?![가-힣A-Za-z])", "p.role")],
        }.get(asked or "", [])
        for pattern, col in said:
            if col not in fixed and col not in out and re.search(pattern, s, re.I):
                out.append(col)
        return out

    def _subject_of_win(self, team: str) -> bool:
        """Whether ``team`` is the winner although the words are of losing ("X에게 패한 상대", "lost to X")."""
        s = self.t.s
        for i in [a for a, _, typ, v in self.placed if typ == "team" and v == team]:
            if re.match(r"\s*@teamX\s*(?:에게|한테|상대로)\s*(?:진|패|졌)", s[i:i + 30]):
                return True
            if re.search(r"\b(?:lost to|beaten by|defeated by|fell to|losses to)\s*$", s[max(0, i - 25):i], re.I):
                return True
            if re.match(r"\s*@teamX\s+(?:has\s+|have\s+)?(?:beat|beaten|defeat|defeated)\b", s[i:i + 30], re.I):
                return True
        return False

    _WON_WITH = re.compile(
        r"\b(?:chicken(?: dinner)?s?|dinners?|wins?|won|victor(?:y|ies)|first places?)\b[^?.]{0,40}?\b(?:with|on|having|despite)\s+(?:only\s+|just\s+)?"
        r"(?:fewer than|less than|under|below|more than|over|above|at least|at most|no more than|\d+\s*(?:or (?:fewer|less|more))?)"
        r"|(?:킬|kills?)\s*\d*\s*(?:개\s*)?(?:미만|이하|이상|초과|넘게|보다\s*(?:적게|많이))\s*(?:으로|로)?\s*(?:치킨|1위|1등|우승|승리|이긴|이겼)"
        r"|\d+\s*(?:킬|kills?)\s*(?:미만|이하|이상|초과|넘게)\s*(?:으로|로)?\s*(?:치킨|1위|1등|우승|승리|이긴|이겼)", re.I)

    def _wins_with_stat(self, asked: str | None) -> IR | None:
        """"a first place won on under N kills: which squad, where, its kills", "N킬 이하로 1등 한 팀이랑 맵":
        the won rows whose own side's kills pass the number (a condition of one match row, not a total), listed with the
        columns asked, or counted."""
        t, s = self.t, self.t.s
        if asked not in (None, "team", "map", "match", "date") or "player" in self.values or not self._WON_WITH.search(s):
            return None
        nums = [(a, b, v) for a, b, v in self.numbers if re.match(r"\s*(?:kills?|frags?|킬)", s[b:b + 8], re.I)]
        if len(nums) != 1 or len(self.numbers) != 1:
            return None  # ("won 5 series with over 100 kills": a count of wins beside it, not one row's condition)
        op = self.comparison()
        if op is None or op == "=":
            return None
        fs = self.value_filters() + self.date_filters() + [Filter("mt.placement", "=", 1), Filter("mt.kills", op, _num(nums[0][2]))]
        if re.search(r"치킨|chicken|dinner", s, re.I) and not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "ranking"))
        if t.has("aggregates", "count") and not re.search(r"\b(?:give|list|show|name)\b|\bwhich\b|\bwho\b|누구|어디|어느|알려|목록", s, re.I):
            return IR(measure="count", filters=fs)
        sel = [] if "team" in self.values else ["t.name"]
        if re.search(r"\bmaps?\b|맵", s, re.I):
            sel.append("m.map")
        if re.search(r"\bkill count\b|\bkills\s*[?.!]*\s*$|\b(?:its|their|the)\s+kills\b|\bhow many kills\b|킬\s*수|몇\s*킬|킬도|킬이랑", s, re.I):
            sel.append("mt.kills")
        if re.search(r"\bwhen\b|\bdates?\b|언제|날짜|일시", s, re.I):
            sel.append("m.played_at")
        return IR(select=sel or ["t.name"], filters=fs, order="col:m.played_at:asc" if "m.played_at" in sel else None)

    _LATEST_TO = re.compile(
        r"\b(?:the\s+)?(?:last|latest|most recent|newest)\s+(?:team|squad|side|org|one|club)\s+(?:to|that|which|who)\s+(?:have\s+|has\s+)?"
        r"(?:beat|beaten|defeat(?:ed)?|win|won|take|took|taken|get|got|grab(?:bed)?|claim(?:ed)?)\b"
        r"|\b(?:beat|defeated|won|took|claimed)\b.{0,40}?\b(?:most recently|last(?=\s*[?,.!]|\s+(?:time|and)\b))"
        r"|(?:마지막으로|가장\s*최근에?|제일\s*최근에?|최근\s*마지막으로?)\s*(?:@teamX\s*(?:을|를)?\s*)?(?:\S+\s+){0,2}?"
        r"(?:이긴|잡은|꺾은|누른|치킨\s*먹은|1위\s*한|1등\s*한|승리한)\s*(?:팀|스쿼드|쪽|곳|애들)", re.I)

    def _latest_to_win(self, asked: str | None) -> IR | None:
        """"which side beat X last, and where", "the latest squad to win a round on <map>, with its points",
        "X를 마지막으로 이긴 팀": the winner of the latest match of the scope (X beaten, when X is named), with the
        columns asked of that match."""
        t = self.t
        teams = self.values.get("team", [])
        if asked not in (None, "team") or len(teams) > 1 or "player" in self.values or not self._LATEST_TO.search(t.s):
            return None
        if t.has("aggregates", "count") and re.search(r"\bhow many (?:times|teams|matches)\b|몇\s*(?:번|팀|경기)", t.s, re.I):
            return None
        fs = self.value_filters(skip={"team"}) + self.date_filters() + [Filter("w.placement", "=", 1)]
        if teams:
            if not self._object_of_win(teams[0]):
                return None
            fs.append(Filter("lt.name", "=", teams[0]))
        if teams and not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "versus"))  # a side beaten: head-to-head play (a win is first place in either)
        sel = ["wt.name"]
        if re.search(r"\b(?:which|what) maps?\b|\bon what\b|\bthe maps?\b|(?:어느|무슨|어떤)\s*맵|맵(?:은|이랑|하고|도|까지)", t.s, re.I):
            sel.append("m.map")
        if re.search(r"\bwhen\b|\bwhat date\b|\bwhich day\b|언제|날짜|일시", t.s, re.I):
            sel.append("m.played_at")
        if re.search(r"\bhow many (?:points|rounds|maps)\b|\bscore\b|\bpoints?\b|점수|몇\s*점|몇\s*라운드|스코어", t.s, re.I):
            sel.append("w.score")
        return IR(select=sel, filters=fs, order="col:m.played_at:desc", limit=1)

    def _object_of_win(self, team: str) -> bool:
        """Whether ``team`` is the one beaten ("beat X", "X를 이긴", "lost to")."""
        s = self.t.s
        idx = [a for a, _, typ, v in self.placed if typ == "team" and v == team]
        if not idx:
            return False
        i = idx[0]
        after = s[i:i + 30]
        before = s[max(0, i - 25):i]
        if re.match(r"\s*@teamX\s*(?:을|를|한테|에게|상대로)", after) and re.search(r"이긴|이겼|이김|꺾|이겨|잡은|잡아", s[i:]):
            return True
        if re.search(r"\b(?:beat|beaten|defeated|against|over|vs\.?|swept|sweep|sweeps|shut\s*out|shuts\s*out|whitewashed|blanked)\s*$", before, re.I):
            return True
        if re.match(r"\s*@teamX\s*(?:을|를|한테|에게|상대로)", after) and re.search(r"셧아웃|스윕|완봉|무실점", s[i:]):
            return True  # "X를 셧아웃시킨 팀": X was swept
        if re.match(r"\s*@teamX\s*(?:이|가|은|는)?\s*(?:진|졌|패)", after):
            return True
        # "X와 맞붙어서 이긴 팀", "X랑 싸워서 이긴 팀", "sides that faced X and won": the others, who met X and won
        if re.match(r"\s*@teamX\s*['\"’”]?\s*(?:와|과|랑|이랑|하고)\s*(?:맞\s*)?(?:붙어|붙었을\s*때|싸워|싸웠을\s*때|만나|만났을\s*때|대결해|경기해)\s*(?:서)?\s*"
                    r"(?:이긴|이겼던|이겨\s*본|꺾은|잡은)\s*(?:팀|상대|애들|곳|쪽)", after) \
                or re.search(r"\b(?:faced|played|met|took on|went up against)\s*$", before, re.I) \
                and re.match(r"\s*@teamX\s+and\s+(?:won|came out on top|came away with (?:the|a) win)\b", after, re.I):
            return True
        # the object's particle dropped, as people type: "X 이겨본 팀", "X 잡은 애들" = the teams that beat X
        if re.match(r"\s*@teamX\s+(?:이겨\s*본|이겨\s*봤던|이긴|이겼던|꺾은|꺾어\s*본|잡은|잡아\s*본)\s*(?:팀|상대|애들|곳|데)", after):
            return True
        # "A가 (발로에서) B 잡은 적", "A이 B 이긴 경기": the side said with the subject's particle before is the winner
        if re.match(r"\s*@teamX\s*(?:이긴|이겼|이김|잡은|잡았|잡음|꺾은|꺾었|눌렀|누른)", after) \
                and re.search(r"@teamX\s*(?:이|가)\s+(?:(?!@teamX)\S+\s+){0,2}$", before):
            return True
        return False

    def _pair_select(self, fs: list[Filter], teams: list[str], asked: str | None) -> IR:
        t = self.t
        if teams:
            fs = fs + [Filter("wt.name", "=", teams[0])] if not self._object_of_win(teams[0]) else \
                fs + [Filter("lt.name", "=", teams[0])]
        # "which squads were shut out most often", "셧아웃 당한 팀": the side it happened to, the loser, is the key
        side = "lt.name" if re.search(r"\b(?:get|gets|got|getting|gotten|were|was|been|being)\s+(?:swept|shut\s*out|whitewashed|blanked|bageled)\b"
                                      r"|\bswept\s+(?:teams?|sides?|squads?)\b|(?:셧아웃|완패|스윕|무실세트\s*패배?)\s*(?:을|를)?\s*당(?:한|했|하)", t.s, re.I) else "wt.name"
        if asked not in ("match", "date") and not teams and (t.has("aggregates", "max") or t.has("aggregates", "min")):
            order = "asc" if t.has("aggregates", "min") and not t.has("aggregates", "max") else "desc"
            return IR(select=[side], measure="countd:m.id", filters=fs, group=True, order=order, limit=self.top_n() or 1)
        if (t.has("aggregates", "count") or not teams and self.group_entity() == "team") and not re.search(r"\bwho\b|누구|어디|어느 팀", t.s, re.I):
            if not teams and (asked == "team" and re.search(r"\b(?:which|what) teams?\b|어느 팀|어떤 팀|팀별|팀마다", t.s, re.I)
                              or self.group_entity() == "team"):
                # "which teams, how many times", "2-0 wins per team", "팀별 셧아웃 횟수": counted per winning side
                ir = IR(select=[side], measure="countd:m.id", filters=fs, group=True)  # which team, how many times
                if t.has("shapes", "order"):
                    ir.order = "desc"
                return ir
            return IR(measure="countd:m.id", filters=fs)
        if asked == "map" or re.search(r"\b(?:which|what) maps?\b|(?:어느|무슨|어떤)\s*맵|맵(?:은|이)?\s*(?:어디|뭐)", t.s, re.I):
            # "any 2-0 map — which one and when?", "13-0 나온 맵 어디": the map asked, its date said beside
            when = t.has("entities", "date") or re.search(r"\bwhen\b|언제|날짜|\bdates?\b", t.s, re.I)
            return IR(select=["m.map"] + (["m.played_at"] if when else []), filters=fs)
        sel = []
        if t.has("entities", "date"):
            sel.append("m.played_at")
        winner_only = t.has("shapes", "winner") and not re.search(r"who beat who|누가 누구|상대|진 팀|\bvs\b|loser", t.s, re.I)
        sel += ["wt.name"] if winner_only else ["wt.name", "lt.name"]
        if not t.has("entities", "date") and (not winner_only or asked == "match"):
            sel.append("m.played_at")  # the matches themselves are asked for: say when
        return IR(select=sel, filters=fs)

    def _measure_column(self, measure: str | None, player_level: bool, asked: str | None) -> tuple[str | None, str | None, list[Filter]]:
        """(column, aggregate hint, event filters) of the measure."""
        t = self.t
        agg = None
        if t.has("aggregates", "avg"):
            agg = "avg"
        elif t.has("aggregates", "sum"):
            agg = "sum"
        if agg == "avg" and self._total_per_group():
            agg = "sum"
        elif agg == "avg" and self.group_entity() == "map" and asked is None and "player" not in self.values \
                and "team" not in self.values and re.search(r"\bper map\b|맵\s*(?:별|마다)", t.s, re.I) \
                and not re.search(r"\baverag|\bavg\b|\bmean\b|\bon average\b|평균|경기당|판당|\ba (?:game|match|series)\b", t.s, re.I):
            agg = "sum"  # "damage per map in 2024" with nothing else averaged: each map's total, a breakdown
        side = "mp" if player_level else "mt"
        ranking_ctx = t.has("measures", "chicken") or any(f.value == "ranking" for f in self.value_filters() if f.col == "m.format")
        if measure == "chicken":
            if t.has("shapes", "percent") or re.search(r"\brate\b|\bratio\b|\bhow often\b|비율|확률", t.s, re.I):
                return "share:mt.placement=1", None, [Filter("m.format", "=", "ranking")]  # a chicken rate, in percent
            if not ranking_ctx or not re.search(r"\bchicken|\bdinners?\b|치킨|royale|로얄|\bbr\b|\branking|\brank", t.s, re.I) and re.search(
                    r"\bin any (?:match|game|series|of them|of those|of their (?:matches|games))\b|\bany (?:single )?(?:match|game) (?:they|it) played\b"
                    r"|\b(?:in|across) (?:every|all|both) formats?\b|어느\s*경기(?:에서)?든|어떤\s*경기(?:에서)?든", t.s, re.I):
                # "never came first in any match" with no battle-royale word: a first place in either format
                if not any(f.col == "m.format" for f in self.value_filters()):
                    return None, agg, [Filter("mt.placement", "=", 1)]
            return None, agg, [Filter("mt.placement", "=", 1), Filter("m.format", "=", "ranking")]
        if measure == "wins":
            ev = [Filter("mt.placement", "=", 1)]
            if not ranking_ctx and not self._ranking_scope():
                ev.append(Filter("m.format", "=", "versus"))
            return None, agg, ev
        if measure == "losses":
            return None, agg, [Filter("mt.placement", "=", 2), Filter("m.format", "=", "versus")]
        if measure == "win_rate":
            if ranking_ctx or self._ranking_scope() and all(g in set(self.linked.ranking_games) | {"PUBG"} for g in self.values.get("game", [])):
                return None, agg, [Filter("m.format", "=", "ranking")]  # "win% in <royale game>": the share of first places
            return None, agg, [Filter("m.format", "=", "versus")]
        if measure in ("kd", "kda", "kp"):
            return measure, agg, []
        if measure == "kills":
            return f"{side}.kills", agg, []
        if measure in ("deaths", "assists", "damage"):
            return f"mp.{measure}", agg, []
        if measure == "points":
            return "mt.score", agg, ([] if any(f.col == "m.format" for f in self.value_filters()) or self.values.get("game")
                                     or self.values.get("tournament") else [Filter("m.format", "=", "ranking")])
        if measure == "placement":
            return "mt.placement", agg or "avg", []
        if measure == "score":
            side_won = self._score_side()
            if side_won and (ranking_ctx or self._ranking_scope()):
                return "mt.score", agg, [Filter("mt.placement", "=", 1)]  # a battle royale's winner: its first place
            return "mt.score", agg, ([] if side_won is None else
                                     [Filter("mt.placement", "=", 1 if side_won else 2), Filter("m.format", "=", "versus")])
        return None, agg, []

    def _ranking_scope(self) -> bool:
        """Whether the named game is played only in the ranking format (a battle royale), where a win is a first
        place: "squads without a single win in <royale game>". (A tournament named alone keeps wins to versus play.)"""
        ranking = set(self.linked.ranking_games) | {"PUBG"}
        return any(g in ranking for g in self.values.get("game", []))

    _SIDE = re.compile(r"\b(?:the )?(losing|winning|beaten|defeated|victorious) (?:side|team|squad)s?\b|\b(?:the )?(losers?|winners?)\b(?! of)"
                       r"|(?<![가-힣])(진|이긴|패한|승리한) ?(?:팀|쪽|편)", re.I)

    def _score_side(self) -> bool | None:
        """Whose score a score statistic is about: True the winner's, False the loser's, None both sides."""
        m = self._SIDE.search(self.t.s)
        if not m:
            return None
        word = next(g for g in m.groups() if g).lower()
        return word in ("winning", "winner", "winners", "이긴", "승리한", "victorious")

    def _one_side_score_extreme(self, measure: str | None) -> bool:
        """"the highest score a losing team got", "진 팀 최고 라운드": one side's score is one match's, so its
        extreme is a single-row extreme, not a ranking of teams' totals."""
        t = self.t
        return measure == "score" and self._score_side() is not None and (t.has("aggregates", "max") or t.has("aggregates", "min")) \
            and not t.has("aggregates", "avg") and not t.has("aggregates", "sum")

    def _by_one_player(self) -> bool:
        """"most kills by one player in a single match", "most anyone got in one game", "한 선수가": a player's own row, not a team's."""
        return bool(re.search(r"\b(?:(?:by|from|of) (?:a|any|a single) (?:player|pro|person)|one (?:player|pro|person)|any ?(?:one|body)|some ?(?:one|body)|any (?:player|pro))\b|누군가|(?:한|선수 한)\s*(?:선수|명)(?:이|가)\s", self.t.s, re.I))

    _EDGE = re.compile(
        r"\b(?:winning|positive|better|plus)\s+(?:h2h\s+|head[- ]to[- ]head\s+|all[- ]time\s+|overall\s+)?record\s+(?:vs\.?|versus|against|over)\s+(?:the\s+)?@teamX"
        r"|\bmore\s+wins\s+than\s+losses\s+(?:vs\.?|versus|against)\s+(?:the\s+)?@teamX"
        r"|\b(?:beat|beaten|defeated)\s+(?:the\s+)?@teamX\s+more\s+(?:often\s+)?than\s+(?:they\s+)?(?:lost|losing)\b"
        r"|@teamX\s*(?:상대로|상대|한테|랑의?|와의?|과의?)\s*(?:상대\s*)?(?:전적|승률|승패)?\s*(?:이|가|은|는|에서)?\s*(?:우위|앞서|앞선|이긴\s*(?:게|판|경기)?\s*(?:이|가)?\s*(?:더|진\s*(?:것|거|판|경기)?\s*보다)\s*많)", re.I)

    def _winning_record_against(self) -> IR | None:
        """"sides with the better record head to head over X", "X 상대 전적 앞선 팀": per opponent of X, its wins above its losses in
        their matches with X."""
        teams = self.values.get("team", [])
        m = self._EDGE.search(self.t.s)
        if m is None or len(teams) != 1:
            return None
        fs = self.value_filters(skip={"team"}) + self.date_filters()
        fs += [Filter("m.format", "=", "versus"), Filter("mt.match_id", "against", teams[0]), Filter("t.name", "!=", teams[0])]
        return IR(select=["t.name"], measure="diff:wins-losses", filters=fs, group=True, having=(">", 0))

    _DIFFERENTIAL = re.compile(
        r"\b(?:map|round|game|set|score|point|kill|frag)s?\s+(?:differential|diff|difference|plus[- ]minus)\b"
        r"|\b(?:maps|rounds|games|sets|points|kills)\s+(?:won|scored|taken|for)\s+(?:minus|less|-)\s+(?:(?:maps|rounds|games|sets|points|kills)\s+)?(?:lost|conceded|against|given up)\b"
        r"|\bgoals?\s+(?:differential|diff|difference)\b|\bgoal\s+difference\b"
        r"|(?:세트|맵|라운드|킬)\s*(?:득실|마진)|득실\s*차?(?!\s*점)", re.I)
    # what the other side scored: "rounds conceded", "goals against", "maps lost", "실점", "내준 세트"; both sides' totals:
    # "goals for and against", "득점과 실점", "득실점"
    _CONCEDED = re.compile(
        r"\b(?:goals|rounds|maps|sets|games|points)\s+(?:conceded|against|allowed|given up|let in|dropped)\b|\bconced(?:e|ed|es|ing)\b"
        r"|\b(?:let in|gave up|given up|allowed)\s+(?:\w+\s+){0,2}(?:goals|rounds|maps|sets)\b|실점|(?:내준|뺏긴|내어준)\s*(?:라운드|세트|점수|맵)", re.I)
    _FOR_AND_AGAINST = re.compile(
        r"\b(?:goals?|rounds?|maps?|sets?|points?)?\s*(?:for|scored|won)\s+(?:and|&|/|vs\.?)\s+(?:(?:goals?|rounds?|maps?|sets?|points?)\s+)?"
        r"(?:against|conceded|allowed|lost)\b|득점\s*(?:과|와|이랑|하고|,|/)?\s*실점|득실점", re.I)

    def _differential(self) -> IR | None:
        """"round differential by team (rounds won less rounds lost)", "팀마다 세트 득실": each side's score (kills) summed less
        its opponents' in the same matches."""
        t = self.t
        m = self._DIFFERENTIAL.search(t.s)
        both = self._FOR_AND_AGAINST.search(t.s)
        conceded = self._CONCEDED.search(t.s) if m is None and both is None else None
        if m is None and both is None and conceded is None or "player" in self.values or len(self.values.get("team", [])) > 1 \
                or t.has("shapes", "single"):
            return None  # (a differential said of one game: that match's margin, not a total)
        col = "mt.kills" if m and re.search(r"kill|frag|킬", m.group(), re.I) else "mt.score"
        fs = self.value_filters(skip={"team"}) + self.date_filters()
        if not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "versus"))  # the other side of a match is one opponent in versus play
        measure, extra = (f"sum:{col}", [f"oppsum:{col}"]) if both else (f"oppsum:{col}", []) if conceded else (f"oppdiff:{col}", [])
        if self.values.get("team"):
            return IR(measure=measure, extra_measures=extra, filters=fs + [Filter("t.name", "=", self.values["team"][0])])
        if both or conceded:
            if not (self.group_entity() == "team" or re.search(r"\b(?:per|by|for each|each|every)\s+(?:team|side|squad)\b|팀별|팀마다|각\s*팀", t.s, re.I)):
                return None
            return IR(select=["t.name"], measure=measure, extra_measures=extra, filters=fs, group=True)
        if not (self.group_entity() == "team" or re.search(r"\b(?:per|by|for each|each|every)\s+(?:team|side|squad)\b|팀별|팀마다|각\s*팀", t.s, re.I)):
            return None
        low = re.search(r"\b(?:worst|lowest)\s+(?:\w+\s+)?first\b|낮은\s*순|\bascending\b", t.s, re.I)
        limit = self.top_n()
        if limit is None and (t.has("aggregates", "max") and not t.has("shapes", "order")):
            limit = 1
        return IR(select=["t.name"], measure=f"oppdiff:{col}", filters=fs, group=True, order="asc" if low else "desc", limit=limit)

    _BEHIND = re.compile(
        r"\b(?:won|win|wins|winning|taken|took)\b.{0,40}?\b(?:with|had|got|having|despite)?\s*(fewer|less|more)\s+(kills|frags|elims)\s+than\s+(?:the\s+)?"
        r"(?:loser|losers|losing\s+(?:team|side|squad)|other\s+(?:team|side|squad)|opponents?|opposing\s+(?:team|side))\b"
        r"|(킬|킬 수)\s*(?:이|가)?\s*(?:상대|진\s*팀|패배\s*팀)\s*보다\s*(?:더\s*)?(적|많)\S*\s*(?:팀|쪽)\s*(?:이|가)?\s*(?:이긴|승리한|이겼)"
        # "패한 쪽 킬이 이긴 쪽 킬보다 많은 판", "승리 팀 킬이 패배 팀 킬보다 적은 판": both sides named, the first compared
        r"|(?<![가-힣])(진|패배한|패한|패배|이긴|승리한|승리)\s*(?:팀|쪽)(?:의)?\s*(?:팀\s*)?(?:킬|킬\s*수)\s*(?:이|가|는|은)?\s*"
        r"(?:진|패배한|패한|패배|이긴|승리한|승리)\s*(?:팀|쪽)(?:의)?\s*(?:팀\s*)?(?:킬|킬\s*수)?\s*보다\s*(?:더\s*)?(적|많)", re.I)

    _LOST_AHEAD = re.compile(
        r"\b(?:lost|lose|loses|losing|losses|defeats?|beaten|defeated)\b.{0,40}?\b(?:with|despite|having|had|got|while)?\s*(?:having\s+)?(more|fewer|less)\s+"
        r"(?:team\s+)?(?:kills|frags|elims)\s+than\s+(?:the\s+|their\s+|its\s+)?(?:opponents?|winners?|other\s+(?:team|side|squad)|opposing\s+(?:team|side)|victors?)\b"
        r"|(?:진|패배한|패한|졌던|내준)\s*(?:경기|판|매치|시리즈)[^?]{0,20}?(?:킬|킬\s*수)\s*(?:은|는|이|가)?\s*(?:상대\s*(?:팀)?|이긴\s*팀)\s*보다\s*(?:더\s*)?(많|적)", re.I)

    def _loser_ahead_on_stat(self) -> IR | None:
        """"series X lost despite more kills than its opponent", "X가 진 판 중 킬이 상대보다 많은 판": X on the losing
        side, its team kills compared with the winner's; the dates and the winners listed."""
        m = self._LOST_AHEAD.search(self.t.s)
        teams = self.values.get("team", [])
        if m is None or len(teams) != 1:
            return None
        more = (m.group(1) or "").lower() == "more" or m.group(2) == "많"
        cmp = Filter("l.kills", "col>", "w.kills") if more else Filter("w.kills", "col>", "l.kills")
        fs = self.value_filters(skip={"team"}) + self.date_filters() + [Filter("w.placement", "=", 1), cmp,
                                                                         Filter("lt.name", "=", teams[0])]
        if not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "versus"))
        if self.t.has("aggregates", "count") or re.search(r"\bhow many\b|몇\s*(?:번|판|경기)", self.t.s, re.I):
            return IR(measure="countd:m.id", filters=fs)
        return IR(select=["m.played_at", "wt.name"], filters=fs)

    def _winner_behind_on_stat(self) -> IR | None:
        """"series taken by the side with less kills than the beaten side", "킬 적은 쪽이 이긴 판": the two sides of one
        match, the winner's team kills compared with the loser's."""
        lost = self._loser_ahead_on_stat()
        if lost is not None:
            return lost
        m = self._BEHIND.search(self.t.s)
        if m is None or len(self.values.get("team", [])) > 1:
            return None
        fewer = (m.group(1) or "").lower() in ("fewer", "less") or m.group(4) == "적"
        if m.group(5):  # the loser's kills above the winner's is the winner's below
            fewer = (m.group(6) == "많") == bool(re.match(r"진|패", m.group(5)))
        cmp = Filter("l.kills", "col>", "w.kills") if fewer else Filter("w.kills", "col>", "l.kills")
        fs = self.value_filters(skip={"team"}) + self.date_filters() + [Filter("w.placement", "=", 1), cmp]
        if not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "versus"))
        return self._pair_select(fs, self.values.get("team", []), None)

    def _streak(self) -> IR | None:
        """"X's longest winning streak", "X 최다 연패": the longest run of wins (or losses) of one team, its rows in
        time order."""
        t, s = self.t, self.t.s
        if not t.has("shapes", "streak") or "player" in self.values:
            return None
        if not self.values.get("team") and re.search(r"\b(?:which|what|any|one|a single|by one|by a)\s+(?:team|side|squad)s?\b|\bteams?\b|\bsquads?\b|팀|누구|어디", s, re.I) \
                and not re.search(r"\bcurrent(?:ly)?\b|\bongoing\b|\bactive\b|\bright now\b|현재|지금|진행 ?중", s, re.I):
            # "the longest win streak by any team, and whose": each team's longest run, the longest of them with its team
            losing = re.search(r"\blos(?:ing|s|ses|t)\b|\bdefeats?\b|\bwinless\b|\bskid\b|연패", s, re.I)
            fs = self.value_filters() + self.date_filters()
            if not any(f.col == "m.format" for f in fs):
                fs.append(Filter("m.format", "=", "versus"))  # a win or a loss is a versus match's
            return IR(select=["t.name"], measure=f"streak:{2 if losing else 1}", filters=fs)
        if len(self.values.get("team", [])) != 1:
            return None
        if re.search(r"\bcurrent(?:ly)?\b|\bongoing\b|\bactive\b|\bright now\b|현재|지금|진행 ?중", s, re.I):
            return None  # the run still going is not the longest one
        losing = re.search(r"\blos(?:ing|s|ses|t)\b|\bdefeats?\b|\bwinless\b|\bskid\b|연패", s, re.I)
        fs = [Filter("t.name", "=", self.values["team"][0])] + self.value_filters(skip={"team"}) + self.date_filters()
        return IR(measure=f"streak:{2 if losing else 1}", filters=fs)

    def _overtime_share(self) -> IR | None:
        """"the share of X maps that needed extra rounds", "연장 간 비율": the share of versus matches whose winner scored past
        the regulation score, over all the matches in scope (one winner row per match)."""
        t = self.t
        if not t.has("shapes", "overtime") or "team" in self.values or "player" in self.values:
            return None
        if not (t.has("shapes", "percent") or re.search(r"\bhow often\b|\brate\b|\bratio\b|\bshare\b|\bproportion\b|\bfraction\b|비율|확률|비중", t.s, re.I)):
            return None
        ot = self._overtime()
        if ot.op != ">":
            return None
        fs = self.value_filters() + self.date_filters() + [Filter("mt.placement", "=", 1)]
        if not any(f.col == "m.format" for f in fs):
            fs.append(Filter("m.format", "=", "versus"))
        return IR(measure=f"share:mt.score>{ot.value}", filters=fs)

    def _total_per_group(self) -> bool:
        """"total kills per map", "overall points per game": a total in each group the "per" names, not an average."""
        s = self.t.s
        return bool(re.search(r"\b(?:total|overall|combined|summed)\b", s, re.I)) \
            and not re.search(r"\b(?:average|avg|mean|on average)\b|평균|경기당|판당", s, re.I) \
            and self.group_entity() in ("map", "match", "stage", "tournament", "date", "month", "year")

    def _per_player_average(self) -> bool:
        """"average kills per player", "선수 평균 킬", "1인당 딜량": an average over player rows."""
        return bool(re.search(r"\b(?:per|each|a) (?:player|member|pro)\b|(?:1인당|인당|선수당)|선수\s*(?:들\s*)?(?:의\s*)?평균|평균\s*선수", self.t.s, re.I)) \
            and self.t.has("aggregates", "avg")

    def _record_or_recent(self, asked: str | None) -> Reading | None:
        """A team's win-loss record, or its most recent matches."""
        t, teams = self.t, self.values.get("team", [])
        if len(teams) != 1 or self.measure() in ("kills", "deaths", "assists", "damage", "kd", "kda", "kp", "points"):
            return None
        base = [Filter("t.name", "=", teams[0])] + self.value_filters(skip={"team"}) + self.date_filters()
        if t.has("shapes", "recent"):
            n = next((int(v) for a, b, v in self.numbers if 0 < v <= 50), 5)
            # "경기 순서대로", "in chronological order", "oldest first": the matches told from the earliest
            asc = re.search(r"순서대로|차례대로|오래된\s*순|이른\s*순|빠른\s*순|\bin (?:time |chronological |match )?order\b|\bchronologic"
                            r"|\b(?:oldest|earliest) (?:one )?first\b", t.s, re.I) \
                and not re.search(r"최신\s*순|최근\s*순|\b(?:most recent|latest|newest) (?:one )?first\b", t.s, re.I)
            said = self.measure()
            if said in ("wins", "losses", "win_rate") or t.has("shapes", "record"):
                # "how many of X's last 5 matches did they win", "최근 5경기 승률", "record in the last 3 games": the
                # statistic over those matches, not the matches listed
                fmt = [f for f in base if f.col == "m.format"] or [Filter("m.format", "=", "versus")]
                scope = [f for f in base if f.col.startswith(("m.", "tr.")) and f.col != "m.format"] + fmt
                last = Filter("m.id", "last_n", {"n": n, "team": teams[0], "order": "asc" if asc else "desc", "filters": scope})
                m_expr = "record" if t.has("shapes", "record") or said is None else said
                return Reading(IR(measure=m_expr, filters=[Filter("t.name", "=", teams[0])] + fmt + [last]), 0.8, "scalar")
            return Reading(IR(select=["m.played_at", "tr.name", "m.stage", "mt.placement", "mt.score"], filters=base,
                              order=f"col:m.played_at:{'asc' if asc else 'desc'}", limit=n), 0.8, "recent")
        if t.has("shapes", "record") or (t.has("measures", "wins") and t.has("measures", "losses")):
            if not any(f.col == "m.format" for f in base):
                base.append(Filter("m.format", "=", "versus"))
            by = self.group_entity()
            if by in ("tournament", "stage", "map", "game", "year", "month") and not self.values.get(by):
                # "X의 대회별 승패", "X's record per stage", "X 맵별 승패", "W-L by year": the record in each group
                return Reading(IR(select=[KEY[by]], measure="record", filters=base, group=True), 0.8, "group")
            return Reading(IR(measure="record", filters=base), 0.8, "record")
        return None

    def _names_the_match(self) -> bool:
        """"the closest valorant map", "제일 접전이었던 경기": the match itself is asked for, not a value."""
        return bool(re.search(r"\b(?:map|match|game|series)\b|경기|맵|(?<![가-힣])판", self.t.s, re.I)) \
            and not re.search(r"\bhow (?:much|many|big|wide|close)\b|몇|얼마|\bwhat (?:was|is) the (?:biggest|largest|widest|smallest|narrowest) (?:round |score )?(?:margin|difference|gap)\b", self.t.s, re.I)

    def _names_match_by_time(self) -> bool:
        """"the last 3 matches of X", "X 마지막 경기": a match named by its place in time."""
        return bool(re.search(r"\b(?:first|last|latest|earliest|most recent)\s+(?:\d+\s+|two |three |five |ten )?(?:@\w+\s+)?(?:match(?:es)?|games?|series|maps?)\b"
                              r"|(?:첫|마지막|맨 마지막|가장 최근|제일 최근)\s*(?:\d+\s*)?(?:경기|매치|판)", self.t.s, re.I))

    _WON_IT = re.compile(r"\bwon\b|\bwinners?\b|\bwinning (?:team|squad|side)\b|\btook (?:first|it)\b|\b(?:came|finished|placed) first\b"
                         r"|이긴|이겼|승자|승리\s*팀|1등|1위|우승|치킨", re.I)

    def _sets_played(self) -> Reading | None:
        """"how many sets were played in <game>", "롤 세트 합쳐서 몇 개": in a game whose versus rows are whole series (no map
        each, no regulation score), a series' games are both sides' scores added; their total over the scope."""
        s = self.t.s
        # the sets themselves counted ("how many sets", "세트 수", "세트 다 해서 몇 개"), not series that reached a set ("풀세트",
        # "3세트까지 간 경기")
        if not re.search(r"\bhow many (?:\w+\s+)?sets\b|\bnumber of sets\b|\btotal (?:number of )?sets\b|\bsets (?:played )?in total\b"
                         r"|(?<![풀\d])(?<!\d\s)세트\s*(?:수|(?:(?:를|을)\s*)?(?:(?:총|다|모두|전부|합쳐서?|통틀어서?)\s*)*몇\s*(?:판|개|번|세트))", s, re.I) \
                or self.measure() is not None or self.group_entity() or "team" in self.values or "player" in self.values:
            return None
        fs = self.value_filters() + self.date_filters()
        games = [f.value for f in fs if f.col == "tr.game" and f.op == "="]
        for f in fs:
            if f.col == "tr.name" and f.op == "=":
                games += [g for g, names in self.linked.by_game.items() if f.value in names]
        if not games or any(g in self.linked.regulation or g in self.linked.ranking_games for g in games):
            return None
        return Reading(IR(measure="sum:mt.score", filters=fs + [Filter("m.format", "=", "versus")]), 0.75, "scalar")

    def _winner_of_match_by_time(self, asked: str | None) -> Reading | None:
        """"who won the first game on <day>", "<날짜> 첫 경기 승자": the side placed first in the match named by its
        place in time inside the scope (a versus winner or a battle royale's first place alike)."""
        t = self.t
        first, last = t.has("aggregates", "first"), t.has("aggregates", "last")
        if self.group_entity() or asked not in (None, "team") or not self._names_match_by_time() or not self._WON_IT.search(t.s) \
                or re.search(r"\b(?:first|last|latest|earliest|most recent)\s+(?:\d+|two|three|five|ten)\s|(?:첫|마지막|최근)\s*\d+\s*(?:경기|매치|판)", t.s, re.I) \
                or "team" in self.values or "player" in self.values:
            return None
        said = re.search(r"\b(first|earliest|last|latest|most recent)\s+(?:@\w+\s+)?(?:match|game|series|map)|(첫|마지막|최근)\s*(?:경기|매치|판)", t.s, re.I)
        if said is None:
            return None
        first = (said.group(1) or said.group(2)).lower() in ("first", "earliest", "첫")
        fs = [f for f in self.value_filters() + self.date_filters() if f.col != "mt.placement"
              and not (f.col == "m.format" and f.value == "versus")]
        sel = ["t.name"] + [c for c in self._extra_columns("team") if c != "m.played_at"]
        return Reading(IR(select=sel, filters=fs + [Filter("mt.placement", "=", 1)],
                          extreme=("m.played_at", "min" if first else "max")), 0.75, "extreme")

    def _match_by_time(self, asked: str | None, group_by: str | None, measure: str | None, filters: list[Filter],
                       n: int | None) -> Reading | None:
        """"the latest match played", "2026년 첫 경기 뭐였어": the match itself, earliest or latest by its time
        (its date, tournament, stage and map), not a ranking of matches by a count."""
        t = self.t
        first, last = t.has("aggregates", "first"), t.has("aggregates", "last")
        if first and last and asked in ("match", "date") and not group_by and measure is None and not t.has("shapes", "single") \
                and not re.search(r"\b(?:first|last|latest|earliest|most recent)\s+\d+\s|(?:첫|마지막|최근)\s*\d+\s*(?:경기|매치|판)", t.s, re.I):
            # "a season's opening and final game, with times", "첫 경기랑 마지막 경기 시간": both ends of the span, side by side
            return Reading(IR(measure="min:m.played_at", extra_measures=["max:m.played_at"], filters=filters), 0.75, "measures")
        if asked != "match" or group_by or measure is not None or first == last or t.has("shapes", "single"):
            return None
        sel = ["m.played_at", "tr.name", "m.stage", "m.map"]
        said = re.search(r"\b(?:first|last|latest|earliest|most recent)\s+(\d+)\s|(?:첫|마지막|최근)\s*(\d+)\s*(?:경기|매치|판)", t.s, re.I)
        n = int(said.group(1) or said.group(2)) if said else n
        if n and n > 1:
            return Reading(IR(select=sel, filters=filters, order=f"col:m.played_at:{'asc' if first else 'desc'}", limit=n),
                           0.75, "top_rows")
        return Reading(IR(select=sel, filters=filters, extreme=("m.played_at", "min" if first else "max")), 0.75, "extreme")

    # what a list of matches shows of each match, said beside the matches ("맵하고 시각", "dates and stages",
    # "매치마다 승자랑 날짜", "when, and which event")
    _MATCH_COLUMNS = (
        # ("3 times", "how many times", "several times": how often, not the clock time)
        ("m.played_at", r"시간|시각|몇\s*시|날짜|일시|일정|언제|\bwhen\b|\b(?:start(?:ing)? )?(?<!\d )(?<!\d)(?<!many )(?<!several )(?<!two )(?<!three )(?<!four )(?<!five )times?\b"
                        r"|\bdates?\b|\bschedule\b|\bplayed_at\b"),
        ("m.map", r"맵|\bmaps?\b"),
        ("m.stage", r"스테이지|단계|\bstages?\b|\brounds? of the (?:event|tournament)\b"),
        ("tr.name", r"(?:무슨|어느|어떤)\s*대회|대회\s*(?:이름|명)|대회(?:랑|하고|도|까지|,)|\b(?:which|what) (?:tournament|event|tourney)\b"
                    r"|\b(?:and|with|plus) (?:the |its |their )?(?:tournament|event|tourney)s?\b|\b(?:tournament|event|tourney)[ _]names?\b"),
        ("wt.name", r"이긴\s*(?:팀|쪽)|승자|승리\s*팀|누가\s*이겼|(?:어느|어떤)\s*팀이\s*이겼|어디가\s*이겼|결과|\bwinners?\b|\bwho won\b|\bresults?\b"
                    r"|\b(?:which|what) (?:team|side|squad) (?:won|took)\b|\bwinning (?:team|side|squad)\b"
                    # a royale's first place said as such ("1위 팀", "the first-placed squad")
                    r"|(?<!\d)1\s*(?:위|등)\s*(?:한\s*)?(?:팀|스쿼드)|\b(?:first|1st|top)[- ]plac(?:e|ed)\s+(?:team|squad|side)s?\b"),
    )
    _MATCH_NOUN = re.compile(r"경기|매치|시리즈|(?<![가-힣])판(?![가-힣])|\bmatch(?:es)?\b|\bgames\b|\bseries\b|\bsets\b", re.I)
    # an order said of the clock alone (not "킬 많은 순서대로"): the rows in time order, no key ranked
    _CLOCK_ORDER = re.compile(r"(?:시간|시각|날짜|일정|시간대)\s*(?:순서|순)|(?:이른|늦은|빠른|최신|오래된)\s*순|\b(?:earliest|oldest|latest|newest) (?:one )?first\b"
                              r"|\bchronologic\w*|\bin (?:time|chronological) order\b|\bby (?:start )?time\b", re.I)
    _TIME_ORDER = re.compile(r"시간\s*(?:순서|순)|날짜\s*(?:순서|순)|순서대로|차례대로|시간대\s*순|일정\s*순|빠른\s*순|이른\s*순|늦은\s*순|최신\s*순"
                             r"|\b(?:earliest|oldest|latest|newest|most recent) (?:one )?first\b|\bin (?:time |chronological )?order\b"
                             r"|\bchronologic\w*|\bby (?:start )?time\b|\bsorted by (?:date|time)\b", re.I)

    _EACH_MATCH = re.compile(r"(?:판|경기|게임|매치|맵)\s*마다|매\s*(?:판|경기|게임|매치)|(?:판|경기|게임|매치)\s*별로?"
                             r"|\b(?:in|for|of)\s+(?:each|every)\s+(?:single\s+)?(?:match|game|map)\b|\b(?:match|game|map)[- ]by[- ](?:match|game|map)\b", re.I)

    def _each_match_values(self, measure: str | None, filters: list[Filter]) -> IR | None:
        """One named team's or player's statistic in each of its matches ("X 판마다 몇 등 했는지 시간순으로", "X's kills in
        each game, in order"): its rows listed with their dates, in time order; nothing summed, averaged or ranked."""
        s = self._TIME_ORDER.sub(lambda m: " " * len(m.group()), self.t.s)
        named = [f for f in filters if f.col in ("t.name", "p.nickname") and f.op == "="]
        if len(named) != 1 or not self._EACH_MATCH.search(s) or self.group_entity() not in (None, "match"):
            return None
        player = named[0].col == "p.nickname"
        col = {"placement": "mt.placement", "points": "mt.score", "score": "mt.score", "kills": "mp.kills" if player else "mt.kills",
               "deaths": "mp.deaths", "assists": "mp.assists", "damage": "mp.damage"}.get(measure or "")
        if col is None or (player and col.startswith("mt.")) or (not player and col.startswith("mp.")):
            return None
        if any(self.t.has("aggregates", a) for a in ("sum", "avg", "max", "min", "first", "last")) or self.top_n() \
                or self.t.has("shapes", "single") or self.comparison() \
                or re.search(r"더하|더한|더해|합치|합친|합쳐|합산|합계|(?<![가-힣])총|누적|\btotal|\bsum|\bcombined|\baltogether|\badd(?:ed)? up", s, re.I):
            return None  # "매 판 점수 합치면": the rows' sum, not the rows
        return IR(select=["m.played_at", col], filters=filters, order="col:m.played_at:asc")

    def _match_list(self, asked: str | None, measure: str | None, events: list[Filter], filters: list[Filter]) -> IR | None:
        """The matches themselves, one row each, with what is asked to see of them: "<날짜> 매치들 맵하고 시각 차례대로",
        "the games of <day>: at what time, oldest first", "매치마다 승자랑 날짜", "games lacking a map, and their times?".
        Only when nothing is counted, summed or ranked (an order in time is no ranking)."""
        s = self._TIME_ORDER.sub(lambda m: " " * len(m.group()), self.t.s)
        # a game recorded one row per map says "map" for the match ("each final map with its winner")
        unit = "match" if self._MATCH_NOUN.search(s) else "map" if re.search(r"\bmaps?\b|맵", s, re.I) else None
        if unit is None or self.group_entity() not in (None, "match", unit):
            return None
        winner_said = re.search(self._MATCH_COLUMNS[-1][1], s, re.I)
        bare = _Text(re.sub(r"몇\s*시|" + self._MATCH_COLUMNS[-1][1], lambda m: " " * len(m.group()), s, flags=re.I))
        if measure not in (None, "wins") or (measure == "wins" and not winner_said) or self.t.has("shapes", "single"):
            return None
        if any(bare.has("aggregates", a) for a in ("count", "sum", "avg", "max", "min", "first", "last")) or self.top_n():
            return None
        if re.search(r"\d+\s*(?:번|회|승|판|경기|맵|개\s*맵|times|wins|games|maps|matches|series)\s*(?:이상|이하|넘|초과|미만|or more|or fewer|or less|\+)"
                     r"|\b(?:at least|more than|over|fewer than|less than|at most|no fewer than)\s+\d+\s*(?:times|wins|games|maps|matches|series)\b", s, re.I):
            return None  # "맵 3번 이상 이긴 팀": how often, a condition on a count per team, not the matches listed
        fixed = {f.col for f in filters if f.op in ("=", "is_null", "not_null")}
        cols = [col for col, pat in self._MATCH_COLUMNS if col not in fixed and re.search(pat, s, re.I)]
        if "wt.name" in cols and ("t.name" in fixed or "p.nickname" in fixed):
            cols.remove("wt.name")  # a named side's matches: their winner is said by the side's own row
        if not cols or cols == ["m.played_at"] and asked not in ("match", "date", None):
            return None
        if len(cols) == 1 and cols[0] != "m.played_at" and asked != "match":
            return None  # "which maps were played that day": the maps, not the matches
        fs = [f for f in filters if f not in events]
        if "wt.name" in cols:
            fs.append(Filter("w.placement", "=", 1))
        sel = ["m.played_at"] + [c for c in cols if c != "m.played_at"]
        order = "desc" if re.search(r"\b(?:latest|newest|most recent) (?:one )?first\b|최신\s*순|늦은\s*순", self.t.s, re.I) else "asc"
        return IR(select=sel, filters=fs, distinct=True, order=f"col:m.played_at:{order}")

    def _default_key(self, measure: str | None) -> str:
        """The entity a superlative ranks when the question names none ("킬 순위 top 3", "points standings")."""
        if measure in ("points", "placement", "wins", "losses", "chicken", "win_rate", "score"):
            return "team"
        return "player"

    def _result_filters(self) -> list[Filter]:
        """'...팀은 진 선수', 'in games they won': the result of the row's own team, as a condition."""
        t = self.t
        if t.has("measures", "losses") and not t.has("measures", "wins"):
            return [Filter("mt.placement", "=", 2), Filter("m.format", "=", "versus")]
        if re.search(r"\bin (?:games|matches|series) (?:they|he|she|it) won\b|이긴 경기에서", t.s, re.I):
            return [Filter("mt.placement", "=", 1)]
        side = self._score_side()
        if side is not None and self.measure() in ("kills", "deaths", "assists", "damage"):
            # "matches where the loser had under 5 kills", "the winning side's damage": that side's rows
            return [Filter("mt.placement", "=", 1 if side else 2), Filter("m.format", "=", "versus")]
        if self.first_place:
            return [Filter("mt.placement", "=", 1)]  # a first-placed side's points: that side's rows
        if self.last_place:
            # last place in its match: the highest placement number of that match
            return [Filter("mt.placement", "col=", "(SELECT MAX(x.placement) FROM match_teams x WHERE x.match_id = mt.match_id)")]
        return []

    def _direction(self, measure: str | None) -> str:
        """The order a ranking is asked in: high to low unless said otherwise; for placements "best first"
        is the lowest number."""
        low_first = re.search(r"\b(?:lowest|fewest|least|smallest|worst) (?:(?:map|team|player|squad|side|stage|event|tournament)s? )?first\b|\blow(?:est)? to high(?:est)?\b"
                              r"|\b(?:fewest|least|smallest) to (?:most|largest|biggest)\b|\bascending\b|\basc\b|낮은 ?순|적은 ?순|오름차순", self.t.s, re.I)
        best_first = re.search(r"\bbest (?:(?:map|team|player|squad|side|stage|event|tournament)s? )?first\b|\bbest to worst\b|\bfrom best\b|잘한 ?순|좋은 ?순", self.t.s, re.I)
        if measure == "placement" or (measure or "").endswith("mt.placement"):
            if re.search(r"\b(?:asc|ascending|desc|descending)\b|오름차순|내림차순", self.t.s, re.I):
                return "asc" if low_first else "desc"  # the SQL word says the order of the numbers themselves
            return "desc" if low_first and not best_first and re.search(r"\bworst (?:(?:map|team|player|squad|side|stage|event|tournament)s? )?first\b", self.t.s, re.I) else "asc"
        return "asc" if low_first else "desc"

    def _overtime(self) -> Filter:
        reg = dict(self.linked.regulation)
        games = [g for g in self.values.get("game", []) if g in reg]
        if games:
            reg = {g: reg[g] for g in games}
        if len(set(reg.values())) == 1:
            return Filter("mt.score", ">", next(iter(reg.values())))
        if reg:
            return Filter("mt.score", "above_by_game", reg)
        return Filter("mt.score", ">", 7)  # no versus maps recorded: a first-to-8 format's overtime

    def _score_filters(self) -> list[Filter]:
        """'8라운드까지 간', 'won with 8 rounds': the score of the winning side."""
        s, out = self.t.s, []
        for a, b, v in self.numbers:
            if self._score_number(b, a):
                # a comparison word beside the number ("6라운드 이하", "at least 14 rounds") bounds the score
                after = s[b:b + 25]
                before = s[max(0, a - 20):a]
                op = ">=" if re.match(r"\+(?!\d)", after) else "="  # "11+ rounds"
                for cmp_op, pats in ([] if op != "=" else cues()["comparisons"].items()):
                    if cmp_op != "=" and any(p.search(after) for p in pats if p.pattern[0] not in "\\") \
                            or any(p.search(after[:20]) or p.search(before) for p in pats if p.pattern.startswith("\\b")):
                        op = cmp_op
                        break
                if self._margin_number(a, b) and "player" not in self.values:
                    # "settled by 3 rounds", "2라운드 차": the winner's margin over the loser; a named team's own row
                    # ("X lost by one point", "X가 2점 차로 이긴") is one of the two sides, its result said apart
                    out += [Filter("w.placement", "=", 1), Filter("w.score - l.score", op, _num(v))]
                    if not self.has("ranking_format"):
                        out.append(Filter("m.format", "=", "versus"))  # a gap between two sides: versus play
                    continue
                out.append(Filter("mt.score", op, _num(v)))
                loser = re.search(r"(?<![가-힣])진\s*(?:팀|쪽|편)|패한\s*(?:팀|쪽)|패배(?:한)?\s*(?:팀|쪽|편)|\blos(?:er|ing (?:side|team|score))s?\b|털린|\btook only\b", s, re.I) \
                    or re.search(r"상대(?:팀|편|방)?\s*(?:을|를|한테|에게)?\s*$|\b(?:held|kept|limited|restricted)\s+(?:the\s+|their\s+)?"
                                 r"(?:opponents?|other (?:side|team)|enemy|them)\s+(?:to\s+)?(?:only\s+|under\s+|below\s+)?$|\bopponents?\s+(?:only\s+)?(?:got|scored|had|took)\s+$"
                                 r"|\b(?:opponents?|other (?:side|team))\s+(?:was\s+|were\s+)?(?:held|kept|limited)\s+(?:to\s+)?(?:only\s+|under\s+|below\s+)?$",
                                 s[max(0, a - 40):a], re.I)  # "상대를 5라운드 이하로", "held the opponent to 5 rounds": the other side's score
                if loser:
                    out.append(Filter("mt.placement", "=", 2))
                elif op in (">=", ">") and "team" in self.values and re.search(r"\bat least one\b|하나(?:라도|이라도)", self.text) \
                        and not re.search(r"\b(?:won|wins?|beat|victor(?:y|ies))\s+(?!at least)|이긴|이겼|승리", self.text, re.I):
                    pass  # "X가 세트 하나라도 가져간 시리즈", "series where X took at least one map": X's own row, won or lost
                elif not self.t.has("measures", "losses"):
                    out.append(Filter("mt.placement", "=", 1))
        return out

    def _margin_number(self, a: int, b: int) -> bool:
        """A number of rounds said as the gap between the two sides: "won by 3 rounds", "settled by just 2",
        "a 2-round margin", "2라운드 차", "3점 차로"."""
        s = self.t.s
        return bool(re.search(r"\b(?:decided|won|wins?|winning|lost|los(?:e|ing)|settled|separated|ended|finished|beat(?:en)?)\s+"
                              r"(?:\w+\s+){0,2}?by\s+(?:exactly\s+|only\s+|just\s+|precisely\s+|at (?:most|least)\s+|no (?:more|fewer|less) than\s+|(?:more|less|fewer) than\s+|over\s+|under\s+|up to\s+)?$", s[max(0, a - 40):a], re.I)
                    or re.match(r"\s*-?\s*(?:rounds?|maps?|points?)?\s*(?:margin|difference|gap|differential)\b", s[b:b + 30], re.I)
                    or re.match(r"\s*(?:라운드|점|세트)?\s*차(?:이)?(?:로|으로|가|인|난|나는|였|경기|\s|$)", s[b:b + 12])
                    or self._after_margin_word(a))

    def _after_margin_word(self, a: int) -> bool:
        """"a round difference of 2 or less", "margin under 3", "점수 차 2 이하": the number bounds the gap."""
        return bool(re.search(r"\b(?:margin|difference|diff|gap|differential)\s+(?:of\s+|was\s+|is\s+)?(?:exactly\s+|only\s+|just\s+|at (?:most|least)\s+"
                              r"|no (?:more|fewer|less) than\s+|(?:more|less|fewer) than\s+|over\s+|under\s+|up to\s+|below\s+|above\s+)?$"
                              r"|(?:라운드|점수|스코어)\s*차(?:이)?(?:가|는)?\s*$", self.t.s[max(0, a - 45):a], re.I))

    def _score_number(self, b: int, a: int | None = None) -> bool:
        """A number of rounds or sets: said with the unit ("8라운드"), or as what one side took ("이긴팀 13 넘게 딴",
        "the winner took more than 13")."""
        s = self.t.s
        if a is None:
            a = next((x for x, y, _ in self.numbers if y == b), b)
        if re.search(r"평균|\baverag(?:e|es|ed|ing)\b|\bmean\b", s[max(0, a - 30):a], re.I) \
                and not re.search(r"(?:이긴|(?<![가-힣])진|패한|승리한)\s*(?:팀|쪽|편)|승자|\b(?:winners?|losers?|winning|losing)\b|\bwith\b|까지",
                                  s[max(0, a - 30):b + 12], re.I):
            return False  # "맵당 평균 라운드가 N라운드 넘는", "averaging N rounds or more": a bound on an average
        if re.match(r"\s*(?:라운드|rounds?\b|세트|sets?\b)", s[b:b + 8], re.I):
            return True
        # "N or more rounds", "N+ rounds", "N 이상 라운드": a bound between the number and its unit
        if re.match(r"\s*(?:\+|or (?:more|fewer|less|higher|lower|above|below|better)|and (?:up|above|more)|이상|이하|넘게|미만|초과)\s*(?:라운드|rounds?\b|세트|sets?\b)",
                    s[b:b + 24], re.I):
            return True
        if self._after_margin_word(a) or self._margin_number(a, b):
            return True  # "X lost by one point", "1점 차로 진": the gap between the two sides' scores
        # the unit said before the number ("진 팀 라운드 6 이하", "loser's rounds at most 6")
        if re.search(r"(?:라운드|(?<![a-z])rounds?|세트|(?<![a-z])sets?)\s*(?:수\s*)?(?:가|이|는|은)?\s*(?:(?:were|was|is|are|stayed|stood)\s+)?(?:(?:at most|at least|under|over|below|above|of|"
                     r"less than|more than|fewer than|no more than|<=?|>=?)\s*)?$", s[max(0, a - 24):a], re.I):
            return True
        if re.search(r"\b(?:winning|losing|winner'?s?|loser'?s?)\s+scores?\s+(?:of\s+|was\s+|is\s+|were\s+|=\s*)?(?:exactly\s+|just\s+|only\s+)?$"
                     r"|\b(?:the\s+)?(?:winners?|losers?|winning side|losing side|winning team|losing team)\s+scored\s+(?:exactly\s+|just\s+|only\s+)?$"
                     r"|(?:이긴|승리한|진|패한)\s*(?:팀|쪽)\s*(?:의\s*)?(?:점수|스코어)\s*(?:가|이)?\s*$", s[max(0, a - 30):a], re.I):
            return True  # "a winning score of exactly 13", "the winner scored 13", "이긴 팀 점수가 13": one side's score
        side = re.search(r"(?:이긴|(?<![가-힣])진|패한|승리한)\s*(?:팀|쪽|편)(?:이|가)?\s*$|승자(?:가|는)?\s*$|\b(?:winners?|losers?|winning side|losing side)\s+(?:\w+\s+){0,2}$",
                         s[max(0, a - 25):a], re.I)
        took = re.match(r"\s*(?:\S+\s+)?(?:넘게|이상|이하|미만|초과)?\s*(?:딴|따낸|가져간|가져감|먹은|득점)|\s*(?:or more|or fewer|or less)?\s*(?:rounds? )?(?:took|got|scored|won)\b", s[b:b + 20], re.I)
        return bool(side and took)

    def _column_comparisons(self) -> list[Filter]:
        """'deaths exceeding their frags', '어시가 킬보다 많은': two columns of one row."""
        s = self.t.s
        cols = {"kill": "kills", "frag": "kills", "킬": "kills", "death": "deaths", "died": "deaths", "데스": "deaths",
                "assist": "assists", "어시": "assists"}
        m = re.search(r"(died|deaths?|kills?|assists?)\s+(?:\w+\s+){0,1}(more|fewer|less)\s+(?:times\s+)?than\s+(?:\w+\s+){0,3}?(kills?|deaths?|died|assists?)", s, re.I) \
            or re.search(r"(데스|킬|어시)\S*\s*(?:가|이)?\s*(킬|데스|어시)\S*보다\s*(많|적)", s)
        # "more deaths than kills", "킬보다 데스가 많은": the compared statistic first, then the other
        m2 = re.search(r"\b(more|fewer|less)\s+(?:(?:career|total|overall|lifetime|all[- ]time|combined|season)\s+)?(deaths|kills|frags|assists)\s+than\s+(?:\w+\s+){0,2}?(kills|frags|deaths|assists)\b", s, re.I) \
            or re.search(r"(데스|킬|어시)\S*보다\s*(?:더\s*)?(데스|킬|어시)\S*\s*(?:가|이|를|을)?\s*(?:더\s*)?(많|적)", s)
        # "whose deaths exceed their kills", "assists outnumbering deaths", "kills lower than deaths": the same, said with a verb
        m3 = re.search(r"\b(deaths?|kills?|frags?|assists?)\s+(?:\w+\s+)?(exceed(?:s|ed|ing)?|outnumber(?:s|ed|ing)?|top(?:s|ped)?"
                       r"|(?:is|are|was|were)\s+(?:higher|greater|bigger|more|lower|smaller|fewer|less)(?=\s+than))\s+(?:than\s+)?(?:\w+\s+){0,2}?(kills?|frags?|deaths?|assists?)\b", s, re.I)
        if m is None and m2 is None and m3 is not None:
            low_word = re.search(r"lower|smaller|fewer|less", m3.group(2), re.I)
            m2 = m3
            a, rel, b = m3.group(1).lower(), "fewer" if low_word else "more", m3.group(3).lower()
            a, b = ("kills" if a.startswith("frag") else a), ("kills" if b.startswith("frag") else b)
        elif m is None and m2 is not None:
            if m2.group(1).lower() in ("more", "fewer", "less"):
                a, rel, b = m2.group(2).lower(), m2.group(1).lower(), m2.group(3).lower()
            else:
                a, b, rel = m2.group(2), m2.group(1), "more" if m2.group(3) == "많" else "fewer"
        elif not m:
            return []
        elif m.re.pattern.startswith("(died"):
            a, rel, b = m.group(1).lower(), m.group(2).lower(), m.group(3).lower()
        else:
            a, b, rel = m.group(1), m.group(2), "more" if m.group(3) == "많" else "fewer"
        ca = next(v for k, v in cols.items() if a.startswith(k))
        cb = next(v for k, v in cols.items() if b.startswith(k))
        if ca == cb:
            return []
        if rel != "more":
            ca, cb = cb, ca
        return [Filter(f"mp.{ca}", "col>", f"mp.{cb}")]

    def _aggregate(self, mcol: str | None, agg: str | None, asked: str | None, default: str) -> str | None:
        if mcol is None:
            if self.measure() == "win_rate":
                return "win_rate"
            return None
        if mcol in ("kd", "kda", "kp", "win_rate") or mcol.startswith("share:"):
            return mcol
        if mcol == "mt.placement":
            return "avg:mt.placement"
        return f"{agg or default}:{mcol}"

    def _having_measure(self, mcol, agg, asked) -> str:
        measure = self.measure()
        if measure == "win_rate":
            return "win_rate"
        n_noun = self._threshold_noun()
        if n_noun in ("match",):
            return "countd:m.id"
        if n_noun in ("team",):
            return "countd:t.id"
        if n_noun in ("player",):
            return "countd:p.id"
        if n_noun in ("tournament", "game", "region") or n_noun == "map" and re.search(r"\b(?:different|distinct|unique|separate)\s+maps\b|서로\s*다른\s*맵", self.t.s, re.I):
            # "entered 3+ events", "두 종목 이상", "5 different maps": the distinct tournaments (titles, regions, map names) played in
            return {"tournament": "countd:tr.id", "game": "countd:tr.game", "region": "countd:t.region", "map": "countd:m.map"}[n_noun]
        return self._aggregate(mcol, agg, asked, "sum") or "count"

    @staticmethod
    def _with_having(ir: IR, measure: str, having) -> IR:
        """A superlative among keys passing a count threshold ("only those with 8+ maps")."""
        ir.having, ir.having_measure = having, "countd:m.id"
        return ir

    def _count_expr(self, counted: str | None, filters: list[Filter], per: str | None = None) -> str:
        if counted in ("team",):
            return "countd:t.id"
        if counted == "player":
            return "countd:p.id"
        if counted == "tournament":
            return "countd:tr.id"
        if counted == "map":
            # "maps that needed overtime, how many": the map rows (matches) meeting the conditions; the distinct
            # map names when asked so, or when nothing but the scope (game, tournament) is given
            scope = all(f.col in ("tr.game", "tr.name", "m.format", "m.played_at", "t.name", "p.nickname", "t.region",
                                  "m.stage") for f in filters) \
                and not any(f.col == "m.played_at" and f.op not in ("range", "not_range") for f in filters) \
                and not any(f.col == "m.played_at" and f.op == "range" and _one_day(f.value) for f in filters)
            # one day is a match day ("maps on May 11", "5월 11일 맵 수"): the maps played that day, not the names
            # a clock time, a weekday or a day is a match's ("maps started after 6pm"): then map rows are counted
            # "맵 몇 판", "how many maps did they play": map games counted by a counter of games, rows not names
            played = re.search(r"몇\s*(?:판|게임|경기|세트)|\bmaps?\s+(?:[\w@]+\s+){0,3}?(?:play(?:ed)?|won|win|lost|lose|went)\b", self.t.s, re.I)
            # counted in each stage, month, event or team ("maps in each stage"), they are the games played there
            per_games = per in ("stage", "month", "year", "date", "tournament", "team", "game")
            if re.search(r"\b(?:different|distinct|unique|separate)\b|종류|서로 다른|다른 맵|맵 ?풀|\bmap ?pool\b", self.t.s, re.I) \
                    or scope and not played and not per_games:
                return "countd:m.map"
            if not any(f.col == "m.map" for f in filters) and not self._per_map_scope(filters):
                named = any(f.col in ("tr.game", "tr.name") for f in filters)
                series = sorted(g for g in self.linked.by_game if g not in self.linked.regulation and g not in self.linked.ranking_games)
                if not named and series and len(series) < len(self.linked.by_game):
                    # no game named: every row but a whole series' is a map played (one left without its name too)
                    filters.append(Filter("tr.game", "not_in", series))
                else:
                    filters.append(Filter("m.map", "not_null"))  # a map row, not a series recorded without maps
            return "countd:m.id"
        if counted == "region":
            return "countd:t.region"
        if counted == "match":
            return "countd:m.id"
        if counted == "game":
            return "countd:tr.game"
        return "count"

    def _per_map_scope(self, filters: list[Filter]) -> bool:
        """Whether the scope's games record one row per map (their versus rows carry maps: see Linked.regulation), so
        a row left without a map is still a map played, not a series recorded whole."""
        games = [f.value for f in filters if f.col == "tr.game" and f.op == "="]
        for f in filters:
            if f.col == "tr.name" and f.op == "=":
                games += [g for g, names in self.linked.by_game.items() if f.value in names]
        if not games:  # no game named: every versus game of the database records its maps
            games = [g for g in self.linked.by_game if g not in self.linked.ranking_games]
        return bool(games) and all(g in self.linked.regulation for g in games)

    def _counted(self, asked: str | None) -> str | None:
        """The entity a 'how many' counts; None when it counts events (wins, chicken dinners)."""
        s = self.t.s
        if re.search(r"몇\s*(?:승|패)", s) and self.measure() in ("wins", "losses"):
            return None  # "몇승", "몇 패": the wins or losses themselves
        m = re.search(r"\b(teams?|squads?|players?|tournaments?|maps?|matche?s|games?)\s+count\b", s, re.I) \
            or re.search(r"\b(?:how many|h(?:w|o|ow?w) man+y|how manny|number of|count(?: the)?|#\s*of)\s+(?:[\w@/-]+\s+){0,3}?(teams?|squads?|players?|people|pros?|tournaments?|tourneys?|competitions?|events?|maps?|regions?|matche?s|games?|series|times)\b", s, re.I)
        if m:
            noun = m.group(1).lower()
            if noun == "times":
                return None
            if noun.startswith("game") and _TITLES_OF_EVENTS.search(self.text):
                return "game"  # "the number of separate games among the events": the titles
            return self._noun(noun)
        m = re.search(r"(팀|선수|사람|인원|대회|토너먼트|맵|지역|경기|판|게임|매치|시리즈|@roleX)(?:들|은|는|이|가|수|의 수)?\s*(?:는|은)?\s*(?:총|전부|모두|다)?\s*(?:몇|개수)", s) \
            or re.search(r"(팀|선수|인원|대회|토너먼트|맵|경기|판|게임|매치)\s?(?:수|숫자)(?:는|가|도|를|은|이|의)?(?![가-힣])", s)
        if m:
            w = m.group(1)
            return "player" if w == "@roleX" else self._noun(w)
        if re.search(r"인원\s*(?:수|몇|숫자)|인원(?:은|는|이|가)?\s*(?:[?,.]|$|좀|알려|정리|보여|구해|뽑아)", s):
            return "player"  # "역할별 인원수": the headcount is of players
        m = re.search(r"몇\s*(명|팀|개 ?팀|판|경기|게임|개 ?대회|대회|번|개|시리즈)", s)
        if m:
            w = m.group(1).replace(" ", "")
            if w == "명":
                return "player" if "팀" not in s else ("team" if re.search(r"팀\s*(?:은|는|이|가)?\s*몇\s*명", s) is None and re.search(r"몇\s*명", s) is None else "player")
            if w in ("팀", "개팀"):
                return "team"
            if w in ("판", "경기", "게임", "시리즈"):
                return "match"
            if w in ("개대회", "대회"):
                return "tournament"
            if w == "번":
                return None if self.measure() in ("wins", "losses", "chicken") else "match"
            if w == "개":
                if self.measure() in COLUMN_MEASURES:
                    return None
                return asked if asked in ("team", "player", "tournament", "map", "match", "region") else "match"
        if asked in ("team", "player", "tournament", "map", "region"):
            return asked
        if self.measure() in ("wins", "losses", "chicken"):
            return None
        if self.t.has("measures", "appearances") or self.t.has("entities", "match"):
            return "match"
        return None

    def _measure_near_count(self) -> bool:
        s = self.t.s
        return bool(re.search(r"(킬|데스|어시|딜량|데미지|포인트|점수|kills?|deaths?|assists?|damage|points?)\s*(?:은|는|이|가)?\s*(?:총|통산|전체)?\s*(?:몇|얼마|합계|합)", s, re.I)
                    or re.search(r"\b(?:how many|how much|total|number of)\s+(?:\w+\s+)?(kills?|deaths?|assists?|damage|points?|frags?)", s, re.I)
                    or re.search(r"(통산|총|전체|평균|average|avg|total)\s*(킬|데스|어시|딜량|kills?|deaths?|assists?|damage|points?)", s, re.I)
                    or re.search(r"(킬|데스|어시|딜량|데미지|\bkill|\bdeath|\bassist|\bdamage)\S*\s*(?:의\s*)?(평균|합계|총합|count|total|tally|number)", s, re.I)
                    or re.search(r"(?:평균|average|avg)\s*(?:몇|얼마)", s, re.I)
                    or self._slang_measure_near_count())

    def _slang_measure_near_count(self) -> bool:
        """The same with any word of the cue lexicon for a summed statistic ("데모 총 몇 번", "frags(kills) in total,
        how many"), an aside in parentheses read past."""
        s = self.t.s
        for name in ("kills", "deaths", "assists", "damage", "points"):
            for a, b in self.t.find("measures", name):
                after = re.sub(r"^\s*\([^()]*\)", "", s[b:])
                # "쓰러뜨린 횟수 더하면 얼마", "킬 횟수는 몇 번": the rest of the word and the count's noun read
                # past, the sum said as adding up
                after = re.sub(r"^[가-힣]{0,2}\s*(?:횟수|개수|갯수|숫자|수)(?=[\s은는이가를을(]|$)(?:\s*\([^()]*\))?", "", after) if s[b - 1:b] != " " else after
                if re.match(r"\s*(?:은|는|이|가|를|을)?\s*(?:지금까지\s*)?(?:총|통산|전체|다 ?합쳐서?|(?:다|모두|전부)\s*(?:합쳐서?|합치면|더하면|더해서|합하면|합산하면)"
                            r"|(?:합쳐서?|합치면|더하면|더해서|합하면|합산하면))?\s*(?:총\s*)?(?:몇|얼마|합계|합)", after) \
                        or re.search(r"\b(?:how many|how much|total|number of)\s+(?:\w+\s+)?$", s[max(0, a - 30):a], re.I):
                    return True
        return False

    def _threshold(self, row_filters: list[Filter]) -> float | None:
        if row_filters:
            return None
        top = self.top_n()
        # the top-n number itself is no threshold; another number of the same value may be one ("top5, 5맵 이상")
        said_top = [a for a, b, v in self.numbers if v == top and re.search(r"(?:\btop|탑|상위|\bbest|\bfirst)\s*$", self.t.s[max(0, a - 8):a], re.I)]
        n = [(a, b, v) for a, b, v in self.numbers if not re.match(r"(?:위|등)|\s+(?:위(?!로)|등)", self.t.s[b:b + 3]) and not self._score_number(b)
             and (a not in said_top if said_top or re.search(r"(?:top|탑|상위)\d", self.t.s, re.I) else v != top)]
        near = self._compared(n)
        if near:
            return near[2]
        return n[0][2] if n else None

    def _compared(self, numbers: list) -> tuple | None:
        """Of several numbers ("세 대회 다 더해서 킬 50 넘는 선수", "all 5 players with over 20 kills"), the one a
        comparison word is said nearest beside: the threshold; the others count what is in scope."""
        if len(numbers) < 2:
            return None
        spans = [m.span() for pats in cues()["comparisons"].values() for p in pats for m in p.finditer(self.t.s)]

        def gap(x) -> int | None:
            # the word said after the number ("40퍼센트 넘는", "5경기 이상") or just before it ("over 40", ">= 3")
            return min([sa - x[1] for sa, _ in spans if 0 <= sa - x[1] <= 10] + [x[0] - se for _, se in spans if 0 <= x[0] - se <= 4],
                       default=None)
        said = [(g, i) for i, x in enumerate(numbers) if (g := gap(x)) is not None]
        return numbers[min(said)[1]] if said else None

    def _count_said_as_size(self) -> bool:
        """"teams with 5 players", "선수가 5명인 팀", "3경기 뛴 선수": a number of players or matches said as the size
        of each key's set (no comparison word: exactly that many)."""
        s = self.t.s
        return any(re.match(r"\s*(?:players?|members?|명(?:인|이|있|짜리|뿐)|matche?s|games|series|경기|판)", s[b:b + 12], re.I)
                   and re.search(r"\b(?:with|have|has|had|having|of|played|playing)\s+(?:only\s+|just\s+)?$|(?:가|이|선수|멤버)\s*$|(?:딱|총|정확히)\s*$", s[max(0, a - 12):a], re.I)
                   for a, b, v in self.numbers)

    _CHRONO_ASC = re.compile(
        r"chronolog|날짜순|시간순|순서대로|일정순|오래된\s*(?:순|것부터|대회부터)|시작(?:일|한|했던)?\s*(?:순|날짜\s*순|이른\s*순)"
        r"|\b(?:sorted|ordered|sort(?:ed)? them|order(?:ed)? them|listed)\s+(?:by|on)\s+(?:the\s+|their\s+|its\s+)?(?:start(?:ing)?\s+dates?|dates?"
        r"|when\s+(?:it|they|each(?:\s+one)?)\s+(?:started|began|kicked off))\b|\boldest\s+(?:\w+\s+)?(?:to\s+newest|first)\b|\bearliest\s+first\b", re.I)
    _CHRONO_DESC = re.compile(r"\b(?:newest|latest|most recent)\s+(?:\w+\s+)?(?:to\s+oldest|first)\b|최신\s*순|최근\s*(?:순|것부터|대회부터)", re.I)

    def _chronological(self) -> str | None:
        """"in chronological order", "sorted by when it started (earliest first)", "oldest to newest", "최신순": the
        tournaments in the order they were held ("asc", "desc"), or None when no such order is asked."""
        if self._CHRONO_DESC.search(self.t.s):
            return "desc"
        return "asc" if self._CHRONO_ASC.search(self.t.s) else None

    def _threshold_noun(self) -> str | None:
        s = self.t.s
        near = self._compared(self.numbers)
        for a, b, v in [near] if near else self.numbers:
            m = re.match(r"\s*(?:or (?:more|fewer|less)\s+|\+\s*)?(?:different\s+|distinct\s+|separate\s+|other\s+|unique\s+"
                         r"|개\s*(?:(?:이상|이하|초과|미만)(?:의)?\s*)?(?:서로\s*다른\s*)?)?(matche?s|games?|series|maps|경기|판|시리즈|맵|세트|게임|teams?|팀|players?|명"
                         r"|tournaments?|tourneys?|events?|competitions?|대회|titles?|종목|regions?|countr(?:y|ies)|지역|나라)", s[b:b + 40], re.I)
            if m:
                w = m.group(1).lower()
                if re.match(r"titles?|종목", w) or re.match(r"games?$", w) and (
                        re.match(r"\s*(?:titles?|\(\s*titles?\s*\))", s[b + m.end():b + m.end() + 12], re.I)
                        or re.search(r"(?:different|distinct|separate)\s+$", m.group()[:m.start(1) - m.start()], re.I)):
                    return "game"  # "in two or more titles", "more than 1 game title", "two different games": the titles
                return "player" if w == "명" else self._noun(w)
            # the noun said before the number ("경기가 8개 넘는 대회", "경기 수 8개 이상", "선수 8명 넘는 팀")
            m = re.search(r"(경기|판|시리즈|맵|세트|팀|선수|대회|종목)\s*(?:수|의 수|가|이|는|은)?\s*$", s[max(0, a - 12):a])
            if m and re.match(r"\s*(?:개|명|판|번|가지)", s[b:b + 4]):
                return self._noun(m.group(1))  # ("종목 2개 이상": the game titles)
        return None

    def _scale(self, measure, value: float):
        return _num(value)

    _TIMES_OP = {"at least": ">=", "more than": ">", "over": ">", "fewer than": "<", "less than": "<", "under": "<", "at most": "<=",
                 "or more": ">=", "+": ">=", "or fewer": "<=", "or less": "<=", "이상": ">=", "넘게": ">", "넘는": ">", "넘은": ">",
                 "넘": ">", "초과": ">", "이하": "<=", "미만": "<"}
    _TIMES = re.compile(
        r"(?<![가-힣\d.])(?P<k1>\d+|한|두|세|네|다섯)\s*(?:번|판|경기|게임|시리즈|세트|맵|회)\s*(?:이나\s*)?(?P<o1>이상|넘게|넘는|넘은|넘|초과|이하|미만)"
        r"|\b(?:in|on|across|over)\s+(?P<o2>at least|more than|over|fewer than|less than|at most|under)\s+(?P<k2>\d+|two|three|four|five|six|seven|eight|nine|ten)"
        r"\s+(?:different\s+|separate\s+|@\w+\s+)?(?:matches|games|series|maps|sets|occasions)\b"
        r"|\b(?:in|on|across)\s+(?P<k3>\d+|two|three|four|five|six|seven|eight|nine|ten)\s*(?P<o3>\+|or more|or fewer|or less)\s+"
        r"(?:different\s+|separate\s+|@\w+\s+)?(?:matches|games|series|maps|sets|occasions)\b"
        r"|\b(?P<o4>at least|more than|over)\s+(?P<k4>twice|thrice|\d+\s+times|two times|three times|four times|five times)\b"
        r"|\b(?P<k5>twice|thrice|\d+\s+times|two times|three times|four times|five times)\s+(?P<o5>or more)\b", re.I)

    def _times_said(self) -> tuple[str, float, int, int] | None:
        """"in at least two matches", "2+ games", "두 번 이상", "3경기 넘게", "at least twice": how many of the matches
        must pass (op, number, and the span said), when the sentence also holds a number on a statistic."""
        m = self._TIMES.search(self.t.s)
        if not m:
            return None
        i = next(k for k in range(1, 6) if m.group(f"k{k}"))
        k, op = m.group(f"k{i}").lower(), m.group(f"o{i}").lower()
        words = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twice": 2, "thrice": 3}
        k = re.sub(r"\s*times$", "", k)
        return self._TIMES_OP[op], float(words.get(k, k) if k in words else k), m.start(), m.end()

    def _op_near(self, a: int, b: int, skip: tuple[int, int]) -> str | None:
        """The comparison said nearest to the number at a..b, outside the span skip."""
        near = [(min(abs(p.start() - b), abs(a - p.end())), op) for op, pats in cues()["comparisons"].items() for pat in pats
                for p in pat.finditer(self.t.s) if p.end() <= skip[0] or p.start() >= skip[1]]
        return min(near)[1] if near else None

    def _own_op(self, a: int, b: int) -> str | None:
        """The comparison said beside the number at a..b and nearer to it than to any other number (None: it has none)."""
        others = [(x, y) for x, y, _ in self.numbers if (x, y) != (a, b)]
        best = None
        for op, pats in cues()["comparisons"].items():
            for pat in pats:
                for p in pat.finditer(self.t.s):
                    d = min(abs(p.start() - b), abs(a - p.end()))
                    if d > 16 or any(min(abs(p.start() - y), abs(x - p.end())) < d for x, y in others):
                        continue
                    if best is None or d < best[0]:
                        best = (d, op)
        return best[1] if best else None

    def _row_thresholds(self, player_level: bool, single: bool, times: tuple | None = None) -> list[Filter]:
        """'35킬 이상 찍은 경기', 'games where he got over 30 kills': conditions on one row (with times, the number of
        times said is none, and each number takes the comparison said nearest to it)."""
        if not single and not self._zero_in_a_match():
            return []
        s, out = self.t.s, []
        for a, b, v in self.numbers:
            if times and times[2] <= a < times[3]:
                continue
            m = re.match(r"\s*(?:[+-]|or (?:more|fewer|less|higher|lower|above|below)\b|and (?:up|above|more)\b)?\s*"
                         r"(킬|kills?|frags?|데스|deaths?|어시|assists?|딜|damage|points?\b|pts\b|포인트|점(?![가-힣]))", s[b:b + 24], re.I) or \
                re.search(r"(kills?|frags?|deaths?|assists?|damage|킬|데스|어시스트|어시|딜량|딜|데미지)\s*(?:of\s*|을|를|이|가)?"
                          r"(?:\s*(?P<cmp>above|over|below|under|more than|less than|fewer than|greater than|at least|at most|[<>]=?))?\s*$", s[max(0, a - 30):a], re.I)
            if m:
                word = m.group(1).lower()
                col = "kills" if word.startswith(("킬", "kill", "frag")) else "deaths" if word.startswith(("데스", "death")) \
                    else "assists" if word.startswith(("어시", "assist")) else "score" if word.startswith(("point", "pts", "포인트", "점")) \
                    else "damage"
                op = (self._op_near(a, b, times[2:]) if times else self.comparison()) or ("=" if v == 0 else ">=")  # "0 kills in a match" is exactly none
                said = m.groupdict().get("cmp")
                if said:  # "damage above 5000": the word said beside the number, not another comparison of the sentence
                    op = {"above": ">", "over": ">", "more than": ">", "greater than": ">", "below": "<", "under": "<",
                          "less than": "<", "fewer than": "<", "at least": ">=", "at most": "<="}.get(said.lower(), said)
                if v == 0 and not times:
                    # "어시 0이고 딜 2000 이상", "no deaths in one match or more": the comparison belongs to the other number
                    op = self._own_op(a, b) or "="
                out.append(Filter(f"{'mp' if player_level and col != 'score' else 'mt'}.{col}", op, _num(v)))
        return out

    def _zero_in_a_match(self) -> bool:
        """"a match with zero deaths", "노데스 경기": none of a statistic beside a match noun is a condition on one
        match's row (a total of zero is said with "never")."""
        s = self.t.s
        zero = any(v == 0 and (re.match(r"\s*(킬|kills?|frags?|데스|deaths?|어시|assists?)", s[b:b + 10], re.I)
                               or re.search(r"(?:킬|데스|어시)\s*$", s[max(0, a - 6):a]))  # "킬 0 기록"
                   for a, b, v in self.numbers)
        # "how often a side closed a map on zero frags", "노데스 경우 몇 번": the rows so, counted
        return zero and (self.t.has("entities", "match") or bool(_HOW_OFTEN.search(s)) or "경우" in s)

    def _null_filter(self, asked: str) -> Filter | None:
        s = self.t.s
        cue = next(iter(self.t.find("shapes", "no_value")), None)
        found = []
        for word, col in (("region|지역|나라", "t.region"), ("role|position|포지션|역할", "p.role"), ("map|맵", "m.map"),
                          ("stage|스테이지|(?<![가-힣])단계", "m.stage"), ("start|시작", "tr.start_date"), ("end|종료|끝", "tr.end_date"),
                          # a statistic's own cell left blank ("데미지가 누락된 경기", "team kills missing"): a side's kills
                          # when a team, squad or side says them, else a player's row
                          (r"\bdamage\b|\bdmg\b|데미지|딜량", "mp.damage"),
                          (r"(?:\bteam|\bsquad|\bside|팀|스쿼드)\s*(?:'s\s*)?(?:kills?|frags?|킬)", "mt.kills"),
                          (r"\bkills?\b|(?<![가-힣])킬(?!뎃)", "mp.kills"), (r"\bdeaths?\b|데스", "mp.deaths"),
                          (r"\bassists?\b|어시", "mp.assists"), (r"\bscores?\b|점수|스코어", "mt.score"),
                          (r"\bplacements?\b|\bplacings?\b|등수", "mt.placement")):
            if col.startswith(("mp.", "mt.")) and any(f[1] == "mt.kills" for f in found) and col == "mp.kills":
                continue  # "팀 킬": the side's kills, said once
            hits = list(re.finditer(word, s, re.I))
            if hits:
                # the word said nearest the missing-value words ("by role, …, skipping anyone with a NULL role")
                m = hits[0] if cue is None else min(hits, key=lambda h: min(abs(h.start() - cue[1]), abs(h.end() - cue[0])))
                found.append((m, col))
        if cue is not None and len(found) > 1:
            # "맵은 나와 있고 스테이지만 공란": the column said right beside the missing-value words
            found.sort(key=lambda x: min(abs(x[0].start() - cue[1]), abs(x[0].end() - cue[0])))
        for m, col in found:
            if m:
                # "has a position set, but no squad", "포지션은 있는데 팀이 없는": this value is there, another one is not
                said = re.match(r"(?:s|들)?\s*(?:(?:은|는|이|가|도)\s*)?(?:(?:is |are )?(?:listed|set|given|known|recorded|filled(?: in)?)\b"
                                r"|(?:적혀\s*|나와\s*|등록돼\s*|등록되어\s*)?있(?:는|고|지만|으면서|음))", s[m.end():], re.I)
                if said and not re.search(r"\b(?:no|without|missing|lacks?|lacking|(?:does|do|did)(?:n'?t| not) (?:have|list))\s+"
                                          r"(?:\w+\s+){0,2}$", s[:m.start()], re.I):
                    return Filter(col, "not_null")
                return Filter(col, "not_null" if self._excludes_rows() else "is_null")
        return None

    def _excludes_rows(self) -> bool:
        """An exclusion word that is not the one leaving a game out ("레식 빼고 스테이지 공란인 경기": the game is left out, the
        rows without a stage are still asked)."""
        spans = self.t.find("shapes", "exclude")
        if not spans or not self._game_left_out():
            return bool(spans)
        games = [(a, b) for a, b, t, _ in self.placed if t == "game"]
        return any(not any(ga - 24 <= a and b <= gb + 16 for ga, gb in games) for a, b in spans)

    def _counted_after_more_than_one(self) -> str | None:
        m = re.search(r"(?:more than one|multiple|several|two or more|여러(?!분)|둘 이상|하나 이상|두 개 이상)\s*(?:개의\s*)?(?:(?:different|distinct|separate|unique|서로\s*다른)\s+)?(\w+)", self.t.s, re.I)
        if m and m.group(1).lower() in ("game", "games", "titles", "title", "게임", "종목"):
            return "game"  # "across several titles": titles (every team plays more than one match)
        return self._noun(m.group(1)) if m else None

    _EVERY = re.compile(
        r"\b(?:played|play|plays|playing|appeared|appear|competed|compete|took part|take part|participated|participate|entered"
        r"|attended|showed up|featured|been)\s+(?:(?:in|at|on|for)\s+)?(?:every|all(?: of)?(?: the)?)\s+(?:single\s+)?(?:@\w+\s+){0,2}?"
        r"(?P<en>tournaments?|events?|tourneys?|competitions?|match(?:es)?|games?|series|maps?|stages?)\b"
        r"|(?:모든|전|전체)\s*(?:@\w+\s*)?(?P<ko>대회|토너먼트|경기|맵|스테이지)(?:들)?\s*(?:에서|에|을|를)?\s*(?:다\s*|전부\s*|빠짐없이\s*)?"
        r"(?:나간|나갔|나온|나왔|뛴|뛰었|참가|출전|출장|참여|나선|플레이)"
        r"|(?P<ko2>대회|토너먼트|경기|맵|스테이지)(?:들)?\s*(?:에서|에|을|를)?\s*(?:다|전부|모두|빠짐없이|하나도 빠짐없이|하나도 안 빠지고)\s*"
        r"(?:나간|나갔|나온|나왔|뛴|뛰었|참가|출전|출장|참여|나선|플레이)"
        # "배그 대회 세 곳 전부 1등 한 팀", "placed first in every (both) … tournament(s)":
        # a first place in each of them (the won rows counted per tournament)
        r"|(?P<won_ko>대회|토너먼트)(?:들)?\s*(?:[두세네]|\d)?\s*(?:개|곳)?\s*(?:모두|전부|다)\s*에서?\s*(?=(?:[^?.!]{0,12}?)(?:1위|1등|치킨))"
        r"|\b(?:placed|finished|came|won a (?:game|match|round))\s+(?:first\s+)?(?:in|at)\s+(?:every|each|both|all)(?: of)?(?: the)?\s+(?:@\w+\s+){0,2}?(?P<won_en>tournaments?|events?)\b", re.I)

    def _in_every(self, asked: str | None, measure: str | None) -> IR | None:
        """"teams that played in every tournament", "모든 경기에 출전한 선수": those whose distinct count of the things
        reaches all there are in the scope (the named game, tournament, dates), a condition per team or player."""
        m = self._EVERY.search(self.t.s)
        won = m is not None and bool(m.group("won_ko") or m.group("won_en"))
        if m is None or asked not in ("team", "player") or (measure is not None and not (won and measure in ("chicken", "wins"))) \
                or self.t.has("aggregates", "count") and not won:
            return None
        if self.t.has("shapes", "both") and any(len(v) == 2 for k, v in self.values.items() if k != asked):
            return None  # "A와 B 양쪽 대회에 모두 나온 팀": in both of the two named, not in every one of them
        noun = self._noun(m.group("en") or m.group("ko") or m.group("ko2") or m.group("won_ko") or m.group("won_en"))
        col = {"tournament": "tr.id", "match": "m.id", "map": "m.map", "stage": "m.stage"}.get(noun)
        if col is None:
            return None
        fs = self.value_filters() + self.date_filters() + ([Filter("mt.placement", "=", 1)] if won else [])
        return IR(select=[KEY[asked]], measure=f"countd:{col}", filters=fs, group=True, vs={"op": "=", "ref": "all"})

    _REACHED = re.compile(r"\b(?:ever\s+)?(?:reach(?:ed)?|made|make|got (?:to|into)|get (?:to|into)|gotten (?:to|into)|advanced to|qualified for"
                          r"|been (?:to|in)|appeared in|played in)\b|가\s*본|간\s*적|갔던\s*적|진출(?:한|했|해\s*본|\s*여부)|올라(?:간|갔|가\s*본)|밟아\s*본|밟은|나간\s*적|나가\s*본", re.I)
    # "ever", "has X …?", "…한 적 있어?", and a Korean yes-no of one past event: "진출했나요?", "올라갔는지", "진출 여부"
    _EVER = re.compile(r"\bever\b|^\s*(?:has|have|did)\b|적\s*(?:이\s*)?(?:있|없)|본\s*(?:적|거)|있(?:어|음|나|냐|니|나요|습니까|는지)"
                       r"|(?:했|갔|왔)(?:나요|나|냐|니|는지|습니까|어요\s*\?|어\s*\?|음\s*\?)|여부", re.I)

    def _reached_stage(self, measure: str | None, asked: str | None) -> IR | None:
        """"has X ever reached a final?", "X 결승 가본 적 있어?": the tournaments in which the named team (player) played that
        stage (an empty answer is a no)."""
        v = self.values
        named = [("t.name", x) for x in v.get("team", [])] + [("p.nickname", x) for x in v.get("player", [])]
        if len(named) != 1 or not v.get("stage") or asked not in (None, "tournament") or measure not in (None, "appearances") \
                or self.t.has("aggregates", "count") or self.t.has("shapes", "never") \
                or not (self._REACHED.search(self.t.s) and self._EVER.search(self.t.s)):
            return None
        stages = v["stage"]
        fs = [Filter(named[0][0], "=", named[0][1]), Filter("m.stage", "=", stages[0]) if len(stages) == 1 else Filter("m.stage", "in", list(stages))]
        fs += self.value_filters(skip={"team", "player", "stage"}) + self.date_filters()
        return IR(select=["tr.name"], filters=fs, distinct=True)

    _SHARE_OF_TOTAL = re.compile(
        r"\b(?:what|which|how (?:big|large|much)(?: of)?(?: a)?)\s+(?:percentage|percent|share|proportion|fraction|portion|part|%)\s+of\s+(?:all\s+(?:the\s+)?|the\s+)?"
        r"(?:total\s+|overall\s+|combined\s+)?(?:(?:player|team|squad)s?'?\s+)?(?P<en>kills|frags|deaths|assists|damage|points)\b"
        r"|\b(?P<en2>kills|frags|deaths|assists|damage|points)\s+share\b"
        r"|(?:전체|총|모든)\s*(?:선수\s*|팀\s*)?(?P<ko>킬|데스|어시(?:스트)?|딜량?|데미지|대미지|포인트|점수)\S*\s*(?:중|가운데|에서|대비)"
        r"[^?]*(?:비율|비중|퍼센트|%|몇\s*프로|차지)", re.I)
    _SHARE_COL = {"kills": "kills", "frags": "kills", "킬": "kills", "deaths": "deaths", "데스": "deaths", "assists": "assists",
                  "어시": "assists", "어시스트": "assists", "damage": "damage", "딜": "damage", "딜량": "damage", "데미지": "damage",
                  "대미지": "damage", "points": "points", "포인트": "points", "점수": "points"}

    def _share_of_total(self) -> IR | None:
        """"the percent of every kill at X made by Y's players", "X 전체 킬 중 Y 선수들이 차지하는 비율": one
        part's share of a total (the part: a named team, player, role or region; the scope: the other names and dates)."""
        m = self._SHARE_OF_TOTAL.search(self.t.s)
        if not m:
            return None
        stat = self._SHARE_COL[(m.group("en") or m.group("en2") or m.group("ko")).lower()]
        parts = [(typ, v) for typ in ("player", "team", "role", "region") for v in self.values.get(typ, [])]
        if len(parts) != 1:
            return None
        typ, value = parts[0]
        player_level = stat in ("deaths", "assists", "damage") or typ in ("player", "role") \
            or re.search(r"\bplayers?'?\b|선수", self.t.s, re.I)
        if stat == "points":
            col = "mt.score"
            if typ in ("player", "role"):
                return None
        else:
            col = f"mp.{stat}" if player_level else f"mt.{stat}"
        scope = self.value_filters(skip={typ}) + self.date_filters()
        part = Filter("p.team_id", "team_named", value) if typ == "team" and col.startswith("mp.") else Filter(VALUE_COL[typ], "=", value)
        return IR(measure=f"part:{col}", filters=scope, part=[part])

    _DEBUT = re.compile(
        r"\b(?:whose|their|its|his|her)\s+(?:very\s+)?(?:first|earliest|debut) (?:ever )?(?:match|game|series|appearance|outing)(?:es|s)? (?:(?:came|was|were|happened|took place|fell|is|are|being) )?"
        r"(?:in|during|on)\b|\b(?:debut(?:ed|s)?|made (?:their|its|his|her|a) debut)(?: (?:only|first))? (?:in|during|on)\b"
        r"|\b(?:first|never) (?:played|competed|appeared|featured)(?: (?:a|any) (?:match|game|series))? (?:only )?(?:in|during)\b(?!.*\bbut\b)"
        r"|\bno (?:matches|games|series|appearances) (?:before|prior to|until)\b|\bnever (?:played|competed|appeared) (?:before|prior to|until)\b"
        r"|처음(?:으로)?\s*(?:경기(?:에|를)?\s*)?(?:출전|나온|나왔|뛴|뛰었|참가|데뷔|모습을)|데뷔(?:한|했|전|무대)|첫\s*(?:경기|출전|등장)(?:이|가)\s*(?:@dateX\s*)?(?:인|였|이었)"
        r"|(?:이전|전|@dateX)(?:에는?|엔|까지는?)?\s*(?:출전|경기|참가)\s*(?:기록|한\s*적|해\s*본\s*적|이력)(?:이|은|도)?\s*(?:없|전혀\s*없)", re.I)

    def _debut(self, asked: str | None, first_word: bool = False) -> IR | None:
        """"teams whose first match came in 2026", "2026년에 처음 출전한 팀", "made their debut in 2025": the teams (players)
        of that period that never played before it. With ``first_word`` (read later, after the set readers), also
        "first played in 2026" said with any first-word and an appearance."""
        t = self.t
        if asked not in ("team", "player") or KEY[asked] != ("t.name" if asked == "team" else "p.nickname") or asked in self.values:
            return None
        loose = first_word and t.has("aggregates", "first") and (
            t.has("measures", "appearances") or re.search(r"\bfirst (?:match|game|series)|첫 경기|첫경기|데뷔|\bdebut", t.s, re.I)) \
            and not re.search(r"첫 경기.*(?:언제|며칠|날짜|몇 시)|first (?:match|game)\b.*\bwhen", t.s, re.I)
        if not (self._DEBUT.search(t.s) or loose):
            return None
        if re.search(r"이긴|이겼|이김|승리|(?<![가-힣])진\s|졌|패배|\b(?:won|wins?|beat|lost|defeated)\b", self.t.s, re.I):
            return None  # "2025년 첫 경기에 이긴 팀": the winner of a first match, not a debut
        dates = [f for f in self.date_filters() if f.op == "range" and f.col == "m.played_at" and f.value[0]]
        if not dates:
            # "2026년 전엔 뛴 기록 없는", "no matches before 2026": the year said as the edge, the period from it on
            edge = re.search(r"((?:19|20)\d\d)\s*년?도?\s*(?:이전|전)(?:에는?|엔|까지는?)?\s*(?:출전|경기|참가)"
                             r"|\b(?:before|prior to|until)\s+((?:19|20)\d\d)\b", self.text, re.I)
            if edge:
                year = int(edge.group(1) or edge.group(2))
                dates = [Filter("m.played_at", "range", [f"{year}-01-01", None])]
        if len(dates) != 1:
            return None
        lo, hi = dates[0].value
        # the first match's day in the period: on or after its start (and before its end, when it has one)
        return IR(select=[KEY[asked]], measure="min:m.played_at", filters=self.value_filters(), group=True, having=(">=", lo),
                  having_also=[("min:m.played_at", "<", hi)] if hi else [], fact="mt" if asked == "team" else "mp")

    def _maps_set(self) -> IR | None:
        """"maps never played in the final", "maps played in both 2024 and 2025", "결승에 단 한 번도 쓰이지 않은 맵": the map names
        of every match but those of a scope, or those of two scopes at once."""
        t = self.t
        if t.has("shapes", "both") and not t.has("shapes", "never"):
            ranges = [d for d in self.date_specs if d.kind == "range"]
            many = [(typ, vals) for typ, vals in self.values.items() if typ in ("tournament", "stage", "game", "team") and len(vals) == 2]
            rest = [f for f in self.value_filters() if not any(f.col == VALUE_COL[typ] for typ, _ in many)]
            if len(ranges) == 2 and not many:
                a, b = (self.date_filters(specs=[r]) for r in ranges)
            elif len(many) == 1 and len(ranges) <= 1:
                typ, vals = many[0]
                a, b = ([Filter(VALUE_COL[typ], "=", v)] for v in vals)
                rest = rest + self.date_filters()
            else:
                return None
            return IR(select=["m.map"], filters=[], setop={"op": "intersect", "a": rest + a, "b": rest + b})
        scope = self.value_filters() + self.date_filters()
        if not scope:
            return None
        wider = [f for f in scope if f.col == "tr.game"]  # "Valorant maps never picked in a final": the game's maps
        return IR(select=["m.map"], filters=[], setop={"op": "except", "a": wider, "b": scope})

    def _setop(self, asked: str | None, measure: str | None, events: list[Filter]) -> IR | None:
        """'never', 'only', 'both': a difference or intersection of two scopes of participation."""
        t = self.t
        every = re.search(r"\b(lost|won) (?:every|each|all(?: of)?(?: their| its)?) (?:single )?(?:(?:versus|vs\.?|h2h|head[- ]to[- ]head|1v1|official|@gameX)\s+)?(?:match|game|series|map)(?:es|s)?\b|\bwinless\b|\bunbeaten\b|\bundefeated\b"
                          # "got through the event without dropping a single series": unbeaten; "without winning one": winless
                          r"|\bwithout (?:(losing|dropping)|(winning|taking)) (?:a single|a|any|one|even one)\s+(?:match|game|series|map)(?:es|s)?\b"
                          r"|(?:모든|전) ?경기(?:를|에서)? ?(?:다|전부)? ?(진|이긴|졌|이겼)|(전패|전승|무패)", t.s, re.I)
        top_all = re.search(r"\b(?:finish(?:ed|es)?|plac(?:ed|es)|end(?:ed|s)?|land(?:ed|s)?|was|were|stay(?:ed|s)?)\s+(?:in\s+)?(?:every|each|all(?: of)?(?: their| its)?)"
                            r"\s+(?:single\s+)?(?:match|game|round|map)(?:es|s)?\s+(?:they played\s+|it played\s+)?(?:in|inside|within)\s+(?:the\s+)?top[- ]?(\d+)\b"
                            r"|\b(?:top[- ]?(\d+)) (?:in|on) (?:every|each|all(?: of)?(?: their| its)?) (?:single )?(?:match|game|round|map)(?:es|s)?\b"
                            r"|(?:모든|전)\s*(?:경기|판|매치)(?:를|에서|에|을)?\s*(?:다\s*|전부\s*|모두\s*)?(\d+)\s*(?:위|등)\s*(?:이내|안|안에|내|까지|이상)", t.s, re.I)
        if top_all and asked in ("team", "player") and "team" not in self.values:
            # "squads that finished every match inside the top 3", "모든 경기를 3위 안에": took part, never placed below
            cut = int(next(g for g in top_all.groups() if g))
            scope = self.value_filters() + self.date_filters()
            if not any(f.col == "m.format" for f in scope):
                scope.append(Filter("m.format", "=", "ranking"))
            return IR(select=[KEY[asked]], setop={"op": "except", "a": scope, "b": scope + [Filter("mt.placement", ">", cut)]})
        if every and asked in ("team", "player"):
            # "teams that lost every match" = took part, never won; "unbeaten" = took part, never lost
            word = next(g for g in every.groups() if g) if any(every.groups()) else every.group().lower()
            lost_all = word.lower() in ("lost", "진", "졌", "전패", "winless", "winning", "taking")
            scope = self.value_filters() + self.date_filters() + [Filter("m.format", "=", "versus")]
            return IR(select=[KEY[asked]], setop={"op": "except", "a": scope,
                                                  "b": scope + [Filter("mt.placement", "=", 1 if lost_all else 2)]})
        if asked in ("map", "region", "role", "stage", "game") and t.has("shapes", "never") and measure in ("wins", "losses", "chicken") \
                and not t.has("shapes", "both"):
            # "maps X never won on": the keys of the scope with none of the event (a zero count, kept)
            fs = [f for f in self.value_filters() + self.date_filters()]
            fmt = [f for f in events if f.col == "m.format"]
            ev = {"wins": "wins", "losses": "losses", "chicken": "wins"}[measure]
            return IR(select=[KEY[asked]], measure=ev, filters=fs + fmt + [Filter(KEY[asked], "not_null")], group=True,
                      having=("=", 0))
        if asked == "team" and t.has("shapes", "no_roster") and measure is None and not t.has("shapes", "both"):
            # "teams with no players", "support 없는 팀": every team (of the named region) but those with someone
            # (of the named role) on the roster
            fs = self.value_filters()
            return IR(select=["t.name"], filters=[f for f in fs if f.col == "t.region"],
                      setop={"op": "except", "via": "roster", "a": None, "b": [f for f in fs if f.col == "p.role"]})
        if asked in ("map", "stage") and measure is None and t.has("shapes", "never") and not t.has("shapes", "both"):
            # "G maps X never set foot on", "X가 한 번도 안 해본 맵": the values in the scope that
            # none of the named side's matches has
            fs = self.value_filters()
            named = [f for f in fs if f.col in ("t.name", "p.nickname") and f.op == "="]
            if len(named) == 1 and not any(f.col == KEY[asked] for f in fs):
                scope = [f for f in fs if f is not named[0]] + self.date_filters()
                return IR(select=[KEY[asked]], setop={"op": "except", "a": scope, "b": scope + named})
        if asked == "map" and measure is None and (t.has("shapes", "never") or t.has("shapes", "both")) and "map" not in self.values:
            maps = self._maps_set()
            if maps is not None:
                return maps
        if asked not in ("team", "player", "tournament"):
            return None
        never, both = t.has("shapes", "never"), t.has("shapes", "both")
        attr = r"(?:지역|나라|포지션|역할|맵|스테이지|regions?|countr(?:y|ies)|roles?|positions?|maps?|stages?)\s*(?:정보|값)?\s*(?:이|가|은|는)?\s*$"
        if never and t.has("shapes", "no_value") and all(
                any(a_ < b2 and a2 < b_ and re.search(attr, t.s[max(0, a2 - 12):a2], re.I) for a2, b2 in t.find("shapes", "no_value"))
                for a_, b_ in t.find("shapes", "never")):
            never = False  # "지역 없는 팀도", "no region listed": a missing value, said with the negation's words, not "never"
        if self.has("ranking_format") and _FORMAT_DENIED.search(t.s) and not both:
            # "battle royale only, never one head-to-head game", "랭킹 경기는 했지만 대전 경기는 없는": played the one format,
            # never the other (the scope's other values and dates hold for both)
            scope = [f for f in self.value_filters() if f.col != "m.format"] + self.date_filters()
            return IR(select=[KEY[asked]], filters=[], setop={"op": "except", "a": scope + [Filter("m.format", "=", "ranking")],
                                                                "b": scope + [Filter("m.format", "=", "versus")]})
        # ("…에만 나오고 그 뒤로는 한 번도 안", "only in X and never after": the never says the same as the only)
        if t.has("shapes", "only") and (not never or re.search(r"말고는|\bno other\b|\b(?:any|an|one) other\b|\belse\b|다른|그\s*(?:뒤|후|다음|이후)"
                                                                r"|\bnever (?:again|after|since)\b|\bafter(?:wards| that)\b|\bsince then\b", t.s)) and not both:
            # "only ever played X": took part in X, and in nothing else of X's kind; said inside a wider named scope
            # ("only group games at <T>", "<T>에서 스테이지 빈 경기만"), the narrowest kind is the one, the rest hold for both
            nul = self._null_filter(asked) if t.has("shapes", "no_value") else None
            if nul is not None and nul.col in ("m.stage", "m.map") and nul.op == "is_null":
                scope = [f for f in self.value_filters() if f.col != nul.col] + self.date_filters()
                return IR(select=[KEY[asked]], filters=[], setop={"op": "except", "a": scope + [nul],
                                                                    "b": scope + [Filter(nul.col, "not_null")]})
            kinds = [typ for typ in ("stage", "map", "tournament", "game") if len(self.values.get(typ, [])) == 1]
            for typ in kinds[:1]:
                vals = self.values[typ]
                col = VALUE_COL[typ]
                wider = [Filter(VALUE_COL[k], "=", self.values[k][0]) for k in kinds[1:]
                         if not (k == "game" and "tournament" in kinds)] if typ in ("stage", "map") else []
                return IR(select=[KEY[asked]], filters=[], setop={"op": "except", "a": wider + [Filter(col, "=", vals[0])],
                                                                    "b": wider + [Filter(col, "!=", vals[0])]})
            fmt = [f for f in self.value_filters() if f.col == "m.format" and f.op == "="]
            if len(fmt) == 1:
                # "played battle royale alone": matches of that format, and none of the other
                return IR(select=[KEY[asked]], filters=[], setop={"op": "except", "a": [fmt[0]],
                                                                    "b": [Filter("m.format", "!=", fmt[0].value)]})
            ranges = [d for d in self.date_specs if d.kind == "range"]
            if len(ranges) == 1:
                # "played in 2025 alone": played in the period, and never outside it
                inside = self.date_filters(specs=ranges)
                outside = [Filter(f.col, "not_range", f.value) for f in inside if f.op == "range"]
                if outside:
                    return IR(select=[KEY[asked]], filters=[], setop={"op": "except", "a": inside, "b": outside})
            return None
        if not (never or both):
            return None
        stat = re.search(r"\bnever (died|been killed|got (?:a |any )?(?:kill|frag|assist)s?|(?:scored|had|made) (?:a |any )?(?:kill|frag|assist)s?)\b"
                         r"|(?:한 번도|한번도)\s*(?:안|못)\s*(죽|킬|어시)", t.s, re.I)
        if never and stat and asked in ("player", "team") and not both:
            # "never died in a PUBG match": took part in the scope, but no row of it with the statistic
            word = (stat.group(1) or stat.group(2)).lower()
            col = "deaths" if word.startswith(("died", "been", "죽")) else "assists" if "assist" in word or word == "어시" else "kills"
            side = "mp" if asked == "player" or col != "kills" else "mt"
            scope = self.value_filters() + self.date_filters()
            over = self._threshold([]) if self.comparison() in (">", ">=") else None
            # "never had over 10 deaths in one game": no row of it over that number (none at all without one)
            cut = Filter(f"{side}.{col}", self.comparison(), _num(over)) if over is not None else Filter(f"{side}.{col}", ">", 0)
            return IR(select=[KEY[asked]], setop={"op": "except", "a": scope, "b": scope + [cut]})
        if never and asked in ("player", "team") and not both and t.has("shapes", "single"):
            # "never put up 25+ frags in one game", "한 경기 20킬 이상 한 번도 못 한": took part in the scope, and no
            # row of it meets the threshold (a player's own rows, a team's for a team)
            rows = self._row_thresholds(asked == "player", True)
            if rows:
                scope = self.value_filters() + self.date_filters()
                return IR(select=[KEY[asked]], setop={"op": "except", "a": scope or [Filter("m.id", "not_null")],
                                                      "b": scope + rows})
        if t.has("shapes", "no_team") or (t.has("shapes", "no_value") and not t.has("measures", "appearances")
                                           and measure is None and not t.has("shapes", "never")):
            return None
        if t.has("aggregates", "max") or t.has("aggregates", "min") or (self.comparison() and not _ONCE_IN_EACH.search(t.s)):
            return None
        key = KEY[asked]
        own_types = {"team": {"region"}, "player": {"team", "role"}, "tournament": {"game"}}[asked]
        own = [Filter(VALUE_COL[typ], "=", v[0]) if len(v) == 1 else Filter(VALUE_COL[typ], "in", list(v))
               for typ, v in self.values.items() if typ in own_types]
        if t.has("shapes", "has_team") and asked == "player":
            own.append(Filter("p.team_id", "not_null"))
        scope = [f for f in self.value_filters(skip=own_types)]
        dates = self.date_specs
        # Two values of one kind: the first scope includes, the second excludes ("2025엔 나왔는데 2026엔 안").
        split = None
        for typ in ("stage", "tournament", "game", "map"):
            vals = self.values.get(typ, [])
            spans = [a_ for a_, _, ty, _ in self.placed if ty == typ]
            if len(spans) == 2 and (re.search(r"\bor\b|또는|이나|거나|X\s*나\s|/", t.s[spans[0]:spans[1]])
                                    or re.fullmatch(r"\s*@\w+\s*[,&+]?\s*", t.s[spans[0]:spans[1]]) and not both):
                continue  # "A or B", "(롤 발로 기준)": one scope
            if len(vals) == 2 and typ not in own_types:
                split = ([Filter(VALUE_COL[typ], "=", vals[0])], [Filter(VALUE_COL[typ], "=", vals[1])], typ)
        games = self.values.get("game", [])
        if split is None and both and len(games) == 1 and not self.values.get("tournament") \
                and len(self.linked.by_game.get(games[0], [])) == 2 and t.has("entities", "tournament"):
            # "both Overwatch tournaments": the two tournaments of that game
            first, second = self.linked.by_game[games[0]]
            split = ([Filter("tr.name", "=", first)], [Filter("tr.name", "=", second)], "game")
        shared = [f for f in scope if not (split and f.col == VALUE_COL[split[2]])]
        if split is None and len([d for d in dates if d.kind == "range"]) == 2:
            d1, d2 = [d for d in dates if d.kind == "range"]
            split = (self.date_filters(specs=[d1]), self.date_filters(specs=[d2]), "date")
            shared = scope
            editions = self._editions_of_years([d1, d2])
            if editions:
                # "both cups, 2024 and 2025": one tournament named, two years: that series' edition of each year
                split = ([Filter("tr.name", "=", editions[0])], [Filter("tr.name", "=", editions[1])], "tournament")
                shared = [f for f in scope if f.col != "tr.name"]
        else:
            # (also when the two were a game's two tournaments: "<game> events of 2024 as well as 2025")
            years_of_editions = split is not None and all(f.col == "tr.name" for f in split[0] + split[1]) and dates and all(
                d.kind == "range" and d.value[0] and any(str(f.value).endswith(d.value[0][:4]) for f in split[0] + split[1])
                for d in dates)  # "the clash in 2025 but not in 2026": the years pick the editions, they are no extra filter
            shared = shared + (self.date_filters() if (split is None or split[2] != "date") and not years_of_editions else [])
        ev = [f for f in events if f.col != "m.format"] if asked != "tournament" else []
        fmt = [f for f in events if f.col == "m.format"]
        cut = t.first("shapes", "but")
        cut = cut if cut is not None else t.first("shapes", "never")
        among = re.search(r"\s(?:중에서|중에|중)\s|\bamong\b|\bout of (?:the|all)\b", t.s)
        if split is None and never and not both and among is not None and t.has("shapes", "no_value") \
                and all(b_ <= among.start() for _, b_ in t.find("shapes", "never")):
            return None  # "지역 정보 없는 팀 중에 경기 뛴 팀": the missing value picks the teams among which the rest is asked
        if split is None and never and not both and among is not None:
            cut = among.end() if among.group().strip() in ("중에서", "중에", "중") else None
            if cut is None:  # "among the X teams, which never Y": X after "among", Y after its clause
                nxt = re.search(r",|\bwhich\b|\bwho\b", t.s[among.end():])
                cut = among.end() + nxt.start() if nxt else None
        elif split is None and never and not both and cut is not None and re.search(r"[가-힣]", t.s[:cut]) \
                and t.first("shapes", "but") is None:
            # Korean puts the excluded scope right before the negation ("옵치 팀 중 4강 못 간"): the
            # nearest name before it is excluded, the others scope who is counted
            near = [a_ for a_, _, typ, _ in self.placed if a_ < cut and typ in VALUE_COL and typ not in own_types]
            if len(near) >= 2 and not re.search(r"\b(?:but|yet)\b|는데|지만", t.s[near[-1]:cut]):
                cut = near[-1]
        if split is None and never and not both and cut is not None:
            # "played A or B but never reached a final": the names before the negation scope the first set,
            # the names after it the excluded one
            before: dict[str, list] = {}
            after: dict[str, list] = {}
            for a_, _, typ, v in self.placed:
                if typ in VALUE_COL and typ not in own_types:
                    side = before if a_ < cut else after
                    if v not in side.setdefault(typ, []):
                        side[typ].append(v)
            reach = re.search(r"\b(?:made|make|reached|reach|got (?:to|into)|get (?:to|into)|advanced|qualified)\b|가본|가 본|간 적|진출|올라|밟", t.s, re.I)
            if after and (before or reach):
                def fl(d):
                    return [Filter(VALUE_COL[k], "=", v[0]) if len(v) == 1 else Filter(VALUE_COL[k], "in", list(v))
                            for k, v in d.items()]
                a = fl(before) + self.date_filters() + fmt
                if ev and not reach and not any(k in before for k in after):
                    # "teams without a map loss at event X": took part there, and no loss there
                    a = a + fl(after)
                # the excluded scope lies inside the counted one ("Valorant teams that never reached a final":
                # a Valorant final), unless it names a value of the same kind
                inner = fl({k: v for k, v in before.items() if k not in after}) + self.date_filters()
                return IR(select=[key], filters=own, setop={"op": "except", "a": a, "b": inner + fl(after) + ev + fmt})
        if split is not None and never and not both and self._negates_first(split[2]):
            split = (split[1], split[0], split[2])  # "2026엔 안 뛰었지만 2025엔 나온", "not in 2026 but in 2025"
        if split is not None:
            a, b = shared + fmt + split[0], shared + fmt + split[1]
            cut_at = t.first("shapes", "but")
            cut_at = cut_at if cut_at is not None else t.first("shapes", "never")
            if never and not both and cut_at is not None:
                # "in the 2025 cup, but not in the 2026 final": a name said only after the negation scopes the excluded side
                said = [(a_ < cut_at, (VALUE_COL[typ], v)) for a_, _, typ, v in self.placed
                        if typ in VALUE_COL and typ != split[2] and typ not in own_types]
                late = {cv for early, cv in said if not early} - {cv for early, cv in said if early}
                a = [f for f in a if not (f.op == "=" and (f.col, f.value) in late)]
            if both and not never:
                return IR(select=[key], filters=own, setop={"op": "intersect", "a": a + ev, "b": b + ev})
            return IR(select=[key], filters=own, setop={"op": "except", "a": a, "b": b + ev})
        if both:
            return None
        if not (ev or t.has("measures", "appearances") or shared or own):
            return None
        if not ev:
            reached = re.search(r"\b(?:made|make|reached|reach|got (?:to|into)|get (?:to|into)|advanced|qualified)\b"
                                r"|가본|가 본|간 적|(?<![가-힣])간(?![가-힣])|(?<![가-힣])못\s*(?:간|갔|가본)(?![가-힣])|진출|올라|밟", t.s, re.I)
            if not (t.has("measures", "appearances") or reached and (shared or fmt)):
                return None
            # "never played in X", "결승 못 간": everyone (of the own filters) but those who played in X; "X 결승 못 간 팀",
            # "teams of X that didn't reach the final": X's own teams but those in its final
            took_part = [f for f in shared if f.col != "m.stage"] + fmt
            if reached and took_part != shared + fmt and any(f.col in ("tr.name", "tr.game") for f in took_part):
                return IR(select=[key], filters=own, setop={"op": "except", "a": took_part, "b": shared + fmt})
            return IR(select=[key], filters=own, setop={"op": "except", "a": None, "b": shared + fmt})
        # "never won in X": took part in X, but no win there; "played a match but never came first": took part at all
        took_part = shared + fmt or ([] if re.search(r"\b(?:played|competed|appeared|took part|taken part|participated|entered)\b"
                                                     r"|출전한|참가한|경기(?:를|에)?\s*(?:한|뛴|나온|나간)", t.s, re.I) else None)
        return IR(select=[key], filters=own, setop={"op": "except", "a": took_part, "b": shared + fmt + ev})

    def _negates_first(self, kind: str) -> bool:
        """Whether the negation of a question with two scopes of one kind (two years, two tournaments) belongs to the
        first one said: in Korean it follows its scope ("2026년엔 안 뛰었지만 2025년엔 나온": every negation between
        the two), in English it comes before ("didn't play in 2026 but did in 2025": every negation before the first)."""
        typ = "date" if kind in ("date", "tournament") and sum(ty == "date" for _, _, ty, _ in self.placed) == 2 else kind
        at = sorted(a_ for a_, _, ty, _ in self.placed if ty == typ)
        nevers = self.t.find("shapes", "never")
        if len(at) != 2 or not nevers:
            return False
        if any(re.search(r"[가-힣]", self.t.s[a_:b_]) for a_, b_ in nevers):
            return all(at[0] < a_ < at[1] for a_, _ in nevers)
        return all(a_ < at[0] for a_, _ in nevers)

    @staticmethod
    def _names_word_of(team: str, word: str) -> bool:
        """Whether a word (possessive "velvets" too) is one of a team's name words ("Team Velvet")."""
        from .linking import _same_word, _words

        w = re.sub(r"(?:'s|’s|s'|s)$", "", word, flags=re.I)
        return any(_same_word(w, y) for y in _words(team)) if len(w) >= 3 else False

    def _editions_of_years(self, specs: list[DateSpec]) -> list[str] | None:
        """The editions of the one named tournament series held in each of these whole years, or None."""
        named = self.values.get("tournament", [])
        if len(named) != 1:
            return None
        base = re.sub(r"\s*(?:19|20)\d\d$", "", named[0])
        out = []
        for d in specs:
            lo, hi = d.value
            if not (lo and hi and lo.endswith("-01-01") and hi.endswith("-01-01") and int(hi[:4]) == int(lo[:4]) + 1):
                return None
            names = [n for ns in self.linked.by_game.values() for n in ns if n == f"{base} {lo[:4]}"]
            if len(names) != 1:
                return None
            out.append(names[0])
        return out if len(set(out)) == 2 else None

    _AVG_QUAL = r"(?:(?:overall|league|global|total|tournament|event|cup|field|whole|@\w+|players?|teams?|squads?)(?:[- ]?wide)?\s+){0,2}"
    _AVG_REF = re.compile(r"\b(?:than|vs\.?|versus|compared (?:to|with))\s+(?:the\s+)?" + _AVG_QUAL + r"(?:average|avg|mean)\b"
                          r"|\b(?:above|below|under|over|beats?|beat|exceeds?|tops?|out-?(?:fragg?|kill|damag|scor|perform)\w*)\s+(?:the\s+)?" + _AVG_QUAL + r"(?:average|avg|mean)\b"
                          r"|(?:전체\s*)?평균(?:치)?\s*(?:보다|대비)|(?:전체\s*)?평균(?:치)?\s*(?:을|를|이|에)?\s*(?:넘|이상|이하|미만|초과|웃|밑|못\s*미|위|아래)", re.I)
    _LOW_WORDS = re.compile(r"\b(?:below|under|less|fewer|lower|worse|smaller)\b|이하|미만|밑|못\s*미|낮|적|아래|못|덜", re.I)

    def _versus(self, asked: str | None, measure: str | None, mcol: str | None, agg: str | None,
                filters: list[Filter]) -> IR | None:
        """A measure compared with the average over the scope or with one named entity's ("more kills than
        the average team", "X보다 딜량 높은 선수"): a nested comparison."""
        t, s = self.t, self.t.s
        ref = self._AVG_REF.search(s)
        named = None
        if asked in ("team", "player", None) and not ref:
            # "than X", "X보다", "out-fragged X": the named entity's own measure is the reference (and its kind
            # is the kind asked: "who has more kills than <a team>" asks for teams)
            m = re.search(r"\b(?:than|vs\.?|compared (?:to|with)|out-?(?:fragg|kill|damag|scor|perform|play)\w*)\s+(?:the\s+)?@(team|player)X|@(team|player)X\s*(?:보다|대비)", s, re.I)
            if m:
                typ = m.group(1) or m.group(2)
                occ = [(a, v) for a, _, ty, v in self.placed if ty == typ]
                if occ and len(self.values.get(typ, [])) == 1:
                    named = min(occ, key=lambda o: abs(o[0] - m.start()))[1]
                    asked = typ
        if ref is None and named is None:
            return None
        if mcol is None and measure is None:
            out = re.search(r"\bout-?(fragg|kill|damag|scor)", s, re.I)
            if out is None:
                return None
            mcol = {"fragg": "kills", "kill": "kills", "damag": "damage", "scor": "score"}[out.group(1).lower()]
            mcol = f"{'mt' if asked == 'team' and mcol != 'damage' else 'mp'}.{mcol}"
        key = KEY.get(asked) if asked in ("team", "player", "tournament", "map", "region", "role", "match") else None
        if key is None:
            key = KEY["player"] if (mcol or "").startswith("mp.") or measure in PLAYER_MEASURES else KEY["team"]
            asked = "player" if key == KEY["player"] else "team"
        around = s[max(0, ref.start() - 30):ref.end() + (20 if re.search(r"보다|대비", ref.group()) else 0)] if ref else ""
        op = "<" if self._LOW_WORDS.search(around or s[max(0, s.find("@") - 1):]) else ">"
        if re.search(r"이상|\bor more\b|\bat least\b", around or s, re.I):
            op = ">="
        elif re.search(r"이하|\bor less\b|\bat most\b", around or s, re.I):
            op = "<="
        if ref is not None:
            # "평균" said once, inside the reference, is no aggregate of the measure: totals are compared
            avgs = re.findall(r"평균|\baverage\b|\bavg\b|\bmean\b|경기당|판당|\bper (?:game|match|map)\b", s, re.I)
            if len(avgs) <= 1:
                agg = None if agg == "avg" else agg
        m_expr = self._aggregate(mcol, agg, asked, "sum") if mcol else None
        if m_expr is None:
            m_expr = "win_rate" if measure == "win_rate" else "count" if measure in ("wins", "losses", "chicken") \
                else self._count_expr("match", filters)
        fs = list(filters)
        vs: dict[str, Any] = {"op": op, "ref": "avg"}
        if named is not None:
            col = VALUE_COL[asked]
            fs = [f for f in fs if not (f.col == col and f.value == named)]
            vs = {"op": op, "ref": "value", "filters": [Filter(col, "=", named)]}
        ir = IR(select=[key] if asked != "match" else ["m.id", key], measure=m_expr, filters=fs, group=True, vs=vs)
        if t.has("aggregates", "count") and self._counted(asked) == asked and not re.search(r"\bwhich\b|\bwho\b|\blist\b|누구|어디|목록", s, re.I):
            ir.count_groups = True  # "평균 이상 킬 한 선수 몇 명": how many such players
        return ir

    def _which_of_two(self, measure: str | None, mcol: str | None, agg: str | None, filters: list[Filter]) -> IR | None:
        """"who has more kills, A or B", "A랑 B 중에 누가 딜 더 높아": the one of two named players (or teams) whose
        measure is the larger (or smaller)."""
        s = self.t.s
        typ = next((ty for ty in ("player", "team") if len(self.values.get(ty, [])) == 2), None)
        if typ is None or self._asks_difference() or (mcol is None and measure not in ("wins", "losses", "chicken", "win_rate")):
            return None
        if not re.search(r"\bwho\b|\bwhich\b|\bwhose\b|누가|누구|어디가|어느|어떤", s, re.I):
            return None
        more = re.search(r"\b(?:more|higher|better|bigger|most)\b|더\s*(?:많|높|잘|좋|크|세)", s, re.I)
        fewer = re.search(r"\b(?:fewer|less|lower|worse|smaller|least)\b|더\s*(?:적|낮|못|작)", s, re.I)
        if not (more or fewer):
            return None
        m_expr = self._aggregate(mcol, agg, typ, "sum") if mcol else None
        if m_expr is None:
            m_expr = "win_rate" if measure == "win_rate" else "count"
        order = "asc" if fewer and not more else "desc"
        if measure == "placement":
            order = "desc" if order == "asc" else "asc"
        return IR(select=[KEY[typ]], measure=m_expr, filters=filters + self.date_filters(), group=True, order=order, limit=1)

    def _asks_difference(self) -> bool:
        s = self.t.s
        # ("A랑 B 킬 차이", "A vs B kill difference?": the gap said last, with nothing after it but a request)
        return bool(re.search(r"\bhow (?:many|much) (?:more|fewer|less)\b|\b(?:difference|gap) (?:in|between)\b"
                              r"|\b(?:difference|diff|gap)\s*(?:please|pls|plz)?\s*[?.!]*\s*$", s, re.I)
                    or re.search(r"보다.*(?:몇|얼마나)\s*(?:\S+\s*)?더|(?:몇|얼마나)\s*(?:\S+\s*)?더\s*많|차이(?:가|는)?\s*(?:몇|얼마)"
                                 r"|차이(?:가|는)?\s*(?:좀\s*)?(?:알려|보여|궁금|어떻게|나\?|나요|남|났|야|임|\s*[?？.!]*\s*$)", s))

    def _difference(self, measure: str | None, mcol: str | None, agg: str | None, events: list[Filter]) -> IR | None:
        """'how many more kills in May than in March', 'A가 B보다 몇 승 더': one measure in two
        scopes that differ in one value, subtracted."""
        s = self.t.s
        if not self._asks_difference():
            return None
        kinds = [(typ, [(a, v) for a, _, ty, v in self.placed if ty == typ]) for typ in ("date", "team", "player", "game", "tournament", "map", "stage", "region", "role")]
        kinds = [(typ, occ) for typ, occ in kinds if len(occ) == 2]
        if len(kinds) != 1:
            return None
        typ, ((p1, v1), (p2, v2)) = kinds[0]
        if typ == "date":
            fa, fb = self.date_filters(specs=[v1]), self.date_filters(specs=[v2])
            shared = self.value_filters()
        else:
            if v1 == v2:
                return None
            fa, fb = [Filter(VALUE_COL[typ], "=", v1)], [Filter(VALUE_COL[typ], "=", v2)]
            shared = self.value_filters(skip={typ}) + self.date_filters()
        if re.search(r"보다", s[p1:p2]) and not re.search(r"보다", s[p2:]):
            fa, fb = fb, fa  # "B보다 A가 더": A minus B
        if measure in ("wins", "losses", "chicken") or (mcol is None and measure is None):
            m_expr = self._count_expr(None if events else "match", shared + events)
        else:
            m_expr = self._aggregate(mcol, agg, None, "sum")
            if m_expr is None:
                return None
        shared = shared + [f for f in events if f not in shared]
        return IR(measure=m_expr, filters=shared, minus={"a": fa, "b": fb})

    def _compare(self, asked: str | None, mcol: str | None, agg: str | None) -> IR | None:
        """'more assists this season than last', '작년보다 올해 딜량이 늘어난': one measure in two scopes."""
        t = self.t
        ranges = [d for d in self.date_specs if d.kind == "range"]
        events = self.values.get("tournament", [])
        # ("more kills in B than in A": "more … than" with no number after "than" compares the two scopes)
        more = re.search(r"\b(?:more|fewer|less)\b(?!\s+than\s+\d).*\bthan\b(?!\s+\d)", t.s, re.I)
        if asked in ("team", "player") and len(events) == 2 and len(ranges) <= 1 and (t.has("shapes", "compare_years") or more):
            return self._compare_events(asked, mcol, agg, events)
        if asked not in ("team", "player") or not (t.has("shapes", "compare_years") or more) or len(ranges) != 2:
            return None
        m_expr = self._aggregate(mcol, agg, asked, "sum") or "count"
        # "better in B than in A": the scope after "than"/"보다" is the baseline.
        s = t.s
        dpos = [a for a, _, typ, _ in self.placed if typ == "date"]
        than = re.search(r"\bthan\b|보다", s)
        first, second = ranges
        if than and len(dpos) == 2:
            if re.search(r"보다", s) and dpos[0] < than.start() < dpos[1] or (not re.search(r"보다", s) and dpos[1] > than.start() > dpos[0]):
                # English "better in B than in A": B before than; Korean "A보다 B에 더": A before 보다.
                if re.search(r"보다", s):
                    base, new = first, second
                else:
                    base, new = second, first
            elif re.search(r"보다", s) and than.start() > dpos[1]:
                base, new = second, first  # "B의 킬이 A보다 많은": the year right before 보다 is the baseline
            else:
                base, new = first, second
        else:
            base, new = first, second
        op = "<" if re.search(r"\bworse\b|\blower\b|\bfewer\b|\bless\b|낮|나빠|떨어|적", s, re.I) else ">"
        if mcol == "mt.placement":
            op = "<" if op == ">" else ">"
        fa, fb = self.date_filters(specs=[base]), self.date_filters(specs=[new])
        if len(events) == 2:
            # two named events and two years said of them ("the 2025 event's kills above the 2024 one's"): each year names
            # the event held in it
            def held(spec):
                lo, hi = spec.value if isinstance(spec.value, tuple) else (None, None)
                hits = [e for e in events if lo and re.search(r"(?:19|20)\d\d", e)
                        and str(lo)[:4] <= re.search(r"(?:19|20)\d\d", e).group() < str(hi)[:4]]
                return hits[0] if len(hits) == 1 else None
            ea, eb = held(base), held(new)
            if ea and eb and ea != eb:
                fa, fb = [Filter("tr.name", "=", ea)], [Filter("tr.name", "=", eb)]
                return IR(select=[KEY[asked]], measure=m_expr, filters=self.value_filters(skip={"tournament"}),
                          compare={"a": fa, "b": fb, "op": op})
        return IR(select=[KEY[asked]], measure=m_expr, filters=self.value_filters(),
                  compare={"a": fa, "b": fb, "op": op})


    def _compare_events(self, asked: str, mcol: str | None, agg: str | None, events: list[str]) -> IR:
        """"whose mean placing improved from A to B", "a higher mean at B than at A", "A보다 B에서 킬이 더 많은": one
        measure of each team (player) in two named tournaments, the later-said (or the one before "than") against the
        other; a placement is better when lower."""
        t, s = self.t, self.t.s
        m_expr = self._aggregate(mcol, agg, asked, "sum") or "count"
        spans = {v: a for a, _, typ, v in self.placed if typ == "tournament"}
        first, second = sorted(events, key=lambda v: spans.get(v, 0))
        than = re.search(r"\bthan\b|보다", s)
        base, new = first, second
        if than and not re.search(r"보다", s) and spans.get(first, 0) < than.start() < spans.get(second, 0):
            base, new = second, first  # "better at B than at A": A is the baseline
        improved = re.search(r"\bimprov|\bbetter\b|\bhigher\b|\bmore\b|\bup\b|좋|나아|나은|올라|늘|높|많", s, re.I)
        worse = re.search(r"\bworse\b|\bdeclin|\bdropp?ed\b|\bfewer\b|\bless\b|나빠|떨어|줄|적", s, re.I)
        if re.search(r"\bimprov|좋|나아|나은", s, re.I):
            worse = None  # "improved (a lower number)": lower is how a placement improves
        elif re.search(r"\blower\b|낮", s, re.I) and not improved:
            worse = True
        op = "<" if worse and not (improved and not worse) else ">"
        if mcol == "mt.placement" and (re.search(r"\bimprov|\bbetter\b|\bworse\b|좋|나아|나은|나빠|못한", s, re.I)):
            op = "<" if op == ">" else ">"  # a better placement is a lower number
        fs = [f for f in self.value_filters(skip={"tournament"})] + self.date_filters()
        return IR(select=[KEY[asked]], measure=m_expr, filters=fs,
                  compare={"a": [Filter("tr.name", "=", base)], "b": [Filter("tr.name", "=", new)], "op": op})


def parse(text: str, linked: Linked, today: dt.date | None = None, _compose: bool = True) -> Reading:
    """The IR of one question; raises :class:`Unsupported` when the question's parts do not compose."""
    text = _rank_run(text)
    # "Y 대신 뛴 판", "the maps X played in place of Y": the player who sat out is said only to explain who came in;
    # the one who played is the condition
    players = [m for m in linked.mentions if m.type == "player"]
    benched = [(m.start, m.end) for m in players
               if re.match(r"\s*(?:이|가|을|를|의)?\s*대신", text[m.end:])
               or re.search(r"\b(?:instead of|in place of|replacing|subbing (?:in )?for|standing in for|filling in for|covering for)\s+$",
                            text[:m.start], re.I)]
    if benched and len(benched) < len(players):
        text, linked = _blank(text, linked, benched)
    if _compose:
        for compose in (_half_won, _min_sample, _top_n_times, _times_as_many, _blank_share, _blank_rows, _value_share, _agg_of_group_aggs,
                        _places_compared, _nth_place, _scopes_side_by_side, _values_compared, _measures_side_by_side):
            reading = compose(text, linked, today)
            if reading is not None:
                return reading
    parser = Parser(text, linked, today)
    return _amend(parser, parser.parse())


# "unique games over the events", "how many different titles do the tournaments cover": the titles the tournaments are of
_TITLES_OF_EVENTS = re.compile(r"\b(?:distinct|different|unique|separate)\s+(?:games|titles)\s+(?:(?:are|were)\s+(?:there\s+)?)?"
                               r"(?:across|over|among|in|covered by|between)\s+(?:all\s+|the\s+|every\s+)*(?:@\w+\s+)?"
                               r"(?:tournaments|events|tourneys|competitions)\b", re.I)
_RANK = r"(?:(?<![\d.])(\d)\s*(?:등|위)|\b(\d)(?:st|nd|rd|th)\b)"
_RANK_RUN = re.compile(_RANK + r"(?:\s*(?:,|/|·|이랑|랑|하고|과|와|\band\b|&)?\s*" + _RANK + r")+")


def _rank_run(text: str) -> str:
    """"킬 1등 2등 누구", "1위, 2위, 3위", "the 1st and 2nd in kills": consecutive places from the first are the first N,
    written as the range they are ("1등    ~2등"; lengths kept, so the names' positions hold)."""
    def one(m: re.Match) -> str:
        nums = [int(a or b) for a, b in re.findall(_RANK, m.group())]
        if nums != list(range(1, len(nums) + 1)):
            return m.group()
        first = re.match(_RANK, m.group())
        last = list(re.finditer(_RANK, m.group()))[-1]
        gap = last.start() - first.end()
        return m.group()[:first.end()] + " " * (gap - 1) + "~" + m.group()[last.start():] if gap >= 1 else m.group()
    return _RANK_RUN.sub(one, text)


def _blank(text: str, linked: Linked, spans: list[tuple[int, int]]) -> tuple[str, Linked]:
    """The question with some spans written as spaces (lengths kept, so the other names' positions hold)."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a, 0), min(b, len(chars))):
            chars[i] = " "
    inside = lambda m: any(a < m.end and m.start < b for a, b in spans)  # noqa: E731
    kept = [m for m in linked.mentions if not inside(m)]
    return "".join(chars), dataclasses.replace(linked, mentions=kept)


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_NTH = re.compile(r"(?<!~)\b(?P<en>second|third|fourth|fifth|[2-5](?:nd|rd|th))(?:[- ](?:place|best|highest|most))?"
                  r"(?=\s+(?:(?:team|squad|player|one|side)\s+)?(?:in|by|on|for|at)\b)"
                  r"|(?<![\d~\-])(?P<ko>[2-5])\s*(?:위|등)(?!\s*(?:이내|안|까지|권|부터|~|-|했|몇|횟수|한\s*(?:번|횟수|경기|판)))"
                  r"(?=\s*(?:한\s*|했던\s*|인\s*)?(?:팀|스쿼드|선수|누구|어디|은|는|이|가|$|\?))", re.I)


# the places listed from the first up to the one said next ("1, 2위", "1위, 2위, 3위"): a top-N, not that place alone
_FIRST_PLACES = re.compile(r"(?<![\d/.-])1\s*(?:위|등|st)?\s*,\s*(?:\d+\s*(?:위|등|nd|rd|th)?\s*,\s*)*(?:and\s+|&\s*)?$", re.I)


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twice": 2,
          "once": 1, "thrice": 3}
_N = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
_TOP_TIMES = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|plac(?:ed|es|ing)|end(?:ed|s)?(?:\s+up)?|came|land(?:ed|s)?|got)\s+(?:in(?:to)?\s+)?(?:the\s+)?top[- ]?" + _N
    + r"\b(?:\s+(?:spots?|places?|positions?))?\s+(at least|more than|over|no fewer than|a minimum of)?\s*" + _N + r"\s*(\+)?\s*(?:or\s+more\s+)?times\b(\s+or\s+more)?"
    r"|(?:상위|탑|top)\s*" + r"(\d{1,2})\s*(?:위|등)?\s*(?:안|이내|내)\s*(?:에|로)?\s*(?:든|들어간|진입한|마친|끝낸)?\s*(?:게|것이|횟수가)?\s*(\d{1,3})\s*(?:번|회)\s*(이상|넘게|초과)", re.I)


def _top_n_times(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"squads that placed top four five or more times", "상위 3위 안에 5번 이상 든 팀": each team's finishes at
    or above place n, counted, kept at the number of times."""
    m = _TOP_TIMES.search(text)
    if m is None or any(mm.type in ("team", "player") for mm in linked.mentions):
        return None
    def num(g: str) -> int:
        return int(g) if g.isdigit() else _SMALL[g.lower()]
    if m.group(1):
        top, times = num(m.group(1)), num(m.group(3))
        op = ">" if (m.group(2) or "").lower() in ("more than", "over") else ">="
    else:
        top, times = int(m.group(6)), int(m.group(7))
        op = ">=" if m.group(8) == "이상" else ">"
    if not 1 <= top <= 20:
        return None
    parser = Parser(text, linked, today)
    filters = parser.value_filters() + parser.date_filters() + [Filter("mt.placement", "<=", top)]
    return Reading(IR(select=["t.name"], measure="count", filters=filters, group=True, having=(op, times)), 0.75, "having")


_STAT_COLS = {"kill": "kills", "frag": "kills", "킬": "kills", "death": "deaths", "데스": "deaths", "assist": "assists",
              "어시": "assists", "damage": "damage", "딜": "damage", "데미지": "damage", "피해량": "damage"}
_STAT_WORD = r"(kills?|frags?|deaths?|assists?|damage|킬|데스|어시스트|어시|딜량|딜|데미지|피해량)"
_TIMES_AS_MANY = re.compile(
    # "어시 합계가 킬 합계의 3배 이상인", "어시가 킬의 세 배 넘는"
    _STAT_WORD + r"\s*(?:수|합계|합|총합)?\s*(?:가|이|는|은)\s*(?:총\s*)?" + _STAT_WORD + r"\s*(?:수|합계|합|총합)?\s*의\s*"
    r"(\d+(?:\.\d+)?|두|세|네|다섯)\s*배\s*(이상|넘는|넘게|초과|이하|미만)"
    # "assists at least twice their kills", "kills more than 3 times their deaths"
    r"|\b" + _STAT_WORD + r"\s+(?:(?:that|which)\s+(?:are|were|is|was)\s+|(?:are|were|is|was)\s+)?(at least|more than|over|no less than|under|less than|at most)\s+"
    r"(twice|double|two times|three times|four times|(\d+(?:\.\d+)?)\s*(?:times|x))\s+(?:(?:their|his|her|the|its)\s+)?(?:total\s+|number of\s+)?" + _STAT_WORD + r"\b"
    # "at least twice as many assists as kills"
    r"|\b(at least|more than|over|under|less than|at most)\s+(twice|two times|three times|four times|(\d+(?:\.\d+)?)\s*times)\s+as\s+(?:many|much)\s+"
    + _STAT_WORD + r"\s+as\s+" + _STAT_WORD + r"\b", re.I)


def _stat_col(word: str) -> str:
    w = word.lower()
    return next(v for k, v in _STAT_COLS.items() if w.startswith(k))


def _times_as_many(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"데스가 킬의 두 배 넘는 선수", "players whose assists are at least twice their kills", "over four times
    as many assists as kills": each player's sum of one statistic against a multiple of the sum of another (a HAVING
    on the difference), both sums shown."""
    m = _TIMES_AS_MANY.search(text)
    if m is None or re.search(r"\b(?:which|what)\s+(?:teams?|squads?)\b|(?:어느|어떤)\s*팀|팀\s*(?:은|는|이름|명)", text, re.I):
        return None
    words = {"두": 2, "세": 3, "네": 4, "다섯": 5, "twice": 2, "double": 2, "two times": 2, "three times": 3, "four times": 4}
    if m.group(1):
        a, b, k, said = m.group(1), m.group(2), m.group(3), m.group(4)
        op = {"이상": ">=", "넘는": ">", "넘게": ">", "초과": ">", "이하": "<=", "미만": "<"}[said]
    elif m.group(5):
        a, said, k, b = m.group(5), m.group(6).lower(), m.group(8) or m.group(7).lower(), m.group(9)
        op = {"at least": ">=", "more than": ">", "over": ">", "no less than": ">=", "under": "<", "less than": "<", "at most": "<="}[said]
    else:
        said, k, a, b = m.group(10).lower(), m.group(12) or m.group(11).lower(), m.group(13), m.group(14)
        op = {"at least": ">=", "more than": ">", "over": ">", "under": "<", "less than": "<", "at most": "<="}[said]
    factor = float(words[k]) if k in words else float(k)
    ca, cb = _stat_col(a), _stat_col(b)
    if ca == cb or factor <= 0:
        return None
    parser = Parser(text, linked, today)
    filters = parser.value_filters() + parser.date_filters()
    return Reading(IR(select=["p.nickname"], measure=f"diff:mp.{ca}-{factor:g}*mp.{cb}", filters=filters, group=True,
                      having=(op, 0), extra_measures=[f"sum:mp.{ca}", f"sum:mp.{cb}"]), 0.75, "having")


_BLANK_COLS = {"damage": "mp.damage", "dmg": "mp.damage", "딜량": "mp.damage", "데미지": "mp.damage", "피해량": "mp.damage",
               "kills": "mp.kills", "킬": "mp.kills", "assists": "mp.assists", "어시": "mp.assists", "deaths": "mp.deaths", "데스": "mp.deaths",
               "map": "m.map", "맵": "m.map", "stage": "m.stage", "스테이지": "m.stage", "region": "t.region", "지역": "t.region",
               "role": "p.role", "position": "p.role", "역할": "p.role", "포지션": "p.role"}
_BLANK_SHARE = re.compile(
    r"(damage|dmg|딜량|데미지|피해량|kills|킬|assists|어시|deaths|데스|map|맵|stage|스테이지|region|지역|role|position|역할|포지션)\S*\s*(?:값|정보|기록|데이터)?\s*"
    r"(?:이|가|은|는)?\s*(?:기록되지\s*않은|누락된|비어\s*있는|빈|없는|미기재된?|is\s+(?:missing|null|blank|empty)|(?:are|were|was)\s+(?:missing|null|blank|empty)|missing|null|blank)"
    r"[^?.]{0,40}?(?:비율|비중|퍼센트|백분율|\bshare\b|\bpercent(?:age)?\b|\bproportion\b|\bratio\b|%)"
    r"|\b(?:share|percent(?:age)?|proportion|fraction)\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?(?:rows|records|entries|matches|games|players|teams)\b"
    r"[^?.]{0,30}?\b(damage|dmg|kills|assists|deaths|map|stage|region|role|position)\b", re.I)


_BLANK_CELL = re.compile(
    r"(damage|dmg|딜량|데미지|피해량|kills|킬|assists|어시|deaths|데스)\S*\s*(?:값|정보|데이터)?\s*(?:이|가|은|는)?\s*"
    r"(?:기록되지\s*않은|누락(?:된|돼|되어)|비어\s*있는|빈|없는|미기재된?|(?:is|are|were|was)\s+(?:missing|null|blank|empty)|missing|null|blank|empty)"
    r"|\b(?:missing|no|without(?:\s+a)?|null|blank|empty)\s+(damage|dmg|kills|assists|deaths)\b", re.I)
_ROWS_COUNTED = re.compile(r"\b(?:how many|number of|count(?: of)?)\b[^?.]{0,30}?\b(?:rows|records|entries|stat ?lines|lines)\b"
                           r"|(?:기록|행|레코드|로우)\s*(?:이|가|은|는)?\s*(?:몇|총\s*몇|전체\s*몇)\s*(?:건|개|줄)", re.I)


def _blank_rows(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"rows with the assists left blank, how many", "킬 값 빠진 기록 몇 건": the player-match rows whose statistic cell is
    blank (NULL), counted (rows, not the players they belong to)."""
    m = _BLANK_CELL.search(text)
    if m is None or not _ROWS_COUNTED.search(text) or _BLANK_SHARE.search(text):
        return None
    word = (m.group(1) or m.group(2)).lower()
    col = next(v for k, v in _BLANK_COLS.items() if word.startswith(k))
    parser = Parser(text, linked, today)
    return Reading(IR(measure="count", filters=parser.value_filters() + parser.date_filters() + [Filter(col, "is_null")]), 0.75, "count")


_PLACE = r"(?:(?P<{0}>[1-9])\s*(?:위|등)|(?P<{0}w>first|1st|second|2nd|third|3rd|fourth|4th)[- ]plac(?:e|ed))"
_PLACE_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_PLACES_COMPARED = re.compile(
    _PLACE.format("a") + r"\s*(?:팀|스쿼드|쪽|team|squad|side)?\s*(?:의|'s)?\s*(?P<stat>포인트|점수|킬|points?|score|kills)\s*(?:이|가|은|는|was|were|is)?\s*"
    r"(?:(?P<en>lower than or equal to|less than or equal to|no (?:more|higher) than|at most|not (?:more|higher) than|lower than|less than|fewer than"
    r"|higher than or equal to|at least|higher than|more than|greater than)\s+(?:(?:that|those) of\s+)?(?:the\s+)?)?"
    + _PLACE.format("b") + r"\s*(?:팀|스쿼드|쪽|team|squad|side)?\s*(?:의|'s)?\s*(?:포인트|점수|킬|points?|score|kills)?\s*"
    r"(?:보다\s*(?:더\s*)?(?P<ko>낮거나\s*같|적거나\s*같|작거나\s*같|높거나\s*같|많거나\s*같|크거나\s*같|낮|적|작|높|많|크))?", re.I)


def _places_compared(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"2등 스쿼드 킬이 1등 스쿼드보다 많은 판", "games where the 3rd-placed side's kills were higher than the 2nd-placed side's":
    two places of one ranking match, a statistic of each side compared; the matches listed
    (their time), or counted."""
    m = _PLACES_COMPARED.search(text)
    if m is None or not (m.group("en") or m.group("ko")):
        return None
    a = int(m.group("a") or _PLACE_WORDS[m.group("aw").lower()])
    b = int(m.group("b") or _PLACE_WORDS[m.group("bw").lower()])
    word = (m.group("en") or m.group("ko")).lower()
    if a == b:
        return None
    col = "kills" if m.group("stat").lower() in ("킬", "kills") else "score"
    at_most = re.search(r"같|at most|no (?:more|higher)|not (?:more|higher)|or equal", word) and re.search(r"낮|적|작|lower|less|more|higher|at most", word) \
        and not re.search(r"높|많|크|higher than or|at least", word)
    at_least = re.search(r"높거나|많거나|크거나|higher than or equal|at least", word)
    below = re.search(r"^(?:낮|적|작)$|lower than$|less than$|fewer than$", word)
    if at_most:
        cmp = Filter(f"l.{col}", "col>=", f"w.{col}")
    elif at_least:
        cmp = Filter(f"w.{col}", "col>=", f"l.{col}")
    elif below:
        cmp = Filter(f"l.{col}", "col>", f"w.{col}")
    else:
        cmp = Filter(f"w.{col}", "col>", f"l.{col}")
    parser = Parser(text, linked, today)
    fs = parser.value_filters() + parser.date_filters() + [Filter("w.placement", "=", a), Filter("l.placement", "=", b), cmp]
    if parser.t.has("aggregates", "count") and not re.search(r"일시|날짜|언제|\bwhen\b|\bdates?\b|\btimes?\b", text, re.I):
        return Reading(IR(measure="countd:m.id", filters=fs), 0.75, "count")
    return Reading(IR(select=["m.played_at"], filters=fs), 0.75, "list")


def _blank_share(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"딜량 값이 비어 있는 기록의 비중", "the percentage of rows without a damage value": the share of the rows
    whose cell is blank (NULL), in percent."""
    m = _BLANK_SHARE.search(text)
    if m is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    if m.group(2) and not re.search(r"\bwithout\b|missing|null|blank|empty|\bno\s+" + word, text[m.start():m.end() + 20], re.I):
        return None
    col = next(v for k, v in _BLANK_COLS.items() if word.startswith(k))
    parser = Parser(text, linked, today)
    return Reading(IR(measure=f"share:{col}=null", filters=parser.value_filters() + parser.date_filters()), 0.75, "share")


_SHARE_WORD = re.compile(r"비율|비중|퍼센트|백분율|점유율|픽률|몇\s*%|\bshare\b|\bpercent(?:age)?\b|\bproportion\b|\bfraction\b|\bwhat part\b"
                         r"|\bpick[- ]?rates?\b|%", re.I)
# the rows a share is taken of, by the table they are: the entity said, else the column's own table
_SHARE_BASE = {"m": ("match", r"\b(?:matches|games|series|maps played)\b|경기|매치|(?<![가-힣])판"),
               "p": ("player", r"\bplayers\b|\bpros\b|선수"), "t": ("team", r"\bteams\b|\bsquads\b|(?<![가-힣])팀"),
               "tr": ("tournament", r"\btournaments\b|\bevents\b|대회")}
# the aliases a base reaches many-to-one (a scope on them keeps one row per base row)
_SHARE_REACH = {"m": {"m", "tr"}, "p": {"p", "t"}, "t": {"t"}, "tr": {"tr"}}


def _value_share(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"what percentage of matches in 2025 were finals", "선수 중 듀얼리스트 비율", "share of teams from EU": the share of the
    rows (of the entity said, else of the value's own table) that hold one named value, in percent, within the scope said."""
    if not _SHARE_WORD.search(text):
        return None
    parser = Parser(text, linked, today)
    if parser.measure() is not None or parser.group_entity() is not None or parser.t.has("measures", "appearances") and parser.values.get("team") \
            or any(k in parser.values for k in ("team", "player")):
        return None  # a statistic's share ("share of X's kills") or one team's or player's rows (a win rate, appearances)
    if parser.t.has("shapes", "overtime") or parser.t.has("shapes", "sweep") or parser.numbers \
            or re.search(r"\b(?:won|lost|wins?|loss(?:es)?|beat|needed|went to|ended)\b|이긴|진\s|졌|승리|패배|연장|셧아웃", text, re.I):
        return None  # a share of the rows meeting a condition ("what percentage of maps needed overtime") is another reader's
    said = [(typ, vals) for typ, vals in parser.values.items() if typ in ("stage", "map", "role", "region", "game")]
    if len(said) == 1 and said[0][0] == "game" and all(
            re.match(r"\s*(?:matches|games|maps|series|tournaments|events|경기|맵|대회|매치)", text[b:]) and not re.search(r"\b(?:were|was|are|is)\s+$", text[:a], re.I)
            for a, b, typ, _ in parser.placed if typ == "game"):
        return None  # "Valorant maps", "발로 경기 중": the game scopes the rows, it is not the value whose share is asked
    if len(said) == 2 and any(typ == "game" for typ, _ in said):
        said = [(typ, vals) for typ, vals in said if typ != "game"]  # "what share of X-game matches were on Y": the game scopes
    fmt = [f for f in parser.value_filters() if f.col == "m.format"]
    if len(said) + len(fmt) != 1 or said and len(said[0][1]) != 1:
        return None
    col, value = (VALUE_COL[said[0][0]], said[0][1][0]) if said else ("m.format", fmt[0].value)
    alias = col.split(".")[0]
    bases = [a for a, (_, word) in _SHARE_BASE.items() if re.search(word, text, re.I)]
    base = {"tr.game": "m"}.get(col, alias) if not bases else bases[0] if len(bases) == 1 else None
    if base is None:
        return None
    scope = [f for f in parser.value_filters() + parser.date_filters() if f.col != col]
    if alias not in _SHARE_REACH[base] or any(f.col.split(".")[0] not in _SHARE_REACH[base] for f in scope):
        return None
    key = {"m": "m.id", "p": "p.id", "t": "t.id", "tr": "tr.id"}[base]
    if base != alias:
        scope.append(Filter(key, "not_null"))  # (the rows counted are the base's: "share of matches that were Valorant")
    return Reading(IR(measure=f"share:{col}={lit(value)}", filters=scope), 0.75, "share")


_GROUP_KEYS = {"team": "t.id", "player": "p.id", "tournament": "tr.id", "map": "m.map", "role": "p.role", "region": "t.region",
               "match": "m.id"}
_GROUP_WORDS = [("team", r"teams?|squads?|팀"), ("player", r"players?|pros?|선수"), ("tournament", r"tournaments?|events?|대회"),
                ("map", r"maps?|맵"), ("role", r"roles?|positions?|역할|포지션"), ("region", r"regions?|지역"), ("match", r"match(?:es)?|games?|경기|판")]
_STAT_WORDS = r"kills|deaths|assists|damage|dmg|points|score|킬|데스|어시(?:스트)?|딜량|데미지|딜|점수|포인트"
_OUTER = {"average": "avg", "mean": "avg", "avg": "avg", "평균": "avg", "표본 평균": "avg", "표본평균": "avg", "max": "max", "maximum": "max",
          "highest": "max", "largest": "max", "biggest": "max", "최댓값": "max", "최대값": "max", "최대": "max", "min": "min", "minimum": "min",
          "lowest": "min", "smallest": "min", "최솟값": "min", "최소값": "min", "최소": "min", "sum": "sum", "합계": "sum", "합": "sum", "총합": "sum"}
_AGG_OF_AGGS = re.compile(
    rf"(?P<kg>{'|'.join(w for _, w in _GROUP_WORDS)})\s*(?:별|마다|단위)\s*(?:로\s*)?(?P<ki>평균|총|합계|누적)?\s*(?P<ks>{_STAT_WORDS})\s*(?P<ki2>합계|총합|평균)?\s*(?:값|수치)?\s*"
    r"(?:(?:의|들의|들\s*중)\s*(?P<ko>표본\s*평균|평균|최댓값|최대값|최솟값|최소값|합계|총합)|(?P<ko2>표본\s*평균|최댓값|최대값|최솟값|최소값))"
    rf"|\b(?P<eo>average|mean|avg|max(?:imum)?|min(?:imum)?|highest|lowest|largest|smallest|sum)\s+(?:value\s+)?(?:of|among|across)\s+(?:the\s+|all\s+)?"
    rf"(?:each\s+|every\s+|per[- ])?(?P<eg>team|player|tournament|event|map|role|region|match|game)(?:s|es)?(?:'s|'|’s|’)?\s+"
    rf"(?P<ei>average|mean|avg|total|overall)?\s*(?P<es>{_STAT_WORDS})\b", re.I)


_COMPARED = re.compile(r"\bcompared?\s+(?:with|to)\b|\bvs\.?(?=\s)|\bversus\b(?!\s*(?:match|game|format|mode|series|style|type|경기|매치|판|게임|방식|형식|포맷|모드|대회))|\bcomparison\b"
                       r"|비교|대비", re.I)


def _values_compared(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"average kills for supports compared with duelists", "duelist와 controller 평균 딜량 비교", "KR vs EU teams' average
    kills": a statistic for each of two or more values of one attribute, side by side (grouped by it, within those values)."""
    if not _COMPARED.search(text):
        return None
    parser = Parser(text, linked, today)
    several = [typ for typ, vals in parser.values.items() if typ in ("role", "region", "game", "stage", "map") and len(vals) >= 2]
    if len(several) != 1 or any(k in parser.values for k in ("team", "player")) or parser.group_entity() not in (None, several[0]):
        return None
    typ = several[0]
    name = parser.measure()
    if name is None:
        return None
    m_expr = parser._plain_measure(name, typ == "role" or name not in ("kills", "points"), avg=parser.t.has("aggregates", "avg"))
    if m_expr is None:
        return None
    fs = parser.value_filters() + parser.date_filters()
    if m_expr in ("wins", "losses", "win_rate") and not any(f.col == "m.format" for f in fs):
        fs.append(Filter("m.format", "=", "versus"))
    return Reading(IR(select=[VALUE_COL[typ]], measure=m_expr, filters=fs, group=True), 0.75, "group")


_COUNTED_KEYS = {"player": "countd:p.id", "match": "countd:m.id", "team": "countd:t.id", "map": "countd:m.map", "tournament": "countd:tr.id"}
_AVG_COUNT = re.compile(
    r"\bhow many (?P<e1>players|pros|matches|games|teams|maps)\s+(?:does|do|did)\s+(?:a|an|each|every|the average|one)\s+"
    r"(?P<g1>team|squad|tournament|event|player)\s+(?:have|has|play|field|hold|include|get)\b(?=.*\b(?:on average|average|typically|usually)\b)"
    r"|\b(?:on average|average|avg|mean)\b.{0,20}?\bhow many (?P<e3>players|pros|matches|games|teams|maps)\s+(?:does|do|did)\s+(?:a|an|each|every|one)\s+"
    r"(?P<g3>team|squad|tournament|event|player)\b"
    r"|\b(?:average|avg|mean)\s+(?:number|count|#)\s+of\s+(?P<e2>players|pros|matches|games|teams|maps)\s+(?:per|for each|in each|a|an)\s+"
    r"(?P<g2>team|squad|tournament|event|player)\b"
    r"|(?P<gk>팀|대회|선수)\s*(?:당|마다|별)\s*평균\s*(?P<ek>선수|경기|팀|맵)\s*(?:수|개수|숫자)", re.I)


def _agg_of_group_aggs(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"선수별 평균 킬의 최댓값", "팀별 평균 킬의 표본 평균", "the average of each team's total kills": an aggregate taken over
    per-group aggregates (one number), not the groups listed; "on average, how many players does a team have", "팀당 평균
    선수 수": the average of a count per group."""
    c = _AVG_COUNT.search(text)
    if c is not None:
        e = next(g for g in (c.group("e1"), c.group("e2"), c.group("e3"), c.group("ek")) if g)
        g = next(g for g in (c.group("g1"), c.group("g2"), c.group("g3"), c.group("gk")) if g)
        entity = next(n for n, w in _GROUP_WORDS if re.fullmatch(w, e, re.I))
        group = next(n for n, w in _GROUP_WORDS if re.fullmatch(w, g, re.I))
        if entity == group:
            return None
        parser = Parser(text, linked, today)
        return Reading(IR(measure=_COUNTED_KEYS[entity], filters=parser.value_filters() + parser.date_filters(),
                          nest={"by": [_GROUP_KEYS[group]], "agg": "avg"}), 0.75, "scalar")
    m = _AGG_OF_AGGS.search(text)
    if m is None:
        return None
    g = m.group("kg") or m.group("eg")
    group = next(name for name, w in _GROUP_WORDS if re.fullmatch(w, g, re.I))
    if group == "tournament" and g.lower().startswith("event"):
        group = "tournament"
    inner = (m.group("ki") or m.group("ki2") or m.group("ei") or "").lower()
    inner_fn = "avg" if inner in ("평균", "average", "mean", "avg") else "sum"
    outer = re.sub(r"\s+", " ", (m.group("ko") or m.group("ko2") or m.group("eo")).lower())
    outer_fn = _OUTER.get(outer, _OUTER.get(outer.replace(" ", ""), "avg"))
    stat = (m.group("ks") or m.group("es")).lower()
    word = next(k for k in ("kill", "킬", "death", "데스", "assist", "어시", "damage", "dmg", "딜", "데미지", "point", "score", "점수", "포인트")
                if stat.startswith(k))
    col = {"kill": "kills", "킬": "kills", "death": "deaths", "데스": "deaths", "assist": "assists", "어시": "assists"}.get(word)
    col = f"mp.{col}" if col else "mp.damage" if word in ("damage", "dmg", "딜", "데미지") else "mt.score"
    if col == "mp.kills" and group in ("team", "tournament", "map", "region", "match"):
        col = "mt.kills"  # a team's kills are its side's
    parser = Parser(text, linked, today)
    if parser.group_entity() not in (None, group):
        return None
    fs = parser.value_filters() + parser.date_filters()
    return Reading(IR(measure=f"{inner_fn}:{col}", filters=fs, nest={"by": [_GROUP_KEYS[group]], "agg": outer_fn}), 0.75, "scalar")


def _nth_place(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"the team second by kills", "킬 3위 선수": the one at that place of the ranking — the question read
    with the place said as first, then the groups at place n of that ranking."""
    m = _NTH.search(text)
    if m is None or any(mm.start < m.end() and m.start() < mm.end for mm in linked.mentions) or _FIRST_PLACES.search(text[:m.start()]):
        return None
    n = _ORDINALS.get((m.group("en") or "").lower()) or int(m.group("ko") or 0)
    if n < 2 or not any(_cue_cover(text, _MEASURE_GROUPS)) \
            or re.search(r"\b(?:finish(?:ed|es|ing)?|came|placed|end(?:ed)?(?: up)?)\s+(?:in\s+)?$", text[:m.start()], re.I):
        return None  # "who finished second at X": the final's loser (runner-up), not place 2 of a statistic
    new = "the top" if m.group("en") else "제일 많이"
    delta = len(new) - (m.end() - m.start())
    moved = [dataclasses.replace(x, start=x.start + delta, end=x.end + delta) if x.start >= m.end() else x for x in linked.mentions]
    sub = _sub_reading(text[:m.start()] + new + text[m.end():], dataclasses.replace(linked, mentions=moved), today)
    if sub is None or not sub.ir.group or sub.ir.limit != 1 or sub.ir.order not in ("desc", "asc") or sub.ir.per:
        return None
    # the groups whose measure is the n-th best value, ties sharing the place (as Parser._ordinal's reading)
    return Reading(dataclasses.replace(sub.ir, vs={"op": "=", "ref": "rank", "n": n, "order": sub.ir.order}, order=None, limit=None),
                   sub.confidence, "nth")


_HALF_WON = re.compile(
    r"\b(?:w[oi]ns?|winning)\s+(?P<en>more than|over|at least|less than|under|fewer than|no more than|at most)\s+(?:a\s+|one\s+)?half\s+(?:of\s+)?"
    r"(?:(?:their|its|his|her|the|all)\s+)?(?:matches|maps|games|series|sets)(?:\s+(?:they|it|he|she)\s+played)?"
    r"|\b(?:w[oi]ns?|winning)\s+(?P<maj>the|a)\s+majority\s+of\s+(?:(?:their|its|his|her|the)\s+)?(?:matches|maps|games|series)"
    r"|(?:(?:경기|판|맵|시리즈|게임)(?:의|를|을)?\s*)?(?:절반|반)\s*(?P<ko>이상|넘게|초과|이하|미만|넘는|못)\s*(?:을|를)?\s*(?:이긴|이겼|승리한|승리했|이김)"
    r"|(?P<gwa>과반)(?:수)?\s*(?:을|를)?\s*(?:이긴|이겼|승리한|승리했|이김)", re.I)


def _half_won(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """"teams that won more than half their maps", "경기 절반 이상 이긴 팀": a win rate against 50 %, read as said so."""
    m = _HALF_WON.search(text)
    if m is None or any(x.start < m.end() and m.start() < x.end for x in linked.mentions):
        return None
    if m.group("en"):
        op = m.group("en").lower()
        new = "win rate " + ("over" if op in ("more than", "over") else "at least" if op == "at least"
                             else "at most" if op in ("no more than", "at most") else "under") + " 50%"
    elif m.group("maj"):
        new = "win rate over 50%"
    else:
        op = m.group("ko") or "넘는"
        new = "승률 50% " + {"이상": "이상", "이하": "이하", "미만": "미만", "못": "미만"}.get(op, "넘는")
    delta = len(new) - (m.end() - m.start())
    moved = [dataclasses.replace(x, start=x.start + delta, end=x.end + delta) if x.start >= m.end() else x for x in linked.mentions]
    try:  # read with the other composers too ("…, min 5 matches played" beside it)
        sub = parse(text[:m.start()] + new + text[m.end():], dataclasses.replace(linked, mentions=moved), today)
    except Unsupported:
        return None
    if sub.ir.measure != "win_rate" and not any(h[0] == "win_rate" for h in sub.ir.having_also):
        return None
    return sub


_UNITS_EN = r"(?:matches|maps|games|series|sets|appearances|outings)"
_UNITS_KO = r"(?:경기|판|맵|게임|시리즈|세트)"
# A minimum sample said beside another condition: "min 5 matches played", "(at least 10 maps)", "with 5+ games played",
# "최소 5경기", "5경기 이상 뛴": how many matches a group needs to count at all, not the statistic asked about.
_MIN_SAMPLE = re.compile(
    r"[(,\-–—]?\s*(?:(?:and|but|with|who|that|having|only)\s+)*(?:(?:have\s+|has\s+)?(?:played|playing|appeared in)\s+)?"
    r"\b(?:min(?:imum)?\.?(?:\s+of)?|at\s+least|no\s+fewer\s+than)\s+(\d+)\s+(?:" + _UNITS_EN + r"(?:\s+(?:played|minimum|min))?|played)\s*\)?"
    r"|[(,\-–—]?\s*(?:(?:and|but|with|who|that|having|only)\s+)*\b(\d+)\s*(?:\+|or more)\s+" + _UNITS_EN + r"\s+played\s*\)?"
    # "while featuring in at least 5 games", "having played in 6+ matches"
    r"|[(,\-–—]?\s*\b(?:while|when|and|having|with|after)\s+(?:(?:appearing|appeared|playing|played|featuring|featured|competing|competed)\s+in)\s+"
    r"(?:at\s+least\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|or more)?\s+(?:(?:of\s+)?(?:its|their|the|those)\s+)?" + _UNITS_EN + r"\s*\)?"
    r"|[(,]?\s*최소\s*(\d+)\s*" + _UNITS_KO + r"(?:\s*이상)?(?:\s*(?:뛴|치른|출전한|소화한|나온|플레이한|한))?(?:\s*(?:팀|선수|스쿼드))?(?:\s*(?:만|중에서?))?\s*\)?"
    r"|[(,]?\s*(\d+)\s*" + _UNITS_KO + r"\s*이상\s*(?:뛴|치른|출전한|소화한|나온|플레이한)(?:\s*(?:팀|선수|스쿼드))?(?:\s*(?:만|중에서?))?\s*\)?"
    # "출전 10판 이상인 선수만", "경기 수 10판 이상 기준": the sample said as the appearances' number first
    r"|[(,]?\s*(?:출전|출장|경기\s*수)\s*(\d+)\s*" + _UNITS_KO + r"\s*이상(?:\s*(?:인|된))?(?:\s*(?:팀|선수|스쿼드))?(?:\s*(?:만|중에서?))?"
    r"(?:\s*(?:을|를))?(?:\s*(?:대상으로|기준으로|놓고))?\s*\)?", re.I)


def _min_sample(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """A threshold on a statistic with a minimum number of matches beside it ("win rate above 50%, min 5 matches played",
    "K/D 1.2 넘는 선수, 최소 10경기"): the question read without the minimum, then the minimum as one more HAVING
    condition on the matches each group played (``having_also``)."""
    m = _MIN_SAMPLE.search(text)
    if m is None or any(x.start < m.end() and m.start() < x.end for x in linked.mentions):
        return None
    g = next(g for g in m.groups() if g)
    n = int(g) if g.isdigit() else ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten").index(g.lower()) + 2
    rest, kept = _blank(text, linked, [(m.start(), m.end())])
    if not re.search(r"\d", rest):
        return None  # the minimum is the only threshold: the plain reader's "teams with at least 5 matches"
    sub = _sub_reading(rest, kept, today)
    if sub is None or not sub.ir.group or not sub.ir.select or not sub.ir.measure or sub.ir.measure.startswith("count") \
            or sub.ir.setop or sub.ir.split or sub.ir.nest:
        return None
    return Reading(dataclasses.replace(sub.ir, having_also=list(sub.ir.having_also) + [("countd:m.id", ">=", n)]),
                   sub.confidence, sub.shape)


def _sub_reading(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    try:
        return parse(text, linked, today, _compose=False)
    except Unsupported:
        return None


_FILLERS = {"a", "an", "the", "one", "single", "of", "number", "match", "matches", "map", "maps", "game", "games",
            "series", "their", "its", "his", "her", "total", "avg", "한", "경기", "판", "맵", "시리즈", "세트",
            "경기당", "판당", "맵당", "시리즈당", "전체", "총", "한판", "한경기",
            # "series played, series won", "판 수랑 그중 이긴 판 수": the rows counted, then the won ones among them
            "played", "그중", "그중에", "그중에서", "이중", "이중에"}
_CONJ_SUFFIX = re.compile(r"(?<=[가-힣A-Za-z0-9%])(?:이랑|랑|하고|과|와)$|,$")


def _cue_cover(text: str, groups: list[tuple[str, str]]) -> list[bool]:
    cover = [False] * len(text)
    for group, name in groups:
        for p in cues()[group][name]:
            for m in p.finditer(text):
                for i in range(m.start(), m.end()):
                    cover[i] = True
    return cover


_MEASURE_GROUPS = [("measures", n) for n in ("kills", "deaths", "assists", "damage", "kd", "kda", "kp", "points", "placement",
                                             "wins", "losses", "chicken", "win_rate", "score")] + [("aggregates", "count")]
_AGG_GROUPS = [("aggregates", n) for n in ("sum", "avg", "max", "min")] + [("shapes", "single")]


# "sorted by wins desc then name asc", "name ascending as the tie-breaker": the key named after "then" orders the ties
_TIE_THEN = re.compile(
    r"\bthen\s+(?:by\s+)?(?:the\s+)?(?:[a-z_]+\s+){0,2}?(?:asc(?:ending)?|desc(?:ending)?|alphabetical(?:ly)?|a\s*(?:to|-)\s*z)\b"
    r"|\b(?:[a-z_]+\s+)?(?:asc(?:ending)?|alphabetical(?:ly)?)\s+(?:as\s+(?:a\s+|the\s+)?|for\s+(?:the\s+)?)tie-?break(?:er|ing)?\b", re.I)
_TIEBREAK = re.compile(
    r"\bties?\b[^.;?!]{0,30}\b(?:alphabetical(?:ly)?|by (?:nickname|name|team name|player name)|a\s*(?:to|-)\s*z|by the name)\b"
    r"|\b(?:alphabetical(?:ly)?|by (?:nickname|name))\b[^.;?!]{0,20}\b(?:for|on|to break|breaks?|when) (?:a )?ties?\b|\btie-?break(?:er|ing)?\b[^.;?!]{0,30}\b(?:name|alphabetical)"
    r"|(?:동점|동률|동수|같으면|같을 경우|같은 경우)[^.;?!]{0,20}(?:이름|닉네임|[가-힣]{1,3}명|선수|팀|가나다|알파벳|abc)\s*(?:순|오름차순|내림차순|역순)"
    r"|" + _TIE_THEN.pattern, re.I)


# A sentence saying how the groups with nothing counted are shown ("Rows at nothing get shown as 0.", "없으면 0으로
# 표시해 주세요"): they are kept at 0 (Parser.keep_zero); a presentation, not a procedure (engine.has_evidence)
ZEROS_SHOWN = re.compile(r"(?:^|(?<=[.?!;,]))[^.?!;,]*?(?:\b(?:listed|list|shown?|included|counted|count|reported|displayed?|kept|appear|put|mark(?:ed)?)\s+"
                         r"(?:them\s+|those\s+)?(?:with|as|at)\s+(?:a\s+)?(?:0|zero)\b|\b(?:put|show|give)\s+(?:a\s+)?(?:0|zero)\s+for\b"
                         r"|(?<![\d.])(?:0|영)\s*(?:으로|로)\s*(?:표시|표기|나오|보여|포함|넣|적어|채워|처리|찍))[^.?!;]*[.?!;]*", re.I)
# "events that spanned a month boundary", "opening and closing days in two months", "두 달에 걸친 대회",
# "시작 달, 끝 달이 서로 다른": a tournament whose first and last day lie in two different months
_MONTH_SPAN = re.compile(
    r"\b(?:ran|runs?|running|spann?(?:ed|s|ing)?|stretch(?:ed|es|ing)?|cross(?:ed|es|ing)?|w(?:ent|ending)|carried|lasted)\s+"
    r"(?:across|over|into|through)\s+(?:two|2|several|multiple|more than one|different)\s+(?:calendar\s+)?months\b"
    r"|\b(?:spann?(?:ed|s|ing)?|crossing|across)\s+(?:two|2|multiple|more than one)\s+(?:calendar\s+)?months\b"
    r"|\b(?:cross(?:ed|es|ing)?|ran|spill(?:ed|s)?|carried (?:on|over)|ran on|went on) (?:over )?into (?:a |the )?(?:new|next|following|another) month\b"
    r"|\bstart(?:ed|s|ing)?(?:\s+date)?\s+(?:and|&)\s+(?:the\s+)?end(?:ed|s|ing)?(?:\s+date)?s?\s+(?:\w+\s+){0,2}?"
    r"(?:in\s+)?(?:different|separate|two different)\s+(?:calendar\s+)?months\b"
    r"|\b(?:start(?:ed|s|ing)?|beg[au]n|begins?|beginning|open(?:ed|s|ing)?|kick(?:ed|s|ing)? off) in one (?:(?:calendar|single)\s+)?month,? "
    r"(?:(?:and|but|while|whilst|yet|then)\s+)?(?:(?:was|were|got|only)\s+)?(?:end|finish|wrapp?|clos|conclud)\w*(?: up)? in (?:another|a different|the next)\b"
    r"|\b(?:start(?:ing)?(?: and end(?:ing)?)?|end(?:ing)?) months? (?:differ|don'?t match|(?:is|are|was|were) (?:different|not the same))\b"
    r"|(?:두|2|여러)\s*(?:달|개월)(?:에|을|이)?\s*(?:걸친|걸쳐|걸쳤|걸치는|이어진|넘나든)"
    r"|(?:월|달)(?:을|를|이)?\s*(?:넘긴|넘겨|넘어간|넘어가|바뀐|바뀌는|걸친)"
    r"|(?:시작|개막)(?:한|된|하는|일의?)?\s*(?:월|달)(?:과|와|이랑|하고|랑|,)?\s*(?:끝난|끝나는|종료(?:된|한|일의?)?|마친|마무리된|마감된?|폐막(?:한)?)\s*(?:월|달)(?:이|가|은)?\s*(?:서로\s*)?(?:다른|달랐|다르)"
    r"|시작(?:일|날짜)?(?:과|와|이랑|하고|랑)?\s*(?:종료|끝)(?:일|날짜)?(?:의|이|가)?\s*(?:월|달)(?:이|가)?\s*(?:서로\s*)?다른", re.I)
_TIMES_EACH = re.compile(r"how (?:many times|often)(?:\s+(?:each|apiece|for each(?: one| team| side)?|per (?:team|side|squad)))?"
                         r"|몇\s*(?:번|회|판)(?:씩)?|(?:각각|각)\s*몇\s*(?:번|회|판)(?:씩)?", re.I)


def _measures_side_by_side(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """Two statistics asked side by side ("경기 수랑 킬 합계", "average and best team kills", "matches and total kills
    for each event"): each part is read as its own question (the other part blanked), and when both readings select
    the same keys under the same filters, their measures become columns of one IR (``extra_measures``)."""
    if re.search(r"\bvs\.?\b|\bversus\b|\bthan\b|보다|대비", text, re.I):
        return None
    if re.search(r"합쳐|합친|합산|더한|\bcombined\b|\btogether\b|\bplus\b|\bsummed\b", text, re.I):
        # "킬이랑 어시 합쳐서": one sum of two statistics; but two questions each with its own total ("몇 판 나왔고 데스는
        # 전부 합치면 얼마") are still two columns
        return _clauses_side_by_side(text, linked, today)
    names = [(m.start, m.end) for m in linked.mentions]
    plain = "".join(" " if any(a <= i < b for a, b in names) else ch for i, ch in enumerate(text))
    # a joining suffix ("경기 수랑") is read apart from its word, so the cue before it still ends there
    bare = re.sub(r"(?<=[가-힣])(?:이랑|랑|하고)(?=\s|,|$)", lambda m: " " * len(m.group()), plain)
    measure_cover = _cue_cover(bare, _MEASURE_GROUPS)
    agg_cover = _cue_cover(bare, _AGG_GROUPS)
    stat_cover = [a or b for a, b in zip(measure_cover, agg_cover)]
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s?!.:;()]+", plain)]

    def core(a: int, b: int) -> tuple[int, int]:
        w = plain[a:b]
        c = _CONJ_SUFFIX.search(w)
        if c:
            b = a + c.start()
        p = re.search(r"(?:은|는|이|가|을|를|도|의|만|들)$", plain[a:b])
        if p and b - a > 2 and not any(stat_cover[a + p.start():b]):
            b = a + p.start()
        return a, b

    def stat(a: int, b: int) -> bool:
        a, b = core(a, b)
        if b <= a:
            return False
        if plain[a:b].lower() in _FILLERS:
            return True
        return sum(stat_cover[a:b]) * 2 >= (b - a)

    def has_measure(span: list[tuple[int, int]]) -> bool:
        return any(any(measure_cover[slice(*core(a, b))]) for a, b in span)

    def lead_aggregate(item: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The aggregate words said before an item's first statistic ("경기당 킬", "average kills"), when all are such."""
        lead = []
        for x in item:
            if any(measure_cover[slice(*core(*x))]):
                break
            lead.append(x)
        if lead and all(any(agg_cover[slice(*core(*x))]) for x in lead):
            return lead[0][0], lead[-1][1]
        return None

    def own_aggregate(item: list[tuple[int, int]]) -> bool:
        return any(agg_cover[item[0][0]:item[-1][1]])

    listed = _listed_side_by_side(text, linked, today, plain, words, stat, has_measure, lead_aggregate, own_aggregate)
    if listed is not None:
        return listed
    for i, (a, b) in enumerate(words):
        w = plain[a:b]
        if _CONJ_SUFFIX.search(w) and stat(a, b):
            left_end, right_from = i, i + 1
        elif w.lower() in ("and", "&", "as", "및", "그리고") and i > 0 and i + 1 < len(words):
            left_end, right_from = i - 1, i + 1
            if w.lower() == "as":
                if plain[b:].lower().startswith(" well as"):
                    right_from = i + 3
                else:
                    continue
        else:
            continue
        def apart(x: tuple[int, int], y: tuple[int, int]) -> bool:
            return bool(re.search(r"[:;(]", plain[x[1]:y[0]]))  # "per team: …" — a clause of its own

        lo = left_end
        while lo > 0 and stat(*words[lo - 1]) and not _CONJ_SUFFIX.search(plain[slice(*words[lo - 1])]) \
                and not apart(words[lo - 1], words[lo]):
            lo -= 1
        left = words[lo:left_end + 1]
        hi = right_from
        while hi < len(words) and stat(*words[hi]) and not _CONJ_SUFFIX.search(plain[slice(*words[hi])]) \
                and not (hi > right_from and apart(words[hi - 1], words[hi])):
            hi += 1
        right = words[right_from:hi]
        if not left or not right or not all(stat(*x) for x in left) or not (has_measure(left) or has_measure(right)):
            continue
        if _TIMES_EACH.fullmatch(plain[right[0][0]:].strip(" ?.!")):
            continue  # "teams that beat X and how many times each": a count of the first part's results, no second measure
        played = lambda part: bool(re.fullmatch(r"(?:(?:matches|games|maps|series)\s+)?played,?",  # noqa: E731
                                                plain[part[0][0]:part[-1][1]], re.I))  # "matches played": a count
        if not (any(any(stat_cover[slice(*core(*x))]) for x in left) or played(left)) \
                or not any(any(stat_cover[slice(*core(*x))]) for x in right):
            continue
        conj = (core(*words[left_end])[1], words[right_from][0])
        right_blank = [(conj[0], right[-1][1])] if has_measure(left) else \
            [conj] + [x for x in right if not any(measure_cover[slice(*core(*x))])]
        if played(left):
            right_blank = [(conj[0], right[-1][1])]
        left_blank = [(left[0][0], conj[1])] if has_measure(right) else \
            [x for x in left if not any(measure_cover[slice(*core(*x))])] + [conj]
        lead = lead_aggregate(left)
        if has_measure(right) and not own_aggregate(right) and lead:
            # "평균 킬이랑 데스", "경기당 킬하고 어시": an aggregate said once before the first statistic is the second's too
            left_blank = [(lead[1], conj[1])]
        if played(left):
            # "matches played and matches won in 2026": the first part alone reads as the matches listed; it is their count
            # (and the second the won ones listed: their count, then the wins beside it)
            def counted(r: Reading | None) -> Reading | None:
                if r is not None and r.ir.measure is None and r.ir.select == ["m.played_at"] and not r.ir.group:
                    return Reading(dataclasses.replace(r.ir, select=[], measure="countd:m.id", distinct=False, order=None),
                                   r.confidence, r.shape)
                return r
            merged = _merge_two(counted(_sub_reading(*_blank(text, linked, right_blank), today)),
                                counted(_sub_reading(*_blank(text, linked, left_blank), today)))
        else:
            merged = _merged_side_by_side(text, linked, today, right_blank, left_blank)
        if merged is not None:
            return merged
        break  # the two parts are no columns of one question: maybe two clauses are
    return _clauses_side_by_side(text, linked, today)


def _listed_side_by_side(text: str, linked: Linked, today: dt.date | None, plain: str, words: list[tuple[int, int]],
                         stat, has_measure, lead_aggregate, own_aggregate) -> Reading | None:
    """Three or more statistics listed ("kills, deaths and assists", "딜, 킬, 어시 합계"): each
    item read with the others blanked, the readings merged into one IR with a column each."""
    items: list[list[tuple[int, int]]] = [[]]
    joins: list[tuple[int, int]] = []
    for a, b in words:
        w = plain[a:b]
        if w.lower() in ("and", "&", "+", "plus") and items[-1]:
            joins.append((a, b))
            items.append([])
            continue
        if not stat(a, b) and not re.fullmatch(r"#|of|the|#of", w, re.I):
            if len(items) >= 3 and items[-1]:
                break
            items, joins = [[]], []
            continue
        items[-1].append((a, b))
        if _CONJ_SUFFIX.search(w):
            items.append([])
    items = [it for it in items if it]
    if len(items) < 3 or not all(has_measure(it) for it in items):
        return None
    spans = [(it[0][0], it[-1][1]) for it in items]
    # "경기당 킬, 데스, 어시": an aggregate said once before the first statistic is every item's that has none of its own
    lead = lead_aggregate(items[0])
    readings = []
    for k in range(len(spans)):
        others = [sp for j, sp in enumerate(spans) if j != k] + joins
        if k and lead and not own_aggregate(items[k]):
            others = [(lead[1], sp[1]) if sp == spans[0] else sp for sp in others]
        readings.append(_sub_reading(*_blank(text, linked, others), today))
    merged = readings[0]
    for r in readings[1:]:
        merged = _merge_two(merged, r)
        if merged is None:
            return None
    return merged


# the one asked for ("누구고", "어느 팀이고", "and …they/their …") before a second question about that one
_BESIDE_THE_TOP = re.compile(
    r"(?:누구|누군지|어디|어느\s*팀|어떤\s*선수|어떤\s*팀)(?:고|이고|며|이며|인지|인지랑|인데|야|임)?\s*,?\s+(?=[^?]*(?:몇|얼마))"
    r"|,?\s*\b(?:and|plus)\s+(?=(?:how (?:many|much)|what(?:'s|’s| is| was| were)?)\b[^?]*\b(?:they|he|she|him|her|them|their|his|its)\b)",
    re.I)
_CLAUSE_ASK = r"(?:how (?:many|much)|the (?:number|total|count|average|amount) of|(?:their|its) (?:total|number|average|count))\b"


def _clauses_side_by_side(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """Two questions of one scope joined by "and" ("per cup: how many squads showed up, and the count of games that were
    played"): each clause, from its question words to its end, is read with the other one blanked."""
    # "몇 판이고", "몇 판 나왔고", "몇 번 이겼으며": the first clause ends at its joining ending
    ko = list(re.finditer(r"몇\s*[가-힣]+?(?:\s+[가-힣]+?)?(?:이고|이며|고|며|,)(?=\s)", text))
    asks = list(re.finditer(r"몇", text))
    if len(ko) == 1 and len(asks) == 2 and asks[0].start() == ko[0].start():
        # "대회마다 팀 몇 팀이고 경기 몇 판인지": the first clause from the word before its 몇 to its joining ending
        lead = re.search(r"[^\s]+\s*$", text[:ko[0].start()])
        # a scope said before the first clause ("스테이지별로 몇 판 했고 몇 번 졌는지") belongs to both
        start = lead.start() if lead and not re.search(r"(?:별로?|마다|당|에서|에|중에?)\s*$", lead.group()) else ko[0].start()
        right = (ko[0].end() - 2 if ko[0].group().endswith(("이고", "이며")) else ko[0].end() - 1, len(text.rstrip(" ?.!")))
        return _merged_side_by_side(text, linked, today, [right], _shared_names(linked, [(start, ko[0].end())], right))
    top = _BESIDE_THE_TOP.search(text)
    if top is not None:
        # "who dealt the most damage, and how many kills did they get", "킬 최다 선수 누구고 딜량은 얼마야": the
        # top one by a statistic, then another statistic of theirs, as a column beside the ranking
        ra = _sub_reading(*_blank(text, linked, [(top.start(), len(text))]), today)
        rb = _sub_reading(*_blank(text, linked, [(0, top.end())]), today)
        # the ranking's own statistic a column of its rows (a count of wins is rows kept by a filter, which would keep
        # the other statistic to those rows too)
        if ra is not None and rb is not None and ra.ir.group and ra.ir.order in ("asc", "desc") and ra.ir.limit \
                and ra.ir.measure and (":" in ra.ir.measure or ra.ir.measure in ("kd", "kda", "kp")) \
                and not (ra.ir.extra_measures or ra.ir.having or ra.ir.setop or ra.ir.nest or ra.ir.vs or ra.ir.split) \
                and rb.ir.measure and rb.ir.measure != ra.ir.measure and not rb.ir.group and not rb.ir.select \
                and rb.ir.measure != "count" and all(repr(f) in map(repr, ra.ir.filters) for f in rb.ir.filters):
            extra = rb.ir.measure
            if any("mp." in m for m in (ra.ir.measure, extra)) or ra.ir.select == ["p.nickname"]:
                extra = extra.replace("sum:mt.kills", "sum:mp.kills")  # a player's kills: the players' fact table
            return Reading(dataclasses.replace(ra.ir, extra_measures=[extra]), min(ra.confidence, rb.confidence), ra.shape)
    first = re.search(_CLAUSE_ASK, text, re.I)
    joins = list(re.finditer(r",?\s*\band\s+(?:also\s+|then\s+|additionally\s+)?(?=" + _CLAUSE_ASK + ")", text, re.I))
    if first is None or len(joins) != 1 or joins[0].start() < first.end():
        return None
    join = joins[0]
    # a scope said after both clauses ("…, per tournament") belongs to both
    tail = re.search(r"\s*,?\s*(?:(?:for|in) (?:each|every)|per|by) \w+\s*[?.!]*\s*$", text[join.end():], re.I)
    end = join.end() + tail.start() if tail else len(text.rstrip(" ?.!"))
    return _merged_side_by_side(text, linked, today, [(join.start(), end)],
                                _shared_names(linked, [(first.start(), join.end())], (join.end(), end)))


def _shared_names(linked: Linked, blank: list[tuple[int, int]], other: tuple[int, int]) -> list[tuple[int, int]]:
    """The blanked spans less the names in them that the other clause does not replace: "X 몇 판 나왔고 데스는 몇 개",
    "how many maps did X play and how many kills did he get": X is the subject of both questions."""
    inside = lambda m, a, b: a <= m.start and m.end <= b  # noqa: E731
    own = {m.type for m in linked.mentions if inside(m, *other)}
    keep = sorted((m.start, m.end) for m in linked.mentions if m.type not in own and any(inside(m, a, b) for a, b in blank))
    out = []
    for a, b in blank:
        for ka, kb in keep:
            if a <= ka and kb <= b:
                out.append((a, ka))
                a = kb
        out.append((a, b))
    return [(a, b) for a, b in out if b > a]


def _count_of_results(ir: IR, other: IR) -> IR:
    """A count of versus rows with a result the other reading does not filter (won: placement 1, lost: 2) as the wins
    (losses) measure without that filter; any other reading as it is."""
    if ir.measure not in ("count", "countd:m.id") or ir.group and ir.select != other.select:
        return ir
    theirs = [repr(f) for f in other.filters]
    result = [f for f in ir.filters if f.col == "mt.placement" and f.op == "=" and f.value in (1, 2) and repr(f) not in theirs]
    # (first places in a battle royale, its chicken dinners, are its wins)
    if len(result) != 1 or not any(f.col == "m.format" and (f.value == "versus" or f.value == "ranking" and result[0].value == 1)
                                   for f in ir.filters):
        return ir
    return dataclasses.replace(ir, measure="wins" if result[0].value == 1 else "losses",
                               filters=[f for f in ir.filters if f is not result[0]])


def _merged_side_by_side(text: str, linked: Linked, today: dt.date | None, right_blank: list[tuple[int, int]],
                         left_blank: list[tuple[int, int]]) -> Reading | None:
    """The readings of the question with one part blanked and with the other blanked, as one IR with both measures as
    columns, when both select the same keys under the same filters."""
    ra = _sub_reading(*_blank(text, linked, right_blank), today)
    rb = _sub_reading(*_blank(text, linked, left_blank), today)
    return _merge_two(ra, rb)


def _one_named_group(ir: IR) -> IR:
    """A grouping by a key the filters fix to one value ("X의 평균 순위" read per team, X named) is one row: the scalar."""
    if ir.group and len(ir.select) == 1 and ir.limit in (None, 1) and not ir.having and not ir.extra_measures \
            and any(f.col == ir.select[0] and f.op == "=" for f in ir.filters):
        return dataclasses.replace(ir, select=[], group=False, order=None, limit=None)  # (the best of one is itself)
    return ir


def _merge_two(ra: Reading | None, rb: Reading | None) -> Reading | None:
    """Two readings as one IR with both measures as columns, when both select the same keys under the same filters."""
    if ra is None or rb is None:
        return None
    a_ir, b_ir = _one_named_group(ra.ir), _one_named_group(rb.ir)
    # "경기 몇 번 했고 진 건 몇 번", "how many series did X play, and how many did X take": the second count is of the won
    # rows among the first's, so it is the wins (losses) measure beside the count, under the same filters
    a_ir, b_ir = _count_of_results(a_ir, b_ir), _count_of_results(b_ir, a_ir)
    if not a_ir.measure or not b_ir.measure or a_ir.measure == b_ir.measure \
            or {a_ir.measure, b_ir.measure} == {"wins", "losses"}:
        return None
    same = lambda ir: {k: v for k, v in ir.to_dict().items() if k not in ("measure", "extra_measures", "order", "limit", "filters")}  # noqa: E731
    fa, fb = [repr(f) for f in a_ir.filters], [repr(f) for f in b_ir.filters]
    odd = [f for f in a_ir.filters if repr(f) not in fb] + [f for f in b_ir.filters if repr(f) not in fa]
    # a format one measure implies (win rate: versus play) holds for both, and so do the map rows a count of maps implies
    implied = lambda f: f.col == "m.format" or (f.col, f.op) in (("tr.game", "not_in"), ("m.map", "not_null"))  # noqa: E731
    if not all(implied(f) for f in odd) or len({repr(f.value) for f in odd if f.col == "m.format"}) > 1:
        return None
    a_ir = dataclasses.replace(a_ir, filters=a_ir.filters + [f for f in b_ir.filters if repr(f) not in fa])
    if same(a_ir) != same(b_ir) or any((a_ir.setop, a_ir.compare, a_ir.minus, a_ir.vs, a_ir.per, a_ir.extreme,
                                         a_ir.count_groups, a_ir.nest, a_ir.split)):
        return None
    if a_ir.measure in ("titles",) or a_ir.measure.startswith("streak:") or b_ir.measure == "titles" or b_ir.measure.startswith("streak:"):
        return None
    measures = [a_ir.measure, *a_ir.extra_measures, b_ir.measure, *b_ir.extra_measures]
    if len(set(measures)) < len(measures):
        return None
    keys = {m for m in measures if m in ("countd:t.id", "countd:p.id", "countd:tr.id")}
    if len(keys) > 1 and not a_ir.group:
        return None  # "how many teams, and how many players": two tables counted apart, not the pairs a join would keep
    if any("mp." in m for m in measures):  # kills beside a player-only statistic are the players': one fact table
        measures = [m.replace("sum:mt.kills", "sum:mp.kills") for m in measures]
    merged = dataclasses.replace(a_ir, measure=measures[0], extra_measures=measures[1:])
    if a_ir.limit == 1 and a_ir.order and not a_ir.group:
        return None
    return Reading(merged, min(ra.confidence, rb.confidence), "measures")


# "one or more games in A, one or more in B", "played once in A and again in B": present in both scopes
# (the set operation's "both"), not a count in each
_ONCE_IN_EACH = re.compile(r"\bat least (?:one|once|1)\b[^,;?]{0,40}\band (?:at least )?(?:one|once|1|again)\b|\band (?:then )?again (?:in|at|during)\b"
                           r"|(?:한|1)\s*(?:경기|판|번)\s*이상[^?]{0,30}(?:에도|도)\s*(?:한|1)\s*(?:경기|판|번)\s*이상", re.I)
_SIDE_BY_SIDE = re.compile(r"\bvs\.?(?=\s|$)|\bversus\b|\bcompared? (?:to|with)\b|\bside[- ]by[- ]side\b|\bcolumns?\b|\bagainst\b"
                           r"|나란히|비교|따로|대비|컬럼|칼럼|\b(?:then|and) (?:in|for|at)\b", re.I)
_COLUMN_SPEC = re.compile(r"\(?\s*(?:as\s+|in\s+)?(?:two|2|separate|different)\s+columns?\s*\)?|\bside[- ]by[- ]side\b"
                          r"|(?:컬럼|칼럼|열)(?:으로|로)?\s*(?:따로|나눠서?|각각)?|따로\s*(?:따로)?|나란히(?:\s*비교)?|비교(?:해\s*줘|해줘|해 ?봐|좀)?", re.I)
_BOTH_SCOPES = re.compile(r"(?:두|2)\s*(?:해|년도|시즌|대회|스테이지|단계)\s*(?:다|모두|전부)\s*\S+\s*(?:팀|선수|스쿼드)?(?:들)?(?:만|만요)?"
                          r"|둘\s*다\s*\S+\s*(?:팀|선수|스쿼드)?(?:들)?(?:만)?|\b(?:only\s+)?(?:the\s+)?(?:teams?|players?|squads?|ones?)\s+(?:that|who)\s+"
                          r"(?:played|competed|appeared)\s+(?:in\s+)?both(?:\s+\w+)?\b|\b(?:present|active|playing)\s+in\s+both\b"
                          r"|\bin\s+both\s+(?:years|seasons|stages|events|editions)\b(?:\s+only)?", re.I)
_REACHED = re.compile(r"\b(?:that|who|which)\s+(?:reached|made(?: it to)?|got to|qualified for|advanced to|went to)\s+(?:the\s+)?(?:{scope})(?:\s+(?:of|at|in))?"
                      r"|(?:{scope})\s*(?:에|까지)?\s*(?:진출한|올라간|올라온|간|나간|오른)\s*(?:팀|선수|스쿼드)?(?:들)?(?:만|중에?서?|의)?", re.I)


def _scopes_side_by_side(text: str, linked: Linked, today: dt.date | None) -> Reading | None:
    """One measure in two scopes side by side, one column each ("2025년 킬, 2026년 킬 따로", "group stage vs playoffs
    win %", "mean frags a map, 2025 against 2026"): the question is read with the second scope blanked, the first
    scope's filter is found in the reading, and the IR gets ``split`` with both scopes (and, when the question keeps
    only the groups present in both, or in the one "reached", ``keep``)."""
    if not _SIDE_BY_SIDE.search(text) or _ONCE_IN_EACH.search(text):
        return None
    probe = Parser(text, linked, today)
    scopes: list[tuple[int, int, Filter]] = []
    for d in probe.dates:
        if d.kind == "range" and d.value[0] and d.value[1]:
            scopes.append((d.start, d.end, Filter("m.played_at", "range", list(d.value))))
    if len(scopes) != 2 or scopes[0][2].value == scopes[1][2].value:
        scopes = []
        stages = sorted((m.start, m.end, Filter("m.stage", "=", m.value)) for m in linked.mentions if m.type == "stage")
        playoffs = sorted((m.start(), m.end(), Filter("m.stage", "in", list(PLAYOFFS)))
                          for p in cues()["shapes"]["playoffs"] for m in p.finditer(text))
        for a, b, f in sorted(stages + playoffs, key=lambda x: x[0]):
            if not any(f.value == g.value for _, _, g in scopes):
                scopes.append((a, b, f))
            elif any(f.value == g.value for _, _, g in scopes):
                scopes.append((a, b, f))  # said again: kept for the clause that names it
        kinds = {repr(f.value) for _, _, f in scopes}
        if len(kinds) != 2:
            return None
    blanks: list[tuple[int, int]] = []
    keep: Any = "all"
    reached_at = 0
    # "only squads that got to the knockouts": the groups with rows in that scope; the clause is no scope of its own
    for a, b, f in list(scopes):
        word = re.escape(text[a:b])
        m = re.compile(_REACHED.pattern.replace("{scope}", word), re.I).search(text)
        if m and m.start() <= a < m.end() and len({repr(g.value) for _, _, g in scopes if (g is not f)}) == 2:
            scopes.remove((a, b, f))
            blanks.append((m.start(), m.end()))
            keep, reached_at = f, m.start()
    order: list[tuple[int, int, Filter]] = []
    for sc in scopes:
        if not any(repr(sc[2].value) == repr(o[2].value) for o in order):
            order.append(sc)
    if len(order) != 2:
        return None
    (a1, b1, f1), (a2, b2, f2) = order
    between = text[b1:a2]
    sep = re.search(r"\s*(?:\bvs\.?|\bversus\b|\bcompared (?:to|with)\b|\bagainst\b|,|/|\band\b|\bthen\b|이랑|랑|하고|과|와|대비|대)\s*(?:(?:in|at|for|during)\s+)?(?:the\s+)?$", between, re.I)
    if sep is None:
        sep = re.search(r"(?:이랑|랑|하고|과|와|,|\bvs\.?|\bversus\b|\band\b)(?=\s|$)", between, re.I)
        if sep is None:
            return None
    start = b1 + sep.start()
    end = b2
    # what follows the second scope repeats the measure ("2026년 총킬", "결선 평균 순위", "2026 avg"): blanked with it
    said_before = any(_cue_cover(text[:start], _MEASURE_GROUPS))
    for m in re.finditer(r"\S+", text[b2:] if said_before else ""):
        word = m.group()
        stats = _cue_cover(word, _MEASURE_GROUPS + _AGG_GROUPS)
        if word.lower().strip(",.?") in _FILLERS or (stats and sum(stats) * 2 >= len(word.rstrip(",.?"))):
            end = b2 + m.end()
            if word.endswith((",", ".", "?")):
                break
            continue
        break
    blanks.append((start, end))
    blanks += [(m.start(), m.end()) for m in _COLUMN_SPEC.finditer(text)]
    for m in _BOTH_SCOPES.finditer(text):
        blanks.append((m.start(), m.end()))
        keep = "both"
    sub = _sub_reading(*_blank(text, linked, blanks), today)
    if sub is None:
        return None
    ir = sub.ir
    if keep not in ("all", "both") and not ir.group and not ir.select:
        # "squads that got to the knockouts: …": one row per team (player) of that clause
        noun = re.search(r"\b(teams?|squads?|players?)\s+(?:that|who|which)\s+(?:reached|made|got|qualified|advanced|went)\b"
                         r"|(팀|스쿼드|선수)", text[max(0, reached_at - 40):reached_at + 60], re.I)
        if noun is None:
            return None
        kind = Parser._noun(noun.group(1) or noun.group(2))
        ir = dataclasses.replace(ir, select=[KEY[kind]], group=True)
    if not ir.measure or any((ir.setop, ir.compare, ir.minus, ir.vs, ir.per, ir.extreme, ir.count_groups, ir.nest, ir.split)) \
            or ir.measure == "titles" or ir.measure.startswith("streak:"):
        return None
    mine = [f for f in ir.filters if f.col == f1.col and repr(f.value) == repr(f1.value) and f.op == f1.op]
    if len(mine) != 1:
        return None
    rest = [f for f in ir.filters if f is not mine[0]]
    if f1.col == "m.stage":
        rest = [f for f in rest if f.col != "m.stage"]
    scopes_out = [[f1], [f2]]
    if keep not in ("all", "both"):
        keep = next((i for i, sc in enumerate(scopes_out) if repr(sc[0].value) == repr(keep.value)), "all")
    split = {"scopes": scopes_out, "keep": keep}
    out = dataclasses.replace(ir, filters=rest, split=split, order=ir.order if ir.limit else None)
    return Reading(out, min(sub.confidence, 0.75), "split")


# "against KR teams", "vs EU sides", "facing NA opposition", "KR 팀 상대로", "EU 팀들 상대 전적": the region of the other side
_AGAINST_REGION = re.compile(
    r"\b(?:against|vs\.?|versus|facing|over|beat|beating|lost to|losing to|met|meeting|played|playing)\s+(?:the\s+|other\s+|any\s+)?"
    r"@regionX(?:\s*-?\s*(?:based\s+)?(?:teams?|sides?|squads?|opponents?|opposition|rosters?|orgs?|clubs?))?"
    r"|@regionX\s*(?:지역\s*)?(?:팀|팀들|쪽\s*팀|애들)?\s*(?:을|를|이랑|랑|과|와|하고|한테|에게)?\s*(?:상대|만나|맞붙|붙|이긴|이겼|진|졌|꺾)", re.I)


_SORTED_BY = re.compile(
    r"\b(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?|arrange(?:d)?|list(?:ed)?)\s+(?:them\s+|it\s+)?(?:by|on)\s+(?:the\s+|their\s+|its\s+)?"
    r"(?P<en>start(?:ing)?\s+dates?|end(?:ing)?\s+dates?|(?:match\s+|play(?:ed)?\s+)?dates?|start|end)\b"
    r"|(?P<ko>시작\s*(?:일|날짜|일자)|종료\s*(?:일|날짜|일자)|개막일|폐막일)\s*(?:기준\s*)?(?:으로\s*|로\s*)?(?:순|순서|정렬|오름차순|내림차순)", re.I)
_SORT_COLUMN = {"start": "tr.start_date", "end": "tr.end_date", "시작": "tr.start_date", "개막": "tr.start_date",
                "종료": "tr.end_date", "폐막": "tr.end_date"}


def _sorted_by_column(ir: IR, s: str) -> None:
    """Rows listed "sorted by start date (desc)", "시작일 순으로 정렬": ordered on that column of theirs (a tournament's
    start or end day, a match's date), which is shown beside."""
    m = _SORTED_BY.search(s)
    if m is None or ir.order or ir.group or ir.limit or ir.extreme or ir.per or not ir.select:
        return
    word = (m.group("en") or m.group("ko")).lower()
    col = next((c for k, c in _SORT_COLUMN.items() if word.startswith(k)), "m.played_at")
    tournament_rows = any(c.startswith("tr.") for c in ir.select)
    if col.startswith("tr.") != tournament_rows and not (col == "m.played_at" and "m.played_at" in ir.select):
        return
    after = s[m.end():m.end() + 40]
    desc = re.match(r"\W*(?:,\s*)?(?:in\s+)?(?:desc(?:ending)?|reverse|newest first|latest first|most recent first|내림차순|최신)", after, re.I) \
        or re.search(r"내림차순|최신\s*순|늦은\s*순", s)
    ir.select = list(dict.fromkeys(ir.select + [col]))
    ir.order = f"col:{col}:{'desc' if desc else 'asc'}"


def _opponents_region(ir: IR, s: str) -> None:
    """A named team's matches "against KR teams" (its region said of the other side): the region filters the opponent,
    not the named team itself (a team is of one region; "X from KR" still filters X)."""
    named = [f for f in ir.filters if f.col == "t.name" and f.op == "="]
    regions = [f for f in ir.filters if f.col == "t.region" and f.op == "="]
    if len(named) != 1 or len(regions) != 1 or not _AGAINST_REGION.search(s):
        return
    ir.filters = [Filter("mt.match_id", "opp_region", f.value) if f is regions[0] else f for f in ir.filters]
    try:
        uses_mt = "match_teams mt" in compile_sql(ir)
    except ValueError:
        uses_mt = False
    if not uses_mt:
        ir.filters = [regions[0] if f.col == "mt.match_id" and f.op == "opp_region" else f for f in ir.filters]


def _amend(parser: Parser, reading: Reading) -> Reading:
    """Readings finished by kind-wide rules: one measure of several named players or teams is one row each,
    a record asked of every team is its wins and its losses."""
    ir, s = reading.ir, parser.t.s
    _zero_groups_kept(parser, ir)
    _opponents_region(ir, s)
    _sorted_by_column(ir, s)
    tie = _TIEBREAK.search(s) or (_TIE_THEN.search(parser.tie_said) if parser.tie_said else None)
    if ir.order in ("desc", "asc") and ir.select and tie:
        # "ranked by damage, a tie settled alphabetically", "동점이면 이름순": the key orders the tied rows
        ir.tiebreak = "desc" if re.search(r"\breverse(?:d)? alphabetical|\bz\s*(?:to|-)\s*a\b|역순|내림차순"
                                          r"|\bthen\s+(?:by\s+)?(?:the\s+)?(?:[a-z_]+\s+){0,2}?desc(?:ending)?\b", tie.group(), re.I) else "asc"
    if ir.measure == "win_rate" and (ir.having and isinstance(ir.having[1], (int, float)) and 0 < ir.having[1] < 1 or re.search(
            r"(?<![\d.])0\s*(?:~|-|–|에서|과|와|to)\s*1(?![\d.])(?:\s*사이)?|\bas an? (?:decimal|fraction|ratio|proportion)\b|소수(?:로|점)", s, re.I)):
        # "승률 0.7 이상", "win rate (0-1)", "as a decimal": the share as a fraction of 1, not a percentage
        ir.measure = "win_ratio"
    counted_keys = {"countd:t.id": "t.name", "countd:p.id": "p.nickname"}
    if ir.measure in counted_keys and not ir.select and not ir.group and not ir.setop and not ir.compare and not ir.minus \
            and re.search(r"\b(?:which|what)\s+(?:teams|sides|squads|orgs|players|pros)\b|(?:어느|어떤)\s*(?:팀|선수)", s, re.I) \
            and re.search(r"\bhow many\b[^?]*\b(?:each|apiece)\b|\beach\b[^?]*\bhow many\b|(?:각각|각자)\s*몇|몇\s*(?:번|회|판|경기)씩", s, re.I):
        # "which squads took a semifinal, with how many each": one row per key with its own count, rather than a count of keys
        ir.select, ir.group, ir.measure = [counted_keys[ir.measure]], True, "countd:m.id"
    keys = {"p.nickname": "p.nickname", "t.name": "t.name"}
    if ir.measure and not ir.group and not ir.select and not ir.setop and not ir.compare and not ir.minus and not ir.vs \
            and ir.measure not in ("count", "title", "titles") and not ir.measure.startswith("countd") \
            and not re.search(r"\b(?:combined|together|altogether|in total|between them|jointly|as a (?:duo|pair))\b|합쳐|합산|합계|둘이 합|같이 합", s, re.I):
        named = [f for f in ir.filters if f.col in keys and f.op == "in" and isinstance(f.value, list) and 2 <= len(f.value) <= 6]
        if len(named) == 1:
            # "K/D of A vs B", "A랑 B 킬 비교": the measure of each of them, not of the two pooled
            ir.select, ir.group = [keys[named[0].col]], True
    if ir.measure == "wins" and ir.group and ir.select == ["t.name"] and not ir.order and not ir.limit and ir.having is None \
            and not ir.extra_measures and (parser.t.has("shapes", "record") or parser.t.has("measures", "losses")):
        # "W-L for every team", "팀별 승패": wins and losses of each team
        ir.measure = "record"
    elif ir.measure is None and ir.select == ["t.name"] and not ir.setop and not ir.extreme and not ir.per \
            and parser.t.has("shapes", "record") and not parser.t.has("aggregates", "count") and "team" not in parser.values:
        # "W-L for all teams": every team's record, not the list of teams
        ir.measure, ir.group, ir.distinct = "record", True, False
        if not any(f.col == "m.format" for f in ir.filters):
            ir.filters.append(Filter("m.format", "=", "versus"))
    elif ir.measure == "count" and ir.group and ir.select == ["t.name"] and not ir.order and ir.having is None \
            and re.search(r"몇\s*승\s*몇\s*패", s) and any(f.col == "mt.placement" and f.value == 1 for f in ir.filters):
        # "각 팀 몇 승 몇 패": both counts, not the wins alone
        ir.filters = [f for f in ir.filters if not (f.col == "mt.placement" and f.value == 1)]
        ir.measure = "record"
    elif ir.measure in ("count", "countd:m.id") and ir.group and ir.select == ["t.name"] and not ir.order and ir.having is None \
            and parser.t.has("shapes", "record") and not parser.t.has("aggregates", "count"):
        # "W-L by team": a record said by its short form only is wins and losses, not a count of matches
        ir.measure = "record"
        if not any(f.col == "m.format" for f in ir.filters):
            ir.filters.append(Filter("m.format", "=", "versus"))
    if any(f.col == "w.score - l.score" for f in ir.filters) and "t.name" not in {f.col for f in ir.filters} \
            and not any(c.startswith("mt.") for c in ir.select + [f.col for f in ir.filters if f.col != "mt.placement"]):
        # the margin is read on the pair of sides: a winner's row of the side table would count each match twice
        # (a named side keeps its own result: "X lost by one" is X's row placed second)
        ir.filters = [f for f in ir.filters if f.col != "mt.placement"]
    if ((ir.select[:1] == ["p.nickname"] and ir.group) or (not ir.select and not ir.group and "team" not in parser.values)) \
            and ir.measure in ("kd", "kda") and "player" not in parser.values and not (ir.setop or ir.compare or ir.minus or ir.vs) \
            and re.search(r"\b(?:team|squad|org)(?:'s)?\s+(?:k/?d|kdr|kda)\b|\b(?:k/?d|kdr|kda)\s+(?:of|for|by|per)\s+(?:each|every)?\s*(?:team|squad)"
                          r"|(?:팀|스쿼드|구단)\s*(?:별|마다|단위)?\s*(?:킬뎃|킬데스|케이디|kd|k/d|kda)", parser.t.s, re.I):
        # "team K/D, best to worst", "팀 킬뎃 순위": a team's players' rows pooled, one row per team
        ir.select, ir.group = ["t.name"] + ir.select[1:], True
    if len(ir.select) == 1 and ir.select[0] in ("m.map", "t.region", "p.role", "m.stage") and not ir.measure and not ir.group \
            and not (ir.setop or ir.compare or ir.minus or ir.vs or ir.extreme or ir.nest or ir.split or ir.fact) \
            and not any(f.col == ir.select[0] for f in ir.filters):
        # "which maps were played at X", "지역 목록": the values there are; a row left blank is no map (region, role)
        # (a ranking of them drops the blank too: ir.compile_sql)
        ir.filters.append(Filter(ir.select[0], "not_null"))
    if ir.group and ir.select == ["t.name"] and ir.measure in ("count", "countd:m.id") and ir.order in ("desc", "asc") and not ir.limit \
            and ir.having is None and not ir.extra_measures and not (ir.setop or ir.vs or ir.nest or ir.split) \
            and sum(f.col == "mt.placement" for f in ir.filters) == 1 \
            and any(f.col == "mt.placement" and f.op == "=" and f.value == 1 for f in ir.filters):
        # "a table of the sides sorted on wins": every team of the scope with its wins, a team that won none too
        ir.filters = [f for f in ir.filters if f.col != "mt.placement"]
        ir.measure = "wins"
    _never_over(parser, ir)
    _first_place_in_royale(parser, ir)
    _missing_value_scope(parser, ir)
    if parser.not_first and not ir.setop and not any(f.col in ("mt.placement", "w.placement") for f in ir.filters) \
            and any("mt." in c or "mp." in c for c in [str(ir.measure), str(ir.extreme), *ir.select, *(f.col for f in ir.filters)]):
        ir.filters.append(Filter("mt.placement", ">", 1))  # "without finishing first": the rows of the other places
    _opponent_beside(parser, ir)
    if parser.rank and ir.group and ir.limit == 1 and ir.order in ("desc", "asc") and ir.measure and not ir.per and not ir.vs:
        # "second in total kills": the groups whose measure is the n-th best value (ties share the place)
        ir.vs = {"op": "=", "ref": "rank", "n": parser.rank, "order": ir.order}
        ir.order, ir.limit = None, None
    _without_player(parser, ir)
    _played_only(parser, ir)
    _player_attributes_beside(parser, ir)
    _side_named_beside(parser, ir)
    _sides_asked_beside(parser, ir)
    _years_together(parser, ir)
    _totals_per_match(parser, ir)
    _all_editions(parser, ir)
    _each_player(parser, ir)
    _top_players_team(parser, ir)
    _scoreline_of_one_match(parser, ir)
    _match_columns_listed(parser, ir)
    _both_ends(parser, ir)
    return reading


_BOTH_SIDES = re.compile(r"양\s*팀|두\s*팀(?:이|을|의)?\s*(?:합|다)|\bboth (?:teams|sides|squads)\b|\bcombined\b|\bbetween (?:them|the two|both)\b"
                         r"|합쳐|합친|합산|\b(?:avg|average|mean|highest|lowest|max(?:imum)?|min(?:imum)?|most|fewest) (?:total|combined)\b"
                         r"|(?:총|전체)\s*(?:킬|데스|어시|딜량|라운드|점수|포인트)\s*(?:의\s*)?(?:평균|최대|최고|최다|최소|최저)", re.I)


_HOW_OFTEN = re.compile(r"\bhow (?:many times|often)\b|\bnumber of (?:times|games|matches|maps|series)\b|\btimes (?:it was |they were )?played\b"
                        r"|몇\s*번|몇\s*(?:판|경기)|횟수|경기\s*수|판\s*수", re.I)


_MATCH_SIDE = ("m", "mt", "mp", "tr", "w", "l", "wt", "lt")


def _zero_groups_kept(parser: Parser, ir: IR) -> None:
    """A count of wins (first places, losses) per group, asked with the groups that have none kept ("including those
    at zero", "0승 팀도 포함") or per named value ("A랑 B 각자 승수"): the wins measure, a row for every group
    even at 0, not a count of the won rows only."""
    if not ir.group or ir.measure not in ("count", "countd:m.id") or ir.having is not None or ir.setop or ir.extra_measures:
        return
    key = {"tr.name": "tr.", "t.name": "t.", "p.nickname": "p."}.get(ir.select[0]) if len(ir.select) == 1 else None
    # one condition on the counted rows ("top-3 finishes") is kept as the measure below, among the scope's own groups
    row = [f for f in ir.filters if f.col.startswith(("mt.", "mp.")) and f.op in ("<", "<=", "=", ">", ">=")
           and isinstance(f.value, (int, float)) and not isinstance(f.value, bool)]
    if parser.keep_zero and key and not any(f.col.startswith(key) for f in ir.filters) and not (len(row) == 1 and ir.measure == "count") \
            and not (ir.setop or ir.compare or ir.minus or ir.vs or ir.nest or ir.per or ir.split or ir.extreme) \
            and not any(f.col == "mt.placement" and f.op == "=" and f.value in (1, 2) for f in ir.filters):
        # "대회별 경기 수, 경기 없는 대회도 0건으로", "matches per team, including teams with none": every row of the
        # key's table, the groups with nothing counted at 0
        ir.zero_groups = True
        return
    named = any(f.op == "in" and f.col in ir.select for f in ir.filters)
    if not (parser.keep_zero or named):
        return
    result = [f for f in ir.filters if f.col == "mt.placement" and f.op == "=" and f.value in (1, 2)]
    if len(result) == 1 and any(f.col == "m.format" for f in ir.filters):
        ir.filters = [f for f in ir.filters if f is not result[0]]
        ir.measure = "wins" if result[0].value == 1 else "losses"
        return
    # "top-3 finishes per squad, those with none at 0", "20킬 이상 경기 수, 없는 선수는 0으로": the one condition on the
    # counted rows becomes the measure (a count of the rows that meet it), so every group is kept
    if len(row) == 1 and parser.keep_zero and ir.measure == "count":
        ir.filters = [f for f in ir.filters if f is not row[0]]
        ir.measure = f"countif:{row[0].col}{row[0].op}{row[0].value}"


def _played_only(parser: Parser, ir: IR) -> None:
    """"teams per region that have actually played", "지역 없는 팀 중 경기 뛴 팀", "players who competed, how many": the
    teams (players) with a match row, read through the participation table, when nothing else joins it."""
    t = parser.t
    if ir.fact or ir.setop or ir.compare or ir.minus or ir.vs or ir.nest or ir.per or ir.split or ir.extreme:
        return
    if t.has("shapes", "no_team") or not re.search(
            r"\b(?:played|competed|appeared|participated|took part|taken part|featured)\b(?!\s+(?:for|as|on|with)\b)"
            r"|\bplayed (?:on|for) (?:the )?(?:stage|field)\b|(?<![가-힣])(?:뛴|뛰어 ?본|출전한|출전해 ?본|참가한|나온 적 있는)"
            # "경기에는 나왔는데", "경기에 나간 선수 중": a match played
            r"|(?:경기|매치|게임)(?:에|에는|엔|에서|에서는)?\s*(?:나왔|나온|나간|나갔|뛰었|출전했)", t.s, re.I):
        return
    cols = list(ir.select) + [f.col for f in ir.filters] + ([ir.measure.partition(":")[2]] if ir.measure else [])
    aliases = {c.split(".")[0] for c in cols if "." in c}
    if aliases & set(_MATCH_SIDE) or ir.measure not in (None, "count", "countd:t.id", "countd:p.id"):
        return
    if aliases <= {"t"} and (aliases or ir.measure == "countd:t.id"):
        ir.fact = "mt"
    elif aliases <= {"p", "t"} and ("p" in aliases or ir.measure == "countd:p.id"):
        ir.fact = "mp"


def _side_named_beside(parser: Parser, ir: IR) -> None:
    """"matches where the loser had under N kills; which side lost, on what day", "진 팀이랑 날짜": the side's team named beside each
    match of an answer about one side's rows (the winners' or the losers')."""
    if ir.setop or ir.compare or ir.minus or ir.vs or ir.nest or ir.per or ir.split or ir.fact == "w":
        return
    if ir.select[:1] != ["m.played_at"] or any(c.endswith((".name", ".nickname")) for c in ir.select):
        return
    if not any(f.col == "mt.placement" and f.op == "=" and f.value in (1, 2) for f in ir.filters):
        return
    if re.search(r"\bwho (?:lost|won)\b|\bwhich (?:team|side|squad) (?:lost|won)\b|\b(?:the |their )?(?:losers?|winners?)(?:'? names?)?\s*(?:and|plus|,|&)\s*(?:when|the date|dates?)\b"
                 r"|누가 (?:졌|이겼|진|이긴)|(?:진|이긴|패한|승리한)\s*팀(?:이랑|하고|과|와|,|도|\s*이름)", parser.t.s, re.I):
        ir.select.insert(0, "t.name")


def _player_attributes_beside(parser: Parser, ir: IR) -> None:
    """"who had the most kills, and what team was he on", "top fraggers with their teams", "킬 1등 선수랑 소속팀":
    the player's own attributes as columns beside each player of a grouped answer (``_attributes_beside``)."""
    if not ir.group or ir.select[:1] != ["p.nickname"] or ir.setop or ir.compare or ir.minus or ir.nest or ir.per:
        return
    for col in parser._attributes_beside("player", ir.filters):
        if col not in ir.select and not (col == "t.name" and "team" in parser.values):
            ir.select.insert(1, col)


def _totals_per_match(parser: Parser, ir: IR) -> None:
    """"the average of both teams' kills in one series", "mean round sum of a match, by map", "양팀 합친 킬 최고":
    an average (or extreme) of per-match totals, the match's rows summed first (``nest`` by ``m.id``), not of one
    side's rows."""
    if ir.nest and ir.group and "count" not in ir.extra_measures and _HOW_OFTEN.search(parser.t.s):
        ir.extra_measures = ["count", *ir.extra_measures]  # another reader's nested IR: the totals counted beside
    if not ir.measure or ir.nest or ir.split or ir.setop or ir.compare or ir.minus or ir.vs or ir.per or ir.extreme:
        return
    fn, _, col = ir.measure.partition(":")
    if fn not in ("avg", "max", "min") or not re.fullmatch(r"(?:mt\.(?:kills|score)|mp\.(?:kills|deaths|assists|damage))", col):
        return
    sides = {"t.name", "p.nickname", "p.role", "t.region", "wt.name", "lt.name"}
    if any(c in sides for c in ir.select) or any(f.col in sides | {"mt.placement", "w.placement"} for f in ir.filters):
        return
    if not _BOTH_SIDES.search(parser.t.s):
        return
    ir.measure, ir.nest = f"sum:{col}", {"by": ["m.id"], "agg": fn}
    ir.order = ir.order if ir.group else None
    if ir.group and _HOW_OFTEN.search(parser.t.s):
        ir.extra_measures = ["count", *ir.extra_measures]  # "how often was each played, and …": the totals counted beside

def _each_player(parser: Parser, ir: IR) -> None:
    """"KDA of each support", "서포터들 KDA 각각 비교": a statistic of a role's players asked one by one is one row per
    player, not the role's pooled total."""
    if not ir.measure or ir.group or ir.select or ir.setop or ir.compare or ir.minus or ir.vs or ir.count_groups \
            or ir.measure in ("count", "title", "titles") or ir.measure.startswith(("countd", "share", "pct", "streak")):
        return
    if not any(f.col == "p.role" for f in ir.filters) or any(f.col == "p.nickname" for f in ir.filters):
        return
    if re.search(r"\beach\b|\bevery\b|\bindividual(?:ly)?\b|\bcompar(?:e|ed|ing|ison)\b|\bone by one\b|\bper player\b|\bside by side\b"
                 r"|각각|각자|비교|한 ?명씩|한 ?명 ?한 ?명|선수별|개인별|개별", parser.t.s, re.I):
        ir.select, ir.group = ["p.nickname"], True


_PLAYER_HOLDS = re.compile(r"\b(?:the\s+)?(?:player|pro|guy|fragger)\s+(?:with|who\s+(?:has|had|got|dealt|made))\s+(?:the\s+)?(?:most|highest|fewest|lowest|least|best|top)\b"
                           r"|\btop\s+(?:killer|fragger|scorer|player)\b|\b(?:kill|assist|damage|frag)\s+leader\b"
                           r"|(?:1등|1위|최다|제일\s*많은|가장\s*많은|제일\s*많이\s*한|가장\s*많이\s*한|젤\s*많은)\s*(?:킬\s*|어시\s*|딜\s*)?선수\s*(?:의|는|가)?\s*(?:소속\s*)?(?:팀|어느\s*팀|소속)", re.I)


def _top_players_team(parser: Parser, ir: IR) -> None:
    """"the team of the player with the most assists", "which team does the top killer play for", "킬 1등 선수 소속 팀":
    the player ranked first, with the team the player plays for (not the team with the most)."""
    s = parser.t.s
    team_of = re.search(r"\b(?:team|squad|org)\s+(?:of|for)\s+the\s+(?:player|pro|guy)\b", s, re.I)
    if ir.select not in (["t.name"], ["p.nickname"] if team_of else ["t.name"]) or not ir.group or ir.limit != 1 or not ir.measure or ir.setop or ir.vs or ir.per \
            or not ir.measure.startswith(("sum:", "avg:")) or ir.measure.split(":")[1] not in ("mt.kills", "mp.kills", "mp.deaths", "mp.assists", "mp.damage"):
        return
    if not _PLAYER_HOLDS.search(s) or re.search(r"\beach\b|\bevery\b|\bper\b|별|마다|각", s, re.I):
        return
    ir.select = ["p.nickname", "t.name"]
    ir.measure = ir.measure.replace("mt.kills", "mp.kills")


def _match_columns_listed(parser: Parser, ir: IR) -> None:
    """"…: when, stage, who won, who lost", "with the stage and the map", "스테이지랑 맵": a column of the match listed beside
    the two sides of each match, or beside its winner or loser alone ("every 13-11: when, what map, who won")."""
    if ir.measure or ir.group or not {"wt.name", "lt.name"} & set(ir.select):
        return
    for col, word in (("m.stage", r"stages?|스테이지"), ("m.map", r"maps?|맵")):
        if col not in ir.select and not any(f.col == col for f in ir.filters) and re.search(
                r"(?:[,:+/&]|\band\b|\bwith\b|\bplus\b|랑|이랑|하고|과|와)\s*(?:the\s+|its\s+|their\s+)?(?:" + word + r")(?![가-힣A-Za-z]|\s*(?:별|마다))"
                r"|(?<![가-힣A-Za-z])(?:" + word + r")\s*(?:[,+/&]|\band\b|랑|이랑|하고|도)", parser.t.s, re.I):
            ir.select.append(col)


_BOTH_ENDS = re.compile(
    r"\b(?:best|highest|most|top|biggest|largest)\b[^?.]{0,60}?\band\b[^?.]{0,40}?\b(?:worst|lowest|least|fewest|bottom|smallest)\b"
    r"|\b(?:worst|lowest|least|fewest|smallest)\b[^?.]{0,60}?\band\b[^?.]{0,40}?\b(?:best|highest|most|top|biggest|largest)\b"
    r"|(?:가장|제일|젤|최고로?)\s*(?:높|많|좋|잘|낮|적|나쁘|나쁜|못)\S*\s*(?:\S+\s*){0,2}?(?:와|과|랑|이랑|하고|,|그리고)\s*(?:\S+\s*){0,2}?"
    r"(?:가장|제일|젤|최저로?)\s*(?:높|많|좋|잘|낮|적|나쁘|나쁜|못)"
    r"|최고(?:와|랑|이랑|하고|\s*및)\s*최저|최저(?:와|랑|이랑|하고|\s*및)\s*최고", re.I)


def _both_ends(parser: Parser, ir: IR) -> None:
    """"the squad with the top mean and the one at the bottom", "가장 높은 팀과 가장 낮은 팀": the groups at either end of
    the ranking, ties kept (``order: both``)."""
    if ir.limit == 1 and ir.group and ir.order in ("asc", "desc") and ir.measure and not ir.setop and not ir.vs \
            and _BOTH_ENDS.search(parser.t.s):
        ir.order = "both"


def _scoreline_of_one_match(parser: Parser, ir: IR) -> None:
    """"what was the score of the last X match", "X 마지막 경기 스코어": one versus match's scoreline, both sides with
    their scores (as for a final's score), not the named side's own score alone."""
    one = [f for f in ir.filters if f.col == "m.id" and f.op == "by_time"]
    if ir.measure != "sum:mt.score" or ir.select or ir.group or len(one) != 1 or ir.setop or ir.vs or ir.compare or ir.minus:
        return
    s = parser.t.s
    if not re.search(r"\bscores?\b|\bscorelines?\b|\bfinal score\b|스코어|몇\s*대\s*몇", s, re.I) \
            or re.search(r"\bpoints?\b|\bpts\b|포인트|\b(?:rounds?|maps?)\s+(?:they|it|he|she)\s+(?:won|took|got)\b|딴\s*(?:라운드|점수)", s, re.I) \
            or any(f.col == "m.format" and f.value == "ranking" for f in ir.filters):
        return
    rest = [f for f in ir.filters if f.col not in ("t.name", "mt.placement")]
    ir.select, ir.measure, ir.fact = ["m.played_at", "wt.name", "w.score", "lt.name", "l.score"], None, "w"
    ir.filters = rest + [Filter("w.placement", "=", 1)] + ([] if any(f.col == "m.format" for f in rest) else [Filter("m.format", "=", "versus")])


def _all_editions(parser: Parser, ir: IR) -> None:
    """"both <tournament> events combined", "<대회> 두 시즌 합쳐서": a tournament named without a year, said together
    with its other editions, means all its editions (linking picked the latest one)."""
    named = [f for f in ir.filters if f.col == "tr.name" and f.op == "="]
    if len(named) != 1 or parser.linked.year is not None or ir.compare or ir.minus \
            or any(f.col == "m.played_at" for f in ir.filters):
        return
    s = parser.t.s
    said = [parser.text[m.start:m.end] for m in parser.linked.mentions if m.type == "tournament" and m.value == named[0].value]
    plural = any(re.search(r"[A-Za-z]{3,}s$", w) and not re.search(re.escape(w.split()[-1]) + r"\b", named[0].value, re.I) for w in said)
    if not plural and not re.search(r"\b(?:across|over)\s+(?:(?:the|all|every)\s+)?@tournamentX|\b(?:all|every)\s+(?:the\s+)?@tournamentX"
                                    r"|\b(?:both|all|every|each of the)\s+(?:(?:the|its|their)\s+)?(?:@tournamentX\s+)?(?:editions?|events?|tournaments?|tourneys?|seasons?|years?|series|instal+ments?)\b"
                     r"|\b(?:both|all)\s+(?:(?:the|its|their)\s+)?@tournamentX\s+(?:combined|together|in total|added up)\b"
                     r"|\b(?:editions?|events?|seasons?|years?)\s+(?:combined|together|in total)\b|\ball[- ]time\b"
                     r"|(?:두|2|모든|전)\s*(?:개\s*)?(?:대회|시즌|번|회차|에디션)\s*(?:다|모두|전부)?\s*(?:합쳐|합산|통틀어|통산|전부|모두|다)|(?:역대|통산)", s, re.I):
        return
    base = re.sub(r"\s*\d{4}\s*$", "", named[0].value)
    editions = sorted({n for names in parser.linked.by_game.values() for n in names
                       if re.sub(r"\s*\d{4}\s*$", "", n) == base})
    if len(editions) > 1:
        named[0].op, named[0].value = "in", editions


def _first_place_in_royale(parser: Parser, ir: IR) -> None:
    """"the winner in <battle royale game>", "1등 팀 in <royale game>": where every linked game is played only in the
    ranking format, a win is a first place; a versus-only filter would leave nothing."""
    ranking = set(parser.linked.ranking_games) | {"PUBG"}
    games = parser.values.get("game", [])
    if not games or any(g not in ranking for g in games):
        return  # (a tournament named alone keeps a win to versus play, see _ranking_scope)
    if any(f.col == "mt.placement" and f.value == 1 for f in ir.filters) or ir.measure == "wins" \
            or any(m == "wins" for m in ir.extra_measures or []):
        ir.filters = [Filter("m.format", "=", "ranking") if f.col == "m.format" and f.value == "versus" else f for f in ir.filters]


_MISSING_COL = {"region": "t.region", "country": "t.region", "지역": "t.region", "나라": "t.region", "role": "p.role",
                "position": "p.role", "역할": "p.role", "포지션": "p.role", "map": "m.map", "맵": "m.map", "stage": "m.stage", "스테이지": "m.stage"}
_MISSING = re.compile(
    r"(지역|나라|역할|포지션|맵|스테이지)\s*(?:정보|데이터|값|표기|기록)?\s*(?:이|가|은|는)?\s*(?:없는|없고|빈|비어\s*있는|미정인?|미등록인?|누락된|안\s*적힌|모르는|미기재인?)"
    r"|\b(?:no|without(?: a| an| any)?|missing(?: a| an)?|unknown|blank|null|unlisted)\s+(region|country|role|position|map|stage)s?\b"
    r"|\b(region|country|role|position|map|stage)\s+(?:is\s+|are\s+)?(?:unknown|missing|blank|null|empty|unlisted|not (?:listed|set|known))\b", re.I)


def _missing_value_scope(parser: Parser, ir: IR) -> None:
    """"지역 미등록 구단 승수", "how many wins did teams with no region get": a missing value said right beside
    its column scopes any reading (a count, a total) that did not take it, as the list readings do."""
    m = _MISSING.search(parser.t.s)
    if not m or ir.setop or ir.compare or ir.minus or ir.vs:
        return
    col = _MISSING_COL[next(g for g in m.groups() if g).lower()]
    if any(f.col == col for f in ir.filters) or col in ir.select \
            or re.search(r"빼고|제외|말고|\b(?:except|excluding|skip|leave out|ignore|without counting)\b", parser.t.s[m.end():], re.I) \
            or re.search(r"\b(?:except|excluding|skip|leave out|ignore)\s+(?:\w+\s+){0,3}$", parser.t.s[:m.start()], re.I):
        return
    if col == "p.role" and not any("mp." in str(x) or str(x).startswith("p.") for x in [ir.measure, *ir.select, *(f.col for f in ir.filters)]):
        return  # a player's value on a reading of teams' rows would join the wrong way
    ir.filters.append(Filter(col, "is_null"))


def _never_over(parser: Parser, ir: IR) -> None:
    """"players who never had more than 10 deaths in one series", "10데스 넘게 한 적 없는 선수": the keys that took
    part, none of whose rows passes the number — not the keys with such a row (the negation was read past)."""
    if ir.measure or ir.group or ir.setop or ir.extreme or len(ir.select) != 1 or ir.select[0] not in ("p.nickname", "t.name"):
        return
    cuts = [f for f in ir.filters if re.fullmatch(r"(?:mp|mt)\.(?:kills|deaths|assists|damage|score)", f.col)
            and f.op in (">", ">=", "<", "<=") and isinstance(f.value, (int, float))]
    if len(cuts) != 1 or not re.search(r"\bnever\b|\bnot once\b|\bat no point\b|[가-힣]\s*적\s*(?:이|은)?\s*없|(?:한 번도|한번도)\s*(?:안|못)", parser.t.s, re.I):
        return
    scope = [f for f in ir.filters if f is not cuts[0]]
    if re.search(r"적\s*(?:이|은)?\s*없", parser.t.s):
        scope = [f for f in scope if f.op != "is_null"]  # "…한 적 없는": never, no missing value
    ir.setop, ir.filters, ir.distinct = {"op": "except", "a": scope, "b": scope + [cuts[0]]}, [], True


def _opponent_beside(parser: Parser, ir: IR) -> None:
    """"X 패배 경기들 날짜하고 상대", "X's defeats, each dated, and who beat them": a list of one team's matches
    with the other side named beside each — read on the two sides of the match (X on ``w``, the opponent ``lt``)."""
    named = [f for f in ir.filters if f.col == "t.name" and f.op == "="]
    cols = [c for c in ir.select if not (c == "t.name" and named)]
    if ir.measure or ir.group or ir.setop or ir.extreme or ir.per or not cols \
            or not all(c.startswith(("m.", "tr.")) for c in cols):
        return
    if len(named) != 1 or any(f.col.startswith(("p.", "mp.", "w.", "l.")) for f in ir.filters):
        return
    if not re.search(r"상대\s*(?:팀|편|가|는|랑|이랑|도|\s|$)|\bopponents?\b|\bagainst (?:whom|who|which team)\b|\bvs\.? (?:who|whom|which team)\b"
                     r"|\bwho (?:beat|defeated) (?:them|it|him|her)\b|\bwho (?:they|it) (?:lost|played|fell) (?:to|against)\b|누구(?:한테|에게|랑|하고|와)", parser.t.s, re.I):
        return
    side = {"mt.placement": "w.placement", "mt.score": "w.score", "mt.kills": "w.kills", "t.name": "wt.name"}
    ir.filters = [Filter(side.get(f.col, f.col), f.op, f.value) for f in ir.filters]
    if any(f.col.startswith(("mt.", "t.")) for f in ir.filters):
        return
    ir.select = [*cols, "lt.name"]
    ir.fact, ir.distinct = "w", False


def _without_player(parser: Parser, ir: IR) -> None:
    """"X's record in the maps P sat out", "P 빠진 경기에서 X 승률": a team's measure over the matches its named
    player did not play (or did play: "with P in the lineup"), not the player's own rows."""
    s = parser.t.s
    named = [f for f in ir.filters if f.col == "p.nickname" and f.op == "="]
    if len(named) != 1 or not any(f.col == "t.name" for f in ir.filters) or ir.setop or ir.compare or ir.minus:
        return
    if ir.measure not in ("record", "wins", "losses", "win_rate", "count") and not (ir.measure or "").startswith(("sum:mt.", "avg:mt.")):
        return
    out = re.search(r"@playerX\W{0,3}(?:\S+\W{0,3})?\s*(?:이|가|은|는)?\s*(?:빠진|빠졌던|없는|없던|없이|결장한|결장|안 ?뛴|안 ?나온|쉰)"
                    r"|\b(?:without|minus|absent|missing)\s+@playerX|@playerX\s+(?:sat out|was out|was absent|was benched|missed|did ?n'?t play)", s, re.I)
    inside = re.search(r"\bwith\s+@playerX\s+(?:in the (?:lineup|roster|side)|playing|on (?:the )?(?:map|field|server))|@playerX\W{0,3}(?:\S+\W{0,3})?\s*(?:이|가)?\s*(?:뛴|나온|출전한)", s, re.I)
    if not out and not inside:
        return
    ir.filters = [f for f in ir.filters if f is not named[0]] + [Filter("m.id", "without_player" if out else "with_player", named[0].value)]


def _sides_asked_beside(parser: Parser, ir: IR) -> None:
    """A list of matches asked "with who won" names the winner; one of pairs asked "with the score" shows both sides'
    scores ("maps on X, the date and the winner", "진 경기들 상대팀이랑 스코어")."""
    s = parser.t.s
    if ir.measure or ir.group or ir.setop or ir.extreme or ir.per:
        return
    cols = {f.col for f in ir.filters}
    if any(c in ("wt.name", "lt.name") for c in ir.select) \
            and re.search(r"\bscores?\b|\bscorelines?\b|스코어|점수|몇 ?대 ?몇", s, re.I) \
            and not any(c in ir.select for c in ("w.score", "l.score")):
        ir.select += ["w.score", "l.score"]
        ir.distinct = False
    elif ir.select and set(ir.select) <= {"m.map", "m.played_at", "m.stage", "tr.name"} and "t.name" not in cols \
            and (any(f.col == "mt.placement" and f.op == "=" and f.value == 1 for f in ir.filters) or "mt.placement" not in cols) \
            and re.search(r"\bwho won\b|\bwinners?\b|\bwinning (?:team|side|squad)\b|\bwho took (?:it|them|each)\b|이긴 팀|승리 팀|승자|누가 이겼", s, re.I):
        if "mt.placement" not in cols:
            ir.filters.append(Filter("mt.placement", "=", 1))
        ir.select += ["t.name"]


def _years_together(parser: Parser, ir: IR) -> None:
    """"across both editions (2025+2026)", "2025년이랑 2026년 합쳐서": whole years said together never meet in one
    row, so they are one span (when they follow each other), and a tournament named once means its editions of
    those years."""
    # (a breakdown per year or per tournament shows the years apart: "… 대비 … 연도별로", "A년 …와 B년 … 대회별" is no comparison
    # of two scopes)
    if ir.setop or ir.compare or ir.minus or re.search(r"\bvs\.?\b|\bversus\b|\bcompared?\b|\bthan\b|대비|비교|보다", parser.t.s, re.I) \
            and not (ir.group and ir.select and ir.select[0] in ("year(m.played_at)", "tr.name")):
        return
    spans = [f for f in ir.filters if f.col == "m.played_at" and f.op == "range" and f.value[0] and f.value[1]
             and re.fullmatch(r"\d{4}-01-01", f.value[0]) and f.value[1] == f"{int(f.value[0][:4]) + 1}-01-01"]
    years = sorted({int(f.value[0][:4]) for f in spans})
    named = [f for f in ir.filters if f.col == "tr.name" and f.op == "="]
    edition = re.search(r"(\d{4})\s*$", named[0].value) if len(named) == 1 else None
    if edition and years and int(edition.group(1)) not in years \
            and re.search(r"\band\b|\+|&|\bboth\b|\btogether\b|\bcombined\b|이랑|(?<=\d)(?:년)?\s*(?:랑|과|와|하고)|합쳐|합산|둘 ?다", parser.t.s, re.I):
        years = sorted(set(years) | {int(edition.group(1))})  # "<tournament 2025> and 2026 together"
    if len(years) < 2:
        return
    gaps = [y for y in range(years[0], years[-1]) if y not in years]
    ir.filters = [f for f in ir.filters if f not in spans]
    ir.filters.append(Filter("m.played_at", "range", [f"{years[0]}-01-01", f"{years[-1] + 1}-01-01"]))
    # "2023년이랑 2025년": two whole years never meet in one row, so they are said together; the years between them left out
    ir.filters += [Filter("m.played_at", "not_range", [f"{y}-01-01", f"{y + 1}-01-01"]) for y in gaps]
    if len(named) == 1:
        base = re.sub(r"\s*\d{4}\s*$", "", named[0].value)
        editions = [n for names in parser.linked.by_game.values() for n in names
                    if re.sub(r"\s*\d{4}\s*$", "", n) == base and re.search(r"(\d{4})\s*$", n)
                    and int(re.search(r"(\d{4})\s*$", n).group(1)) in years]
        if len(editions) > 1:
            named[0].op, named[0].value = "in", sorted(set(editions))
