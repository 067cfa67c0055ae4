"""Numbers both ways, in Korean and English: spoken words to digits (after speech recognition) and
digits to words (before synthesis). Pure functions, no models."""
from __future__ import annotations

import re

from kernel.korean import SYLLABLES

# ---------------------------------------------------------------------------- digits -> words
_EN_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen").split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def en_words(n: int) -> str:
    """English words for a non-negative integer: 1250 -> 'one thousand two hundred fifty'."""
    if n < 0:
        return "minus " + en_words(-n)
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f" {_EN_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_ONES[hundreds]} hundred" + (f" {en_words(rest)}" if rest else "")
    for value, name in _EN_SCALES:
        if n >= value:
            high, rest = divmod(n, value)
            return f"{en_words(high)} {name}" + (f" {en_words(rest)}" if rest else "")
    raise AssertionError(n)  # pragma: no cover


_EN_ORDINAL = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
               "nine": "ninth", "twelve": "twelfth"}


def en_ordinal(n: int) -> str:
    """English ordinal words: 3 -> 'third', 21 -> 'twenty first'."""
    words = en_words(n).split()
    last = words[-1]
    if last in _EN_ORDINAL:
        words[-1] = _EN_ORDINAL[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


_KO_DIGITS = "영일이삼사오육칠팔구"


def ko_sino(n: int) -> str:
    """Sino-Korean reading: 1 -> '일', 21 -> '이십일', 10500 -> '만 오백'."""
    if n == 0:
        return "영"
    if n < 0:
        return "마이너스 " + ko_sino(-n)
    groups = []
    for unit in ("", "만", "억", "조"):
        n, chunk = divmod(n, 10000)
        if chunk:
            text = ""
            for value, name in ((1000, "천"), (100, "백"), (10, "십")):
                digit, chunk = divmod(chunk, value)
                if digit:
                    text += ("" if digit == 1 else _KO_DIGITS[digit]) + name
            if chunk:
                text += _KO_DIGITS[chunk]
            if unit == "만" and text == "일":
                text = ""
            groups.append(text + unit)
        if not n:
            break
    return " ".join(reversed(groups))


_KO_NATIVE_ONES = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
_KO_NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]


def ko_native(n: int) -> str:
    """Native Korean counting form (before a counter) for 1..99: 3 -> '세', 20 -> '스무'; else Sino."""
    if not 1 <= n <= 99:
        return ko_sino(n)
    tens, ones = divmod(n, 10)
    if ones == 0 and tens == 2:
        return "스무"
    return _KO_NATIVE_TENS[tens] + _KO_NATIVE_ONES[ones]


# ---------------------------------------------------------------------------- words -> digits
_SINO_VALUES = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7,
                "팔": 8, "구": 9}
_SINO_UNITS = {"십": 10, "백": 100, "천": 1000}
_SINO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12}
_SINO_WORD = re.compile(r"^[영공일이삼사오육륙칠팔구십백천만억조]+$")
_NATIVE_VALUES = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5,
                  "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스무": 20, "스물": 20}
# Counters after which a lone syllable like 삼 or 이 is a number, not a word ("이 팀" stays "이 팀").
KO_COUNTERS = ("대", "점", "승", "패", "무", "세트", "라운드", "판", "경기", "킬", "데스", "어시", "위", "등",
               "시", "분", "초", "월", "일", "년", "회", "번", "명", "개", "게임", "차", "주차", "강", "레벨", "골", "퍼센트", "%")
_NATIVE_COUNTERS = ("명", "개", "판", "번", "세트", "경기", "시", "게임", "킬", "골", "승", "패")


def parse_ko_sino(word: str) -> int | None:
    """'이십삼' -> 23, '삼천오백' -> 3500, '만' -> 10000; None when the word is not a Sino numeral."""
    if not word or not _SINO_WORD.match(word):
        return None
    total, section, digit = 0, 0, None
    for ch in word:
        if ch in _SINO_VALUES:
            if digit is not None:  # two digits in a row ("이삼") is not a number word
                return None
            digit = _SINO_VALUES[ch]
        elif ch in _SINO_UNITS:
            section += (1 if digit is None else digit) * _SINO_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _SINO_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def _split_counter(token: str) -> tuple[str, str]:
    """'삼세트' -> ('삼', '세트'): a token's numeral head and a known counter tail, if any."""
    for counter in sorted(KO_COUNTERS, key=len, reverse=True):
        if token.endswith(counter) and len(token) > len(counter):
            return token[: -len(counter)], token[-len(counter):]
    return token, ""


_NOT_NUMBERS = {"천사", "이만", "구구", "일일"}
_NATIVE_ONLY = ("시", "명", "개", "번", "판", "마리", "살")  # counted with 한/두/세..., never 일/이/삼
_DEMONSTRATIVE_AFTER_I = ("분", "게임", "경기", "세트", "라운드", "차")  # 이 분 = this person, 이 경기 = this match
_JOINED_SCORE = re.compile(rf"(?<![{SYLLABLES}])([영공일이삼사오육칠팔구십]{{1,3}})대([영공일이삼사오육칠팔구십]{{1,3}})(?=$|[^{SYLLABLES}]|[로으이가은는의에도])")


def _joined_score(match: re.Match) -> str:
    left, right = parse_ko_sino(match.group(1)), parse_ko_sino(match.group(2))
    if left is None or right is None:
        return match.group(0)
    return f"{left} 대 {right}"


def _ko_words_to_digits(text: str) -> str:
    text = _JOINED_SCORE.sub(_joined_score, text)
    tokens = text.split(" ")
    out = list(tokens)
    for i, token in enumerate(tokens):
        core = token.rstrip(".,!?")
        tail_punct = token[len(core):]
        head, counter = _split_counter(core)
        nxt = tokens[i + 1].rstrip(".,!?") if i + 1 < len(tokens) else ""
        prev = tokens[i - 1].rstrip(".,!?") if i > 0 else ""
        next_counter = next((c for c in sorted(KO_COUNTERS, key=len, reverse=True) if nxt.startswith(c)), "") if nxt else ""
        counter_word = counter or next_counter
        numeric_context = bool(counter_word) or prev in ("대", "제")
        value = None if head in _NOT_NUMBERS else parse_ko_sino(head)
        if value is not None:
            if len(head) > 1 and any(u in head for u in "십백천만억조"):
                out[i] = f"{value}{counter}{tail_punct}"
            # A lone syllable (이, 사, 오...) is a word unless a counter or a score sits next to it, and
            # not before counters Koreans count natively ("이 시간" is "this time", 2 hours is "두 시간").
            elif numeric_context and not counter_word.startswith(_NATIVE_ONLY) and not (
                    head == "이" and counter_word in _DEMONSTRATIVE_AFTER_I):
                out[i] = f"{value}{counter}{tail_punct}"
            continue
        if head in _NATIVE_VALUES and (counter in _NATIVE_COUNTERS or (
                not counter and any(nxt.startswith(c) for c in _NATIVE_COUNTERS))):
            out[i] = f"{_NATIVE_VALUES[head]}{counter}{tail_punct}"
    text = " ".join(out)
    # "3대1" / "3 대 1" / "3대 1": keep the score spacing the router expects ("3 대 1").
    return re.sub(r"(\d+)\s*대\s*(\d+)", r"\1 대 \2", text)


_EN_NUM = {w: i for i, w in enumerate(_EN_ONES)}
_EN_NUM.update({w: 10 * i for i, w in enumerate(_EN_TENS) if w != "_"})
_EN_MULT = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_EN_CONTEXT = ("to", "point", "points", "game", "games", "round", "rounds", "set", "sets", "kill", "kills",
               "minute", "minutes", "second", "seconds", "o'clock", "win", "wins", "loss", "losses", "percent",
               "place", "team", "teams", "player", "players", "vs", "versus", "and", "or", "platform", "platforms")


def _en_words_to_digits(text: str) -> str:
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j, total, current, run, last = i, 0, 0, [], None
        while j < len(tokens):
            word = tokens[j].lower().strip(".,!?").replace("-", " ")
            parts = word.split()
            ok = bool(parts)
            for p in parts:
                if p == "and" and last == "mult" and len(parts) == 1:
                    continue
                if p in _EN_NUM:
                    value = _EN_NUM[p]
                    kind = "tens" if value >= 20 else "ones"
                    if last == "ones" or (last == "tens" and kind == "tens") or (last == "tens" and value >= 10):
                        ok = False  # "one three" or "twenty thirty": two numbers, not one
                        break
                    current += value
                    last = kind
                elif p in _EN_MULT and last is not None:
                    if _EN_MULT[p] == 100:
                        current = max(current, 1) * 100
                    else:
                        total += max(current, 1) * _EN_MULT[p]
                        current = 0
                    last = "mult"
                else:
                    ok = False
                    break
            if not ok:
                break
            run.append(tokens[j])
            j += 1
        while run and run[-1].lower().strip(".,!?") == "and":  # "three hundred and" -> keep the "and"
            run.pop()
            j -= 1
        if not run:
            out.append(tokens[i])
            i += 1
            continue
        words = [w.lower().strip(".,!?") for w in run]
        prev = tokens[i - 1].lower().strip(".,!?") if i else ""
        nxt = tokens[j].lower().strip(".,!?") if j < len(tokens) else ""
        lone_one = words == ["one"] and not (prev in _EN_CONTEXT or nxt in _EN_CONTEXT or prev.isdigit())
        if lone_one:  # "which one", "one of us": a pronoun, not a number
            out.append(tokens[i])
            i += 1
            continue
        punct = run[-1][len(run[-1].rstrip(".,!?")):]
        out.append(f"{total + current}{punct}")
        i = j
    return " ".join(out)


def normalize_numbers(text: str, language: str) -> str:
    """Spoken numbers to digits in a transcript: ('삼 대 일', 'ko') -> '3 대 1';
    ('three to one', 'en') -> '3 to 1'. Words that merely look like numbers ('이 팀', 'which one') stay."""
    if not text:
        return text
    if language == "ko":
        return _ko_words_to_digits(text)
    return _en_words_to_digits(text)
