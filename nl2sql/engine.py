"""``answer(question, url)``: link → predict the sketch → fill slots → build SQL → check → run → reply.

preprocess (value linking and masking) → forward (the sketch model) → postprocess (a structured
:class:`~.query.Query`, SQL, rows and a short answer in the asker's language). When the model is
unsure, a needed name is missing, or the SQL fails a check, :class:`InputError` says so and suggests
a rephrasing instead of answering wrongly.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from typing import Any

from kernel.errors import InputError
from kernel.registry import cached_loader
from kernel.checks import check_language, check_text
from kernel.language import detect, english_words

from .ir import IR, compile_sql
from .linking import MASK, Linked, lexicon, link, load_catalog, glued_names, spoken_numbers
from .query import FOLLOWUP, KINDS, NOT_STATS, Query, build_sql, metrics_for
from .render import render, render_ir
from .safety import run_readonly, validate
from .unwrap import _EN_OPENERS, WRAPPER_WORD, core_question, shorthand, story_told, trailing_context

log = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.45
"""Below this kind probability the assistant asks for a rephrasing instead of answering."""
SUGGEST = {
    "en": "Try naming the team, player or tournament exactly, e.g. 'How many matches did <team> win in 2026?' "
          "or 'top 3 players by kills in <tournament>'.",
    "ko": "팀·선수·대회 이름을 정확히 넣어 다시 물어봐 주세요. 예: '<팀> 2026년에 몇 번 이겼어?', '<대회> 킬 순위 top 3'.",
}
RANKING_WORDS = re.compile(r"(순위|랭킹|ranking|leaderboard|standings|rank|top|상위|하위|bottom|list|명단)", re.I)


@dataclasses.dataclass
class SQLAnswer:
    """The answer to one statistics question."""

    sql: str
    columns: list[str]
    rows: list[list[Any]]
    text: str
    """A short answer in the asker's language."""
    confidence: float
    meta: dict[str, Any]
    """The structured query (JSON-able); pass it as ``context`` to answer a follow-up."""
    language: str = "en"
    truncated: bool = False


@dataclasses.dataclass
class Plan:
    """What the model and the linker made of a question, before any SQL runs."""

    query: Query | None
    confidence: float
    stats_probability: float
    """Probability that this is a statistics question at all (1 - P(none))."""
    linked: Linked
    problem: str | None = None
    ir: IR | None = None
    """The IR reading of the question (preferred over ``query``, the sketch, when present)."""
    shape: str = ""


def _refuse(lang: str, reason: dict[str, str]) -> InputError:
    return InputError(f"{reason[lang]} {SUGGEST[lang]}")


def _metric_words(masked: str) -> str | None:
    """A metric named outright in a follow-up ("what about deaths?", "딜량은?")."""
    low = masked.lower()
    best, best_len = None, 0
    for metric, words in lexicon()["metrics"].items():
        for w in words["en"] + words["ko"]:
            w = w.lower()
            if len(w) > best_len and re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", low):
                best, best_len = metric, len(w)
    return best


def _fill(kind: str, pred: dict, linked: Linked, text: str) -> Query:
    teams, players = linked.values("team"), linked.values("player")
    q = Query(kind=kind)
    _, optional = KINDS[kind]
    need, _ = KINDS[kind]
    for slot in need + optional:
        if slot == "team" and teams:
            q.team = teams[0]
        elif slot == "team2" and len(teams) > 1:
            q.team2 = teams[1]
        elif slot == "player" and players:
            q.player = players[0]
        elif slot in ("tournament", "game", "stage", "map") and linked.values(slot):
            setattr(q, slot, linked.values(slot)[0])
        elif slot == "year":
            q.year = linked.year
    if kind == "top_players" and q.team is None and teams:
        q.team = teams[0]
    allowed = metrics_for(kind)
    if allowed:
        probs = pred["metric"]
        q.metric = max(allowed, key=lambda m: probs.get(m, 0.0))
        q.agg = max(("sum", "avg", "max"), key=lambda a: pred["agg"].get(a, 0.0))
    if kind in ("top_players", "top_teams"):
        q.order = max(("desc", "asc"), key=lambda o: pred["order"].get(o, 0.0))
        if linked.numbers:
            q.n = max(1, min(linked.numbers[0], 100))
        else:
            q.n = 5 if RANKING_WORDS.search(text) else 1
    if kind == "team_results":
        q.n = max(1, min(linked.numbers[0], 50)) if linked.numbers else 5
    if kind in ("players_having", "teams_having"):
        from .parse import cues
        # a comparison word decides HAVING's operator when said (the cue lexicon's order); else the model does
        q.cmp = next((op for op, pats in cues()["comparisons"].items() if op != "=" and any(p.search(text) for p in pats)), None) or \
            max((">", ">=", "<", "<="), key=lambda c: pred["cmp"].get(c, 0.0))
        q.threshold = linked.numbers[0] if linked.numbers else None
    if kind == "stage_winner" and q.stage is None:
        q.stage = "final"
    return q


def _followup(context: dict[str, Any], linked: Linked, masked: str) -> Query:
    """The previous query with the values this turn names put in place of the old ones."""
    q = Query.from_meta(context)
    need, optional = KINDS[q.kind]
    slots = set(need + optional)
    teams, players = linked.values("team"), linked.values("player")
    if teams:
        if "team" not in slots:
            raise ValueError("team")
        q.team = teams[0]
        if len(teams) > 1 and "team2" in slots:
            q.team2 = teams[1]
    if players:
        if "player" not in slots:
            raise ValueError("player")
        q.player = players[0]
    for slot in ("tournament", "game", "stage", "map"):
        values = linked.values(slot)
        if values and slot in slots:
            setattr(q, slot, values[0])
    if linked.year is not None and "year" in slots:
        q.year = linked.year
    metric = _metric_words(masked)
    if metric and metric in metrics_for(q.kind):
        q.metric = metric
    if linked.numbers:
        if "n" in slots:
            q.n = linked.numbers[0]
        elif "threshold" in slots:
            q.threshold = linked.numbers[0]
    return q


def plan(question: str, url: str, context: dict[str, Any] | None = None, today: dt.date | None = None,
         model=None) -> Plan:
    """Link and predict without running anything (the router's ``fit`` uses this).

    The question inside a request ("혹시 … 알려주실 수 있을까요?", "For our newsletter: would you dig up …") is
    read first; the whole text is read when the core cannot be answered or lost a name on the way. Numbers
    said as words ("twenty twenty five", "백오십 개") are read as digits (:func:`~nl2sql.linking.spoken_numbers`), and
    a count's shorthand ("# of maps") as words (:func:`~nl2sql.unwrap.shorthand`)."""
    question = glued_names(spoken_numbers(shorthand(question), load_catalog(url)), load_catalog(url))
    question = _as_named_team(question, url, today)
    question = _kin_named(question, url, today)
    question = _FINAL_SAID.sub(lambda m: "결승전" if re.match(r"[가-힣]", m.group()) else "the final", question)
    core = core_question(question)
    if core != question.strip():
        core, rest = _carry_names(question, core, url, today)
        if _THERE.search(core) and story_told(question.strip())[0]:
            # a place the carried name did not resolve ("did they win there?" after a story naming the team and the
            # event): the whole text's names must be kept
            rest = question
        p = _plan(core, url, context, today, model)
        if (p.ir is not None or p.query is not None) and (not _lost_names(rest, p.linked, url, today)
                                                          or _story_only(question, core, p.linked)):
            return p
    return _plan(question, url, context, today, model)


# "우승을 겨루는 판 (결승)", "우승을 가리는 시합", "the match that decided the title": the final described in plain
# words (a gloss in brackets naming it again read once)
_FINAL_SAID = re.compile(
    r"(?:(?<![가-힣])마지막\s*)?우승(?:을|컵을|팀을)?\s*(?:다투는|겨루는|가리는|결정하는|결정짓는|놓고\s*(?:싸우는|다투는))\s*(?:경기|판|매치|무대|시합)"
    r"(?:\s*\(\s*결승(?:전)?\s*\))?"
    r"|\b(?:the\s+)?(?:match|game|series)\s+(?:that|which)\s+decided\s+(?:the\s+)?(?:title|championship|trophy|winner)\b"
    r"|\b(?:the\s+)?(?:title|championship)[- ]deciding\s+(?:match|game|series)\b", re.I)
# "저희 아이", "우리 아들", "제 동생": the asker's own person, who is the player (or whose team is the team) named beside
_KIN = (r"(?:(?:(?<![가-힣])(?:저희|우리|제|내)\s*)?(?<![가-힣])(?:아이|애|아들|딸|자녀|동생|남동생|여동생|조카|손자|손녀|남편|아내)"
        r"(?=[\s(이가은는의도를을팀'\"‘“]|$))")
_KIN_BEFORE = re.compile(_KIN + r"(?:\s*의)?\s*(?P<team>(?:소속\s*)?팀)?\s*(?:닉네임|아이디|이름|활동명)?\s*(?P<said>이|가|은|는)?\s*"
                         r"(?P<bracket>\(\s*(?:닉네임|아이디|이름|활동명|팀)?\s*:?\s*)?['\"‘“]?$")
# "… 'X'예요.", "… 'X'인데요,", "… 'X'라는 닉네임으로 뛰어요,": the sentence that says who the asker's person is
_KIN_SAID = re.compile(r"['\"’”]?\s*(?:(?:이)?라는\s*(?:이름|닉네임|아이디|활동명|팀)(?:으로|을|를|에)?\s*[^,.?!]{0,30}?(?:는데요?|어요|아요|습니다|니다|요)"
                       r"|(?:이에요|예요|에요|인데요?|입니다|이고요?|이거든요|거든요))\s*[,.!~]+\s*(?=\S)")
_KIN_REF = {"player": re.compile(_KIN + r"(?=\s*(?:이|가|은|는|의|도|를|을|\s))|(?<![가-힣])(?:이|그|해당)\s*선수"),
            "team": re.compile(_KIN + r"(?:\s*의)?\s*(?:소속\s*)?팀|(?<![가-힣])(?:이|그|해당)\s*팀")}


def _kin_named(question: str, url: str, today: dt.date | None) -> str:
    """The question with the asker's own person written as the player or team named beside them: "저희 아이 'X'가 …"
    reads "X가 …", "아이 팀이 'Y'인데요, 이 팀에 …" reads "Y 팀에 …", "아이(닉네임 X)가" reads "X가", and a sentence saying
    who the child is ("아이 닉네임이 'X'예요.") is dropped with the name carried into what follows."""
    if not re.search(_KIN, question):
        return question
    said = [m for m in link(question, load_catalog(url), today).mentions if m.type in ("player", "team")]
    for m in sorted(said, key=lambda m: -m.start):
        before = _KIN_BEFORE.search(question[:m.start])
        if before is None or (m.type == "player") == bool(before.group("team")):
            continue
        name, after = str(m.value), question[m.end:]
        if before.group("bracket"):  # "아이(닉네임 X)가"
            close = re.match(r"\s*['\"’”]?\s*\)", after)
            if close:
                return question[:before.start()] + name + after[close.end():]
            continue
        intro = _KIN_SAID.match(after)
        head = question[:before.start()]
        if intro and not re.sub(r"(?:안녕하세요|안녕하십니까|반갑습니다)[\s,.!~]*", "", head).strip():
            rest = after[intro.end():]
            ref = _KIN_REF[m.type].search(rest)
            if ref:
                return head + rest[:ref.start()] + name + (" 팀" if m.type == "team" else "") + rest[ref.end():]
            return head + name + " " + rest
        if not before.group("said"):  # "저희 아이 'X'가 …", "아이 팀 'Y'와": the person and the name side by side
            quote = re.search(r"['\"‘“]$", question[:m.start])
            return head + (quote.group() if quote else "") + question[m.start:]
    return question


_PRONOUN = re.compile(r"\b(?:(they|them|he|him|she)|(their|his|her))\b|(걔네|걔|그\s?팀|그\s?선수|그 친구)(?:들)?", re.I)


_THERE = re.compile(r"((?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bany)\s+there(?!\s*(?:is|are|was|were|'s|’s)\b)|\s+there(?=\s*[?.!]*\s*$)"
                    r"|\s+(?:at|in)\s+(?:that|this|the same)\s+(?:one|event|tournament|tourney|cup)\b)"
                    r"|(?:거기|그\s?대회|그\s?토너먼트|해당\s?대회)\s*(?:에서|에선|서|에)"
                    r"|(?<!\bis )(?<!\bwas )\b(its?|that (?:tournament|event|tourney|cup)(?:'s)?)(?![\w'’])(?!\s+(?:is|was)\b)", re.I)


def _carry_names(question: str, core: str, url: str, today: dt.date | None) -> tuple[str, str]:
    """The core question with the name its opening sentence gave ("Our cousin is on X. How did they do
    last spring?"): the first pronoun of the core becomes that name, and the game said there scopes the core too.
    Also the text whose names the core must keep: the question after that sentence when the name was carried."""
    at = question.find(core[:20])
    head = question[:at] if at > 0 else ""
    if not head.strip():
        return core, question
    said = link(head, load_catalog(url), today).mentions
    names = {(m.type, m.value) for m in said if m.type in ("team", "player")}
    pros = list(_PRONOUN.finditer(core))
    # the subject pronoun first ("what share of their games did they win": "they" is the team, "their games" stays)
    pro = next((m for m in pros if not m.group(2)), pros[0] if pros else None)
    if len(names) != 1 or pro is None:
        # "I'm curious about the X Cup. Every team's win rate there?", "X 대회 궁금한데 거기서 팀별 승률": the place word stands
        # for the one tournament the opening sentence named
        events = {m.value for m in said if m.type == "tournament"}
        place = _THERE.search(core)
        if len(events) != 1 or place is None or any(m.type == "tournament" for m in link(core, load_catalog(url), today).mentions):
            return core, question
        event = events.pop()
        if place.group(2):  # "who won it", "its final", "that event's MVP": the tournament itself
            said_as = f"{event}'s" if re.search(r"(?:its|'s)$", place.group(2), re.I) else event
            core = core[:place.start()] + said_as + core[place.end():]
        else:
            core = core[:place.start()] + (f" at {event}" if place.group(1) else f"{event}에서") + core[place.end():]
        return core, question[at:]
    _, name = names.pop()
    core = core[:pro.start()] + (f"{name}'s" if pro.group(2) else name) + core[pro.end():]
    ours = link(core, load_catalog(url), today).mentions
    games = {m.value for m in said if m.type == "game"}
    if len(games) == 1 and not any(m.type in ("game", "tournament") for m in ours):
        core = re.sub(r"\s*([?.!]*)\s*$", lambda m: f" in {games.pop()}{m.group(1)}", core, count=1)
    if re.search(r"[:;,\-–—]\s*$", head) and any(m.type not in ("team", "player", "game") for m in said):
        # "X against EU sides: and the wins?": the opening part of the same sentence (not a story told before it) scoped
        # the question too (a region, an event, a stage), and the core must keep that as well
        return core, question
    return core, question[at:]


def _story_only(question: str, core: str, linked: Linked) -> bool:
    """Whether what the core lost was only the asker's story told before it ("Y is the club my sister follows, she says they
    dominate. Which Y pros …?"): the core names a team, player or tournament of its own and refers back to nothing ("they",
    "there" left unresolved)."""
    head, _ = story_told(question.strip())
    return bool(head) and any(m.type in ("team", "player", "tournament") for m in linked.mentions) \
        and not _PRONOUN.search(core) and not _THERE.search(core)


def _lost_names(question: str, core: Linked, url: str, today: dt.date | None) -> bool:
    """Whether taking the wrapper off dropped a name, a date or a number the whole question has. The reason for asking
    said after a question that names what it asks about ("K/D of X? thinking of her for my support slot", "… for
    my wager on the spring cup") holds no name of the question."""
    asked, why = trailing_context(question.strip())
    if why and any(m.type in ("team", "player", "tournament", "game") for m in core.mentions):
        question = asked
    whole = link(question, load_catalog(url), today)

    def found(linked: Linked) -> list[tuple[str, str]]:
        # a wrapper's own words that sound like a name ("그런데" read as a Latin "Granite") are not names
        # (a name said twice, "siege … rainbow six", is one name)
        return sorted({(m.type, str(m.value)) for m in linked.mentions
                       if not WRAPPER_WORD.fullmatch(linked.text[m.start:m.end].strip())})

    # ("final question: which …": the asker counting the questions says no number of the question)
    opener = len(question) - len(_EN_OPENERS.sub("", question, count=1))
    said = whole.numbers if opener == 0 else link(question[opener:], load_catalog(url), today).numbers
    return len(found(whole)) > len(found(core)) or len(said) > len(core.numbers)


def _plan(question: str, url: str, context: dict[str, Any] | None = None, today: dt.date | None = None,
          model=None) -> Plan:
    from .model import default_model

    model = model or default_model()
    linked = link(question, load_catalog(url), today)
    pred = model.predict([linked.masked])[0]
    kinds = sorted(pred["kind"].items(), key=lambda kv: -kv[1])
    stats_p = 1.0 - pred["kind"].get(NOT_STATS, 0.0)
    top_kind, top_p = kinds[0]
    unknown = unknown_names(linked)
    if top_kind == NOT_STATS and unknown:
        # Names the database lacks hide what kind of question it is: ask again with them masked.
        masked = linked.masked
        for word in unknown:
            masked = masked.replace(word, "TEAM")
        again = model.predict([masked])[0]["kind"]
        if max(again, key=again.get) != NOT_STATS:
            return Plan(None, 1.0 - again.get(NOT_STATS, 0.0), 1.0 - again.get(NOT_STATS, 0.0), linked,
                        "unknown:" + unknown[0])
    if unknown:
        if top_kind == NOT_STATS:
            # Not a statistics question even with the names masked ("weather in Busan tomorrow?"):
            # the FAQ's fallback, with its suggestions, answers it.
            return Plan(None, top_p, stats_p, linked, "not_stats")
        return Plan(None, top_p, stats_p, linked, "unknown:" + unknown[0])
    if top_kind == FOLLOWUP and not context:
        # Without a previous question a whole question may still read as one ("squads seen in A as
        # well as in B"): the rules' reading, when they have one with evidence, before asking again.
        reading = _read(question, linked, today)
        named = sum(m.type in ("team", "player", "tournament", "game", "map", "region", "role") for m in linked.mentions)
        opener = re.match(r"\s*(?:and|also|what about|how about|what of|then|same|그럼|그러면|그건|거기|그 ?팀|그 ?선수|걔|쟤|그리고)\b",
                          question, re.I)
        # a whole question about one name says three words or more besides it ("X 지난 시즌 킬 합계 알려줘") or
        # names a statistic of its own ("KDA for X?", "X 킬뎃?"); an elliptical turn ("X는?", "and in 2025?") does not
        words = [w for w in re.findall(r"[A-Za-z]+|[가-힣]+", re.sub(r"\b[A-Z]{3,}\b", " ", linked.masked)) if len(w) >= 2]
        stat = reading is not None and reading.ir.measure not in (None, "count") and _metric_words(linked.masked)
        # so does a superlative of a kind of thing with no name at all ("제일 짧았던 대회는?", "the busiest month?")
        from .parse import cues

        superlative = not named and reading is not None and reading.shape in ("extreme", "top", "per") \
            and any(p.search(linked.masked) for name in ("max", "min") for p in cues()["aggregates"][name])
        # and so does a set of teams or players told apart by time ("2026년에 처음 출전한 팀", "debuted in 2025")
        contrast = reading is not None and (bool(reading.ir.setop) or reading.ir.having is not None
                                            and str(reading.ir.measure).endswith("played_at")) and reading.ir.select and len(words) >= 2
        # and so does an aggregate over per-group ones ("팀당 평균 선수 수는?", "선수별 평균 킬의 최댓값")
        nested = reading is not None and reading.ir.nest is not None and len(words) >= 3
        whole = named >= 2 or (named == 1 and (len(words) >= 3 or stat)) or superlative or contrast or nested
        if reading is None or not whole or opener or not has_evidence(question, linked, reading):
            return Plan(None, top_p, stats_p, linked, "followup_without_context")
        return Plan(None, max(0.6, reading.confidence * stats_p), max(0.6, stats_p), linked, ir=reading.ir,
                    shape=reading.shape)
    if top_kind == FOLLOWUP or (context and _looks_elliptical(linked, pred)):
        if context.get("kind") == "ir":
            try:
                ir = ir_followup(context, question, linked, today)
            except ValueError as err:
                return Plan(None, top_p, stats_p, linked, f"followup_{err}")
            return Plan(None, max(top_p, pred["kind"].get(FOLLOWUP, 0.0)), stats_p, linked, ir=ir,
                        shape=context.get("shape", ""))
        try:
            q = _followup(context, linked, linked.masked)
        except ValueError as err:
            return Plan(None, top_p, stats_p, linked, f"followup_{err}")
        return Plan(q, max(top_p, pred["kind"].get(FOLLOWUP, 0.0)), stats_p, linked)
    reading = _read(question, linked, today)
    model_ir, model_p = model_reading(linked)
    if reading is not None:
        # The rule parser's IR is kept; the IR model agreeing with it (the same SQL) sets the confidence.
        agree = model_p if model_ir is not None and _same_ir(model_ir, reading.ir) else 0.0
        if stats_p >= 0.5 and top_kind != NOT_STATS:
            conf = max(stats_p, reading.confidence) if stats_p >= 0.9 else stats_p
            return Plan(None, max(conf, agree), stats_p, linked, ir=reading.ir, shape=reading.shape)
        if has_evidence(question, linked, reading):
            # The sketch model does not know this kind of question; its names, dates or statistic words do.
            # Claimed moderately, so a confident FAQ answer still wins the router.
            return Plan(None, max(0.6, agree), max(0.6, agree), linked, ir=reading.ir, shape=reading.shape)
    elif model_ir is not None and model_p >= MODEL_THRESHOLD:
        # The rules cannot read it; the IR model can, confidently, and the question plainly asks for records.
        from .irmodel import shape_of
        from .parse import Reading

        guess = Reading(model_ir, model_p, shape_of(model_ir))
        if top_kind != NOT_STATS or has_evidence(question, linked, guess):
            return Plan(None, model_p, max(stats_p, model_p), linked, ir=model_ir, shape=guess.shape)
    if top_kind == NOT_STATS:
        return Plan(None, top_p, stats_p, linked, "not_stats")
    # Constrained choice: the most probable sketch whose needed names the question provides.
    for kind, p in kinds:
        if kind in (NOT_STATS, FOLLOWUP) or p < 0.05:
            continue
        q = _fill(kind, pred, linked, question)
        missing = q.missing()
        if missing and context:  # "how many kills?" right after a question about a player
            prev = Query.from_meta(context)
            for slot in missing:
                setattr(q, slot, getattr(prev, slot, None))
            missing = q.missing()
        if not missing:
            return Plan(q, p, stats_p, linked)
    return Plan(None, top_p, stats_p, linked, "missing:" + ",".join(_fill(top_kind, pred, linked, question).missing()))


MODEL_THRESHOLD = 0.7
"""The IR model's calibrated confidence needed to answer a question the rule parser cannot read."""


def model_reading(linked: Linked, irmodel=None) -> tuple[IR | None, float]:
    """The IR model's reading of the masked question (values from linking) and its calibrated confidence."""
    from .irmodel import default_irmodel

    ir, p, _ = (irmodel or default_irmodel()).read(linked)
    return ir, p


def _same_ir(a: IR, b: IR) -> bool:
    try:
        return compile_sql(a) == compile_sql(b)
    except ValueError:
        return False


def _read(question: str, linked: Linked, today: dt.date | None):
    """The IR parser's reading, or None when the question's parts do not compose into the IR."""
    from .parse import Unsupported, parse

    try:
        return parse(question, linked, today)
    except Unsupported:
        return None


_PROCEDURAL = re.compile(
    r"\b(?:how (?:do|can|should|to)|can (?:i|we|you)|should|allowed|possible|register|sign ?up|invite|contact|reset|"
    r"change|rules?|limit|need to|must|refund|prize|make (?:a|my|our)|create|join|can|does|reviews?|approves?|pause|appeal|dispute|anticheat|need|conditions|disqualif\w*|characters|tag|lock|captain|password|account|sub(?:stitute)?s|"
    r"next|upcoming|our|my|we|us|i|me|why|work|works|seeds?|lobby|late|server|roster size|is it|are matches|"
    r"best of \w+|per kill|bracket|system|decides?)\b|우리|다음|저희|(?<![가-힣])내 |(?<![가-힣])제 |왜|시드|로비|늦|서버|몇 ?분|방 비번|코드|알림|"
    r"체크인|대진표|킬당|몇판임|몇 ?시|시스템|까지\s*$|몇 ?명까지|어캐|누구한테|필요|틀리|잘못|입력|퍼즈|"
    r"가능|되나요|돼요\?|될까|어떻게|방법|하는 ?법|해야|(?<![가-힣])수 ?있|까지 ?돼|규정|규칙|등록(?:하|은|방법)|신청|변경|바꾸|바꿔|초대|문의|환불|상금|해도 돼|되나|"
    r"돼\?|인원(?!\s*(?:수|몇\s*명인지|몇\s*명씩))(?<!별\s인원)(?<!별로\s인원)(?<!마다\s인원)|(?<!경)기한|멈춤|튕|오류|에러|만들|팀장|가입|계정|비밀번호|교체", re.I)


_REQUEST = re.compile(
    r"\b(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+|just\s+|quickly\s+)?"
    r"(?=(?:tell|show|give|list|rank|find|check|pull|look up|name|count|sort|order|break|get|fetch|grab|dig|bring|sum|work out|figure|confirm|compare|say)\b)",
    re.I)
_HEDGE = re.compile(
    r"\b(?:i|we)\s+(?:(?:really|honestly|kinda|kind of|sort of|also|still|just|always)\s+)?(?:think|thought|guess|believe|reckon|"
    r"suppose|swear|remember|recall|heard|hear|keep hearing|bet|wonder|wondered|was wondering|forget|can'?t remember|"
    r"don'?t remember|do not remember|can'?t recall)\b|\bif (?:i|we) (?:remember|recall)(?: (?:it )?(?:right|rightly|correctly))?\b"
    r"|\bcorrect me if i'?m wrong\b|\bunless i'?m (?:wrong|mistaken)\b|\bas far as i (?:know|remember|can tell)\b"
    r"|\bi'?m (?:pretty |fairly |quite |not )?(?:sure|certain|positive|curious)\b|\bi am (?:pretty |fairly |quite |not )?(?:sure|certain|positive|curious)\b"
    r"|\bchange my mind\b|\b(?:i|we) (?:need|want|wanna|would like|'d like) to know\b|\bfor me\b",
    re.I)


def _asking_sentence(text: str) -> tuple[int, int]:
    """Where the sentence that asks is in ``text``: the last one ending in a question mark, else the last one
    (sentences end at ".", "!", "?", ":", ";", "~" or a chat laugh "ㅋㅋ" before a space), from the last clause of it that
    opens with a question word after a comma ("I watched X for years, roughly how many …?")."""
    bounds = [0] + [m.end() for m in re.finditer(r"(?:[.!?:;~]+|(?<=[가-힣])(?:ㅋ|ㅎ|ㅠ|ㅜ){2,})\s+(?=\S)", text)] + [len(text)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    if not spans:
        return 0, len(text)
    asked = [s for s in spans if "?" in text[s[0]:s[1]]]
    start, end = (asked or spans)[-1]
    # "I watched X for years, roughly how many X matches are there?": the clause after the comma asks
    clause = None
    for clause in re.finditer(r",\s*(?:(?:so|but|and|then|now|roughly|approximately|just|basically|anyway)\s+)*"
                              r"(?=(?:how|what|which|who|when|where|is|are|was|were|did|does|do|has|have|can|could)\b)",
                              text[start:end], re.I):
        pass
    return (start + clause.end(), end) if clause else (start, end)


# where a sentence that asks starts: a question word, an auxiliary or a request opening it
_ASKS = re.compile(r"(?:how|what|what's|which|who|whom|whose|when|where|why|is|are|was|were|did|do|does|has|have|had|can|could|"
                   r"would|will|list|show|give|tell|name|rank|count|find|pull|any)\b", re.I)


def _asking_part(text: str) -> str:
    """The text from the sentence that asks on: leading sentences closed by a full stop, an exclamation mark or a colon
    that hold no question mark and open with no question word or request ("People tell me X is strong:", "My cousin
    insists it ended in June.") are the asker's story; the text itself when no later sentence asks, or when a sentence
    before it speaks for a team or an organiser ("we", "our", "우리")."""
    parts = re.split(r"(?<=[.!:])\s+(?=\S)", text)
    for k, part in enumerate(parts):
        # (a name blanked out at a sentence's start leaves spaces, so "<team> were my pick." opens with no question word)
        if "?" in part or "？" in part or _ASKS.match(part.lstrip("\"'(")):
            return " ".join(parts[k:])
        if _WE.search(part):  # "We registered late.": the asker speaks for a team or an organiser, whose procedure it may be
            return text
    return text


def has_evidence(question: str, linked: Linked, reading) -> bool:
    """Whether a question the sketch model calls 'not statistics' still plainly asks about match records:
    it names rows of the database or dates, or a statistic, and asks nothing procedural."""
    # a fan's "우리 <team>" / "our <team>" names the team, it asks nothing procedural about the asker's own team
    for m in linked.mentions:
        if m.type == "team" and 0 < m.start <= len(question):
            head = re.sub(r"(?:(?<![가-힣])(?:우리|저희)|\b(?:our|my))\s*$", " ", question[:m.start], flags=re.I)
            question = head + " " * (m.start - len(head)) + question[m.start:]
    # "We're X. What's our record vs Y?", "저희는 X인데 우리가 ...": the asker speaks for a named team, so "we", "our", "us",
    # "우리" are that team's rows, not a procedure of the asker's own
    if _speaks_for_team(question, linked):
        question = re.sub(r"\b(?:we|we're|we've|we'd|us|our|ours|ourselves)\b|(?<![가-힣])(?:우리|저희)(?:\s*팀)?",
                          lambda m: " " * len(m.group()), question, flags=re.I)
    # "which region does X represent", "what team does X play for": "does" before a named team or player asks a fact of
    # its rows, not a procedure
    for m in sorted((m for m in linked.mentions if m.type in ("team", "player", "role") and m.end <= len(question)
                     and question[m.start:m.end] == linked.text[m.start:m.end]), key=lambda m: -m.start):
        # ("how many kills does a duelist average": a role's rows)
        aux = re.search(r"\b(?:does|do|did)\s+(?:the\s+|an?\s+)?(?:(?:player|pro|team|squad|org)\s+(?:(?:called|named|known as)\s+)?)?$",
                        question[:m.start], re.I)  # "which position does the pro named X hold"
        if aux and re.search(r"\b(?:which|what|where|who|whom|how many|how much)\b", question[:aux.start()], re.I):
            question = question[:aux.start()] + " " * (aux.end() - aux.start()) + question[aux.end():]
    # a linked name is no procedure's word: a player called "captain park", a team "Late Night Crew"
    for m in linked.mentions:
        if m.type in ("team", "player", "tournament", "map") and m.end <= len(question) \
                and question[m.start:m.end] == linked.text[m.start:m.end]:
            question = question[:m.start] + " " * (m.end - m.start) + question[m.end:]
    # "결승 스코어 어떻게 됐어", "how did the final go", "상대전적 어떻게 되나요": a result asked for, not a procedure;
    # "킬뎃 얼마나 돼요": an amount asked for
    plain = re.sub(r"어떻게\s*(?:됐|되었|끝났|나왔)|(?:전적|성적|기록|스코어|점수|순위|결과|승률|비율|퍼센트|킬뎃|KDA|(?<![가-힣])수|개수|횟수|숫자)\s*(?:은|는|이|가)?\s*"
                   r"어떻게\s*(?:되나요|되나|돼요|돼|되죠|되는지|될까요)|얼마(?:나)?\s*(?:돼|되나|되죠|되는지|될까)\S*|\bhow did (?:it|that|the \w+|@\w+) (?:go|end|turn out)\b|\b(?:does|do) (?:each|every)\b"
                   r"|\bhow (?:many|much) (?:[\w-]+ ){1,3}(?:does|do|did) (?:[\w.'-]+ ){1,4}(?:have|has|had|get|got|own|hold)\b"
                   r"|\bhow many (?:[\w-]+ ){1,3}(?:do|does) (?:we|you) have(?: (?:registered|listed|signed|on record))?\b"
                   r"|\b(?:show|give|tell|get|list|remind|send|fetch|find|pull|bring|let) (?:me|us)\b|\bwhen (?:does|do|did)\b"
                   r"|\b(?:we|you) (?:have|got)(?: (?:registered|listed|signed|on (?:file|record)))?\s*[?.!]*\s*$"
                   r"|몇\s*(?:개|명|팀|번|판|경기|곳|퍼센트|프로|%|점|킬|라운드|세트|승|패)\S*\s*(?:정도|쯤|가량|나)?\s*(?:돼|되나|되죠|되는지|될까|되었|됐)"
                   # "등록은 돼 있는데", "등록된 선수": being on the books is a state of the rows, not how to sign up
                   r"|(?:등록|입력|기재)\s*(?:은|이|만|까지|도)?\s*(?:안\s*)?(?:돼|되어|된|됐|되었|되어져)"
                   # a past match's clock time ("그 매치 몇 시에 열렸어"), what is needed of the rows ("need their dates"),
                   # the organisers' own matches ("how many did we host last spring"): records asked for, not a procedure
                   r"|몇\s*시(?:\s*몇\s*시|\s*쯤)?\s*(?:였|이었|에\s*(?:했|열렸|열린|치렀|치른|시작했|시작한|있었|끝났))"
                   # "몇일 몇시임", "몇 시였음": the clock time of a past match said in chat; "다합쳐서 몇판임": a total
                   r"|몇\s*일\s*몇\s*시\S*|몇\s*시\s*(?:임|였음|였냐|였어)|(?:다\s*)?(?:합쳐서|합치면|통틀어|전부|모두|총)\s*몇\s*(?:판|경기|매치)\S*"
                   r"|\b(?:i |we )?need (?:the|their|its|his|her|all|every|a list of)\b"
                   # "need names, dates and kills": the columns wanted, listed after "need"
                   r"|\b(?:i |we )?need\s+(?=(?:(?:the|their|its|his|her|each)\s+)?(?:nick(?:name)?s?|names?|teams?|dates?|times?|timestamps?|"
                   r"maps?|stages?|scores?|kills?|kill counts?|deaths?|assists?|damage|points?|regions?|roles?|tournaments?|events?|winners?|losers?)\b)"
                   r"|\b(?:we|we've|we have|you|you've|you have) (?:ever )?(?:ran|run|host|hosted|hold|held|organi[sz]e|organi[sz]ed|stage|staged|had|record|recorded|seen)\b"
                   # the organisers' own events and books ("in our events", "at our Valorant games", "on our books", "our
                   # <region> teams", "stored in the system"): the records themselves, not the asker's procedure;
                   # "i.e.", "e.g." are no "I"
                   r"|\b(?:in|at|across|from|of|on|for|among|to)\s+(?:all\s+)?(?:of\s+)?our\s+(?:own\s+)?(?:[\w.-]+\s+){0,2}?"
                   r"(?:events?|tournaments?|games|matches|competitions?|leagues?|series|books|records?|data(?:base)?|system|history|"
                   r"circuit|stats|season)\b"
                   r"|\bour\s+(?:[\w-]+\s+){0,2}?(?:teams|players|squads|orgs|organi[sz]ations|rosters|events|tournaments|matches)\b"
                   r"|\b(?:in|into|on|to)\s+(?:the|our)\s+(?:system|database|db|records?|books)\b|\b(?:i\.e|e\.g)\.?"
                   # a closing "which team was that?", "who is it?": the rows asked again, not "is it allowed"
                   r"|\b(?:which|what|who)(?:\s+(?:one|ones|team|teams|player|players))?\s+(?:is|was|are|were)\s+(?:it|they|that)\s*\??\s*$",
                   " ", question, flags=re.I)  # "how many players does X have": a count, not a procedure
    plain = re.sub(r"\b(?:i\.\s?e|e\.\s?g)\b\.?", "    ", plain, flags=re.I)  # "i.e.", "e.g." are no "I"
    # "late March", "in late 2025", "late-season": a part of the calendar, not being late
    plain = re.sub(r"\blate(?=[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|season|\d{4}|in the (?:year|season|month)))",
                   "    ", plain, flags=re.I)
    from .parse import ZEROS_SHOWN

    if ZEROS_SHOWN.sub("", plain).strip(" .?!;"):
        plain = ZEROS_SHOWN.sub(" ", plain)  # "Teams at nothing get shown as 0.": how to show rows, no procedure
    # "상대팀이랑 스코어까지", "날짜까지": the columns asked besides (까지 "as well"), no deadline of a procedure
    plain = re.sub(r"(?:스코어|점수|날짜|일시|시간|맵|이름|팀명|상대\s*팀|상대|킬|데스|어시|딜량|포지션|역할|지역|대회명?|순위|결과)\s*(?:도|이랑|랑)?\s*까지",
                   lambda m: " " * len(m.group()), plain)
    # "지역 코드가 EU인", "region code": the region column named, no code of a lobby
    plain = re.sub(r"(?:지역|국가|리전|나라)\s*코드|\b(?:region|country)\s+codes?\b", lambda m: " " * len(m.group()), plain, flags=re.I)
    # "가장 늦은", "제일 늦게 끝난": the latest of the records, not being late
    plain = re.sub(r"(?:가장|제일|젤|맨)\s*늦(?:게|은)", lambda m: " " * len(m.group()), plain)
    # "i mean", "I meant", "what I'm asking is": the asker restating the question, no procedure of the asker's own
    plain = re.sub(r"\b(?:i\s+mean(?:t)?|what\s+i(?:'m|\s+am)\s+asking(?:\s+is)?|i'?m\s+asking\s+about)\b",
                   lambda m: " " * len(m.group()), plain, flags=re.I)
    # "X가 3대1로 잡은 경기 몇판임", "연장 간 경기 몇판임": the matches a past verb describes, counted (a record); "결승 몇판임"
    # alone may ask the format of a series
    plain = re.sub(r"(?<=[가-힣])(\s*(?:경기|판|매치|게임)(?:는|은|이|가)?\s*몇\s*판\s*(?:임|이야|인지|였|이었))",
                   lambda m: " " * len(m.group(1)) if (ord(plain[m.start() - 1]) - 0xAC00) % 28 == 4 else m.group(1), plain)
    if re.search(r"[^\s(]", re.sub(r"\([^()]*\)", " ", plain)):
        # an aside in parentheses spells out the asked columns or the scope ("(우리 쪽 라운드 먼저)", "(maps, in order)"):
        # its words say nothing of a procedure
        plain = re.sub(r"\([^()]*\)", " ", plain)
    # "Long-time reader here. People tell me X is strong: how many …?", "My cousin insists A took it. When
    # did it start?": sentences that tell the asker's story before the question asks nothing; a procedure's words
    # ("I", "my", "change") count only in the part that asks
    plain = _asking_part(plain)
    from .unwrap import core_question

    # a request made of the assistant ("can you list ...", "could you rank ..."; the Korean ones, "알려줄 수 있어요?", are
    # unwrap's request endings, which core_question takes off): the rows asked for, not whether a procedure is possible
    plain = _REQUEST.sub(lambda m: " " * len(m.group()), plain)
    # the asker's hedges ("I guess", "if I recall correctly", "I'm fairly certain") are no procedure of the asker's own
    plain = _HEDGE.sub(lambda m: " " * len(m.group()), plain)
    # a context clause before the question ("For our weekly recap of X: ...") is the asker's, not a procedure; the size
    # of a roster ("roster size", "인원 수") is a procedure's word only about no named team, game or role ("max roster
    # size?"): "X roster size", "레식 포지션별 인원 수" count rows
    core = core_question(plain)
    hits = [m for m in _PROCEDURAL.finditer(core)] if _PROCEDURAL.search(plain) else []
    # "I", "my", "we" before the clause that asks ("I watched X for years, roughly how many …?"; whole story sentences
    # are already off, _asking_part) tell of the asker's life, not of a procedure; in the clause that asks they still do
    # ("how much money is in my account", "what time is our quarterfinal")
    asks = _asking_sentence(core)
    hits = [m.group() for m in hits if not (re.fullmatch(r"i|me|my|we|us|our", m.group(), re.I)
                                            and not asks[0] <= m.start() < asks[1])]
    size_only = hits and all(re.fullmatch(r"roster size|인원", h, re.I) for h in hits) \
        and any(m.type in ("team", "game", "role", "tournament") for m in linked.mentions)
    if hits and not size_only:
        return False
    from .parse import _fix_typos, cues

    named = any(m.type in ("team", "player", "tournament", "map", "stage", "region", "role") for m in linked.mentions)
    linked = dataclasses.replace(linked, masked=_fix_typos(linked.masked))  # "plaeyrs" is players
    stat = any(p.search(linked.masked) for name, pats in cues()["measures"].items() if name != "appearances"
               for p in pats) or _scoreline_words(linked.masked) or _scoreline_words(question)
    entity = any(p.search(linked.masked) for name in ("team", "player", "tournament", "match", "map", "region", "role")
                 for p in cues()["entities"][name])
    filters = list(reading.ir.filters)
    for extra in (reading.ir.setop, reading.ir.compare, reading.ir.minus):
        if extra:
            filters += list(extra.get("a") or []) + list(extra.get("b") or [])
    dated = any(f.col.endswith(("played_at", "start_date", "end_date")) for f in filters)
    shaped = reading.shape in ("count", "list", "top", "group", "having", "set", "ranking", "extreme", "per", "share")
    game = any(m.type == "game" for m in linked.mentions)
    # "when was the last match", "첫 경기 언제였어": the date of past records ("when does the cup start" may be a schedule)
    past = re.search(r"\bwhen (?:was|were|did)\b|언제\s*(?:였|이었|했|열렸|있었|치렀|시작했|끝났)", question, re.I)
    # "제일 바빴던 달", "the quietest month": a ranking of the calendar's units by the matches played in each
    calendar = shaped and reading.ir.group and any(c.startswith(("month(", "year(", "day(")) for c in reading.ir.select)
    # "팀당 평균 선수 수": an aggregate over per-group counts of the kinds of rows it names
    nested = reading.ir.nest is not None
    return bool(named or dated or stat or calendar or (entity and (shaped or game or past or nested)))


_SPEAKS_FOR = re.compile(
    r"\b(?:we(?:'re|’re| are)|this is|i(?:'m|’m| am) (?:with|on|from)|we play (?:as|for)|i play for|(?:speaking|asking|writing) (?:as|for|on behalf of)"
    r"|on behalf of|(?:as|for) (?:the )?(?:team|squad|roster|coach|manager|staff|fans?)(?: of)?)\s*(?:the\s+)?$"
    r"|(?<![가-힣])(?:우리|저희)(?:\s*팀)?\s*(?:은|는|이|가)?\s*$", re.I)
_SPEAKS_FOR_AFTER = re.compile(r"^\s*(?:팀)?\s*(?:이에요|예요|에요|인데요?|이고|입니다|이라서|라서|이니까|소속인데|소속이에요|소속입니다|팬인데|팬이에요)")


def _speaks_for_team(question: str, linked: Linked) -> bool:
    """Whether the asker says which team "we" is ("We're X.", "this is X's coach", "저희는 X인데", "우리 팀은 X예요")."""
    for m in linked.mentions:
        if m.type != "team" or m.end > len(question):
            continue
        if _SPEAKS_FOR.search(question[:m.start]) or \
                (re.search(r"(?<![가-힣])(?:우리|저희)|\b(?:we|our|us)\b", question, re.I) and _SPEAKS_FOR_AFTER.match(question[m.end:])):
            return True
    return False


_WE = re.compile(r"\b(?:we['’]re|we['’]ve|we['’]d|we|us|our|ours|ourselves)\b|(?<![가-힣])(?:우리|저희)(?:\s*팀)?", re.I)


def _as_named_team(question: str, url: str, today: dt.date | None) -> str:
    """The question with "we", "our", "us" ("우리", "저희") written as the team the asker says they are ("We're X. What's
    our record vs Y?" reads "What's X's record vs Y?"); the saying itself left out when a question follows it."""
    if not _WE.search(question):
        return question
    linked = link(question, load_catalog(url), today)
    teams = {m.value for m in linked.mentions if m.type == "team"}
    said = None
    for m in linked.mentions:
        if m.type != "team" or m.end > len(question):
            continue
        before = _SPEAKS_FOR.search(question[:m.start])
        after = _SPEAKS_FOR_AFTER.match(question[m.end:])
        if before and re.search(r"(?<![가-힣])(?:우리|저희)(?:\s*팀)?\s*(?:은|는|이|가)?\s*$", before.group()) and not after:
            continue  # "우리 X 몇 번 이겼어": a fan's team named, nothing more to rewrite
        if before or (after and _WE.search(question[:m.start])):
            start = before.start() if before else _WE.search(question[:m.start]).start()
            end = m.end + (after.end() if after else 0)
            tail = re.match(r"(?:['’]s\s+[A-Za-z]+)?\s*(?:[.,:;!–—-]+|요)*\s*", question[end:])
            said = (start, end + (tail.end() if tail else 0), m.value)
            break
    if said is None or len(teams) == 0:
        return question
    start, end, team = said
    rest = question[end:]
    if not rest.strip() or not _WE.search(rest):
        return question

    def name(w: re.Match) -> str:
        word = w.group().lower()
        if word in ("our", "ours"):
            return f"{team}'s"
        if word.startswith(("we’", "we'")):
            return team + (" is" if word.endswith("re") else " have" if word.endswith("ve") else " would")
        return team
    return question[:start] + _WE.sub(name, rest)


def _scoreline_words(masked: str) -> bool:
    """A scoreline or a series' shape ("3대0", "2-1", 셧아웃, sweeps, overtime, margins) is a statistic asked about."""
    from .parse import cues

    if re.search(r"(?<![\d:/-])\d{1,2}\s*(?:-|:|대|to)\s*\d{1,2}(?![\d:/-])", masked):
        return True
    return any(p.search(masked) for name in ("sweep", "full", "overtime", "margin") for p in cues()["shapes"][name])


def ir_followup(context: dict[str, Any], question: str, linked: Linked, today: dt.date | None) -> IR:
    """The previous IR with the names and dates this turn gives put in place of the old ones."""
    from .dates import find_dates
    from .ir import Filter
    from .parse import VALUE_COL, Parser

    ir = IR.from_dict(context["ir"])
    changed = False
    for etype, col in VALUE_COL.items():
        values = linked.values(etype)
        if not values:
            continue
        new = [f for f in ir.filters if f.col != col]
        value = values[0] if len(values) == 1 else list(values)
        new.append(Filter(col, "=" if len(values) == 1 else "in", value))
        ir.filters = new
        changed = True
    taken = [False] * (len(question) + 1)
    for m in linked.mentions:
        for i in range(m.start, m.end):
            taken[i] = True
    specs = find_dates(question, today, taken)
    if specs:
        parser = Parser(question, linked, today)
        dates = parser.date_filters("m.played_at", specs)
        ir.filters = [f for f in ir.filters if not f.col.endswith(("played_at", "start_date"))] + dates
        changed = True
    if not changed:
        raise ValueError("nothing")
    return ir


def _named_values(ir: IR) -> list[str]:
    """The names and numbers an IR filters on, for the answer sentence."""
    out = []
    for f in ir.filters:
        if f.op in ("=", "in") and f.col.endswith((".name", ".nickname", ".game", ".map", ".region", ".role")):
            for v in (f.value if isinstance(f.value, list) else [f.value]):
                if str(v) not in out:
                    out.append(str(v))
        elif f.op == "range" and f.col.endswith("played_at"):
            out.append(" ~ ".join(x for x in f.value if x))
    return out


_FUNCTION_WORDS = (
    "about above across after against along amid among amongst around as at before behind below beneath beside besides "
    "between beyond but by concerning considering counting despite down during except excluding following for from given "
    "in including inside into like near of off on onto opposite out outside over past per plus regarding round since than "
    "through throughout till to toward towards under underneath unlike until up upon versus via with within without "
    "although because if once though unless whereas whether while also actually again already altogether apart basically "
    "both either neither each every exactly generally just only overall perhaps quite rather really simply still then "
    "there therefore thus together too very yet hence meanwhile otherwise moreover furthermore however anyway anyhow "
    "looking speaking thinking wondering curious quick honestly seriously okay alright sorry sure thanks "
    # what a chatty opener says the asker saw or heard ("Watched a video where …", "Heard that …")
    "saw seen heard watched noticed caught remember reckon guess "
    # chat acronyms written in capitals ("Need X's kills ASAP", "FYI ...") are no names either
    "asap fyi tbh imo imho iirc btw pls plz thx lol lmao ngl idk omg "
    # the verbs a request opens with ("Calculate (kills + assists) / deaths for X", "Compute ...", "Identify ...")
    "calculate compute determine figure work tally summarize summarise identify provide display retrieve report return "
    "output pull fetch grab dig bring look check find get give show tell list name rank sort order count break split flag "
    # thanks and greetings of other languages a writer signs off with ("Danke!", "Merci", "Salamat po")
    "danke dankeschön merci gracias obrigado obrigada grazie arigato arigatou domo salamat terima kasih cheers prost "
    "ciao hola servus moin tschüss salut")


@cached_loader
def _known_words() -> set[str]:
    """Every Latin word of the templates, the lexicon and the FAQ examples (lower-case)."""
    from .synth import TEMPLATE_FILES, TEMPLATES_DIR, negatives

    texts = [(TEMPLATES_DIR / name).read_text(encoding="utf-8") for name in (*TEMPLATE_FILES, "lexicon.yaml")]
    texts += [e.text for e in negatives()]
    texts.append((TEMPLATES_DIR / "cues.yaml").read_text(encoding="utf-8"))
    from .dates import MONTHS, WEEKDAYS

    texts.append(" ".join(list(MONTHS) + list(WEEKDAYS) + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                                                             "Oct", "Nov", "Dec", "Saturdays", "Sundays", "Weekends"]))
    # English function words a writer may open a sentence with ("Throughout 2024, ...", "Besides X, ...")
    texts.append(_FUNCTION_WORDS)
    # regex escapes of the cue file ("\bmvp\b") are not letters of its words
    plain = [re.sub(r"\\[bBdDsSwW]", " ", t) for t in texts]
    # hyphenated cue words ("w-l", "k-d") are words people ask with as a whole
    return {w.lower() for t in plain for w in re.findall(r"[A-Za-z]+", t)} | \
        {w.lower() for t in plain for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", t)}


def _known_form(word: str, known: set[str]) -> bool:
    """A word people ask with: a known word, its plural or verb form ("Comparing", "Skipped", "Holds"), or a compound
    of known words ("One-match", "Per-game", "Head-to-head")."""
    if word in known or word.rstrip("s") in known:
        return True
    if "-" in word.strip("-"):
        return all(_known_form(part, known) for part in word.split("-") if part)
    for suffix in ("ing", "ed", "es"):
        if word.endswith(suffix) and len(word) - len(suffix) >= (2 if suffix == "ing" else 3):  # "Doing", "Going"
            stem = word[:-len(suffix)]
            # "comparing" compare, "skipped" skip, "placed" place
            if stem in known or stem + "e" in known or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known):
                return True
    return False


def unknown_names(linked: Linked) -> list[str]:
    """Capitalised Latin words that are neither linked names nor words people ask with ("Pearl" when
    the database has no such map): answering without them would answer another question."""
    known = _known_words()
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[A-Za-z][A-Za-z0-9.'’-]*", linked.masked):
        # a possessive or an English contraction ("I'm", "I'd", "We've", "Don't") is the word before it
        word = re.sub(r"['’](?:s|m|d|ll|ve|re|t)$", "", m.group(0), flags=re.I).rstrip(".'’-")
        if any(word.startswith(v) for v in MASK.values()) or not word[:1].isupper() or len(word) < 3:
            continue
        # a known word glued to a number ("TOP2" masked as "TOPN", "Bo3", "Top10") is that word and the number
        base = re.sub(r"(?<=[A-Za-z])(?:\d+|N)$", "", word)
        if base != word and (len(base) < 3 or base.lower() in known):
            continue
        # an ordinary English word opening a sentence is capitalised for that alone ("Break down X by stage", "Doing
        # a recap: ..."); a name inside a sentence ("matches on Pearl") still counts, and so does a noun opening one
        # ("Phoenix matches in 2025?"): the opening word is a verb or an adverb by its ending or by the small word after it
        opening = re.search(r"(?:^|[.!?;:]|\n)[\s\"'(\[]*$", linked.masked[:m.start()])
        if opening and word.lower() in english_words() and (
                re.search(r"(?:ing|ly|ed)$", word) or re.match(
                    r"\s+(?:a|an|the|down|up|out|off|over|through|me|us|this|that|these|those|my|our|your|it|some|all|every|"
                    r"each|for|with|in|on|of|to|at|by|from|about|into"
                    # or a statistic's head noun after it ("Pick rate of each map", "Kill participation of X", "Map pool")
                    r"|rates?|ratios?|share|participation|percentages?|counts?|totals?|averages?|leaders?|breakdown|pool|per)\b",
                    linked.masked[m.start() + len(word):], re.I)):
            continue
        if not _known_form(word.lower(), known):
            if out and linked.masked[out[-1][1]:m.start()] == " ":  # "Purple Walruses" is one name
                out[-1] = (out[-1][0], m.start() + len(word), out[-1][2] + " " + word)
            else:
                out.append((m.start(), m.start() + len(word), word))
    return [w for _, _, w in out]


def _looks_elliptical(linked: Linked, pred: dict) -> bool:
    """A short turn that names a value but asks nothing new ("X는?", "and in 2025?")."""
    return pred["kind"].get(FOLLOWUP, 0.0) >= 0.3


_REASONS = {
    "not_stats": {"en": "That does not look like a question about match statistics.",
                  "ko": "경기 통계 질문이 아닌 것 같아요."},
    "followup_without_context": {"en": "I am not sure what this follow-up refers to, so please ask the whole question.",
                                 "ko": "어떤 질문에 이어지는지 알 수 없어서, 질문 전체를 다시 말해 주세요."},
    "followup_team": {"en": "The previous question was not about a team, so I cannot swap in a team.",
                      "ko": "이전 질문이 팀에 대한 것이 아니라서 팀만 바꿔 답할 수 없어요."},
    "followup_nothing": {"en": "I could not tell what to change in the previous question; please ask the whole question.",
                         "ko": "이전 질문에서 무엇을 바꿀지 알 수 없어요. 질문 전체를 다시 말해 주세요."},
    "followup_player": {"en": "The previous question was not about a player, so I cannot swap in a player.",
                        "ko": "이전 질문이 선수에 대한 것이 아니라서 선수만 바꿔 답할 수 없어요."},
    "unsure": {"en": "I am not sure I understood that statistics question.",
               "ko": "통계 질문을 정확히 이해했는지 확신이 없어요."},
}
_MISSING = {
    "team": {"en": "I could not find a team of this database in the question.",
             "ko": "질문에서 이 데이터베이스에 있는 팀 이름을 찾지 못했어요."},
    "team2": {"en": "A head-to-head question needs two teams of this database, and I found fewer.",
              "ko": "상대 전적을 보려면 팀 두 개가 필요한데 찾지 못했어요."},
    "player": {"en": "I could not find a player of this database in the question.",
               "ko": "질문에서 이 데이터베이스에 있는 선수 이름을 찾지 못했어요."},
    "threshold": {"en": "The question needs a number to compare with (e.g. 'more than 5 wins').",
                  "ko": "비교할 숫자가 필요해요 (예: '5승 이상')."},
}


def answer(question: str, url: str, language: str | None = None, context: dict[str, Any] | None = None,
           today: dt.date | None = None, model=None) -> SQLAnswer:
    """Answer a statistics question over the match database at ``url`` (read-only).

    ``context`` is the ``meta`` of the previous SQL answer in the conversation, for follow-ups.
    Raises :class:`InputError` with a sentence suggesting a rephrasing when it cannot answer safely.
    """
    text = check_text(question)
    if language is not None:
        language = check_language(language)
    p = plan(text, url, context, today, model)
    return execute(p, url, language or question_language(p.linked))


def question_language(linked: Linked) -> str:
    """The asker's language, judged on the words around the names ("Storm League 결승 누가 이겼어?" is
    Korean although most of its letters are Latin); the whole text decides when no words are left."""
    words = re.sub("|".join(sorted(set(MASK.values()), key=len, reverse=True)), " ", linked.masked)
    found = detect(words)
    if found.hangul or found.latin:
        return found.reply_language()
    return detect(linked.text).reply_language()


def execute(p: Plan, url: str, lang: str) -> SQLAnswer:
    """Build, check and run the SQL of a :class:`Plan`; refuse (InputError) when the plan is not good enough."""
    if p.query is None and p.ir is None:
        problem = p.problem or "unsure"
        if problem.startswith("unknown:"):
            name = problem.split(":", 1)[1]
            raise _refuse(lang, {"en": f"I could not find '{name}' among the teams, players, tournaments or maps "
                                       "of this database.",
                                 "ko": f"이 데이터베이스의 팀·선수·대회·맵 중에서 '{name}'을(를) 찾지 못했어요."})
        if problem.startswith("missing:"):
            slot = (problem.split(":", 1)[1].split(",") or ["team"])[0] or "team"
            raise _refuse(lang, _MISSING.get(slot, _REASONS["unsure"]))
        raise _refuse(lang, _REASONS.get(problem, _REASONS["unsure"]))
    if p.confidence < MIN_CONFIDENCE:
        raise _refuse(lang, _REASONS["unsure"])
    dialect = "postgres" if url.startswith("postgres") else "sqlite"
    if p.ir is not None:
        sql = compile_sql(p.ir, dialect)
        validate(sql, dialect=dialect)
        result = run_readonly(url, sql, check=False)
        return SQLAnswer(sql=sql, columns=result.columns, rows=result.rows,
                         text=render_ir(p.shape, result.columns, result.rows, lang, truncated=result.truncated,
                                        names=_named_values(p.ir),
                                        percent=p.ir.measure == "win_rate" or str(p.ir.measure).startswith("pct:")),
                         confidence=round(p.confidence, 4), meta={"kind": "ir", "shape": p.shape, "ir": p.ir.to_dict()},
                         language=lang, truncated=result.truncated)
    sql = build_sql(p.query)
    validate(sql, dialect="postgres" if url.startswith("postgres") else "sqlite")
    result = run_readonly(url, sql, check=False)
    return SQLAnswer(sql=sql, columns=result.columns, rows=result.rows,
                     text=render(p.query, result.columns, result.rows, lang, truncated=result.truncated),
                     confidence=round(p.confidence, 4), meta=p.query.to_meta(), language=lang,
                     truncated=result.truncated)
