"""Value linking: find the teams, players, tournaments, games, stages, maps, years and numbers a
question names, matched against the rows of the database the question is about.

Matching is Hangul-aware: names are compared without spaces, punctuation or case ("목포마린즈" =
"목포 마린즈", "nova k" = "Nova.K"), may carry Korean particles ("목포 마린즈가", "하늘이랑"), and a
near miss is matched fuzzily on decomposed jamo (so one wrong vowel costs little). The linked spans
are then masked ("How many matches did TEAM win?") so the model never depends on the names of the
database it was trained on.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
import time
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kernel.korean import dictionary_words, has_batchim, is_hangul, jamo, split_syllable, syllable_indices

LEXICON_PATH = Path(__file__).parent / "templates" / "lexicon.yaml"
ENTITY_TYPES = ("team", "player", "tournament", "game", "stage", "map", "region", "role")
MASK = {"team": "TEAM", "player": "PLAYER", "tournament": "TOURNAMENT", "game": "GAME", "stage": "STAGE",
        "map": "MAP", "region": "REGION", "role": "ROLE", "year": "YEAR", "number": "N"}
# Near-miss matching only for names that are arbitrary strings; games and stages come from the lexicon.
FUZZY_TYPES = ("team", "player", "tournament", "map", "game")
_PRIORITY = {"team": 0, "tournament": 1, "player": 2, "map": 3, "game": 4, "stage": 5, "region": 6, "role": 7}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The shared word lists (templates/lexicon.yaml)."""
    return yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Lower-case letters and digits only (NFKC), the form names are compared in."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


def fold_accents(text: str) -> str:
    """Latin letters without their accents ("Pelé" → "Pele", "Kraków" → "Krakow"); Hangul and the rest unchanged."""
    return "".join(unicodedata.normalize("NFKD", ch)[0] if ch.isalpha() and not is_hangul(ch) and ord(ch) < 0x2000
                   and unicodedata.normalize("NFKD", ch)[0].isascii() else ch for ch in text)


# A consonant skeleton in which a Latin name and its Hangul transliteration agree ("Kumo Raiders" and
# "쿠모 레이더스" both give "kmrts"): vowels dropped, voiced/unvoiced pairs merged, a Latin 'r' before a
# consonant dropped (Korean writes "raiders" as 레이더스), 'h' and 'w'/'y' glides dropped.
_HANGUL_ONSET = {"ㄱ": "k", "ㄲ": "k", "ㅋ": "k", "ㄴ": "n", "ㄷ": "t", "ㄸ": "t", "ㅌ": "t", "ㄹ": "r", "ㅁ": "m",
                 "ㅂ": "p", "ㅃ": "p", "ㅍ": "p", "ㅅ": "s", "ㅆ": "s", "ㅈ": "s", "ㅉ": "s", "ㅊ": "s"}
_HANGUL_CODA = {"ㄱ": "k", "ㄲ": "k", "ㅋ": "k", "ㄴ": "n", "ㄷ": "t", "ㅌ": "t", "ㄹ": "r", "ㅁ": "m", "ㅂ": "p",
                "ㅍ": "p", "ㅅ": "t", "ㅆ": "t", "ㅇ": "n", "ㅈ": "t", "ㅊ": "t"}
# A final ㅅ writes a Latin 't' in loanwords ("벨벳" = velvet, "로봇" = robot); a Latin 's' gets its own 스.
_LATIN = {"b": "p", "p": "p", "f": "p", "v": "p", "c": "k", "k": "k", "g": "k", "q": "k", "x": "ks", "d": "t",
          "t": "t", "l": "r", "r": "r", "s": "s", "z": "s", "j": "s", "m": "m", "n": "n"}


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The consonant skeleton of a name written in Latin letters or in Hangul (see above)."""
    out = []
    if any(is_hangul(ch) for ch in text):
        for ch in text:
            parts = split_syllable(ch)
            if parts is None:
                continue
            onset, coda = parts[0], parts[2]
            if onset in _HANGUL_ONSET:
                out.append(_HANGUL_ONSET[onset])
            if coda in _HANGUL_CODA:
                out.append(_HANGUL_CODA[coda])
    else:
        # "tch" is one sound, written 치 ("Glitch" = 글리치, "Switch" = 스위치)
        # "ng" at a word's end or before a consonant is one coda ㅇ ("Kingdom" = 킹덤, "Kingston" = 킹스턴)
        low = re.sub(r"t?ch", "j", re.sub(r"ng(?![aeiouy])", "n", text.lower()))
        low = re.sub(r"c(?=[eiy])", "s", low)  # a soft c ("Pacific" = 퍼시픽)
        low = re.sub(r"sh", "s", low)
        low = re.sub(r"gh", "", low)  # silent ("lightning" = 라이트닝, "knight")
        low = re.sub(r"\Bth", "s", low)  # inside a word Korean writes 'th' with ㅅ ("Monolith" = 모노리스, "Smith" = 스미스)
        for i, ch in enumerate(low):
            if ch == "r" and i > 0 and low[i - 1] in "aeiouy" and (i + 1 == len(low) or low[i + 1] not in "aeiouy"):
                continue
            if ch in _LATIN:
                out.append(_LATIN[ch])
    collapsed = []
    for c in "".join(out):
        if not collapsed or collapsed[-1] != c:
            collapsed.append(c)
    return "".join(collapsed)


_RR_ONSET = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_RR_VOWEL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
             "eu", "ui", "i"]
_RR_CODA = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
            "ng", "t", "t", "k", "t", "p", "t"]


def romanize(word: str) -> str:
    """Hangul in the Revised Romanization, roughly ("제주" → "jeju", "한강" → "hangang"); other letters kept."""
    out = []
    for ch in word:
        found = syllable_indices(ch)
        if found is not None:
            out.append(_RR_ONSET[found[0]] + _RR_VOWEL[found[1]] + _RR_CODA[found[2]])
        elif ch.isalnum():
            out.append(ch.lower())
    # the liquid assimilation Korean speech makes between syllables ("한라산" is said hallasan, "설날" seollal)
    return re.sub(r"n(?=r)|(?<=l)n", "l", "".join(out)).replace("lr", "ll")


# How a Latin word is written in Hangul, read back as letters ("선다운" = sundaun ~ "sundown", "크루" = kru ~ "crew",
# "오로라" = orora ~ "aurora"): ㅓ is the English short u, ㅐ the English a of "clan", the epenthetic ㅡ is silent; on the Latin side the vowel
# spellings Korean writes with one vowel are folded the same way (au/aw = 오, ew/oo = 우, ee/ea = 이, ow = 아우).
_LOAN_VOWEL = ["a", "a", "ya", "ye", "u", "e", "yu", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi", "yu",
               "", "ui", "i"]


def _loan_letters(text: str) -> str:
    if any(is_hangul(ch) for ch in text):
        out = []
        for ch in text:
            found = syllable_indices(ch)
            if found is not None and ch in "츠즈":
                out.append("ts" if ch == "츠" else "s")  # a final ts / z ("블리츠" = blitz, "폭시즈")
            elif found is not None:
                out.append(_RR_ONSET[found[0]] + _LOAN_VOWEL[found[1]] + _RR_CODA[found[2]])
            elif ch.isdigit():
                out.append(ch)
        low = "".join(out)
    else:
        low = norm(text)
        for a, b in (("ph", "f"), ("ck", "k"), ("sh", "s"), ("ch", "j"), ("tz", "ts"), ("x", "ks"), ("q", "k"), ("au", "o"), ("aw", "o"),
                     ("ew", "u"), ("oo", "u"), ("ee", "i"), ("ea", "i"), ("ow", "au"), ("ou", "au")):
            low = low.replace(a, b)
        low = re.sub(r"c(?=[eiy])", "s", low)
        # the long vowels English spells with a silent final e, and "igh" ("Blaze" = 블레이즈, "Knife" = 나이프, "Night" = 나이트)
        low = re.sub(r"\bkn(?=[aeiou])", "n", low.replace("igh", "ai"))
        # (words of five letters or more: a short one, "rate", "mine", is more often an ordinary word than a name)
        long_e = lambda w: re.sub(r"([ou])([bdfgklmnprstvz])e$", r"\1\2",  # noqa: E731
                                  re.sub(r"i([bdfgklmnprstvz])e$", r"ai\1", re.sub(r"a([bdfgklmnprstvz])e$", r"ei\1", w)))
        low = re.sub(r"\b[a-z]{5,}\b", lambda m: long_e(m.group()), low)
        low = re.sub(r"er\b|er(?=[^aeiou])", "u", low)
        low = re.sub(r"(?<=[^aeiou])y(?![aeiou])", "i", low)
    low = low.translate(str.maketrans("gdbfvlzcw", "ktppprsku"))
    return re.sub(r"(.)\1+", r"\1", low)


def loan_ratio(hangul: str, latin: str) -> float:
    """How close a Hangul word is to a Latin word read as a loanword (0..100): the better of the plain romanization
    and the loanword reading above."""
    from rapidfuzz import fuzz

    return max(fuzz.ratio(romanize(hangul), norm(latin)), fuzz.ratio(_loan_letters(hangul), _loan_letters(latin)))


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """How one word of a name is compared across scripts: its romanized letters with the sounds Korean does
    not tell apart merged (g/k, d/t, b/p/f/v, l/r, j/z), doubled letters single ("Jeju" = "제주")."""
    low = romanize(word) if any(is_hangul(ch) for ch in word) else norm(word)
    low = low.translate(str.maketrans("gdbfvlzc", "ktppprsk"))
    return re.sub(r"(.)\1+", r"\1", low)


def _words(name: str) -> list[str]:
    # accents dropped first: "Kraków" is one word, "krakow"
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.findall(r"[A-Za-z]+|[가-힣]+|\d+", unicodedata.normalize("NFC", plain))


# A place said in Korean translates its kind word ("Han River" = 한강, "Nam Mountain" = 남산): the name word and the
# Korean word for its kind make one word, compared like the others (word_key)
_PLACE_KINDS = {"river": "gang", "mountain": "san", "mount": "san", "island": "do", "bay": "man", "lake": "ho",
                "harbor": "hang", "harbour": "hang", "port": "hang", "valley": "gok", "peak": "bong"}


def _first_words(name: str) -> list[str]:
    """A name's first word, as written and, when it is a place with its kind, as one Korean word ("Han River …")."""
    words = _words(name)
    return words[:1] + [p for p in _place_words(name)[:1] if len(words) > 1 and p == words[0] + _PLACE_KINDS.get(words[1].lower(), "")]


def _place_words(name: str) -> list[str]:
    """The words of a name that are a place and its kind, said as one Korean word ("Han River" -> "Hangang")."""
    words = _words(name)
    return [a + _PLACE_KINDS[b.lower()] for a, b in zip(words, words[1:])
            if b.lower() in _PLACE_KINDS and a.isalpha() and a.lower() not in _PLACE_KINDS]


@dataclasses.dataclass
class Mention:
    """One linked span of the question."""

    type: str
    value: Any
    start: int
    end: int
    score: float = 1.0


@dataclasses.dataclass
class Catalog:
    """What the database holds, as surface forms: normalized alias -> [(type, value)]."""

    aliases: dict[str, list[tuple[str, str]]]
    latest: dict[str, dt.date]
    """Tournament name -> start date (to pick the latest of tournaments sharing an alias)."""
    fuzzy: dict[str, list[tuple[str, str, str]]]
    """Entity type -> [(jamo form, normalized alias, value)] for near-miss matching."""
    sounds: dict[str, list[tuple[str, str]]] = dataclasses.field(default_factory=dict)
    """Consonant skeleton of a Latin name -> [(entity type, value)], for names written in Hangul."""
    by_game: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    """Game -> its tournaments, oldest first ("both Overwatch tournaments")."""
    tour_words: list[tuple[str, str, dt.date, frozenset[str]]] = dataclasses.field(default_factory=list)
    """(tournament, game, start, the sound keys of its name's words but the year), for loose names."""
    word_teams: dict[str, str] = dataclasses.field(default_factory=dict)
    word_owners: dict[str, int] = dataclasses.field(default_factory=dict)
    """Sound key of a word -> how many names (a tournament's editions counted once) have it."""
    """Sound key of a word found in exactly one name, and that name a team's -> the team ("케스트렐", "웨일즈")."""
    regulation: dict[str, int] = dataclasses.field(default_factory=dict)
    """Game -> the most common winning score of its versus maps: the score that wins in regulation, so a
    winner above it went to overtime (13 rounds in one title, 7 in another)."""
    ranking_games: frozenset[str] = frozenset()
    """Games whose matches are all of the ranking format (a battle royale): there a "win" is a first place."""
    player_team: dict[str, str] = dataclasses.field(default_factory=dict)
    """Player -> the team whose roster holds them (a name said in Hangul that sounds like both: the team)."""

    @classmethod
    def from_rows(cls, teams, players, tournaments, stages=(), maps=(), games=(), regions=(),
                  roles=()) -> "Catalog":
        """Build from plain name lists; ``tournaments`` is a list of (name, game, start_date)."""
        lex = lexicon()
        aliases: dict[str, list[tuple[str, str]]] = {}

        def add(alias: str, etype: str, value: str) -> None:
            key = norm(alias)
            if len(key) < 1 or (etype, value) in aliases.get(key, []):
                return
            aliases.setdefault(key, []).append((etype, value))
            # an accented name is typed without its accents ("Pelé" as "pele"): the question is read folded
            if fold_accents(key) != key:
                add(fold_accents(alias), etype, value)

        org_words = {"gaming": "게이밍", "esports": "이스포츠", "e-sports": "이스포츠", "team": "팀", "club": "클럽"}
        for name in teams:
            add(name, "team", name)
            # "KO게이밍" for "K.O. Gaming": an organisation word said in Hangul beside the Latin part of the name
            parts = re.split(r"(\s+)", name)
            if name.isascii() and any(p.lower() in org_words for p in parts):
                mixed = "".join(org_words.get(p.lower(), p) for p in parts)
                if len(norm(mixed)) >= 4:
                    add(mixed, "team", name)
            # "케이오 게이밍" for "K.O. Gaming", "디에이치 팀": initials said as the names of their letters; every other word
            # an organisation word said in Hangul too (the initials alone when they are three syllables or more)
            words = name.split()
            spelled = [_spell_initials(w) for w in words]
            if name.isascii() and any(spelled) and all(sp or w.lower() in org_words for w, sp in zip(words, spelled)):
                said = " ".join(sp or org_words[w.lower()] for w, sp in zip(words, spelled))
                add(said, "team", name)
                if len(words) > 1 and len(spelled[0] or "") >= 3:
                    add(spelled[0], "team", name)
        for name in players:
            add(name, "player", name)
        latest = {}
        for name, game, start in tournaments:
            add(name, "tournament", name)
            latest[name] = start or dt.date.min
            m = re.match(r"^(.*?)\s*((?:19|20)\d\d)$", name) or re.match(r"^((?:19|20)\d\d)\s*(.*)$", name)
            if m:
                base, year = (m.group(1), m.group(2)) if not m.group(1).isdigit() else (m.group(2), m.group(1))
                if len(norm(base)) >= 3:
                    add(base, "tournament", name)
                    add(f"{year} {base}", "tournament", name)
            games = (*games, game)
        # "R6 Harbor Open 2024", "발로 Winter Cup": a tournament whose name holds its game's title, said with the title's
        # short or slang form
        for name, game, start in tournaments:
            if not game or game.lower() not in name.lower():
                continue
            at = name.lower().index(game.lower())
            for value, words in lex["games"].items():
                forms = [value, *words]
                if norm(game) not in {norm(w) for w in forms}:
                    continue
                for w in forms:
                    if norm(w) != norm(game) and len(norm(w)) >= 2:
                        said = (name[:at] + w + name[at + len(game):]).strip()
                        add(said, "tournament", name)
                        m = re.match(r"^(.*?)\s*((?:19|20)\d\d)$", said)
                        if m and len(norm(m.group(1))) >= 6:
                            add(m.group(1), "tournament", name)
        # A team called by its first word ("kumo"): Latin, 4+ letters, in no other name, not a word people ask with.
        stop = {w.lower() for w in lex.get("not_names", [])} | {w.lower() for w in lex.get("not_short_names", [])}
        words_in = {}
        for name in (*teams, *players, *(t[0] for t in tournaments)):
            for w in set(re.findall(r"[a-z0-9]+", name.lower())):
                words_in[w] = words_in.get(w, 0) + 1
        for name in teams:
            parts = name.split() if len(name.split()) >= 2 else _words(name)  # "Orbit.GG": two words
            first = parts[0].lower() if len(parts) >= 2 else ""
            if (re.fullmatch(r"[a-z]{4,}", first) and words_in.get(first) == 1 and first not in stop
                    and norm(first) not in aliases and not _number_word(first)):
                add(first, "team", name)
        for value, words in lex["stages"].items():
            for w in [value, *words, *lex.get("stage_number_words", {}).get(value, [])]:
                add(w, "stage", value)
        for stage in stages:
            if stage:
                add(stage, "stage", stage)
        known_games = set(g for g in games if g)
        for value, words in lex["games"].items():
            forms = {norm(w) for w in [value, *words]}
            for stored in known_games:
                if stored == value or norm(stored) in forms:
                    # the database may store the title in another of its forms ("LoL", "Valorant", "R6")
                    for w in [value, *words]:
                        add(w, "game", stored)
        for value, words in lex["games"].items():
            # a title the database lacks whose long name is inside one title it has (a mobile edition, a sequel):
            # its slang then means that title ("배그" when only "Battlegrounds Mobile" is stored)
            forms = {norm(w) for w in [value, *words] if len(norm(w)) >= 8}
            if any(norm(g) in {norm(w) for w in [value, *words]} for g in known_games):
                continue
            inside = [g for g in known_games if any(norm(g).startswith(f) for f in forms)]
            if len(inside) == 1:
                for w in [value, *words]:
                    add(w, "game", inside[0])
        for g in known_games:
            add(g, "game", g)
        for value in maps:
            if value:
                add(value, "map", value)
                for w in lex["maps"].get(value, []):
                    add(w, "map", value)
        for etype, values, words in (("region", regions, lex.get("regions", {})),
                                     ("role", roles, lex.get("roles", {}))):
            for value in values:
                if value:
                    add(value, etype, value)
                    if etype == "role" and value.isascii() and value.isalpha() and len(value) >= 3 and not value.endswith("s"):
                        add(value + "s", etype, value)  # any role the database holds, said in the plural ("awpers")
                    # the lexicon's keys are lower case; a database may store the value capitalised ("Support", "ADC")
                    for w in words.get(value, words.get(value.lower(), []) if isinstance(value, str) else []):
                        add(w, etype, value)
        fuzzy: dict[str, list[tuple[str, str, str]]] = {t: [] for t in FUZZY_TYPES}
        for key, entries in aliases.items():
            for etype, value in entries:
                if etype in fuzzy and len(key) >= 3:
                    fuzzy[etype].append((jamo(key), key, value))
        sounds: dict[str, list[tuple[str, str]]] = {}
        for etype, names in (("team", teams), ("player", players), ("map", maps), ("role", roles)):
            for name in names:
                if name and name.isascii():
                    key = skeleton(re.sub(r"\b(?:esports|gaming|team|club)\b", "", name, flags=re.I))
                    if len(key) >= 3 and (etype, name) not in sounds.get(key, []):
                        sounds.setdefault(key, []).append((etype, name))
        # A tournament named loosely in Hangul: two to four of its Latin words ("제주 윈터 인비테이셔널"), the
        # latest tournament when several share them.
        from itertools import combinations

        tour_sounds: dict[str, tuple[str, dt.date]] = {}
        for name, game, start in tournaments:
            parts = re.findall(r"[A-Za-z]+", name)
            if not name.isascii():
                continue
            for k in range(2, min(len(parts), 4) + 1):
                for combo in combinations(parts, k):
                    key = skeleton(" ".join(combo))
                    when = start or dt.date.min
                    if len(key) >= 5 and (key not in tour_sounds or when > tour_sounds[key][1]):
                        tour_sounds[key] = (name, when)
        for key, (name, _) in tour_sounds.items():
            sounds.setdefault(key, []).append(("tournament", name))
        by_game: dict[str, list[str]] = {}
        for name, game, start in sorted(tournaments, key=lambda x: (x[2] or dt.date.min, x[0])):
            by_game.setdefault(game, []).append(name)
        tour_words = [(name, game, start or dt.date.min,
                       frozenset(word_key(w) for w in (*_words(name), *_place_words(name)) if not re.fullmatch(r"(?:19|20)\d\d", w)))
                      for name, game, start in tournaments]
        # Words of one name only (counting every edition of a tournament once), for teams called by one word.
        owners: dict[str, set[str]] = {}
        for etype, names in (("team", teams), ("player", players)):
            for name in names:
                for w in _words(name):
                    owners.setdefault(word_key(w), set()).add(f"{etype}:{name}")
        for name, _, _, keys in tour_words:
            base = re.sub(r"\s*(?:19|20)\d\d\s*", " ", name).strip()
            for k in keys:
                owners.setdefault(k, set()).add(f"tournament:{base}")
        generic = {word_key(w) for w in (*lex.get("not_short_names", []), *lex.get("not_names", []),
                                         *lex.get("generic_name_words", []))}
        word_teams = {}
        for name in teams:
            for w in _words(name):
                k = word_key(w)
                hangul = all(is_hangul(ch) for ch in w)
                long_enough = len(w) >= 2 if hangul else len(w) >= 4
                if (long_enough and len(owners.get(k, ())) == 1 and k not in generic and norm(w) != norm(name)
                        and len(_words(name)) >= 2 and not _has_cue_word(w) and not _number_word(w)):
                    word_teams[k] = name  # a word people ask with ("squad", "포지션") never stands for a team
        return cls(aliases, latest, fuzzy, sounds, by_game, tour_words, word_teams,
                   {k: len(v) for k, v in owners.items()})


_catalogs: dict[str, tuple[float, tuple, Catalog]] = {}
_catalog_lock = threading.Lock()
CATALOG_TTL_S = 30.0
FINGERPRINT_SQL = ("SELECT (SELECT MAX(id) FROM teams), (SELECT MAX(id) FROM players), "
                   "(SELECT MAX(id) FROM tournaments), (SELECT MAX(id) FROM matches)")
"""Changes whenever a team, player, tournament or match is added (here or by any other process)."""


def load_catalog(url: str, max_age_s: float = CATALOG_TTL_S) -> Catalog:
    """The catalog of the database at ``url`` (read-only). It is cached for at most ``max_age_s``
    seconds and only while the database's newest team, player, tournament and match ids stay the
    same, so a match recorded by another app process is linkable on the very next question."""
    from .safety import run_readonly

    def col(sql: str) -> list:
        return run_readonly(url, sql, max_rows=100_000, check=False).rows

    now = time.monotonic()
    fingerprint = tuple(col(FINGERPRINT_SQL)[0])
    with _catalog_lock:
        hit = _catalogs.get(url)
        if hit and now - hit[0] < max_age_s and hit[1] == fingerprint:
            return hit[2]
    teams = [r[0] for r in col("SELECT name FROM teams")]
    players = [r[0] for r in col("SELECT nickname FROM players")]
    tournaments = []
    for name, game, start in col("SELECT name, game, start_date FROM tournaments"):
        if isinstance(start, str):
            try:
                start = dt.date.fromisoformat(start[:10])
            except ValueError:
                start = None
        tournaments.append((name, game, start))
    stages = [r[0] for r in col("SELECT DISTINCT stage FROM matches")]
    maps = [r[0] for r in col("SELECT DISTINCT map FROM matches")]
    regions = [r[0] for r in col("SELECT DISTINCT region FROM teams")]
    roles = [r[0] for r in col("SELECT DISTINCT role FROM players")]
    catalog = Catalog.from_rows(teams, players, tournaments, stages, maps, regions=regions, roles=roles)
    counts: dict[str, dict[int, int]] = {}
    for game, score, n in col("SELECT tr.game, mt.score, COUNT(*) FROM match_teams mt JOIN matches m ON m.id = mt.match_id "
                              "JOIN tournaments tr ON tr.id = m.tournament_id WHERE m.format = 'versus' AND mt.placement = 1 "
                              "AND m.map IS NOT NULL AND mt.score IS NOT NULL GROUP BY tr.game, mt.score"):
        counts.setdefault(game, {})[int(score)] = int(n)
    catalog.regulation = {g: max(c, key=lambda k: (c[k], -k)) for g, c in counts.items() if c}
    catalog.ranking_games = frozenset(r[0] for r in col(
        "SELECT tr.game FROM matches m JOIN tournaments tr ON tr.id = m.tournament_id GROUP BY tr.game "
        "HAVING SUM(CASE WHEN m.format = 'versus' THEN 1 ELSE 0 END) = 0"))
    catalog.player_team = {p: t for p, t in col("SELECT p.nickname, t.name FROM players p JOIN teams t ON t.id = p.team_id")}
    with _catalog_lock:
        _catalogs[url] = (now, fingerprint, catalog)
    return catalog


def clear_cache() -> None:
    with _catalog_lock:
        _catalogs.clear()


@dataclasses.dataclass
class Linked:
    """What linking found in one question."""

    text: str
    masked: str
    mentions: list[Mention]
    year: int | None
    numbers: list[int]
    by_game: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    """The asked database's tournaments of each game."""
    regulation: dict[str, int] = dataclasses.field(default_factory=dict)
    """The asked database's regulation winning score of each versus game (see :class:`Catalog`)."""
    ranking_games: frozenset[str] = frozenset()
    """The asked database's games played only in the ranking format (see :class:`Catalog`)."""

    def values(self, etype: str) -> list[Any]:
        """Linked values of one type, in the order they appear (duplicates removed)."""
        out = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.type == etype and m.value not in out:
                out.append(m.value)
        return out


def _normalized_with_positions(text: str) -> tuple[str, list[int]]:
    chars, pos = [], []
    for i, ch in enumerate(text):
        for c in fold_accents(unicodedata.normalize("NFKC", ch)).lower():
            if c.isalnum():
                chars.append(c)
                pos.append(i)
    return "".join(chars), pos


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()




QUOTATIVE = ("이라는", "라는", "이라고", "라고", "이라던", "라던")
"""Quoting endings after a name ("모멘텀이라는 선수", "X라고 하는 팀"): read apart from the name like a particle."""


# ---------------------------------------------------------------- numbers said as words
# A spoken question (or one typed the way it is said) spells its numbers: "twenty twenty five", "fifty five points",
# "may eleventh", "six pm", "이천이십오년 시월", "킬 백오십 개", "열여덟 킬", "탑 쓰리". :func:`spoken_numbers` writes
# them as digits before anything reads the question, so every reader of years, dates, clock times, thresholds and
# top-N counts sees the digits it already knows. Only forms that cannot be anything else are rewritten: a lone
# "one".."ten" or "한/두/세/네" stays a word (the readers know those, and "which one" is no number), and a word of a
# name the database holds ("Twenty Oaks", a player called 천사) is never touched.
_EN_UNIT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TEEN = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}
# the single number words linking and the parser read where they stand (the spoken-number tables, one source)
_EN_NUMBERS = {**_EN_UNIT, **_EN_TEEN, **_EN_TENS, "hundred": 100}


def _number_word(word: str) -> bool:
    """A number said as a word ("zero", "five", "열"): a team named "Zero Hour" is not meant by "teams with zero"."""
    return norm(word) in _EN_NUMBERS or norm(word) in {"zero", "nil", "none"} or word in _KO_NUMBERS
_KO_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
_EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
               "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
               "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
               "twentieth": 20, "thirtieth": 30}
_EN_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
             r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_KO_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
_KO_PLACE = {"십": 10, "백": 100, "천": 1000}
_KO_SINO_RUN = re.compile(r"(?<![가-힣])((?:[일이삼사오육칠팔구]?천)?(?:[일이삼사오육칠팔구]?백)?(?:[일이삼사오육칠팔구]?십)?[일이삼사오육륙칠팔구]?)")
_KO_MONTH = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "유": 6, "육": 6, "칠": 7, "팔": 8, "구": 9, "시": 10, "십": 10,
             "십일": 11, "십이": 12}
# what follows a number: a counter or a comparison (read even with more Hangul after it: "150개", "5이상") ...
_KO_COUNTER = (r"년|월|일|개|명|킬|점|번|판|경기|승|패|위|등|회|시|분|초|라운드|세트|게임|맵|데스|어시|팀|선수|대회|퍼센트|프로|%"
               r"|이상|이하|초과|미만|넘|보다|짜리|까지|부터|쯤|정도")
# ... or a particle closing the word
_KO_PARTICLE = r"(?:은|는|이|가|을|를|에|에서|도|만|이랑|하고|으로|로|요|야|이야)?(?![가-힣])"
_KO_NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}
_KO_NATIVE_UNIT = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6,
                   "일곱": 7, "여덟": 8, "아홉": 9}
_KO_NATIVE = re.compile(r"(?<![가-힣])(" + "|".join(_KO_NATIVE_TENS) + r")?(" + "|".join(sorted(_KO_NATIVE_UNIT, key=len, reverse=True))
                        + r")?(?=\s?(?:" + _KO_COUNTER + r")|" + _KO_PARTICLE + r")")
# "탑 쓰리", "톱 파이브": the English number after "top", written in Hangul
_KO_LOAN_NUMBERS = {"원": 1, "투": 2, "쓰리": 3, "스리": 3, "포": 4, "파이브": 5, "식스": 6, "세븐": 7, "에잇": 8, "나인": 9, "텐": 10}


def _en_cardinal(words: list[str], i: int) -> tuple[int, int] | None:
    """The number said by the words from ``i`` on and how many words it takes ("fifty five", "a hundred and
    fifty", "two thousand five hundred", "twenty twenty six" = the year), or None."""
    w = words[i]
    # a year said in two halves: "twenty twenty five", "nineteen ninety nine", "twenty oh nine"
    if w in ("twenty", "nineteen") and i + 1 < len(words):
        century = 2000 if w == "twenty" else 1900
        nxt = words[i + 1]
        if nxt in ("oh", "o") and i + 2 < len(words) and words[i + 2] in _EN_UNIT:
            return century + _EN_UNIT[words[i + 2]], 3
        if nxt in _EN_TEEN:
            return century + _EN_TEEN[nxt], 2
        if nxt in _EN_TENS:
            unit = _EN_UNIT.get(words[i + 2], 0) if i + 2 < len(words) else 0
            return century + _EN_TENS[nxt] + unit, 3 if unit else 2
    total, current, last, j, end = 0, 0, None, i, i
    while j < len(words):
        x = words[j]
        if x == "a" and j == i and j + 1 < len(words) and words[j + 1] in ("hundred", "thousand"):
            current, last = 1, "unit"
        elif x in _EN_UNIT and last in (None, "tens", "hundred", "thousand"):
            current, last = current + _EN_UNIT[x], "unit"
        elif (x in _EN_TEEN or x in _EN_TENS) and last in (None, "hundred", "thousand"):
            current, last = current + _EN_TEEN.get(x, _EN_TENS.get(x, 0)), "teen" if x in _EN_TEEN else "tens"
        elif x == "hundred" and last in ("unit", "teen") and current % 100 < 100:
            current, last = current * 100, "hundred"
        elif x == "thousand" and last in ("unit", "teen", "tens", "hundred") and total == 0:
            total, current, last = current * 1000, 0, "thousand"
        elif x == "and" and last in ("hundred", "thousand") and j + 1 < len(words) \
                and (words[j + 1] in _EN_UNIT or words[j + 1] in _EN_TEEN or words[j + 1] in _EN_TENS):
            j += 1
            continue
        else:
            break
        j += 1
        end = j
    if end == i or words[i] == "a" and end == i + 1:
        return None
    return total + current, end - i


def _ko_sino(run: str) -> int | None:
    """The value of a Sino-Korean numeral with a place word ("이천이십오" = 2025, "백오십" = 150, "십일" = 11)."""
    if not any(c in _KO_PLACE for c in run):
        return None
    total, digit = 0, None
    for c in run:
        if c in _KO_PLACE:
            total += (digit or 1) * _KO_PLACE[c]
            digit = None
        else:
            digit = _KO_SINO[c]
    return total + (digit or 0)


def glued_names(text: str, catalog: "Catalog") -> str:
    """Two or three words of one tournament's name typed without the spaces ("<first><second>컵 결승"), written apart so
    the loose reading of tournaments finds them; a run that is itself a name the database holds stays."""
    def split(m: re.Match) -> str:
        token = m.group().lower()
        if token in catalog.aliases:
            return m.group()
        for name, _, _, _ in catalog.tour_words:
            words = [w for w in _words(name) if w.isalpha() and w.isascii()]
            for n in (3, 2):
                for i in range(len(words) - n + 1):
                    if "".join(w.lower() for w in words[i:i + n]) == token:
                        return " ".join(words[i:i + n])
        return m.group()
    text = re.sub(r"(?<![A-Za-z0-9])[A-Za-z]{8,}(?![A-Za-z])", split, text)

    def split_hangul(m: re.Match) -> str:
        # the same in Hangul ("<first><second> 몇 판"): the run begins with two or three words of one name, a particle
        # or an ending may follow
        token = m.group()
        if norm(token) in catalog.aliases:
            return token
        for name, _, _, _ in catalog.tour_words:
            words = [w for w in _words(name) if all(is_hangul(ch) for ch in w)]
            for n in (3, 2):
                for i in range(len(words) - n + 1):
                    joined = "".join(words[i:i + n])
                    if len(joined) >= 4 and token.startswith(joined) and len(token) - len(joined) <= 2:
                        return " ".join(words[i:i + n]) + token[len(joined):]
        return token
    return re.sub(r"(?<![가-힣])[가-힣]{4,}(?![가-힣])", split_hangul, text)


def spoken_numbers(text: str, catalog: "Catalog | None" = None) -> str:
    """``text`` with its spelled-out numbers written as digits (see the comment above); names of ``catalog`` kept."""
    keep = [False] * (len(text) + 1)
    if catalog is not None and re.search(r"[a-z]|[가-힣]", text, re.I):
        normed, pos = _normalized_with_positions(text)
        for key in catalog.aliases:
            if not re.search(r"[a-z]{3}|[가-힣]", key) or key in _EN_UNIT or key in _EN_TEEN or key in _EN_TENS:
                continue  # a name's number word alone ("twenty" of "Twenty Oaks") is the number; the whole name is kept
            start = normed.find(key)
            while start != -1:
                s, e = pos[start], pos[start + len(key) - 1] + 1
                # a name is a whole word: "usa" is not in "thousand"
                if not (_latin_or_digit(text[s]) and s > 0 and _latin_or_digit(text[s - 1])) \
                        and not (_latin_or_digit(text[e - 1]) and e < len(text) and _latin_or_digit(text[e])):
                    for k in range(s, e):
                        keep[k] = True
                start = normed.find(key, start + 1)
    edits: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(keep[a:b]) and not any(a < e and s < b for s, e, _ in edits)

    # English: words and their positions ("fifty-five" is two words)
    toks = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+", text)]
    words = [t[0] for t in toks]
    i = 0
    while i < len(toks):
        w = words[i]
        if w in _EN_ORDINAL or (w in _EN_TENS and i + 1 < len(words) and words[i + 1] in _EN_ORDINAL):
            # an ordinal is a day only beside a month: "may eleventh", "the twenty first of june"
            if w in _EN_TENS and _EN_ORDINAL[words[i + 1]] < 10:
                n, k = _EN_TENS[w] + _EN_ORDINAL[words[i + 1]], 2
            else:
                n, k = _EN_ORDINAL.get(w, 0), 1
            a, b = toks[i][1], toks[i + k - 1][2]
            before = re.search(r"\b(?:" + _EN_MONTH + r")\.?\s+(?:the\s+)?$", text[:a], re.I)
            after = re.match(r"\s+(?:day\s+)?of\s+(?:" + _EN_MONTH + r")\b", text[b:], re.I)
            if n and n <= 31 and (before or after) and free(a, b):
                edits.append((a, b, f"{n}{_SUFFIX.get(n, 'th')}"))
                i += k
                continue
            # ... or the first word of a name written with digits ("third tide" for "3rd Tide")
            said = f"{n}{_SUFFIX.get(n, 'th')}"
            nxt = words[i + k] if i + k < len(words) else ""
            if n and catalog is not None and nxt and free(a, b) \
                    and any(key.startswith(said + nxt) for key in catalog.aliases):
                edits.append((a, b, said))
                i += k
                continue
        said = _en_cardinal(words, i) if w in _EN_UNIT or w in _EN_TEEN or w in _EN_TENS or w == "a" else None
        if said and said[1] >= 1:
            value, k = said
            a, b = toks[i][1], toks[i + k - 1][2]
            span_words = words[i:i + k]
            if w == "a" and k == 1:
                said = None
            elif k == 1 and w in _EN_UNIT | {"ten": 10}:
                # a lone small number stays a word, except as a clock time ("six pm", "seven o'clock") or a ranking's
                # size ("top three", "bottom five")
                if not re.match(r"\s*(?:[ap]\.?\s?m\b\.?|o'?\s?clock\b)", text[b:], re.I) \
                        and not re.search(r"\b(?:top|bottom)[\s-]+$", text[:a], re.I):
                    said = None
            # only words joined by spaces or hyphens make one number
            if said and any(not re.fullmatch(r"[\s\-]+(?:and\s+)?", text[toks[j][2]:toks[j + 1][1]], re.I)
                            for j in range(i, i + k - 1)):
                said = None
            if said and free(a, b) and span_words != ["a"]:
                half = re.match(r"\s*([ap])\.?\s?m\b\.?", text[b:], re.I) if value <= 12 else None
                if half:  # "eight p m", "six p.m.": the clock as the dates reader writes it
                    edits.append((a, b + half.end(), f"{value} {half.group(1).lower()}m"))
                else:
                    edits.append((a, b, str(value)))
                i += k
                continue
        i += 1
    # Korean: Sino-Korean numerals with a place word, months, native numbers, "top three" in Hangul
    for m in re.finditer(r"(?<![가-힣])(시|유|십일|십이|일|이|삼|사|오|육|칠|팔|구|십)월(?=[^가-힣]|$|은|는|이|가|을|를|에|도|만|달|중|초|말|부터|까지|쯤)", text):
        if free(m.start(), m.end()):
            edits.append((m.start(1), m.end(1), str(_KO_MONTH[m.group(1)])))
    for m in _KO_SINO_RUN.finditer(text):
        run = m.group(1)
        if not run:
            continue
        value = _ko_sino(run)
        after = text[m.end():]
        if value is None and re.match(r"\s*일", after) and re.search(r"(?:\d|[시유십일이삼사오육칠팔구])월\s*$", text[:m.start()]):
            value = sum(_KO_SINO[c] for c in run if c in _KO_SINO)  # "5월 삼일": a day after its month
        if value is None or not free(m.start(), m.end()):
            continue
        if re.match(r"\s?(?:" + _KO_COUNTER + r")", after) or re.match(_KO_PARTICLE, after):
            edits.append((m.start(), m.end(), str(value)))
    for m in _KO_NATIVE.finditer(text):
        tens, unit = m.group(1), m.group(2)
        if not (tens or unit) or not free(m.start(), m.end()):
            continue
        if tens is None and _KO_NATIVE_UNIT[unit] <= 4 and not re.match(r"\s?(?:킬|데스|어시)", text[m.end():]) \
                or re.match(r"\s?(?:번\s?)?째", text[m.end():]):
            continue  # "한 맵", "두 팀", "세 번", "다섯 번째": read as words already (but "네 킬" is 4 kills)
        if tens in ("스무",) and unit or tens == "쉰" and not unit:
            continue  # "쉰" alone is also "rested" ("결승에 쉰 선수"): fifty only with its units ("쉰다섯")
        edits.append((m.start(), m.end(), str(_KO_NATIVE_TENS.get(tens, 0) + (_KO_NATIVE_UNIT[unit] if unit else 0))))
    for m in re.finditer(r"(?<![가-힣])(?:탑|톱|top)\s?(" + "|".join(sorted(_KO_LOAN_NUMBERS, key=len, reverse=True)) + r")(?![가-힣])", text, re.I):
        if free(m.start(1), m.end(1)):
            edits.append((m.start(1), m.end(1), str(_KO_LOAN_NUMBERS[m.group(1)])))
    for a, b, new in sorted(edits, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def link(text: str, catalog: Catalog, today: dt.date | None = None) -> Linked:
    """Link the names, years and numbers of ``text`` against ``catalog``."""
    today = today or dt.date.today()
    lex = lexicon()
    normed, pos = _normalized_with_positions(text)
    found: list[Mention] = []
    particles = sorted([*lex["particles"], *QUOTATIVE], key=len, reverse=True)
    for key, entries in catalog.aliases.items():
        start = normed.find(key)
        while start != -1:
            s, e = pos[start], pos[start + len(key) - 1] + 1
            before, after = text[s - 1] if s > 0 else " ", text[e] if e < len(text) else " "
            # Long Hangul names may follow a word without a space ("올해목포 마린즈"); short ones need
            # a boundary or a particle before them, so "하늘" is not found inside "올하늘".
            ok_start = (not before.isalnum() or _latin_or_digit(text[s]) != _latin_or_digit(before)
                        or (is_hangul(before) and len(key) >= 4)
                        or (is_hangul(before) and len(key) >= 3 and any(text[:s].endswith(p) for p in particles)))
            ok_end = not (_latin_or_digit(text[e - 1]) and _latin_or_digit(after)) and not _inside_hangul_word(text, s, e, entries)
            # an English contraction is a word of the question, not a name ("haven't" is no map "Haven")
            ok_end = ok_end and not (text[e - 1].isalpha() and re.match(r"n?['’]t\b", text[e:e + 3], re.I))
            if ok_start and ok_end:
                for etype, value in entries:
                    found.append(Mention(etype, value, s, e))
            start = normed.find(key, start + 1)
    # Longest spans first; among equal spans the name written exactly as typed ("orca9" is the player orca9 before the
    # team Orca_9, whose key is the same without its punctuation), then the more specific entity type.
    found.sort(key=lambda m: (-(m.end - m.start), text[m.start:m.end].casefold() != str(m.value).casefold(), _PRIORITY[m.type]))
    chosen: list[Mention] = []
    taken = [False] * (len(text) + 1)
    for m in found:
        if any(taken[m.start:m.end]):
            if any(c.start == m.start and c.end == m.end and c.type == m.type for c in chosen):
                chosen.append(m)  # the same alias names several rows (resolved below)
            continue
        chosen.append(m)
        for i in range(m.start, m.end):
            taken[i] = True
    # "top 3 players", "top fraggers": a superlative, not the role 'top'.
    for m in [c for c in chosen if c.type == "role" and text[c.start:c.end].lower() == "top"]:
        if re.match(r"\s+of\s+(?:the\s+)?(?:table|standings?|leaderboard|rankings?|ladder|league|group|pile|charts?|class)\b", text[m.end:], re.I) \
                or re.search(r"\b(?:at|on|to)\s+the\s+$", text[:m.start], re.I) and re.match(r"\s+of\b", text[m.end:], re.I) \
                or re.search(r"\b(?:came|come|comes|coming|out|ended|ends|end|finished|finish|finishes|stayed|stays)\s+(?:up\s+)?on\s+$",
                             text[:m.start], re.I):
            chosen.remove(m)  # "at the top of the table", "came out on top": first place, not the role
            for i in range(m.start, m.end):
                taken[i] = False
            continue
        if re.match(r"\s*-?\s*(?:\d|to\b|[a-z]+s\b|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|(?:killer|fragger|scorer|player|team|squad|performer|finish|spot|pick"
                    r"|kill|death|assist|damage|dmg|score|point|kda|k/?d|frag|elim|number|amount|total|count|result|record|placement)\b)", text[m.end:], re.I):
            chosen.remove(m)
            for i in range(m.start, m.end):
                taken[i] = False
    # "teams in 2025", "for us": a region code that is an English word counts only written in capitals ("IN teams")
    code_words = {w.lower() for w in lex.get("region_code_words", [])}
    # ... and so does a code that is a word of a tournament's name ("Coral Sea" holds "sea": SEA only in capitals)
    name_words = {w.lower() for name, _, _, _ in catalog.tour_words for w in _words(name)}
    for m in [c for c in chosen if c.type == "region" and (c.value.lower() in code_words or c.value.lower() in name_words)]:
        if norm(text[m.start:m.end]) == m.value.lower() and text[m.start:m.end] != m.value.upper():
            chosen.remove(m)
            for i in range(m.start, m.end):
                taken[i] = False
    # "the league average", "league leaders", "led the league in kills": the word, not League of Legends;
    # "apex league", "the valorant league": right after another game it is that game's event, not a second game
    for m in [c for c in chosen if c.type == "game" and text[c.start:c.end].lower() == "league"]:
        # (a word or two between: "the royale points league")
        if any(c.type == "game" and c is not m and c.value != m.value and 0 <= m.start - c.end
               and re.fullmatch(r"\s*(?:(?!(?:and|or|nor|vs|versus|plus|than|then)\s)[A-Za-z]+\s+){0,2}", text[c.end:m.start], re.I) for c in chosen) \
                or re.match(r"\s+(?:average|avg|mean|wide|leaders?|leading|record|records|table|standings|best|worst|high|low)\b", text[m.end:], re.I) \
                or re.search(r"\b(?:led|leads?|leading|top(?:ped|s)?|topping)\s+the\s+$", text[:m.start], re.I):
            chosen.remove(m)  # the span stays taken: no near-miss pass may link it again
    # "... lol" closing a sentence is laughter, not League of Legends (unless said as a game: "in lol")
    for m in [c for c in chosen if c.type == "game" and text[c.start:c.end].lower() == "lol"]:
        if re.fullmatch(r"[\s!?.ㅋㅎ]*", text[m.end:]) and m.start > 0 \
                and not re.search(r"\b(?:in|at|of|for|play(?:ed|s)?|about)\s+$", text[:m.start], re.I):
            chosen.remove(m)
            for i in range(m.start, m.end):
                taken[i] = False
    # "서포터 롤 맡은", "support 롤", "롤이 뭐야": Konglish 롤 = role (the position), not League of Legends
    for m in [c for c in chosen if c.type == "game" and text[c.start:c.end] == "롤"]:
        role_before = any(c.type == "role" and 0 <= m.start - c.end <= 1 for c in chosen)
        if role_before or re.match(r"\s*(?:은|는|을|를|이|가)?\s*(?:맡|뭐(?!\s*(?:대회|경기|팀))|무엇|어떤 거|담당)", text[m.end:]):
            chosen.remove(m)  # the span stays taken: no near-miss pass may link it again
    # "a separate group", "one group for the blanks": a bucket of the answer, not the group stage
    for m in [c for c in chosen if c.type == "stage" and re.fullmatch(r"groups?", text[c.start:c.end], re.I)]:
        if re.search(r"\b(?:own|separate|single|same|new|extra|another|different|distinct|special|one|their|its|a)\s+$", text[:m.start], re.I) \
                and not re.search(r"\b(?:in|at|during|from|of|out of|through|past|made|reach(?:ed)?|won)\s+(?:the\s+|a\s+|their\s+|its\s+)?$", text[:m.start], re.I) \
                and not re.match(r"\s*(?:stage|phase|round|matches|games|play)\b", text[m.end:], re.I):
            chosen.remove(m)  # the span stays taken: no near-miss pass may link it again
    # "final standings", "the final points table": the table at the end, not the final stage
    for m in [c for c in chosen if c.type == "stage" and re.fullmatch(r"final", text[c.start:c.end], re.I)]:
        if re.match(r"\s+(?:(?:league|points?|group)\s+)?(?:table|standings?|leaderboard|rankings?|tally|tallies)\b", text[m.end:], re.I) \
                and not re.search(r"\b(?:of|in|at|from|for)\s+(?:the\s+)?$", text[:m.start], re.I):
            chosen.remove(m)  # the span stays taken: no near-miss pass may link it again
    # "top fragger", "best fragger": who killed most, not the role a database may call 'fragger'
    for m in [c for c in chosen if c.type == "role" and re.fullmatch(r"(?:entry[- ]?)?fraggers?", text[c.start:c.end], re.I)]:
        # the plural alone is the slang for the players with most kills ("fraggers at the cup", "top 3 fraggers")
        if re.search(r"\b(?:top|best|leading|biggest|star|main)\s+$", text[:m.start], re.I) \
                or text[m.start:m.end].lower() == "fraggers":
            chosen.remove(m)
            for i in range(m.start, m.end):
                taken[i] = False
    chosen = _team_words_before_a_tournament_noun(text, catalog, chosen)
    chosen += _fuzzy(text, catalog, taken, particles)
    chosen += _latin_full_names(text, catalog, taken)
    chosen += _loan_full_names(text, catalog, taken, particles)
    chosen = _loose_names(text, catalog, chosen, taken, particles)
    chosen = _team_words_before_a_tournament_noun(text, catalog, chosen)
    chosen += _titled_short_players(text, catalog, taken)
    chosen = _name_word_beside_its_team(text, chosen)
    # Years, then the relative years, then numbers, from what names did not cover.
    rest = "".join(" " if taken[i] else ch for i, ch in enumerate(text))
    year = None
    spans: list[tuple[int, int, str]] = []
    for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?!\d)\s*(?:년도|년)?", rest):
        year = int(m.group(1))
        spans.append((m.start(), m.end(), "year"))
    low = rest.lower()
    for key, delta in (("this_year", 0), ("last_year", -1)):
        for phrase in sorted(lex[key], key=len, reverse=True):
            i = low.find(phrase)
            if i != -1 and not any(a <= i < b for a, b, _ in spans):
                if year is None:
                    year = today.year + delta
                spans.append((i, i + len(phrase), "year"))
    covered = [False] * (len(rest) + 1)
    for a, b, _ in spans:
        for i in range(a, b):
            covered[i] = True
    rest2 = "".join(" " if covered[i] else ch for i, ch in enumerate(rest))
    numbers = []
    for m in re.finditer(r"(?:(?<![A-Za-z0-9.])|(?<=top)|(?<=TOP)|(?<=Top))(\d{1,4})(?![\d.])|\b(" + "|".join(_EN_NUMBERS) + r")\b|(?<![가-힣])("
                         + "|".join(_KO_NUMBERS) + r")\s?(?=명|팀|개|판|경기|승|위|선수|번|킬|데스|어시|라운드|세트)", rest2, re.IGNORECASE):
        if m.group(1):
            numbers.append(int(m.group(1)))
        elif m.group(2):
            numbers.append(_EN_NUMBERS[m.group(2).lower()])
        else:
            numbers.append(_KO_NUMBERS[m.group(3)])
        a = m.start(1) if m.group(1) else (m.start(2) if m.group(2) else m.start(3))
        b = m.end(1) if m.group(1) else (m.end(2) if m.group(2) else m.end(3))
        spans.append((a, b, "number"))
    # "more than once", "at least twice": a number of times said as a word beside a comparison
    for m in re.finditer(r"\b(?:more than|over|at least|exactly|only|fewer than|less than|at most|under|just)\s+(once|twice|thrice)\b",
                         rest2, re.IGNORECASE):
        numbers.append({"once": 1, "twice": 2, "thrice": 3}[m.group(1).lower()])
        spans.append((m.start(1), m.end(1), "number"))
    chosen = _resolve(chosen, catalog, year)
    chosen = _edition_of_a_game(text, catalog, chosen, year)
    chosen, spans = _other_edition(text, catalog, chosen, spans)
    # Mask: replace every span by its placeholder, right to left.
    all_spans = [(m.start, m.end, m.type) for m in chosen] + spans
    seen = set()
    masked = text
    for a, b, t in sorted(all_spans, key=lambda s: -s[0]):
        if (a, b) in seen:
            continue
        seen.add((a, b))
        masked = masked[:a] + MASK[t] + masked[b:]
    return Linked(text, re.sub(r"\s+", " ", masked).strip(), chosen, year, numbers, catalog.by_game, catalog.regulation,
                  catalog.ranking_games)


# Words that stand before "선수" without naming anyone ("그 선수", "어떤 선수", "상대 선수").
_NOT_A_PLAYER_BEFORE_TITLE = frozenset(
    "그 이 저 그런 이런 저런 어떤 무슨 어느 몇 한 두 세 네 모든 각 다른 같은 우리 저희 상대 최고 최악 주전 후보 신인 베테랑 "
    "외국인 한국 국내 해외 프로 현역 은퇴 해당 여러 딴 전 옛 새 팀 원딜 정글 미드 탑 서폿 딜러 탱커 힐러 에이스".split())


def _titled_short_players(text: str, catalog: Catalog, taken: list[bool]) -> list[Mention]:
    """A short Latin nickname written in Hangul with the title "선수" after it ("훅 선수" = Hook, "사치 선수" = Saci): the
    title says a player is named, so one or two syllables suffice when they read back as exactly one player's name
    (same consonant skeleton, the letters close)."""
    players = sorted({v for _, _, v in catalog.fuzzy.get("player", []) if v.isascii()})
    out: list[Mention] = []
    for m in re.finditer(r"(?<![가-힣])([가-힣]{1,3})\s*선수", text):
        a, b = m.span(1)
        word = m.group(1)
        if any(taken[a:b]) or word in _NOT_A_PLAYER_BEFORE_TITLE:
            continue
        if (ord(word[-1]) - 0xAC00) % 28 in (4, 8) and re.search(r"[가-힣0-9]\s*$", text[:a]):
            continue  # "4경기 이상 뛴 선수", "많이 이긴 선수": a verb's modifier (ㄴ/ㄹ) after the clause, no name
        sk = skeleton(word)
        hits = [p for p in players if sk and skeleton(p) == sk and loan_ratio(word, p) >= 80]
        if len(hits) == 1:
            out.append(Mention("player", hits[0], a, b, 72.0))
            for i in range(a, b):
                taken[i] = True
    return out


_LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", "에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트".split()))


def _spell_initials(word: str) -> str:
    """Initials ("K.O.", "DH", "KT") spelled as the Korean names of their letters ("케이오"); "" for any other word."""
    letters = word.replace(".", "")
    if not (letters.isascii() and letters.isalpha() and 1 <= len(letters) <= 4) or not ("." in word or letters.isupper()):
        return ""
    return "".join(_LETTER_NAMES[c] for c in letters.lower())


def _name_word_beside_its_team(text: str, chosen: list[Mention]) -> list[Mention]:
    """A player (or map) named like a word of a team's name, said right beside the team's other words, is part of the
    team's name: "songdo dragons" is the team 송도 드래곤즈, not the player Songdo and the team. So of a tournament's:
    "harbor valo cup" is the Harbor Valorant Cup, not the player Harbor and the tournament."""
    out = list(chosen)
    for t in [c for c in chosen if c.type in ("team", "tournament")]:
        words = _words(t.value)
        for o in [c for c in out if c.type in ("player", "map") and c is not t]:
            gap = text[o.end:t.start] if o.end <= t.start else text[t.end:o.start]
            said = text[o.start:o.end]
            if gap.strip() or not any(_same_word(said, w) for w in words) \
                    or any(_same_word(said, w) for w in _WORD.findall(text[t.start:t.end])):
                continue  # not beside it, not a word of its name, or the team's words already say it
            if any(c.type == t.type and c.value == t.value and c is not t for c in out):
                continue
            out = [c for c in out if c is not o and c is not t]
            t = dataclasses.replace(t, start=min(t.start, o.start), end=max(t.end, o.end))
            out.append(t)
    return out


def _edition_of_a_game(text: str, catalog: Catalog, chosen: list[Mention], year: int | None) -> list[Mention]:
    """"the 2026 valorant event", "2025 롤 대회": a game, a year and a tournament word name the game's one tournament of
    that year (by the year in its name or its start), when there is exactly one."""
    games = [m for m in chosen if m.type == "game"]
    if year is None or len(games) != 1 or any(m.type == "tournament" for m in chosen) \
            or not re.search(r"대회|토너먼트|\btournaments?\b|\btourneys?\b|\bevents?\b|\bcups?\b", text, re.I):
        return chosen
    if len(set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text))) > 1:
        return chosen  # "<game> events of 2024 and of 2025": one per year, left to the years and the game
    names = [n for n in catalog.by_game.get(games[0].value, [])
             if re.search(rf"(?<!\d){year}(?!\d)", n) or not re.search(r"(?:19|20)\d\d", n) and catalog.latest.get(n, dt.date.min).year == year]
    if len(names) != 1:
        return chosen
    g = games[0]
    return [Mention("tournament", names[0], g.start, g.end, g.score) if m is g else m for m in chosen]


def _other_edition(text: str, catalog: Catalog, chosen: list[Mention], spans: list[tuple[int, int, str]]):
    """"played the X cup 2025 but not 2026", "X 2025엔 나왔는데 2026엔 안": a year said alone after a negation, beside one
    named edition, is the same tournament's edition of that year (when the database has it)."""
    tours = [m for m in chosen if m.type == "tournament"]
    if len({m.value for m in tours}) != 1 or not re.search(r"(?:19|20)\d\d", tours[0].value):
        return chosen, spans
    base = re.sub(r"\s*(?:19|20)\d\d\s*", " ", tours[0].value).strip()
    for a, b, kind in spans:
        y = re.match(r"(?:19|20)\d\d", text[a:b])
        if kind != "year" or not y or y.group() in tours[0].value:
            continue
        if a < tours[0].start:
            # "in the 2024 and 2025 X alike", "2024랑 2025 X 다 나온": a year listed before the named edition is its
            # tournament's edition of that year
            if not re.fullmatch(r"\s*(?:년도?)?\s*(?:and|&|,|or|랑|이랑|하고|과|와|,)\s*(?:the\s+)?", text[a + 4:tours[0].start], re.I) \
                    or not re.match(r"(?:19|20)\d\d", text[tours[0].start:tours[0].end]):
                continue
            other = [n for n in catalog.latest if n != tours[0].value and re.sub(r"\s*(?:19|20)\d\d\s*", " ", n).strip() == base
                     and y.group() in n]
            if len(other) == 1:
                return chosen + [Mention("tournament", other[0], a, a + 4, 70.0)], [sp for sp in spans if sp != (a, b, kind)]
            continue
        if a < tours[0].end:
            continue
        between = text[tours[0].end:b + 15]  # the negation before the year, or after it in Korean ("2026엔 안 나온")
        if not re.search(r"\b(?:but|not|never|didn'?t|didnt|don'?t|haven'?t|hasn'?t|wasn'?t|weren'?t|skipped|missed|no)\b|안\s|못|없|빠진|불참", between, re.I):
            continue
        other = [n for n in catalog.latest if n != tours[0].value and re.sub(r"\s*(?:19|20)\d\d\s*", " ", n).strip() == base
                 and y.group() in n]
        if len(other) == 1:
            return chosen + [Mention("tournament", other[0], a, a + 4, 70.0)], [sp for sp in spans if sp != (a, b, kind)]
    return chosen, spans


def _team_words_before_a_tournament_noun(text: str, catalog: Catalog, chosen: list[Mention]) -> list[Mention]:
    """"the harbor kings tourney": a team's name followed by a tournament word names the one tournament whose name
    holds all of the team's words (the latest edition), when there is exactly one."""
    out = []
    for m in chosen:
        if m.type == "team" and re.match(r"\s*(?:tourney|tournament|cup|event|invitational|대회|컵|토너먼트)", text[m.end:], re.I):
            words = [norm(w) for w in _words(m.value)]
            hits = sorted({t for t in catalog.latest if all(w in [norm(x) for x in _words(t)] for w in words)},
                          key=lambda t: catalog.latest.get(t, dt.date.min), reverse=True)
            bases = {re.sub(r"\s*(?:19|20)\d\d\s*", " ", t).strip() for t in hits}
            if len(bases) == 1:
                out.append(Mention("tournament", hits[0], m.start, m.end, m.score))
                continue
        out.append(m)
    return out


# What may follow a short Hangul alias inside one word: a particle, a plural, or a noun of the domain ("롤대회",
# "발로경기", "미드라이너"); anything else means the alias is only the start of another word ("미드윈터").
_HANGUL_AFTER_ALIAS = re.compile(r"(?:들|대회|경기|선수|팀|맵|판|리그|시리즈|게임|유저|라이너|쪽|전|챔|컵|러|전적|포지션|에서|에게|한테|으로|로|랑|이랑|하고|와|과|의|은|는|이|가|을|를|도|만|에|까지|부터|보다|만의)")


def _inside_hangul_word(text: str, s: int, e: int, entries: list[tuple[str, str]]) -> bool:
    """Whether a short Hangul alias of a role, game or region (two syllables or fewer) is only the start of a longer
    Hangul word ("미드" of "미드윈터"): then it is not that value."""
    word = text[s:e]
    if len(word) > 2 or not all(is_hangul(ch) for ch in word) or not all(t in ("role", "game", "region") for t, _ in entries):
        return False
    rest = re.match(r"[가-힣]+", text[e:])
    return bool(rest) and len(rest.group()) >= 2 and not _HANGUL_AFTER_ALIAS.match(rest.group())


def _resolve(mentions: list[Mention], catalog: Catalog, year: int | None) -> list[Mention]:
    """One value per span: a tournament alias shared by several editions picks the asked year's, else the latest."""
    by_span: dict[tuple[int, int, str], list[Mention]] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end, m.type), []).append(m)
    out = []
    for (_, _, etype), group in by_span.items():
        if len(group) > 1 and etype == "tournament":
            if year is not None:
                same = [m for m in group if str(year) in m.value]
                if same:
                    group = same
            group = sorted(group, key=lambda m: catalog.latest.get(m.value, dt.date.min), reverse=True)
        out.append(group[0])
    return sorted(out, key=lambda m: m.start)


_TOKEN = re.compile(r"[A-Za-z]+|[가-힣]+|\d+(?:\s*년)?|'\d\d")


def _strip_particle(word: str, particles: list[str]) -> str:
    for p in particles:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    return word


# One-syllable Korean words questions are made of (numbers, determiners, adverbs): never a name's word by sound
# ("한" of "한 맵" is no "Han", "총" is no "Chong").
_KO_SHORT_WORDS = frozenset("한 두 세 네 몇 각 총 첫 전 이 그 저 또 더 좀 잘 안 못 다 왜 뭐 딱 꼭 늘 참 제 내 걔 팀 킬 판 맵 번 회 승 패 등 위 명 개 분 시 일 월 년 중 및 때 곳 건 것 거".split())


def _sounds_like(token: str, keys: frozenset[str], words: dict[str, str]) -> str | None:
    """The word of a name a question's token stands for: the same word in another script ("제주" = Jeju),
    or a Hangul transliteration of a Latin word ("윈터" = Winter, "인비테이셔널" ≈ Invitational)."""
    if _domain_loanword(token) or token in _KO_FUNCTION_WORDS or token in _KO_SHORT_WORDS or _KO_QUESTION_WORD.match(token):
        return None  # "한 맵" (one map), "총 킬", "누구야", a domain loanword with a particle ("세트는"): no name by sound
    k = word_key(token)
    if k in keys:
        return k
    plural = re.fullmatch(r"([A-Za-z]{3,}?)(?:es|s)", token)
    if plural and len(k) >= 5:
        # the plural of a name's word means its editions ("the Winter Showdowns", "the Valorant Clashes")
        for stem in (token[:-1], token[:-2]):
            if word_key(stem) in keys and len(stem) >= 4:
                return word_key(stem)
    if not all(is_hangul(ch) for ch in token) or not _loanword_codas(token):
        return None
    if re.fullmatch(r"(?:한|두|세|네|댓|여러|몇)(?:개|번|명|판|곳|팀|경기|게임|맵|세트|대회)(?:다|씩|째|도|만|나)?", token):
        return None  # a count ("두개", "세번"), never a transliterated name
    if norm(token) not in {norm(w) for w in lexicon().get("tournament_nouns", [])} and _has_cue_word(token):
        return None  # a word people ask with ("순위", "선수") is no transliterated name
    from rapidfuzz import fuzz

    sk = skeleton(token)
    near = []
    for key in sorted(keys):  # sorted: the answer must not depend on the set's order
        latin = words.get(key, "")
        other = skeleton(latin) if latin else ""
        if latin.lower().endswith("w") and len(latin) > 3 and sk == skeleton(latin[:-1] + "f"):
            other = sk  # a final w said as f ("Kraków" = 크라쿠프)
        if len(sk) >= 2 and sk == other and len(token) <= len(latin) and (len(sk) >= 3 or _sounds_close(token, latin)):
            return key  # two consonants alone must sound close too ("두개" is no "Daegu")
        if len(sk) >= 5 and other and fuzz.ratio(sk, other) >= 80:
            near.append((fuzz.ratio(sk, other), fuzz.ratio(romanize(token), norm(latin)), key))
    return max(near)[2] if near else None


def _loose_names(text: str, catalog: Catalog, chosen: list[Mention], taken: list[bool],
                 particles: list[str]) -> list[Mention]:
    """Names written loosely, which no alias matched:

    - a tournament by some of its words, in either script, its game by slang, and a tournament word
      ("탐나 발로 대회", "tamna valo 2025 standings", "스프링 클래시 25", "the 2026 clash");
    - a team by a word only its name has ("케스트렐" for Kestrel Arrows, "웨일즈").
    The year beside the words, or else anywhere in the question, picks the edition; words that fit
    several tournaments (or a tournament word alone: "배그 대회" is the game) link nothing."""
    lex = lexicon()
    nouns = {norm(w) for w in lex.get("tournament_nouns", [])}
    hangul_nouns = [w for w in nouns if w and all(is_hangul(ch) for ch in w)]
    game_at = {i: m for m in chosen if m.type == "game" for i in range(m.start, m.end)}
    year_any = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)|(?<!\d)(\d\d)\s*년(?!\s*\d+\s*월\s*\d)|'(\d\d)\b", text)
    q_year = None
    if year_any:
        g = year_any.group(1) or year_any.group(2) or year_any.group(3)
        q_year = int(g) if len(g) == 4 else 2000 + int(g)
    latin_of: dict[str, str] = {}
    for name, _, _, keys in catalog.tour_words:
        for w in (*_words(name), *_place_words(name)):
            latin_of.setdefault(word_key(w), w)
    all_keys = frozenset(latin_of)
    # Tokens: (start, end, kind, value) with kind name / game / noun / year.
    toks: list[tuple[int, int, str, Any]] = []
    for m in _TOKEN.finditer(text):
        a, b, w = m.start(), m.end(), m.group()
        if a in game_at:
            g = game_at[a]
            if not toks or toks[-1][:2] != (g.start, g.end):
                toks.append((g.start, g.end, "game", g.value))
            rest = text[g.end:b]
            if rest and is_hangul(rest[0]):
                core = _strip_particle(rest, particles)
                key = _sounds_like(core, all_keys, latin_of)
                if key or norm(core) in nouns:
                    toks.append((g.end, g.end + len(core), "name" if key else "noun", key))
            continue
        if any(taken[a:b]):
            toks.append((a, b, "other", None))
            continue
        yr = re.fullmatch(r"((?:19|20)\d\d)|(\d\d)\s*년|'(\d\d)", w) or (
            toks and toks[-1][2] in ("name", "game", "noun") and any(f"20{w}" in n for n, *_ in catalog.tour_words)
            and re.fullmatch(r"(?:)()()(\d\d)", w))  # "배그컵 25": a bare two-digit year only of an edition held
        if yr:
            g = yr.group(1) or yr.group(2) or yr.group(3)
            toks.append((a, b, "year", int(g) if len(g) == 4 else 2000 + int(g)))
            continue
        core = _strip_particle(w, particles) if is_hangul(w[0]) else w
        key = _sounds_like(core, all_keys, latin_of)
        if core != w and word_key(w) in all_keys:
            core, key = w, word_key(w)  # "타이페이": its last syllable is part of the name, not a particle
        if key:
            toks.append((a, a + len(core), "name", key))
        elif norm(core) in nouns or re.fullmatch(r"[A-Za-z]{3,}s", core) and norm(core[:-1]) in nouns:
            toks.append((a, a + len(core), "noun", None))  # "cup", and its plural "cups" (the editions)
        else:
            # a tournament word written onto a Hangul name word ("리프트컵", "광주컵"): the two parts
            tail = next((n for n in sorted(hangul_nouns, key=len, reverse=True)
                         if is_hangul(core[0]) and core.endswith(n) and len(core) - len(n) >= 2), None)
            head_key = _sounds_like(core[: -len(tail)], all_keys, latin_of) if tail else None
            if head_key:
                cut = a + len(core) - len(tail)
                toks.append((a, cut, "name", head_key))
                toks.append((cut, a + len(core), "noun", None))
            else:
                toks.append((a, b, "other", core))
    # Runs of adjacent tokens (only spaces between them) that may name a tournament.
    runs, cur = [], []
    for tok in toks:
        joined = cur and re.fullmatch(r"\s*(?:the\s+)?", text[cur[-1][1]:tok[0]], re.I)
        if tok[2] in ("name", "game", "noun", "year") and (not cur or joined):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = [tok] if tok[2] in ("name", "game", "noun", "year") else []
    if cur:
        runs.append(cur)
    out = []
    for m in chosen:
        if m.type == "tournament":
            m = _edition(m, text, catalog, q_year)
        out.append(m)
    team_words = {}
    for run in runs:
        while run and run[0][2] in ("noun", "year") and len(run) > 1 and run[1][2] == "noun":
            run = run[1:]
        names = [t for t in run if t[2] == "name"]
        if not names:
            continue
        games = {t[3] for t in run if t[2] == "game"}
        years = [t[3] for t in run if t[2] == "year"]
        cands = [(n, st) for n, g, st, keys in catalog.tour_words
                 if all(t[3] in keys for t in names) and (not games or g in games)]
        year = years[0] if years else q_year
        if year is not None and any(str(year) in n for n, _ in cands):
            cands = [(n, st) for n, st in cands if str(year) in n]
        bases = {re.sub(r"\s*(?:19|20)\d\d\s*", " ", n).strip() for n, _ in cands}
        if len(bases) > 1:
            # the tournament word said beside the name may pick one ("리프트컵": the Rift *Cup*, not the Rift Invitational)
            said = {_sounds_like(_strip_particle(text[t[0]:t[1]], particles), all_keys, latin_of) for t in run if t[2] == "noun"}
            keys_of = {n: keys for n, _, _, keys in catalog.tour_words}
            narrowed = [(n, st) for n, st in cands if said - {None} and (said - {None}) <= keys_of.get(n, frozenset())]
            if narrowed:
                cands = narrowed
                bases = {re.sub(r"\s*(?:19|20)\d\d\s*", " ", n).strip() for n, _ in cands}
        if len(bases) != 1:
            continue
        if len(names) == 1 and run[0][2] == "name" and not years and not games \
                and re.search(r"\bbattle[\s-]*$|배틀\s*$", text[:run[0][0]], re.I) and re.match(r"royale?s?\b|로얄", text[run[0][0]:run[0][1]], re.I):
            continue  # "battle royale tourneys": the genre, then a tournament noun, not a tournament named "… Royale"
        if all(text[t[0]:t[1]].lower() == "series" for t in names) and not years \
                and re.match(r"\s+(?:that|which|where|with|were|was|ended|went|did|had|won|lost|without|going)\b", text[run[-1][1]:], re.I):
            continue  # "the lol series which went 3-0": the game's series (its matches), not a tournament called "… Series"
        strong = len([t for t in run if t[2] in ("name", "game", "noun")]) >= 2 or years
        if not strong:
            # one word alone: only a word no other name has, said as such ("jeju", "한강"), not "open"
            key = names[0][3]
            word = text[names[0][0]:names[0][1]]
            generic = {word_key(w) for w in (*lex.get("not_names", []), *lex.get("generic_name_words", []))}
            firsts = {word_key(w) for n, _, _, _ in catalog.tour_words for w in _first_words(n)}
            after = text[names[0][1]:]
            staged = any(m.type == "stage" and m.start == names[0][1] + len(after) - len(after.lstrip())
                         for m in chosen)  # "the jeonju final": a team has no final, a tournament does
            staged = staged or _at_event(text[:names[0][0]], key, catalog)
            # a later word of one name, said with a match noun after it ("the derby series", "럼블 결승"), unless
            # it is a genre's word ("battle royale matches")
            noun_after = re.match(r"\s*(?:series|matches|match|games|maps|finals?|semis|semifinals?|playoffs|결승|경기|매치|맵)\b", after, re.I) \
                and not re.search(r"\bbattle\s*$", text[:names[0][0]], re.I)
            sounded = is_hangul(word[0]) and sum(is_hangul(ch) for ch in word) >= 4  # "미드윈터" for Midwinter, by sound
            if (catalog.word_owners.get(key, 0) != 1 and not staged) or (word_key(word) != key and not sounded) or key in generic \
                    or len(key) < 4 or (key not in firsts and not (noun_after and catalog.word_owners.get(key, 0) == 1
                                                                    and len(word) >= 5)):
                continue  # its first word, as a place or a brand ("jeju", "한강"), not "royale" of "battle royale"
        a, b = run[0][0], run[-1][1]
        if run[-1][2] == "noun" and len(run) >= 2 and run[-2][2] == "year":
            pass
        value = max(cands, key=lambda c: c[1])[0]
        out = [m for m in out if not (m.type == "game" and a <= m.start and m.end <= b)]
        out.append(Mention("tournament", value, a, b, 70.0))
        for i in range(a, b):
            taken[i] = True
    # A team by a word of its name that no other name has.
    def team_of(value: str) -> str | None:
        team = catalog.word_teams.get(word_key(value))
        if team is not None and value.lower() in _FUNCTION_WORDS and norm(value) not in {norm(w) for w in _words(team)}:
            return None  # "per" sounds like a team's "Bell"; a word that glues the question is no name said by its sound
        if team is None and is_hangul(value[0]) and len(value) >= 2 and not _has_cue_word(value) and _loanword_codas(value) \
                and not _has_korean_function_word(value):
            # a short or vowel-led loanword ("크루" = Crew, "오로라" = Aurora): its consonants say too little, so it must
            # read back as the very word
            close = {t for key, t in catalog.word_teams.items()
                     if skeleton(_latin_word(t, key)) == skeleton(value) and loan_ratio(value, _latin_word(t, key)) >= 90
                     and _other_script(value, _latin_word(t, key))}
            team = close.pop() if len(close) == 1 else None
        if team is None and len(value) >= (3 if is_hangul(value[0]) else 4) and not _has_cue_word(value) \
                and _loanword_codas(value) and not (is_hangul(value[0]) and _ordinary_korean(value, particles)):
            # a word in the other script, by its consonant skeleton: "케스트렐" for a Latin "Kestrel",
            # "lightning" for a Hangul "라이트닝"; never Hangul against Hangul ("포지션" is not "부산")
            sk = skeleton(value)
            hits = {t for key, t in catalog.word_teams.items()
                    if (len(sk) >= 3 or len(sk) == 2 and _romanized_close(value, _latin_word(t, key)))
                    and _other_script(value, _latin_word(t, key))
                    and skeleton(_latin_word(t, key)) == sk and _sounds_close(value, _latin_word(t, key))
                    and _first_sound_agrees(value, _latin_word(t, key))}
            team = hits.pop() if len(hits) == 1 else None
        return team

    named_teams = {v for entries in catalog.aliases.values() for typ, v in entries if typ == "team"}
    for a, b, kind, value in toks:
        if kind != "other" or value is None or any(taken[a:b]):
            continue
        team = team_of(value)
        digits = re.match(r"\s*[.\-]?\s*(\d{1,3})(?!\d)" + _NOT_A_COUNT, text[b:]) if is_hangul(value[0]) and len(value) == 2 else None
        if team is None and digits and not _has_cue_word(value):
            # two syllables with the digits the name carries ("노바5" for a Latin "Nova.5"): the digits are the evidence
            sk = skeleton(value)
            named = {v for entries in catalog.aliases.values() for typ, v in entries if typ == "team"}
            hits = {t for t in named if re.search(rf"(?<!\d){digits.group(1)}(?!\d)", t)
                    and any(skeleton(w) == sk and _sounds_close(value, w) for w in re.findall(r"[A-Za-z]+", t))}
            if len(hits) == 1:
                team = hits.pop()
                team_words.setdefault(team, []).append((a, b + digits.end()))
                continue
        if team is None and 2 <= len(value) <= 4 and all(is_hangul(ch) for ch in value) and not _has_cue_word(value):
            # "블팔" for a "블루 팔콘스": the first syllable of each Hangul word of one team's name (two words or more),
            # said as a word of its own; no other name's word and no cue word
            hits = {t for t in named_teams if _initials(t) == value}
            if len(hits) == 1 and word_key(value) not in catalog.word_owners:
                team = hits.pop()
        if team is None and re.fullmatch(r"팀[가-힣]{2,}", value):
            # "팀오로라": the word 팀 written onto the name (a name such as "Team X" includes it)
            team = team_of(value[1:])
            if team is not None and not re.search(r"\bteam\b", team, re.I):
                a += 1
                value = value[1:]
        if team is not None:
            end = a + len(value)
            team_words.setdefault(team, []).append((a, end))
    for team, spans in team_words.items():
        for a, b in spans:
            # the rest of the name beside the word, in either script ("busan tide", "daejeon lightning")
            a, b = _grow_team(text, catalog, team, a, b, taken, particles)
            out.append(Mention("team", team, a, b, 70.0))
            for i in range(a, b):
                taken[i] = True
    return out


def _initials(name: str) -> str:
    """The first syllables of a Hangul name's words ("블루 팔콘스" → "블팔"); "" for a name of one word or with a word
    in another script."""
    words = name.split()
    if len(words) < 2 or not all(is_hangul(w[0]) for w in words):
        return ""
    return "".join(w[0] for w in words)


def _loan_full_names(text: str, catalog: Catalog, taken: list[bool], particles: list[str]) -> list[Mention]:
    """A Latin team or player name written whole in Hangul, digits kept, spaces optional ("크루77" = Crew 77, "팀오로라" =
    Team.Aurora): one to three words that read back as the name's letters (see _loan_letters). The whole name is the
    evidence, so short skeletons and generic words ("crew", "team") count here though they do not alone."""
    from rapidfuzz import fuzz

    names: dict[str, tuple[str, str]] = {}
    for entries in catalog.aliases.values():
        for etype, value in entries:
            if etype in ("team", "player") and value.isascii() and len(norm(value)) >= 4:
                names.setdefault(_loan_letters(value), (etype, value))
    words = [(m.start(), m.end()) for m in re.finditer(r"[가-힣]+|\d+", text)]
    out: list[Mention] = []
    for m in re.finditer(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,})[\s.\-_]?([A-Za-z]{1,3}(?![A-Za-z0-9])|\d{1,3}(?![\d.])" + _NOT_A_COUNT + ")", text):
        # a Latin name whose head is written in Hangul and whose short tail is kept in letters or digits ("코브라X" =
        # Cobra.X, "바스티온EU"): the two parts' readings together, and their skeletons, are the name's
        a, b = m.start(), m.end()
        head, tail = m.group(1), m.group(2)
        if any(taken[a:b]) or _has_korean_function_word(head) or not _loanword_codas(head):
            continue
        key, skel = _loan_letters(head) + _loan_letters(tail), skeleton(head) + skeleton(tail)
        hits = {ev for k, ev in names.items() if k == key and skeleton(ev[1]) == skel}
        if len(key) >= 5 and len(hits) == 1:
            etype, value = hits.pop()
            out.append(Mention(etype, value, a, b, 72.0))
            for k in range(a, b):
                taken[k] = True
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            a, b = words[i][0], words[i + size - 1][1]
            if any(taken[a:b]) or not re.fullmatch(r"[가-힣\d\s]+", text[a:b]) or not is_hangul(text[a]) \
                    or (b < len(text) and text[b].isascii() and text[b].isalnum()) \
                    or (text[b - 1].isdigit() and not re.match(_NOT_A_COUNT, text[b:])):
                continue  # digits with a counter after them ("3명") count something; they are no part of a name
            surface = text[a:b]
            if _has_korean_function_word(surface) or not _loanword_codas(re.sub(r"[\d\s]", "", surface)) \
                    or sum(is_hangul(ch) for ch in surface) < 2:
                continue
            variants = [(surface, b)] + [(surface[: -len(p)], b - len(p)) for p in particles
                                         if surface.endswith(p) and len(surface) - len(p) >= 2]
            hit = None
            for variant, end in variants:
                key = _loan_letters(variant)
                if len(key) < 4:
                    continue
                best = [(fuzz.ratio(key, k), ev) for k, ev in names.items() if abs(len(k) - len(key)) <= 2]
                best = sorted((r, ev) for r, ev in best if r >= 90 and (skeleton(re.sub(r"\d", "", variant)) == skeleton(re.sub(r"\d", "", ev[1]))
                                                                    or r == 100 and len(key) >= 5))
                if best and (len(best) == 1 or best[-1][0] > best[-2][0]):
                    if best[-1][1][0] == "player" and _event_word_in_place(text, a, end, catalog, particles):
                        break  # a tournament's word where a tournament is named (see _event_word_in_place)
                    hit = Mention(best[-1][1][0], best[-1][1][1], a, end, 72.0)
                    break
            if hit is not None:
                out.append(hit)
                for k in range(hit.start, hit.end):
                    taken[k] = True
    return out


def _at_event(before: str, key: str, catalog: Catalog) -> bool:
    """A place word said after "at" ("players at yeosu", "who lost at gangneung") is where an event was held:
    the tournament's, even when a team carries the same city in its name. Only the first word of a name."""
    firsts = {word_key(w) for n, _, _, _ in catalog.tour_words for w in _first_words(n)}
    return key in firsts and bool(re.search(r"\b(?:at|during)\s+(?:the\s+)?$", before, re.I))


def _latin_full_names(text: str, catalog: Catalog, taken: list[bool]) -> list[Mention]:
    """A Hangul team name written word by word in Latin letters ("daejeon rockets" for 대전 로케츠): every
    word of the name, in order, by its sound key or by its consonant skeleton. All the words together are
    the evidence, so short skeletons count here ("meteor" = 메테오) though they do not alone."""
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[A-Za-z]+", text)]
    if len(toks) < 2:
        return []
    teams = {v for entries in catalog.aliases.values() for typ, v in entries
             if typ == "team" and any(is_hangul(ch) for ch in v)}
    out = []
    for team in sorted(teams):
        words = [w for w in _words(team) if not w.isdigit()]
        n = len(words)
        if n < 2 or not all(is_hangul(w[0]) for w in words):
            continue
        for i in range(len(toks) - n + 1):
            seq = toks[i:i + n]
            if any(any(taken[a:b]) for a, b, _ in seq):
                continue
            if not all(re.fullmatch(r"\s+", text[seq[j][1]:seq[j + 1][0]]) for j in range(n - 1)):
                continue
            if all(_latin_word_is(lat, han) for (_, _, lat), han in zip(seq, words)):
                a, b = seq[0][0], seq[-1][1]
                out.append(Mention("team", team, a, b, 70.0))
                for k in range(a, b):
                    taken[k] = True
    return out


def _latin_word_is(lat: str, han: str) -> bool:
    """Whether a Latin word is one Hangul word of a team's name, written by its sound key, by its consonants (a native
    word romanized another way: "chungryong", "cheongryong", "cheongnyong" = 청룡) or by its consonant skeleton."""
    if word_key(lat) == word_key(han):
        return True
    consonants = [re.sub(r"[aeiouwy]", "", word_key(w)) for w in (lat, han)]
    if len(consonants[1]) >= 4 and consonants[0] == consonants[1]:
        return True
    forms = {lat} | ({lat[:-1]} if lat.lower().endswith("s") and not han.endswith("스") else set())
    return len(lat) >= 4 and lat[0].lower() in romanize(han)[:2] + "vfbpr" \
        and any(len(skeleton(f)) >= 2 and skeleton(f) == skeleton(han) for f in forms)


# Latin first letters a Hangul first sound may be written with ("ㄹ" is r or l, "ㅂ" b, p, v or f, ...).
_FIRST_SOUNDS = {"r": "rl", "b": "bpvf", "p": "pbfv", "g": "gkcq", "k": "kcgq", "d": "dt", "t": "td", "j": "jgzc",
                 "c": "cjt", "s": "scztx", "h": "hw", "m": "m", "n": "nk", "w": "w", "y": "yj"}

# The loanword orthography writes b and v with ㅂ, p and f with ㅍ, d with ㄷ, t with ㅌ, g with ㄱ, k with ㅋ.
_LOAN_FIRST_SOUNDS = {"b": "bv", "p": "pf", "d": "d", "t": "t", "g": "g", "k": "kcq"}


def _first_sound_agrees(a: str, b: str) -> bool:
    """A Latin word read as a Hangul name by its consonant skeleton must begin with the sound the Hangul word
    begins with ("lightning" = 라이트닝); an English word that only shares the skeleton ("writing" and 레드윙) does not."""
    hangul, latin = (a, b) if is_hangul(a[0]) else (b, a)
    first, lat = romanize(hangul)[:1], latin.lower()
    if lat.startswith(("kn", "ph")):
        lat = {"kn": "n", "ph": "f"}[lat[:2]] + lat[2:]
    if first in "aeiou":
        return lat[:1] in "aeiouwyh"
    if "ㅡ" in jamo(hangul) and first in _LOAN_FIRST_SOUNDS:
        # a loanword (its silent ㅡ) keeps voiced and voiceless apart: 블레이즈 is "blaze", never "place"
        return lat[:1] in _LOAN_FIRST_SOUNDS[first]
    return lat[:1] in _FIRST_SOUNDS.get(first, first)


def _sounds_close(a: str, b: str) -> bool:
    """A transliteration rather than a chance skeleton match: the Hangul word is a long loanword
    (3+ syllables, "라이트닝") or its romanization is close to the Latin word ("losing" is not "울산")."""
    from rapidfuzz import fuzz

    hangul, latin = (a, b) if is_hangul(a[0]) else (b, a)
    ratio = fuzz.ratio(romanize(hangul), latin.lower())
    # a loanword writes a Latin consonant cluster with the vowel ㅡ ("이글스", "라이트닝", "타이드"); a native
    # word ("불사조", "울산") has none, so only a close romanization links it
    epenthetic = "ㅡ" in jamo(hangul)
    return (epenthetic and len(hangul) >= 2 and ratio >= 25) or ratio >= 60


# Foreign words are written with these final consonants only (the loanword orthography's seven codas), so a
# word with another one ("있는지", "없는", "했던", "많이") is native Korean, never a transliterated name.
_LOANWORD_CODAS = frozenset(["", "ㄱ", "ㄴ", "ㄹ", "ㅁ", "ㅂ", "ㅅ", "ㅇ"])


def _loanword_codas(word: str) -> bool:
    return all(parts is None or parts[2] in _LOANWORD_CODAS for parts in map(split_syllable, word))


def _transliterates(hangul: str, name: str) -> bool:
    """A Hangul window read as a player's or a map's Latin name by its skeleton must also be spelled like it:
    a native phrase with a particle or an ending ("토요일에 한", "줄세워줘", "인비에서") shares a skeleton by chance.
    (Team and tournament names are long; their skeleton alone is evidence enough.)"""
    from rapidfuzz import fuzz

    if any(is_hangul(ch) for ch in name):
        return True
    if not _loanword_codas(hangul):
        return False
    ratio = max(fuzz.ratio(romanize(hangul), norm(name)), loan_ratio(hangul, name) - 10)
    return ratio >= 60 or ratio >= 45 and "ㅡ" in jamo(hangul)


def _other_script(a: str, b: str) -> bool:
    return bool(a) and bool(b) and is_hangul(a[0]) != is_hangul(b[0])


def _same_word(token: str, word: str) -> bool:
    """One word of a name written in the other script: romanized ("daejeon" = 대전) or by sound ("tide" = 타이드)."""
    if word_key(token) == word_key(word):
        return True
    if not (_other_script(token, word) and skeleton(token) == skeleton(word) and len(norm(token)) >= 3):
        return False
    if len(skeleton(word)) >= 3:
        return _sounds_close(token, word)
    from rapidfuzz import fuzz  # a short skeleton ("tide" = 타이드 = t) says little: the letters must be close too

    hangul, latin = (token, word) if is_hangul(token[0]) else (word, token)
    return fuzz.ratio(romanize(hangul), latin.lower()) >= 60


_NOT_A_COUNT = r"(?!\s*(?:명|개|팀|번|판|경기|위|등|승(?!률)|패|킬|점|세트|라운드|연|년|월|일|시))"
"""After digits: no counter follows ("벨라 3명" is three of Vela's players, not the team "Vela.3")."""


def _grow_team(text: str, catalog: Catalog, team: str, a: int, b: int, taken: list[bool],
               particles: list[str]) -> tuple[int, int]:
    """Widen a team found by one word over the neighbouring words of the same name."""
    words = _words(team)
    while True:
        m = re.search(r"([A-Za-z]+|[가-힣]+)\s*$", text[:a])
        if not m or any(taken[m.start():m.end()]) or not any(_same_word(m.group(1), w) for w in words):
            break
        a = m.start()
    while True:
        m = re.match(r"\s*([A-Za-z]+|[가-힣]+|\d+(?![\d.])" + _NOT_A_COUNT + ")", text[b:])
        if not m or any(taken[b + m.start(1):b + m.end(1)]):
            break
        word = m.group(1)
        core = _strip_particle(word, particles) if is_hangul(word[0]) else word
        if not any(_same_word(core, w) for w in words):
            break
        b = b + m.start(1) + len(core)
    return a, b


def _edition(m: Mention, text: str, catalog: Catalog, q_year: int | None) -> Mention:
    """A tournament found without its year: the edition of the year written right after it ("... 25",
    "... 2025년"), else of the question's year, else as found."""
    base = re.sub(r"\s*(?:19|20)\d\d\s*", " ", m.value).strip()
    editions = {n for n, *_ in catalog.tour_words if re.sub(r"\s*(?:19|20)\d\d\s*", " ", n).strip() == base}
    if len(editions) < 2 or re.search(r"\d", text[m.start:m.end]):
        return m  # one edition only, or its year written in the name
    after = re.match(r"\s*(?:'?(\d\d)(?![\d.:/])|((?:19|20)\d\d))\s*(?:년도|년)?", text[m.end:])
    if after:
        year = int(after.group(2)) if after.group(2) else 2000 + int(after.group(1))
        hit = [n for n in editions if str(year) in n]
        if len(hit) == 1:
            return Mention("tournament", hit[0], m.start, m.end + after.end(), m.score)
    if q_year is not None and str(q_year) not in m.value:
        hit = [n for n in editions if str(q_year) in n]
        if len(hit) == 1:
            return Mention("tournament", hit[0], m.start, m.end, m.score)
    return m


def _latin_word(name: str, key: str) -> str:
    for w in _words(name):
        if word_key(w) == key:
            return w
    return ""


def _domain_loanword(word: str) -> bool:
    """A Hangul loanword of the domain itself, with at most a particle ("세트는", "시리즈에서", "매치도")."""
    return bool(re.fullmatch(r"(?:라운드|세트|시리즈|매치|스테이지|플레이오프|포인트|데미지|어시스트|서포터|게임|토너먼트)[가-힣]{0,2}", word))


def _has_cue_word(surface: str) -> bool:
    """Whether a window holds a word people ask with ("합계", "알려줘"): then it is no transliterated name."""
    from .parse import cues

    groups = cues()
    for word in _WORD.findall(surface):
        for group in ("entities", "measures", "aggregates", "shapes"):
            for pats in groups[group].values():
                for p in pats:
                    m = p.search(word)
                    # the cue must be most of the word: "순위는" is a cue word, "프로스트바이트" only holds "프로"
                    if m and 2 * len(m.group().strip()) >= len(word):
                        return True
    return False


# Korean adverbs and common verb forms that glue a question together ("많이 먹은", "제일 잘한"): a window
# holding one is no transliterated name, whatever its consonants sound like.
# Korean question words with their endings ("누구야", "언제였어", "무슨팀"): never a name said by sound
_KO_QUESTION_WORD = re.compile(r"(?:어디|누구|누가|언제|무엇|무슨|어느|어떤|어떻|어때|몇|왜|뭐|얼마)")
_KO_FUNCTION_WORDS = frozenset("""많이 적게 제일 가장 젤 더 덜 다 좀 잘 못 안 또 전부 모두 다시 같이 그냥 진짜 완전 되게 엄청 많은 적은
높은 낮은 먹은 먹었 먹었어 먹은거 먹음 먹어 먹었던 한 했던 했어 했음 한거 있는 없는 나온 나간 뛴 간 갔던 이긴 진 졌던
털린 털렸 털렸던 털림 털고 발린 발렸 발림 깨진 깨졌 따고 딴 땄던 땄어 뽑은 뽑았 찍은 찍었 밀린 밀렸 박살난""".split())


def _long_loanword(surface: str) -> bool:
    """Hangul words whose cue-holding ones are five or more syllables long ("듀얼리스트", "캐스케이디아 예티스"):
    loanwords, even when a cue word ("리스트", "케이디") is inside one."""
    words = _WORD.findall(surface)
    return bool(words) and all(sum(is_hangul(ch) for ch in w) >= 5 for w in words if _has_cue_word(w))


def _romanized_close(hangul: str, latin: str, cutoff: float = 75) -> bool:
    """Whether a Hangul word's romanization is close to a Latin word's letters ("예티스" ~ "yetis")."""
    from rapidfuzz import fuzz

    return bool(latin) and max(fuzz.ratio(romanize(hangul), norm(latin)), loan_ratio(hangul, latin) - 10) >= cutoff


def _plural_variants(variants: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A Hangul word with the plural 들 (and a particle after it) is also tried without it ("센티넬들은")."""
    out = list(variants)
    for variant, end in variants:
        m = re.search(r"들(?:이|은|을|의|도|만|이랑|하고|과|에게|한테)?$", variant)
        if m and m.start() >= 2:
            out.append((variant[:m.start()], end - (len(variant) - m.start())))
    return out


# Native Korean nouns of a question about records, with a particle ("기록이 하나도 없는", "한 번도", "아무도"): their
# consonants may spell a Latin name's skeleton ("기록이 하나" ~ k-r-k-n, "하반기" = a year's second half ~ b-n-k), but no
# name is said with them
# (counters after a native number, "두 개", "세 명", "네 판", are no name's sound either)
_KO_NATIVE_NOUN = re.compile(r"(?:기록|하나|한번|번|개|명|판|회|곳|아무|전혀|경기|적|때|날|사람|애들|놈|거|상반기|하반기|분기|주말|평일|저녁|오전|오후|새벽|작년|올해|내년)(?:이|가|은|는|을|를|도|만|의|에|에서|이나|라도)?")


def _loan_syllables(word: str) -> bool:
    """Whether a word has the silent-vowel syllables loanwords are written with ("스케치", "트롤", "블레이드"): the
    dictionary holds such loanwords too, and a nickname is often one."""
    return any((parts := split_syllable(ch)) and parts[1] == "ㅡ" and parts[2] in ("", "ㄹ") and parts[0] in "ㅅㅋㅌㅍㅂㄷㅈㅊ"
               for ch in word)


def _ordinary_korean(surface: str, particles: list[str]) -> bool:
    """Whether every word of a Hangul window is an ordinary Korean word of the dictionary, bare or with a particle or
    the first letter of one ("기준으로" cut to "기준으", "또는 그 이후"), and not a loanword (see _loan_syllables): such
    words are not a name said by its sound, unless they read back as the name almost letter for letter (the callers)."""
    known = dictionary_words()
    words = _WORD.findall(surface)
    if not known or not words:
        return False

    def ordinary(word: str) -> bool:
        stems = {word}
        for _ in range(2):  # particles stack ("뒤로는" = 뒤 + 로 + 는)
            stems |= {w[: -len(p)] for w in stems for p in particles + ["으", "이"] if w.endswith(p) and len(w) > len(p)}
        return any(stem in known and not _loan_syllables(stem) for stem in stems)

    return all(ordinary(w) for w in words)


def _has_korean_function_word(surface: str) -> bool:
    """Whether a Hangul window holds a Korean function word (see _KO_FUNCTION_WORDS), a native noun of the question
    (_KO_NATIVE_NOUN) or a verb in a connective form ("올라가서", "뛰었는데", "이기고")."""
    return any(word in _KO_FUNCTION_WORDS or _KO_QUESTION_WORD.match(word) or _KO_NATIVE_NOUN.fullmatch(word) or re.search(r"(?:가서|와서|해서|어서|아서|러서|라서|고서|했는데|했지만|는데|지만|했고|하고서|했던|하던)$", word)
               for word in _WORD.findall(surface))


_WORD = re.compile(r"[^\s?!.,:;\"“”()\[\]]+")
# English words that glue a question together; a near-miss name never contains them.
_FUNCTION_WORDS = frozenset("""a an the of in on at to for from by with and or but not no is are was were be been has have had
do does did done get got can could will would should their its his her they them this that these those than then
who whom whose what which when where how many much more most less least each every all any some
per via vs into onto over under about after before off out up down""".split())


def _event_word_in_place(text: str, a: int, b: int, catalog: Catalog, particles: list[str]) -> bool:
    """Whether the Hangul word at ``a:b`` transliterates a word of a tournament's name and stands where a tournament
    is named: beside that tournament's game, another word of its name, a year or a tournament noun ("2025 발로란트
    크레스트", "크레스트 대회"). A player or map whose Latin name has the same consonants ("Crusta") loses it there."""
    latin_of: dict[str, str] = {}
    for name, _, _, _ in catalog.tour_words:
        for w in _words(name):
            latin_of.setdefault(word_key(w), w)
    core = _strip_particle(text[a:b].strip(), particles)
    key = _sounds_like(core, frozenset(latin_of), latin_of)
    if key is None or not _transliterates(core, latin_of[key]):
        return False
    tours = [(g, keys) for _, g, _, keys in catalog.tour_words if key in keys]
    nouns = {norm(w) for w in lexicon().get("tournament_nouns", [])}
    before = re.findall(r"\S+", text[:a])[-1:]
    after = re.findall(r"\S+", text[b:])[:1]
    for word in before + after:
        bare = _strip_particle(word, particles) if is_hangul(word[0]) else word
        if re.fullmatch(r"(?:19|20)\d\d(?:년도?)?(?:에서|에|의)?|'?\d\d", bare) or norm(bare) in nouns:
            return True
        if any(t == "game" and any(g == v for g, _ in tours) for t, v in catalog.aliases.get(norm(bare), [])):
            return True
        other = _sounds_like(bare, frozenset(latin_of), latin_of) if len(bare) >= 2 else None
        if other and other != key and any(other in keys for _, keys in tours):
            return True
    return False


def _fuzzy(text: str, catalog: Catalog, taken: list[bool], particles: list[str]) -> list[Mention]:
    """Near misses (typos, a dropped space) of names among the words no exact match covered."""
    from rapidfuzz import fuzz, process

    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Mention] = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            a, b = words[i][0], words[i + size - 1][1]
            if any(taken[a:b]):
                continue
            surface = text[a:b]
            stop = set(lexicon().get("not_names", []))
            if norm(_WORD.findall(surface)[0]) in stop or norm(_WORD.findall(surface)[-1]) in stop \
                    or _domain_loanword(_WORD.findall(surface)[0]):
                continue  # a window that starts or ends with a common word is not a misspelled name
            variants = [(surface, b)]
            for p in particles:
                if surface.endswith(p) and len(surface) - len(p) >= 2:
                    variants.append((surface[: -len(p)], b - len(p)))
            if re.search(r"[A-Za-z]['’]s$", surface):
                variants.append((surface[:-2], b - 2))  # the English possessive: "kestrel's" is a near miss of "Kestrell"
            # a map said in Hangul with the word 맵 written onto it ("<map>맵에서"): the map's name without it, a map only
            map_only = {v[:-1] for v, _ in variants if v.endswith("맵") and sum(is_hangul(ch) for ch in v) >= 4}
            variants += [(v[:-1], e - 1) for v, e in variants if v[:-1] in map_only]
            best = None
            if all(is_hangul(ch) or not ch.isalnum() for ch in surface) and catalog.sounds \
                    and (not _has_cue_word(surface) or _long_loanword(surface)) and not _has_korean_function_word(surface):
                for variant, end in _plural_variants(variants):
                    if _has_cue_word(variant) and not _long_loanword(variant):
                        continue  # "스쿼드(보다)": a word people ask with, whatever name it sounds like
                    sk = skeleton(variant)
                    hits = catalog.sounds.get(sk, [])
                    if variant in map_only:
                        hits = [h for h in hits if h[0] == "map"]
                    syllables = sum(is_hangul(ch) for ch in variant)
                    if len(hits) > 1 and syllables >= 4:
                        # one skeleton, several names ("하버아울스"): the one whose letters are closest, if clearly
                        ranked = sorted(((fuzz.ratio(romanize(variant), norm(v)), (t, v)) for t, v in hits), reverse=True)
                        if ranked[0][0] - ranked[1][0] >= 15:
                            hits = [ranked[0][1]]
                        elif sum(t == "team" for t, _ in hits) == 1 and all(
                                t == "team" or catalog.player_team.get(v) in [w for u, w in hits if u == "team"] for t, v in hits):
                            # a team and a player of its own roster sound alike ("Frostbyte", "frost.bite"): the team,
                            # whose rows are the player's matches too
                            hits = [h for h in hits if h[0] == "team"]
                    close = len(hits) == 1 and fuzz.ratio(romanize(variant), norm(hits[0][1])) >= 45
                    if (len(sk) >= 5 and syllables >= 3 or len(sk) >= 4 and syllables >= 4
                            or len(sk) >= 3 and syllables >= 5 or len(sk) >= 3 and syllables >= 4 and close
                            or len(sk) >= 4 and syllables == 3 and len(hits) == 1 and _romanized_close(variant, hits[0][1], 60)
                            # three syllables on three consonants ("글리치" = Glitch): the letters must read back closely too
                            or len(sk) == 3 and syllables == 3 and len(hits) == 1 and _romanized_close(variant, hits[0][1], 60)
                            and loan_ratio(variant, hits[0][1]) >= 65
                            # a short Latin name said in two syllables ("닉스" = Nyx): its letters read back almost exactly
                            or len(sk) >= 3 and syllables == 2 and len(hits) == 1 and len(norm(hits[0][1])) <= 4
                            and loan_ratio(variant, hits[0][1]) >= 85
                            # a Latin name of two syllables said in two ("커널" = Kernel): one consonant per letter
                            # group, and the sounds read back closely
                            or len(sk) >= 3 and syllables == 2 and len(hits) == 1 and len(norm(hits[0][1])) <= 6
                            and len(sk) == len(skeleton(hits[0][1])) and loan_ratio(variant, hits[0][1]) >= 80) \
                            and len(hits) == 1 and (hits[0][0] not in ("player", "map", "role") or _transliterates(variant, hits[0][1])) \
                            and not (_other_script(variant, hits[0][1]) and _ordinary_korean(variant, particles)
                                     and loan_ratio(variant, hits[0][1]) < 95):
                        if hits[0][0] in ("player", "map") and _event_word_in_place(text, a, end, catalog, particles):
                            break  # "발로란트 크레스트": a word of a tournament beside its game, read by _loose_names
                        # the word with its ending ("X라는") may sound like another name than the word without it
                        # ("X" alone): the reading whose letters are closest
                        cand = Mention(hits[0][0], hits[0][1], a, end, 80.0)
                        if best is None or loan_ratio(variant, hits[0][1]) > loan_ratio(text[a:best.end], best.value):
                            best = cand
                        continue
                    if not hits and best is None and len(sk) >= 7 and syllables >= 5:
                        # a long transliteration one sound off ("인비테이셔널" for Invitational)
                        near = process.extract(sk, list(catalog.sounds), scorer=fuzz.ratio, limit=2, score_cutoff=85)
                        # one sound off, not a whole name with a word after it ("산토스 러시 잡아본": the window without
                        # its last word is the name exactly)
                        head = variant[:variant.rstrip().rfind(" ")] if " " in variant.strip() else ""
                        if near and (len(near) == 1 or near[1][1] < near[0][1]) and len(catalog.sounds[near[0][0]]) == 1 \
                                and not (head and skeleton(head) in catalog.sounds):
                            etype, value = catalog.sounds[near[0][0]][0]
                            best = Mention(etype, value, a, end, 75.0)
                            break
            for variant, end in variants if best is None else []:
                key = norm(variant)
                if len(key) < 4 or key.isdigit() or key in stop or _has_cue_word(variant) \
                        or any(w.lower() in _FUNCTION_WORDS for w in _WORD.findall(variant)):
                    continue  # "member" is no misspelled "Ember", "have in" no "Haven"
                query = jamo(key)
                cutoff = 85 if len(query) >= 8 else 90
                for etype in FUZZY_TYPES:
                    choices = catalog.fuzzy.get(etype) or []
                    if not choices:
                        continue
                    hit = process.extractOne(query, [c[0] for c in choices], scorer=fuzz.ratio, score_cutoff=cutoff)
                    if hit and (best is None or hit[1] > best.score):
                        best = Mention(etype, choices[hit[2]][2], a, end, hit[1])
                if best is None and len(key) >= 5 and key.isascii():
                    # two neighbouring letters swapped ("seige", "overwacth"): the same letters, one transposition off
                    from rapidfuzz.distance import OSA

                    swapped = {(etype, value) for etype in FUZZY_TYPES for _, alias, value in catalog.fuzzy.get(etype) or []
                               if len(alias) == len(key) and alias[0] == key[0] and sorted(alias) == sorted(key)
                               and OSA.distance(alias, key) == 1}
                    if len(swapped) == 1:
                        etype, value = swapped.pop()
                        best = Mention(etype, value, a, end, 85.0)
            if best is not None and best.type != "tournament" and norm(text[a:best.end]) != norm(str(best.value)) \
                    and _tournament_run_at(text, a, catalog):
                continue  # "Aurora Ring" for an event "Aurora Ring Finals": two words of one tournament, not a near-miss player
            if best is not None:
                out.append(best)
                for j in range(best.start, best.end):
                    taken[j] = True
    return out


def _tournament_run_at(text: str, a: int, catalog: Catalog) -> bool:
    """Whether the Latin words from ``a`` on begin with two or more consecutive words of one tournament's name."""
    said = [w.lower() for w in re.findall(r"[A-Za-z]+", text[a:a + 80])[:2]]
    if len(said) < 2:
        return False
    for name, _, _, _ in catalog.tour_words:
        words = [w.lower() for w in _words(name)]
        if any(words[i:i + 2] == said for i in range(len(words) - 1)):
            return True
    return False
