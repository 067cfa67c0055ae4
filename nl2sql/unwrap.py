"""The question inside a request: polite wrappers and context clauses taken off.

People rarely type the bare question. They wrap it ("혹시 … 알려주실 수 있을까요?", "Would you dig up …
for me?") or say why they ask first ("기사 마감 때문에 그런데, …", "For our newsletter: …").
The wrappers carry words that also mark how-to questions for the FAQ ("수 있", "해야", "can we", "need"),
so the bare question is what the parser and the evidence check should read. :func:`core_question`
returns it; the engine reads the core first and falls back to the whole text, so a wrapper that was
really part of the question (a name inside it, say) costs nothing.
"""
from __future__ import annotations

import re

_EN_OPENERS = re.compile(
    r"^\s*(?:(?:hey|hi|hello|yo|ok(?:ay)?|so|um+|uh+|hmm+|quick question|question|real quick|sorry"
    # gamer chat before the question: "gg go next.", "ggwp", "bruh", "ngl", "welp"
    r"|gg(?:s|wp|ez)?(?:\s+(?:go next|wp|ez|no re|well played))?|bruh+|ngl|tbh|welp|aight|alright|ayy+|sheesh|oof)\b[\s,!:.\-–—]*)+",
    re.I)
# "For our newsletter:", "I'm drafting the weekly summary -", "Since we're prepping the stream,": a context clause
# closed by punctuation before the question itself.
_EN_CONTEXT = re.compile(
    r"^\s*(?:(?:for|because of|since|as|re|regarding|about)\s+(?:the|our|my|a|an|this|tonight'?s|tomorrow'?s|next week'?s)\b"
    r"|(?:i'?m|i am|we'?re|we are|i was|we were)\s+(?:writing|doing|preparing|prepping|making|working on|putting together|"
    r"updating|building|finishing|planning|drafting)\b)[^,:;?!\-–—]{0,60}(?:[,:;!\-–—]|\s-\s)\s*",
    re.I)
# "We're drafting notes for the coaches. Who …", "This is for our weekly recap. How many …": a whole sentence of
# context, closed by a full stop, before the question.
_EN_CONTEXT_SENTENCE = re.compile(
    r"^\s*(?:(?:i'?m|i am|we'?re|we are|i was|we were)\s+(?:writing|doing|preparing|prepping|making|working on|putting together|"
    r"updating|building|finishing|planning|drafting|compiling|checking)\b|(?:this is|it'?s)\s+for\s+(?:the|our|my|a|an)\b)"
    r"[^.?!]{0,80}[.!]\s+(?=\S)",
    re.I)
# "Can u dig up …", "would you mind giving me …", "I need to know …", "can we get …"
_EN_REQUEST = re.compile(
    r"^\s*(?:(?:please|pls|plz|kindly)\s+)?"
    r"(?:(?:could|can|would|will)\s+(?:you|u|we|i)(?:\s+(?:please|pls|plz|possibly|quickly|maybe))?\s+"
    r"(?:pull up|look up|dig up|bring up|show|give|tell|get|grab|find|check|fetch|list|send|share|let me know|see|have)"
    r"(?:\s+(?:me|us))?"
    r"|would you mind\s+(?:giving|showing|telling|pulling up|looking up|checking|listing|finding|getting|sharing)(?:\s+(?:me|us))?"
    r"|(?:i|we)\s+(?:really\s+)?(?:need|want|would like|'d like|wanna|would love)(?:\s+(?:to\s+(?:know|see|get|find out|check|confirm|grab)))?"
    r"|(?:our|my|the)\s+(?:\w+\s+){0,2}(?:want|wants|need|needs|asked|asks|would like)\s+(?:to\s+(?:know|see)|for)"
    r"|(?:do|does)\s+(?:you|anyone|anybody)\s+know"
    r"|(?:any idea|i was wondering|i wonder|wondering|curious)"
    r"|(?:please|pls|plz)\s+(?:show|give|tell|get|pull up|list|find|check)(?:\s+(?:me|us))?"
    r"|(?:show|give|tell|get)\s+(?:me|us)"
    # a bare imperative before what is asked ("find the squads that …", "pull up every player with …")
    r"|(?:find|fetch|grab|pull up|look up|dig up|bring up|gimme|display)(?:\s+(?:me|us))?(?=\s+(?:the|all|every|each|any|those|which|who|what)\b))\b[\s,:]*",
    re.I)
_EN_TAIL = re.compile(
    r"(?:[\s,]+(?:for (?:me|us)|please|pls|plz|thanks?(?: (?:a lot|so much|in advance))?|thank you|thx|ty|"
    r"if (?:you can|possible|that'?s (?:ok|okay|possible))|when you (?:get|have) a (?:sec|second|chance|minute)|"
    r"real quick|quickly))+\s*([?.!]*)\s*$",
    re.I)

_KO_OPENERS = re.compile(r"^\s*(?:(?:혹시|저기|저 |음+|아 |그 |실례지만|죄송한데|죄송하지만|궁금한 ?게 있는데(?:요)?)[\s,.!]*)+")
# "기사 마감 때문에 그런데,", "정리해야 하는데", "자료에 써야 해서요,": why they ask, then the question
_KO_CONTEXT = re.compile(
    r"^\s*[^?？]{0,40}?(?:때문에|준비(?:\s*중)?|하려고|하려는데|쓰려고|올리려고|만들려고|정리하려고|써야|해야|올려야|만들어야|"
    r"정리해야|필요해서|필요한데)\s*(?:그런데|그러는데|그런데요|하는데|하는데요|해서|해서요|인데|인데요|는데|는데요|요)?[\s,.!]+")
_KO_TAIL = re.compile(
    r"\s*(?:좀\s*)?(?:(?:알려|말해|찾아|뽑아|확인해|정리해|보여|가르쳐|조회해|봐)\s*"
    r"(?:주실\s*수\s*있(?:을까요|나요|으신가요|어요)|주시겠어요|주실래요|주시겠습니까|주시면\s*(?:감사하겠습니다|좋겠어요|고맙겠어요)|"
    r"주세요|줄\s*수\s*있(?:어|어\?|을까|나)|줄래요?|주라|줘요?|줘봐|주셈|주삼|주십시오)"
    r"|부탁(?:드립니다|드려요|드릴게요|해요|해|합니다)|궁금(?:해요|합니다|해|하네요|한데요?))"
    r"\s*[?？!.~ㅎㅠ]*\s*$")
WRAPPER_WORD = re.compile(
    r"(?:그런데|그러는데|하는데|해서|인데|는데|때문에|준비|부탁|궁금|혹시|저기|실례지만|죄송한데|알려|확인해|정리해|뽑아|"
    r"please|thanks|recap|post|newsletter|broadcast|stream|show)\S*", re.I)
"""Words of a request's wrapper; linking may hear a name in them, taking them off loses no name."""
_KO_POLITE = re.compile(r"(?<![가-힣])좀(?![가-힣])")


def core_question(text: str) -> str:
    """The question with request wrappers and a leading context clause removed (the text itself when
    nothing is removed, or when removing would leave too little to be a question)."""
    core = text.strip()
    for _ in range(2):  # "Hi! For our newsletter: would you dig up …" peels in two rounds
        before = core
        core = _EN_OPENERS.sub("", core)
        core = _EN_CONTEXT.sub("", core)
        core = _EN_CONTEXT_SENTENCE.sub("", core)
        core = _EN_REQUEST.sub("", core)
        core = _KO_OPENERS.sub("", core)
        core = _KO_CONTEXT.sub("", core)
        if core == before:
            break
    core = _EN_TAIL.sub(r"\1", core)
    core = _KO_TAIL.sub("?", core) if _KO_TAIL.search(core) else core
    core = _KO_POLITE.sub(" ", core)
    core = re.sub(r"\s+", " ", core).strip(" ,:;-")
    # a Korean clause left ending in "…인지 / …는지" reads as the question it embeds
    core = re.sub(r"인지\s*\?$", "?", core)
    if len(re.sub(r"\W", "", core)) < 4:
        return text.strip()
    return core
