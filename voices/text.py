"""Text before synthesis: sentence splitting and spoken-form normalisation in Korean and English.

``normalize_for_speech("T1이 3:1로 이겼어요", "ko")`` → ``"티원이 삼대 일로 이겼어요"``;
``normalize_for_speech("Match at 7:30 on 2026-11-22", "en")`` → ``"Match at seven thirty on November
twenty second, twenty twenty six"``. Scores, times, dates, percentages, decimals, ordinals,
abbreviations and team names with Latin letters are spelled the way a person would say them, so every
engine (even one that cannot read digits in Korean) speaks them right. Pure functions.
"""
from __future__ import annotations

import re

from kernel.korean import SYLLABLES

from .korean_ipa import LETTER_NAMES
from .numbers import en_ordinal, en_words, ko_native, ko_sino

# ---------------------------------------------------------------------------- sentences
_SENTENCE_END = re.compile(r"(?<=[.!?。！？…])[\"'”’)\]]*\s+|(?<=[다요죠까네])\.?\s*\n|\n\s*\n")
_TITLES = {"mr.", "mrs.", "ms.", "dr.", "st.", "vs.", "e.g.", "i.e.", "etc.", "no.", "jr.", "sr."}


def sentences(text: str, max_chars: int = 250) -> list[str]:
    """Split a reply into sentences (end punctuation, line breaks), keeping titles like 'Dr.' whole and
    cutting any sentence longer than ``max_chars`` at a comma or a space."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start:match.start()].strip()
        last_word = candidate.rsplit(" ", 1)[-1].lower() if candidate else ""
        if last_word in _TITLES or re.fullmatch(r"\d+\.", last_word or "x") and not candidate.endswith(".."):
            if last_word in _TITLES:
                continue
        pieces.append(text[start:match.end()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    out: list[str] = []
    for piece in pieces:
        while len(piece) > max_chars:
            cut = max(piece.rfind(",", 0, max_chars), piece.rfind("，", 0, max_chars))
            if cut < max_chars // 3:
                cut = piece.rfind(" ", 0, max_chars)
            if cut < max_chars // 3:
                cut = max_chars - 1
            out.append(piece[: cut + 1].strip())
            piece = piece[cut + 1:].strip()
        if piece:
            out.append(piece)
    return [p for p in out if re.search(r"\w", p)]


_KO_PHRASE_END = re.compile(r"(?:은|는|이|가|을|를|에서|에게|으면|면|고|서|지만|니까|데|요)$")


def split_first_phrase(sentence: str, language: str, min_chars: int = 14) -> list[str]:
    """Cut a long sentence after its first phrase (a comma, or in Korean a word ending in a topic,
    subject or object particle or a connective ending), so that phrase can be spoken while the rest is
    still being made. Short sentences, or ones without such a place, come back whole."""
    if len(sentence) < min_chars:
        return [sentence]
    comma = re.search(r"[,，]\s+", sentence)
    if comma and 3 <= comma.start() <= len(sentence) * 0.6:
        return [sentence[:comma.end()].strip(), sentence[comma.end():].strip()]
    if language == "ko":
        words = sentence.split(" ")
        for i, word in enumerate(words[:-2]):
            if len(re.sub(r"\W", "", word)) >= 3 and _KO_PHRASE_END.search(word):
                return [" ".join(words[:i + 1]) + ",", " ".join(words[i + 1:])]
    return [sentence]


# ---------------------------------------------------------------------------- Korean
# Names a Korean listener says as words, not letters (esports teams, leagues, game terms).
TERMS_KO = {"T1": "티원", "Gen.G": "젠지", "GenG": "젠지", "Hanwha": "한화", "KT": "케이티", "DRX": "디알엑스",
            "Nongshim": "농심", "FearX": "피어엑스", "BRION": "브리온", "LCK": "엘씨케이", "LoL": "롤",
            "Valorant": "발로란트", "Overwatch": "오버워치", "MVP": "엠브이피", "GG": "지지", "vs": "대",
            "VS": "대", "ArenaHub": "아레나허브", "Discord": "디스코드", "team": "팀", "Team": "팀", "ID": "아이디",
            "FAQ": "에프에이큐", "OK": "오케이", "PC": "피씨", "ok": "오케이", "app": "앱", "email": "이메일",
            "e-mail": "이메일", "check-in": "체크인", "bracket": "브래킷", "round": "라운드"}
NAMES_KO = {name.lower(): hangul for name, hangul in {
    "Faker": "페이커", "Chovy": "쵸비", "Zeus": "제우스", "Keria": "케리아", "Oner": "오너", "Gumayusi": "구마유시",
    "Ruler": "룰러", "Canyon": "캐니언", "ShowMaker": "쇼메이커", "Peanut": "피넛", "Deft": "데프트", "Peyz": "페이즈",
    "Kiin": "기인", "Doran": "도란", "Viper": "바이퍼", "Lehends": "리헨즈", "BeryL": "베릴", "Aiming": "에이밍",
    "Lucid": "루시드", "Delight": "딜라이트", "Bdd": "비디디", "Clozer": "클로저", "Kingen": "킹겐", "Smash": "스매시",
    "Pyosik": "표식", "Cuzz": "커즈", "Knight": "나이트", "Caps": "캡스", "Uzi": "우지",
}.items()}
"""Player nicknames said as Korean casters and fans say and write them (Faker → 페이커). Left in Latin
letters, Kokoro reads them through the English phonemizer with an English accent and Whisper writes
what it half-heard (Faker → 페이크); in Hangul they go through the Korean front end like any word.
Matched case-insensitively; other Latin words are untouched."""
SCORE_KO = "{}대 {}"
"""A score "3:1" said in Korean. "대" is joined to the first number (one word, 삼대: its ㄷ is voiced,
as a speaker says it); apart ("삼 대 일"), Kokoro's word-initial t made Whisper hear 이때 or 3.6
(benchmarks/voices_sweep.py --extra, score_attach: kumo 26.0% → 23.5%, gongitsune 23.9% → 22.8%)."""
_KO_NATIVE_COUNTERS = ("시간", "시", "명", "개", "살", "마리", "번째", "가지", "판", "번")
_DIGIT_NAMES_KO = "공일이삼사오육칠팔구"


def _ko_number(match: re.Match) -> str:
    number, counter = match.group(1).replace(",", ""), match.group(2) or ""
    if "." in number:
        whole, frac = number.split(".", 1)
        return f"{ko_sino(int(whole))} 점 {' '.join(_DIGIT_NAMES_KO[int(d)] for d in frac)} {counter}".rstrip()
    if len(number) > 1 and number.startswith("0"):  # phone-like: read digit by digit
        return " ".join(_DIGIT_NAMES_KO[int(d)] for d in number) + counter
    value = int(number)
    if counter.startswith(_KO_NATIVE_COUNTERS) and 0 < value < 100 and not counter.startswith("번째") or (
            counter.startswith("번째") and 0 < value < 100):
        word = "첫" if (value == 1 and counter.startswith("번째")) else ko_native(value)
        return f"{word} {counter}"
    return f"{ko_sino(value)}{' ' if counter else ''}{counter}"


def _ko_latin(match: re.Match) -> str:
    word = match.group(0)
    if word in TERMS_KO:
        return TERMS_KO[word]
    if word.lower() in NAMES_KO:
        return NAMES_KO[word.lower()]
    if word.isupper() and len(word) <= 5 or re.fullmatch(r"[A-Z][0-9]+", word):
        return "".join(LETTER_NAMES.get(c, c) for c in word if c.isalpha()) + "".join(
            ko_sino(int(d)) for d in re.findall(r"\d+", word))
    return word


def _normalize_ko(text: str) -> str:
    for term in sorted(TERMS_KO, key=len, reverse=True):  # names with dots/digits first (Gen.G, T1)
        if not term.isalpha():
            text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", TERMS_KO[term], text)
    # dates: 2026-11-22 / 2026.11.22 / 2026/11/22
    text = re.sub(r"(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)",
                  lambda m: f"{ko_sino(int(m[1]))} 년 {ko_sino(int(m[2]))} 월 {ko_sino(int(m[3]))} 일", text)
    # times 19:30 (two-digit minutes) vs scores 3:1
    text = re.sub(r"(?<!\d)(\d{1,2}):(\d{2})(?!\d)", lambda m: (
        f"{ko_native(int(m[1]) % 12 or 12)} 시" + (f" {ko_sino(int(m[2]))} 분" if int(m[2]) else "")), text)
    text = re.sub(r"(?<!\d)(\d+)\s*:\s*(\d+)(?!\d)",
                  lambda m: SCORE_KO.format(ko_sino(int(m[1])), ko_sino(int(m[2]))), text)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*%", r"\1 퍼센트", text)
    text = re.sub(r"[A-Za-z][A-Za-z0-9.\-]*[A-Za-z0-9]|[A-Za-z]", _ko_latin, text)
    text = re.sub(rf"(\d[\d,]*(?:\.\d+)?)\s*([{SYLLABLES}]+)?", _ko_number, text)
    text = text.replace("~", " 에서 ").replace("&", " 그리고 ").replace("+", " 더하기 ")
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------- English
_MONTHS = "January February March April May June July August September October November December".split()
ABBREVIATIONS_EN = {"vs": "versus", "vs.": "versus", "GG": "good game", "e.g.": "for example",
                    "i.e.": "that is", "etc.": "et cetera", "approx.": "approximately", "min": "minutes",
                    "mins": "minutes", "sec": "seconds", "Gen.G": "Gen G", "LoL": "League of Legends",
                    "ArenaHub": "Arena Hub", "Mr.": "Mister", "Dr.": "Doctor", "No.": "number"}


def _en_year(n: int) -> str:
    if 2000 <= n < 2010:
        return en_words(n)
    if 1100 <= n < 2100:
        high, low = divmod(n, 100)
        return f"{en_words(high)} " + (f"{'oh ' if low < 10 else ''}{en_words(low)}" if low else "hundred")
    return en_words(n)


def _en_number(match: re.Match) -> str:
    text = match.group(0).replace(",", "")
    if "." in text:
        whole, frac = text.split(".", 1)
        return f"{en_words(int(whole))} point {' '.join(en_words(int(d)) for d in frac)}"
    return en_words(int(text))


def _normalize_en(text: str) -> str:
    text = re.sub(r"\b([A-Za-z]+)(\d+)\b", r"\1 \2", text)  # T1 -> T 1 (said "T one")
    for short, long in sorted(ABBREVIATIONS_EN.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?<![\w.]){re.escape(short)}(?![\w])", long, text)
    text = re.sub(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b", lambda m: (
        f"{_MONTHS[int(m[2]) - 1]} {en_ordinal(int(m[3]))}, {_en_year(int(m[1]))}"
        if 1 <= int(m[2]) <= 12 else m[0]), text)
    text = re.sub(r"\b(\d{1,2}):(\d{2})\s*([ap])\.?m\.?\b", lambda m: (
        f"{en_words(int(m[1]))} {en_words(int(m[2])) if int(m[2]) else ''} {m[3]} m").replace("  ", " "),
        text, flags=re.I)
    text = re.sub(r"\b(\d{1,2}):(\d{2})\b", lambda m: (
        f"{en_words(int(m[1]))} " + (("oh " if int(m[2]) < 10 else "") + en_words(int(m[2]))
                                     if int(m[2]) else "o'clock")), text)
    text = re.sub(r"\b(\d+)\s*[:]\s*(\d+)\b", lambda m: f"{en_words(int(m[1]))} to {en_words(int(m[2]))}", text)
    text = re.sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: en_ordinal(int(m[1])), text)
    text = re.sub(r"(\d+(?:\.\d+)?)\s*%", lambda m: f"{m[1]} percent", text)
    text = re.sub(r"\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d)", lambda m: _en_year(int(m[1])), text)
    text = re.sub(r"\$(\d[\d,]*(?:\.\d+)?)", lambda m: f"{m[1]} dollars", text)
    text = re.sub(r"\d[\d,]*(?:\.\d+)?", _en_number, text)
    text = text.replace("&", " and ").replace("+", " plus ")
    return re.sub(r"\s+", " ", text).strip()


def normalize_for_speech(text: str, language: str) -> str:
    """Spell out numbers, scores, times, dates, abbreviations and Latin-letter names for a voice of
    ``language`` ('ko' or 'en')."""
    return _normalize_ko(text) if language == "ko" else _normalize_en(text)
