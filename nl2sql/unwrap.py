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
    r"^\s*(?:(?:(?:hi|hello|hey) there|hey|hi|hello|yo|good (?:morning|afternoon|evening|day)|greetings|ok(?:ay)?|so|um+|uh+|hmm+|quick question|question|real quick|sorry"
    # gamer chat before the question: "gg go next.", "ggwp", "bruh", "ngl", "welp"
    r"|gg(?:s|wp|ez)?(?:\s+(?:go next|wp|ez|no re|well played))?|bruh+|ngl|tbh|welp|aight|alright|ayy+|sheesh|oof"
    # "final question:", "one more -": the asker counting the questions
    r"|(?:the\s+)?(?:last|final) (?:one|question)|one (?:more|last)(?: (?:one|question))?)\b[\s,!:.\-–—]*)+",
    re.I)
# "For our newsletter:", "I'm drafting the weekly summary -", "Since we're prepping the stream,": a context clause
# closed by punctuation before the question itself; a hyphen inside a word ("a top-ten graphic") does not close it.
_EN_CONTEXT = re.compile(
    # (not "For the team that won X, …", "for the tournaments played in 2025, …": the rows asked about, not a purpose)
    r"^\s*(?:(?:for|because of|since|as|re|regarding|about)\s+(?:the|our|my|a|an|this|tonight'?s|tomorrow'?s|next week'?s)\b"
    r"(?!\s+(?:teams?|squads?|sides?|players?|orgs?|rosters?|tournaments?|events?|matches|games|maps|series|winners?|champions?)\b)"
    r"|(?:i'?m|i am|we'?re|we are|i was|we were)\s+(?:writing|doing|preparing|prepping|making|working on|putting together|"
    r"updating|building|finishing|planning|drafting|compiling)\b)(?:[^,:;?!\-–—]|(?<=\w)-(?=\w)){0,60}(?:[,:;!\-–—]|\s-\s)\s*",
    re.I)
# "We're drafting notes for the coaches. Who …", "This is for our weekly recap. How many …": a whole sentence of
# context, closed by a full stop, before the question.
_EN_CONTEXT_SENTENCE = re.compile(
    r"^\s*(?:(?:i'?m|i am|we'?re|we are|i was|we were)\s+(?:writing|doing|preparing|prepping|making|working on|putting together|"
    r"updating|building|finishing|planning|drafting|compiling|checking)\b|(?:this is|it'?s)\s+for\s+(?:the|our|my|a|an)\b"
    # who is asking: "Our cousin is on X.", "I'm X's biggest supporter.", "We sponsor the club.", "I am a parent."
    r"|(?:my|our)\s+(?:\w+\s+)?(?:son|daughter|kid|kids|child|children|boy|girl|nephew|niece|brother|sister|friend|cousin|"
    r"husband|wife|partner|student|students|club|company|team|office|boss|family)\b"
    r"|(?:i'?m|i am|we'?re|we are)\s+(?:a|an|the|one of|new|just|big|huge|with|from|on)\b"
    r"|(?:i|we)\s+(?:sponsor|support|follow|coach|manage|run|work|represent|cheer)\b"
    # what they are curious about: "I'm curious about the X Cup.", "Question about X.", "Been reading up on X."
    r"|(?:(?:i'?m|i am|we'?re|we are|i was|we were|just|been)\s+)?(?:\w+\s+)?(?:curious|wondering|interested|reading up|asking|thinking)\s+(?:about|on|into|of)\b"
    r"|(?:(?:i|we)\s+(?:have|had|got|'ve got)\s+)?(?:(?:a|one|some|quick|small|little)\s+){0,2}questions?\s+(?:about|on|regarding)\b)"
    r"[^.?!]{0,120}[.!]\s+(?=\S)",
    re.I)
# "… start? need it for my calendar", "… last year? asking for a friend": a remark about the asker after a question
# mark (the third pattern trailing_context() tries)
_EN_AFTERWORD = re.compile(
    r"(?<=\?)\s+(?:(?:i|we)\s+|(?:i'?m|we'?re)\s+)?(?:need|needs|have to|want|wanna|gotta|got to|trying|planning|asking|just|"
    r"it'?s for|it is for|this is for|for (?:my|our|a|the)|because|cause|cuz|since|so (?:i|we) can)\b"
    # ("? need dates and maps too", "? just the number": the columns asked, not a remark about the asker)
    r"(?!\s+(?:(?:the|their|its|his|her|both|all|a|an)\s+)?(?:dates?|times?|maps?|names?|scores?|teams?|stages?|tournaments?|"
    r"events?|winners?|losers?|count|number|numbers|totals?|kills|ids?|nicks?|nicknames?|roles?|regions?)\b)[^?]{0,80}$",
    re.I)
# "? all valorant games count", "? any event is fine": a closing remark that every row of the scope counts (the question
# before it says the scope already)
_EN_ALL_COUNTS = re.compile(r"(?<=\?)\s+(?:(?:and\s+)?(?:every|all|any|each)\s+[^?.!]{0,40}?\s+(?:counts?|included|is fine|are fine|goes|go|is ok|are ok)"
                            r"|(?:across|over)\s+everything|any game|all games)\s*[.!]*\s*$", re.I)
# "Can u dig up …", "would you mind giving me …", "I need to know …", "can we get …"
_EN_REQUEST = re.compile(
    r"^\s*(?:(?:please|pls|plz|kindly)\s+)?"
    r"(?:(?:could|can|would|will)\s+(?:you|u|we|i)(?:\s+(?:please|pls|plz|possibly|quickly|maybe))?\s+"
    r"(?:pull up|look up|dig up|bring up|show|give|tell|get|grab|find|check|fetch|list|send|share|let me know|see|have)"
    r"(?:\s+(?:me|us))?"
    r"|would you mind\s+(?:giving|showing|telling|pulling up|looking up|checking|listing|finding|getting|sharing)(?:\s+(?:me|us))?"
    r"|(?:i|we)(?:\s+(?:really\s+)?(?:need|want|would like|wanna|would love)|['’]d\s+(?:really\s+)?(?:like|love))"
    r"(?:\s+(?:to\s+(?:know|see|get|find out|check|confirm|grab)))?"
    r"|(?:our|my|the)\s+(?:\w+\s+){0,2}(?:want|wants|need|needs|asked|asks|would like)\s+(?:to\s+(?:know|see)|for)"
    r"|(?:do|does)\s+(?:you|anyone|anybody)\s+know"
    # "remind me which …", "can you remind me when …": a question asked again
    r"|(?:(?:can|could|would)\s+(?:you|u)\s+)?remind\s+(?:me|us)(?:\s+(?:again|quickly))?(?=\s+(?:of\s+)?(?:which|what|who|when|where|how|whether|if)\b)"
    r"|(?:any idea|i was wondering|i wonder|wondering|curious)(?:\s+(?:if|whether)\s+(?:you|u|anyone|someone)\s+(?:could|can|would|might|will)"
    r"(?:\s+(?:please|possibly|maybe))?\s+(?:pull up|look up|dig up|show|give|tell|get|find|check|list|share|let me know)(?:\s+(?:me|us))?)?"
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

# "… ? Just deciding where my money goes.", "…, want it for our office pool", "… ? considering them for a parlay":
# why they ask, said after the question. It opens with an intention (trying, thinking of, planning, gonna, need … for
# my …, before betting) and asks nothing itself: no question mark, no column asked for ("also", "with their …"); a
# question word inside it is indirect ("trying to see who was good").
_EN_TRAIL_CONTEXT = re.compile(
    r"(?:[?.!]+|,|\s[-–—]+)\s*"
    r"(?!.*\?)(?!.*\b(?:list|show|give|include|with (?:the|their)|plus|also|and (?:who|what|which|when|where|how))\b)"
    r"(?:(?:i'?m|im|we'?re|just|been|currently|mostly|really)\s+)*"
    r"(?:(?:trying|tryna|tryin|thinking|thinkin|considering|planning|deciding|debating|looking (?:to|for)|hoping|gonna|going to|"
    r"about to|wanting|prepping|building|drafting|setting up|figuring|weighing|leaning (?:to|towards?|on))\b"
    r"|(?:i|we)\s+(?:want|wanna|need|gotta|have)\s+to\b"
    r"|(?:need|needs|needed|want|wanted)\s+(?:\S+\s+){0,3}?for\s+(?:my|our|a|the|this|tonight'?s|next)\b"
    r"|(?:for|before|after)\s+(?:my|our|betting|placing|picking|drafting|making|setting|locking)\b"
    r"|(?:it'?s|it is|this is|that'?s|that is)\s+for\b|so (?:i|we) can\b|(?:betting|bet|wagering)\s+(?:on|against)\b)"
    r"[^?]*$",
    re.I)
# "… of X. My kid loves them.", "… ? Our club follows them": a sentence about the asker or their people after the
# question, asking nothing itself
_EN_TRAIL_ABOUT = re.compile(
    r"(?<=[.!?])\s+(?:(?:my|our)\s+(?:\w+\s+)?(?:son|daughter|kid|kids|child|children|boy|girl|nephew|niece|brother|sister|friend|"
    r"friends|cousin|husband|wife|partner|dad|mom|mum|father|mother|students?|club|family|group|office)\b"
    r"|(?:i|we)\s+(?:love|loved|like|adore|follow|support|cheer for|miss)\b|(?:i'?m|i am|we'?re|we are)\s+(?:a |an |such a |huge |big |new )+(?:fans?|supporters?)\b)"
    r"(?![^?]*\?)[^?]{0,100}$",
    re.I)
# "… 몇 킬이야? 픽 고민하려고요", "… 알려줘. 내기 참고하려고": why they ask, a sentence after the question ending in an
# intention (-려고, -려구, -할라고, -거든요) that asks nothing itself
_KO_TRAIL_CONTEXT = re.compile(
    r"(?:[?？.!]+|,)\s*(?![^?？]*(?:누구|뭐|몇|어디|언제|어느|얼마))[^?？]{0,30}?"
    r"(?:려고|려구|려는데|라고|할라고|할려고|거든|하려고|보려고|쓰려고"
    # or the asker's own state of knowledge: "새로 입덕해서 잘 몰라요", "헷갈려서요", "까먹었어요", "기억이 안 나네요"
    r"|몰라|모르겠|몰라서|헷갈려|헷갈리|까먹었|기억이\s*안\s*나|생각이\s*안\s*나)"
    r"(?:요|용|여|해요|함|합니다|그래요|하는데요?|어요|네요|서요|거든요|어서요)?[\s.!~ㅎㅋㅠ]*$")
# "안녕하세요, 동아리 후원사 담당자입니다.", "저는 선수 학부모예요.": the asker introducing themselves, a sentence of its own
# "처음 글 써봐요!", "오랜만에 들어왔어요~": a sentence of what the asker did, before the question
_KO_INTRO = re.compile(r"^\s*(?:안녕하세요[\s,.!~]*)?(?:[^?？.!]{0,60}?(?:입니다|이에요|예요|이고요|인데요"
                       r"|(?:써|와|들어와|가입해|남겨|올려)\s*(?:봐요|봅니다|봤어요|요|어요|습니다|왔어요|왔습니다)|(?:가입했|왔|들어왔)(?:어요|습니다))"
                       r"[.!~ㅎㅋ^]+\s+(?=\S))?")
_KO_OPENERS = re.compile(r"^\s*(?:(?:혹시|저기|저 |음+|아 |그 |실례지만|죄송한데|죄송하지만|궁금한 ?게 있는데(?:요)?)[\s,.!]*)+")
# "기사 마감 때문에 그런데,", "정리해야 하는데", "자료에 써야 해서요,": why they ask, then the question
_KO_CONTEXT = re.compile(
    r"^\s*[^?？]{0,40}?(?:때문에|준비(?:\s*중)?|하려고|하려는데|쓰려고|올리려고|만들려고|정리하려고|써야|해야|올려야|만들어야|"
    # "경기 보다가 궁금해졌는데요,": what the asker was doing when the question came up
    r"궁금해\s*(?:졌|져서|져|지더라고요|지네요)|궁금한\s*게\s*생겼|생각(?:이)?\s*(?:났|나서)|"
    r"정리해야|필요해서|필요한데|궁금해서|궁금한데|궁금하던데|관심\s*있어서|관심\s*있는데)\s*(?:그런데|그러는데|그런데요|하는데|하는데요|해서|해서요|인데|인데요|는데|는데요|요)?[\s,.!]+")
# the request verb closing a sentence; "주세여/주세용" are chat spellings, "부탁드려도 될까요" asks leave to ask
_KO_REQUEST_VERB = (
    r"\s*(?:좀\s*)?(?:(?:알려|말해|찾아|뽑아|확인해|정리해|보여|가르쳐|조회해|집계해|산출해|계산해|구해|제시해|봐)\s*"
    r"(?:주실\s*수\s*있(?:을까요|나요|으신가요|어요)|주시겠어요|주실래요|주시겠습니까|주시면\s*(?:감사하겠습니다|좋겠어요|고맙겠어요)|"
    r"주세요|주세여|주세용|줄\s*수\s*있(?:어요|을까요|나요|어|어\?|을까|나)|줄래요?|주라|줘요?|줘봐|주셈|주삼|주십시오)"
    r"|(?:알|확인할|확인해\s*볼|볼|찾을|조회할)\s*수\s*있(?:을까요|나요|을까|나|어요|습니까|으면\s*좋겠어요)|(?:확인|조회)\s*(?:이\s*)?가능(?:할까요|한가요|하나요|해요|할까)"
    r"|알고\s*싶(?:어요|습니다|어|네요|은데요?)"
    # "여쭤봐도 될까요", "여쭙고 싶습니다": leave asked to ask
    r"|여쭤\s*(?:봐도|보아도|봐도\s*괜찮을까요)\s*(?:될까요|되나요|되겠습니까|될까)?|여쭤\s*(?:봅니다|볼게요|보고\s*싶(?:어요|습니다))"
    r"|여쭙(?:니다|고\s*싶(?:어요|습니다))"
    r"|부탁(?:드립니다|드려요|드릴게요|해요|해|합니다|드려도\s*될까요|해도\s*될까요|드릴\s*수\s*있을까요)|궁금(?:해요|합니다|해|하네요|한데요?))")
# what may close the request: punctuation, laughter, emoticons and emoji ("^^", ":)", "😊")
_KO_CLOSER = r"(?:[?？!.~ㅎㅋㅠㅜ^]|:\)|:D|[\u2600-\u27bf\U0001f000-\U0001faff\u200d\ufe0f])"
# thanks said after the request ("… 알 수 있을까요? 감사합니다 🙏")
# (or a fan's cheer: "… 보여줘!! 우리 팀 파이팅 🔥")
_KO_THANKS = r"(?:\s+(?:(?:미리\s*)?(?:감사합니다|감사해요|감사드립니다|고맙습니다|고마워요|고마워|땡큐|ㄱㅅ|ㄳ)" \
             r"|(?:(?:우리|저희)\s*)?(?:[^\s?]{1,10}\s*)?(?:화이팅|파이팅|홧팅|가즈아|응원(?:해요|합니다|해)|사랑해요?))" + r"(?:\s*" + _KO_CLOSER + r")*)?"
_KO_TAIL = re.compile(_KO_REQUEST_VERB + r"\s*" + _KO_CLOSER + r"*(?:\s+" + _KO_CLOSER + r"+)*" + _KO_THANKS + r"\s*$")
# the same request closing a sentence that another one follows ("… 뽑아 주실 수 있어요? 날짜도요")
_KO_MID_REQUEST = re.compile(_KO_REQUEST_VERB + r"\s*" + _KO_CLOSER + r"+(?:\s+" + _KO_CLOSER + r"+)*\s+(?=\S)")
WRAPPER_WORD = re.compile(
    r"(?:그런데|그러는데|하는데|해서|인데|는데|때문에|준비|부탁|궁금|혹시|저기|실례지만|죄송한데|알려|확인해|정리해|뽑아|"
    r"please|thanks|recap|post|newsletter|broadcast|stream|show)\S*", re.I)
"""Words of a request's wrapper; linking may hear a name in them, taking them off loses no name."""
_KO_POLITE = re.compile(r"(?<![가-힣])좀(?![가-힣])")


# "Trivia check:", "Engagement numbers:", "Numbers for the awards night:", "Rivalry segment:": a heading (no question
# word in it) before a colon, then the question itself (a question word or a request); a heading holding a statistic
# ("Kills: who leads?") stays
_EN_HEADING = re.compile(
    r"^\s*(?![^:]*\b(?:how|what|which|who|whom|whose|when|where|why)\b)[A-Za-z][\w'’ ,&/-]{0,70}?\s*:\s+"
    r"(?=(?:who|whom|whose|what|which|when|where|how|is|are|was|were|did|does|do|"
    r"has|have|had|can|could|would|will|any|list|show|give|tell|name|rank|count|find|pull|get|i|we|in|at|for|across|total|"
    r"top|per|each|every|the)\b)", re.I)


def _heading(text: str) -> str:
    m = _EN_HEADING.match(text)
    if not m:
        return text
    from .parse import cues

    label = m.group()
    if any(p.search(label) for name, pats in cues()["measures"].items() if name != "appearances" for p in pats):
        return text
    # a heading that scopes the question ("Battle royale only:", "Playoffs, 2025:", "Versus matches:") stays
    if any(p.search(label) for name in ("ranking_format", "versus_format", "playoffs", "stage") for p in cues()["shapes"].get(name, ())) \
            or re.search(r"\b(?:19|20)\d\d\b|\b(?:versus|only|excluding|except|(?:grand |semi-?|quarter-?)?finals?|group stage)\b", label, re.I):
        return text
    return text[m.end():]


# "Just so I know before the meeting:", "Me again - ", "Out of interest (for my blog), ": a lead-in about
# the asker (it says I, my, we, our), closed by a colon, a spaced dash or a closing bracket and comma, before a question word starts the question.
_EN_LEAD_IN = re.compile(
    r"^\s*(?=[^?!:;]{0,90}?\b(?:i|i'm|i've|i'd|my|me|we|we're|our|us)\b)[A-Za-z][^?!:;\d]{0,90}?(?::|\s[-–—]+\s|\)\s*,)\s*"
    r"(?=(?:how|what|which|who|whom|whose|when|where|is|are|was|were|do|does|did|list|show|give|tell|name)\b)", re.I)


# "My cousin insists it ended in June, I think July.", "Y is the club I follow and I bet they …": sentences
# telling the asker's story (I, my, me; or what someone claims) before the sentence that asks; they ask nothing, and
# what they name is the story's, not the question's
_EN_STATEMENT = re.compile(
    r"(?!\s*(?:how|what|what's|which|who|whom|whose|when|where|why|is|are|was|were|did|do|does|can|could|would|will|list|show|give|"
    r"tell|name|rank|count|find)\b)[^.!?:]{8,200}[.!:]+\s+(?=\S)", re.I)
_EN_STORY_MARK = re.compile(r"\b(?:i|i'm|i've|i'd|my|me|myself|imo|imho|tbh|ngl)\b|\b(?:says?|said|claims?|claimed|swears?|swore|thinks?|reckons?)\b", re.I)
_STORY_CLAUSE = re.compile(
    r"(?:(?:so|well|ok(?:ay)?|honestly|anyway|look)[,\s]+)?(?!(?:how|what|which|who|when|where|is|are|was|were|did|do|does)\b)"
    r"[^.!?:;,]{8,160},\s*(?:(?:but|so|anyway|and|then|now)\s+)+(?=(?:how|what|which|who|whom|whose|when|where|is|are|was|were|did|do|does)\b)", re.I)
_WE_SAID = re.compile(r"\b(?:we|we're|we've|our|ours|us)\b|우리|저희", re.I)


def story_told(text: str) -> tuple[str, str]:
    """The asker's story said in whole sentences before the question (statements, one at least saying I, my, me or what
    someone claims), and the question after it; ("", text) when there is none, when what follows asks with no question
    mark, or when the story speaks for a team or an organiser ("we", "our": its procedure may be what is asked)."""
    at, marked = 0, False
    while True:
        m = _EN_STATEMENT.match(text, at)
        if not m:
            break
        marked = marked or bool(_EN_STORY_MARK.search(m.group()))
        at = m.end()
    if not at:
        # "I haven't followed it since 2019, but who won …?": the story said in a clause before the one that asks
        m = _STORY_CLAUSE.match(text)
        if m and _EN_STORY_MARK.search(m.group()):
            at, marked = m.end(), True
    head, rest = text[:at], text[at:]
    if not at or not marked or "?" not in rest or _WE_SAID.search(head) or re.search(r"[가-힣]", head):
        return "", text
    return head, rest


def core_question(text: str) -> str:
    """The question with request wrappers and a leading context clause removed (the text itself when
    nothing is removed, or when removing would leave too little to be a question)."""
    core = text.strip()
    for _ in range(2):  # "Hi! For our newsletter: would you dig up …" peels in two rounds
        before = core
        core = _EN_OPENERS.sub("", core)
        core = _heading(core)
        core = _EN_CONTEXT.sub("", core)
        core = _EN_CONTEXT_SENTENCE.sub("", core)
        core = _EN_REQUEST.sub("", core)
        core = _EN_LEAD_IN.sub("", core, count=1)
        core = story_told(core)[1]
        core = _KO_INTRO.sub("", core, count=1)
        core = _KO_OPENERS.sub("", core)
        core = _KO_CONTEXT.sub("", core)
        if core == before:
            break
    core = trailing_context(core)[0]
    core = _EN_TAIL.sub(r"\1", core)
    core = _KO_TAIL.sub("?", core) if _KO_TAIL.search(core) else core
    core = _KO_MID_REQUEST.sub("? ", core)
    core = _KO_POLITE.sub(" ", core)
    core = _columns_after(core)
    core = re.sub(r"\s+", " ", core).strip(" ,:;-")
    # a Korean clause left ending in "…인지 / …는지" reads as the question it embeds
    core = re.sub(r"인지\s*\?$", "?", core)
    if len(re.sub(r"\W", "", core)) < 4:
        return text.strip()
    return core


# "…한 팀 있나요? 팀명, 일시, 스코어", "… ? map, team and the day": a sentence of only the columns wanted, after
# the question; read as part of it ("…, with nickname, team and the date")
_COLUMN_WORD = (r"(?:(?:the|their|its|his|her|each|match|series|game|경기|선수|소속)\s+)?"
                r"(?:nick(?:name)?s?|names?|teams?|dates?|times?|timestamps?|maps?|stages?|scores?|kills?|kill counts?|deaths?|"
                r"assists?|damage|points?|opponents?|winners?|losers?|tournaments?|events?|regions?|roles?|margins?|"
                r"닉네임|닉|이름|팀명?|날짜|일시|시간|맵|스테이지|킬\s*수|킬|데스|어시(?:스트)?|딜량|데미지|점수|스코어|상대\s*팀|상대|대회명?|순위|"
                r"지역|포지션|역할)")
_COLUMNS_AFTER = re.compile(r"\s*[?？]\s+(?P<cols>" + _COLUMN_WORD + r"(?:\s*(?:,|/|\band\b|&|\+|이랑|랑|하고|과|와)\s*" + _COLUMN_WORD
                            + r")+)\s*(?:도요|요|도|까지)?\s*[?？.!]*\s*$", re.I)


def _columns_after(text: str) -> str:
    m = _COLUMNS_AFTER.search(text)
    if not m:
        return text
    # ("… 한 팀 있나요? 팀명, …": whether there are any is asked by listing them)
    head = re.sub(r"(?<=[가-힣])\s+(?:있어요|있나요|있습니까|있을까요|있음|있어|있니|있냐)\s*$", "", text[:m.start()])
    return head + " " + m.group("cols") if head != text[:m.start()] else head + ", " + m.group("cols")


def trailing_context(text: str) -> tuple[str, str]:
    """The question and the reason for asking said after it ("… ? want it for our office pool"), split; the
    text and "" when nothing trails it, or when the question left would be too short to stand alone."""
    for pat in (_EN_TRAIL_CONTEXT, _EN_AFTERWORD, _EN_ALL_COUNTS, _KO_TRAIL_CONTEXT, _EN_TRAIL_ABOUT):
        m = pat.search(text)
        if m and len(re.sub(r"\W", "", text[:m.start()])) >= 6:
            q = text[:m.start()].rstrip()
            if text[m.start():m.end()].lstrip()[:1] in "?？":
                q += "?"
            return q, text[m.start():].strip(" ,.-–—")
    return text, ""


_COUNT_SIGN = re.compile(r"(?<![\w#])(?:#|no\.)\s*(?:of\s+)?(?=[A-Za-z가-힣])", re.I)


# Chat spellings of Korean words: "머임", "머머", "머야" for 뭐 (what); "스타트한" for 시작한 (started); "젤많은" for 젤 많은
_KO_CHAT = [(re.compile(r"(?<![가-힣])머(머)?(?=(?:임|야|냐|지|여|에요|예요)?(?:[\s?!.,]|$))"), lambda m: "뭐" + ("뭐" if m.group(1) else "")),
            (re.compile(r"(?<![가-힣])스타트(?=한|했|하는|된|됐|함)"), lambda m: "시작"),
            # a superlative written onto its word ("젤많은", "가장적게"): the space chat drops
            (re.compile(r"(?<![가-힣])(젤|제일|가장)(?=(?:많|적|높|낮|잘|못|먼저|늦|크|큰|작|오래|자주|빠|느)[가-힣]*)"), lambda m: m.group(1) + " "),
            # "많이한", "적게했던": the space chat drops before 하다
            (re.compile(r"(?<![가-힣])(많이|적게|자주|잘)(한|했|함|하는|해|했던|하던)(?=[\s?!.,]|$)"), lambda m: m.group(1) + " " + m.group(2)),
            # "젤" said apart ("젤 킬 많이 한"): 제일
            (re.compile(r"(?<![가-힣])젤(?=\s)"), lambda m: "제일"),
            # a match's "일시", "시각", "날짜와 시간" (its date and time): the date asked, as "날짜"
            (re.compile(r"(?<=경기)(\s*의?\s*)(?:일시|시각|일자|날짜\s*(?:와|랑|하고|및)?\s*시간|시간)(?=$|[\s?!.,]|을|를|은|는|이|가|도|만|좀)"),
             lambda m: m.group(1) + "날짜"),
            (re.compile(r"(?<![가-힣])(?:일시|날짜\s*(?:와|랑|하고|및)\s*시간)(?=$|[\s?!.,]|을|를|은|는|이|가|도|만|좀)"), lambda m: "날짜")]


# A learner's English: a strong verb given the regular ending ("the teams that beated X", "winned", "losed"): the words
# meant ("how much teams" is read by parse._fix_typos)
_EN_SLIPS = [(re.compile(r"\bbeated\b", re.I), "beat"), (re.compile(r"\bwinn?ed\b", re.I), "won"),
             (re.compile(r"\blosed\b", re.I), "lost"), (re.compile(r"\bfighted\b", re.I), "fought"),
             # chat spellings of "tourney"
             (re.compile(r"\btourny\b", re.I), "tourney"), (re.compile(r"\btourn(?:ys|ies)\b", re.I), "tourneys"),
             # "…: winning team, score, losing team": in a list of the columns wanted, the winner and the loser
             (re.compile(r"((?:[:,]|\b(?:give|show|list|name|with|plus)(?:\s+me)?)\s*)(the\s+)?(winning|losing)\s+(?:team|side|squad)"
                         r"(?=\s*(?:,|\band\b|&|[.?!]|$))", re.I),
              lambda m: m.group(1) + (m.group(2) or "") + ("winner" if m.group(3).lower() == "winning" else "loser")),
             # "in all twelve maps", "across all 8 matches": the whole scope (the number only counts them)
             (re.compile(r"\b((?:over|across|in|from)\s+all)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                         r"(games|matches|maps|series|rounds)\b", re.I), lambda m: f"{m.group(1)} {m.group(2)}"),
             # "a kill count" of a row is its kills (no count of anything)
             (re.compile(r"\b(kill|death|assist)[- ]counts?\b", re.I), lambda m: m.group(1) + "s"),
             # "A 게 아니라 B": the asker sets A aside to say B (the words of A up to the last clause boundary dropped)
             (re.compile(r"(?<![^\s,])(?:(?!중에?서?\s|(?:은|는|도)\s)[^\s,.?]+\s+){0,4}?[^\s,.?]*(?:게|것이|건|거)\s*아니(?:라|고)\s+"
                         # … or one noun set aside: "킬이 아니라 데스"
                         r"|(?<![^\s,])[^\s,.?]+(?:이|가)\s+아니라\s+"), ""),
             # "(X 팀 말고 선수 쪽)", "(the player, not the team X)": a bracket telling which of two like names is
             # meant says nothing more to read; the name it sets aside must not scope the question
             (re.compile(r"\(\s*[^()]*?(?:팀|선수|대회|닉네임|이름)\s*(?:명|이름)?\s*[^()]{0,40}?\s*(?:아님|아니고|아니라|아니에요|아닙니다|말고)[^()]*\)"
                         r"|\(\s*[^()]*?\bnot\s+(?:the\s+|a\s+)?(?:team|squad|player|tournament|event)\b[^()]*\)", re.I), " "),
             # "단 한 토너먼트에만", "대회 하나에만": exactly one of them
             (re.compile(r"(?:딱|단|오직)?\s*(?:한|1)\s*(?:개의?\s*)?(대회|토너먼트)(?:에만|에서만)|(대회|토너먼트)\s*(?:하나|한\s*개|1개)(?:에만|에서만)"),
              lambda m: f"정확히 {m.group(1) or m.group(2)} 1개에"),
             # a match's "timestamp" is its date and time, the word the readers know as "time"
             (re.compile(r"\btime-?stamp\b", re.I), "time"), (re.compile(r"\btime-?stamps\b", re.I), "times")]


# "the best (lowest) average place": the bracket says which end "best" is, and is read instead of it; "a 60%+ win rate":
# 60 % or more
_GLOSSED_END = re.compile(r"\b(?:best|worst|top|bottom)\s*\(\s*(lowest|highest|smallest|largest|biggest|fewest|most|least)\s*\)", re.I)
_PERCENT_PLUS = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*\+(?!\s*\d)")


# "lost every series they played", "전패한": never won one (the teams that played and won none)
_LOST_ALL = [(re.compile(r"\blost\s+(?:every|all)(?:\s+of)?(?:\s+(?:their|the|its|his|her))?\s+((?:\S+\s+){0,2}?)(series|matches|games|maps|sets)\b"
                         r"(?:\s+(?:they|it|he|she)\s+(?:played|entered|contested|had))?", re.I), r"never won any \1\2"),
             (re.compile(r"(?<![가-힣])전패(?:한|했던|인|중인)"), "한 번도 못 이긴")]


# "ended up in 1st place", "finished 1st": the first place said with digits (a list "1st, 2nd" is left to the top-N readers)
_FIRST_DIGITS = re.compile(r"\b1st(?=\s+place\b)|(?<=\bfinish )1st\b|(?<=\bfinished )1st\b|(?<=\bfinishes )1st\b|(?<=\bin )1st\b(?!\s*(?:,|and|&|/))", re.I)
# An aggregate written as SQL ("sum(kills) > 150", "avg( damage )", "count(distinct map)"): said in words, before a
# bracketed word is read as a gloss of the word before it
_SQL_AGGREGATE = re.compile(r"\b(sum|avg|max|min|count)\s*\(\s*(distinct\s+)?([a-z_.]+)\s*\)", re.I)
_SQL_AGGREGATE_WORDS = {"sum": "total", "avg": "average", "max": "max", "min": "min", "count": "count of"}


def _sql_aggregate(m: re.Match) -> str:
    column = m.group(3).split(".")[-1].replace("_", " ")
    return f"{_SQL_AGGREGATE_WORDS[m.group(1).lower()]} {'distinct ' if m.group(2) else ''}{column}"


# A one-word gloss in brackets written onto a word ("포지션(role)", "게임(종목)별로", "딜량(damage)"): the same thing said
# twice, read once
_GLOSS = re.compile(r"(?<=[가-힣A-Za-z])\(\s*[A-Za-z가-힣]+\s*\)")
# … and one set apart by a space when the bracket's word means the word before it ("two different games (titles)")
_SYNONYMS = [{"game", "games", "title", "titles", "게임", "타이틀", "종목"}, {"role", "roles", "position", "positions", "포지션", "역할", "롤"},
             {"team", "teams", "squad", "squads", "org", "orgs", "팀"}, {"player", "players", "pro", "pros", "선수"},
             {"tournament", "tournaments", "event", "events", "tourney", "tourneys", "대회"}, {"damage", "dmg", "딜", "딜량", "데미지"}]
_SPACED_GLOSS = re.compile(r"\b([A-Za-z가-힣]+)\s+\(\s*([A-Za-z가-힣]+)\s*\)")


def _spaced_gloss(m: re.Match) -> str:
    a, b = m.group(1).lower(), m.group(2).lower()
    return m.group(1) if a != b and any(a in group and b in group for group in _SYNONYMS) else m.group()


# A self-correction said aloud ("who had the most damage, no wait, I mean the most kills", "kills at X — sorry, I meant
# assists"): the corrected words replace the ones they repeat the start of (or the one word of the same kind)
_CORRECTION = re.compile(r"[,;.!?\s—–-]+\s*(?:no,?\s+wait|wait,?\s+no|no\s+no|sorry|scratch that|oops|correction|actually|rather)"
                         r"[,:]?\s*(?:,?\s*(?:I|i)\s+(?:mean|meant)|make (?:it|that))?[,:]?\s+(?P<fix>[^?.!]+?)\s*(?P<end>[?.!]*)\s*$"
                         r"|[,;—–-]+\s*(?:I|i)\s+(?:mean|meant)[,:]?\s+(?P<fix2>[^?.!]+?)\s*(?P<end2>[?.!]*)\s*$")
_STAT_WORDS = r"kills|deaths|assists|damage|points|wins|losses|maps|matches|games|rounds"


# A question begun again after "wait" ("where is X from - wait, never mind that, so which team signed him"): the
# words before it are dropped, the new question is read alone
_RESTART = re.compile(r"(?:[,;.!?]|\s[-—–]+)\s*(?:no,?\s+|oh,?\s+|hmm+,?\s+)?wait\b[^?.!]{0,80}?[,;.]\s*(?:(?:ok(?:ay)?|so|alright|anyway)[,\s]+)*"
                      r"(?:just\s+)?(?P<q>(?:tell me|give me|show me|what|which|who|how (?:many|much)|list|where|when)\b.+)$", re.I)
# a number taken back ("… above fifty assists - wait, too many, make it 30"):
# the new comparison and number replace the last ones said before it; what follows the correction stays
_NUM_WORD = (r"(?:\d[\d,.]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)")
_NUMBER_PHRASE = _NUM_WORD + r"(?:[\s-]+(?:and\s+)?" + _NUM_WORD + r")*"
_COMPARISON = r"(?:(?:more|fewer|less|greater|higher|lower)\s+than|over|under|above|below|at\s+least|at\s+most|exactly)"
_NUMBER_TAKEN_BACK = re.compile(r"(?:[,;.!?]|\s[-—–]+)\s*(?:no,?\s+)?(?:wait|sorry|actually|scratch that)\b[^?.!]{0,60}?"
                                r"\bmake (?:it|that)\s+(?P<fix>" + _COMPARISON + r"?\s*" + _NUMBER_PHRASE + r"\b[^?.!]*)", re.I)


# "won by just two (two rounds or two maps)": an aside that says the number just said again with its units, read once
_UNITS_ASIDE = re.compile(r"(?P<n>\b" + _NUMBER_PHRASE + r")\s*\(\s*(?P<inner>" + _NUMBER_PHRASE + r"\s+[A-Za-z]+"
                          r"(?:\s*(?:or|and|/|,)\s*" + _NUMBER_PHRASE + r"\s+[A-Za-z]+)*)\s*\)", re.I)


def _units_aside(text: str) -> str:
    def drop(m: re.Match) -> str:
        said = m.group("n").lower()
        numbers = re.findall(_NUMBER_PHRASE + r"(?=\s+[A-Za-z])", m.group("inner"), re.I)
        return m.group("n") if numbers and all(n.lower() == said for n in numbers) else m.group()
    return _UNITS_ASIDE.sub(drop, text)


def _number_taken_back(text: str) -> str:
    m = _NUMBER_TAKEN_BACK.search(text)
    if not m:
        return text
    head, fix, rest = text[:m.start()], m.group("fix").strip(), text[m.end():]
    said = list(re.finditer(r"(?:\b" + _COMPARISON + r"\s+)?\b" + _NUMBER_PHRASE + r"\b", head, re.I))
    if not said:
        return text
    k = said[-1]
    has_cmp = re.match(_COMPARISON, fix, re.I)
    number_end = re.match(r"(?:" + _COMPARISON + r"\s*)?" + _NUMBER_PHRASE, fix, re.I).end()
    if number_end < len(fix):  # the correction says its unit again ("over 1000 damage per game"): it replaces to the end
        return head[:k.start()] + fix + rest
    start = k.start() if has_cmp else k.start() + len(re.match(r"(?:" + _COMPARISON + r"\s+)?", k.group(), re.I).group())
    return head[:start] + fix + head[k.end():] + rest


def _self_corrected(text: str) -> str:
    restart = _RESTART.search(text)
    if restart and re.search(r"\b(?:what|which|who|how|when|where|tell|give|show|list)\b", text[:restart.start()], re.I):
        return restart.group("q")
    taken_back = _number_taken_back(text)
    if taken_back != text:
        return taken_back
    m = _CORRECTION.search(text)
    if not m:
        return text
    fix, end = (m.group("fix"), m.group("end")) if m.group("fix") else (m.group("fix2"), m.group("end2"))
    head, words = text[:m.start()], fix.split()
    if len(words) >= 2:
        # "the most kills" repeats "the most …" of the head: that phrase, as long as the correction, is replaced
        at = [k.start() for k in re.finditer(r"\b" + re.escape(words[0]) + r"\s+" + re.escape(words[1]) + r"\b", head, re.I)]
        if at:
            tail = head[at[-1]:].split()
            n = min(len(words), len(tail))
            rest = " ".join(tail[n:])
            return head[:at[-1]] + fix + (" " + rest if rest else "") + end
    year = re.fullmatch(r"(?:in\s+)?((?:19|20)\d\d)", fix.strip())
    if year and re.search(r"\b(?:19|20)\d\d\b", head):  # "… in 2025, actually make that 2026": the year swapped
        k = list(re.finditer(r"\b(?:19|20)\d\d\b", head))[-1]
        return head[:k.start()] + year.group(1) + head[k.end():] + end
    stat = re.fullmatch(rf"(?:the\s+)?(?:most\s+|total\s+)?({_STAT_WORDS})", fix.strip(), re.I)
    if stat:  # "kills at X, sorry, assists": the one statistic word swapped
        said = list(re.finditer(rf"\b(?:{_STAT_WORDS})\b", head, re.I))
        if said:
            k = said[-1]
            return head[:k.start()] + stat.group(1) + head[k.end():] + end
    return text


# ", my guess is it's X?", "? I bet they were Y": the asker's guess at the answer, said after
# the question; what it names is no scope of the question (the question mark stays)
_GUESS = re.compile(r"(?:,|;|\s[-–—])\s*(?:i'?m\s+guessing|i\s+(?:would\s+)?(?:guess|bet|think|reckon|suspect|assume)|my\s+(?:guess|bet)\s+(?:is|would be))"
                    r"\s+(?:that\s+)?(?:it'?s|it\s+(?:is|was|will be)|they'?re|they\s+(?:are|were)|that'?s|that\s+was)\b[^?.!]*"
                    r"|(?<=\?)\s+(?:i'?m\s+guessing|i\s+(?:guess|bet|think|reckon|suspect))\s+(?:that\s+)?(?:it'?s|it\s+(?:is|was)|they'?re|they\s+(?:are|were))\b[^?]*$",
                    re.I)


def shorthand(text: str) -> str:
    """Chat shorthand written out: a count's sign ("# of players w/o a team", "#teams", "no. of maps" ask for the
    number of them; "#1" and "#3 seed" are places, left alone), "lost every series they played" as never won one
    (_LOST_ALL), a learner's verb forms ("beated": _EN_SLIPS), "1st place" as "first place", a
    one-word gloss in brackets dropped ("포지션(role)"), "best (lowest)" as the end the bracket names, "60%+" as 60 %
    or more, a self-correction said aloud ("…, no wait, I mean …": _self_corrected), and chat spellings of Korean
    words (_KO_CHAT)."""
    text = _self_corrected(text)
    text = _units_aside(text)
    text = _COUNT_SIGN.sub("number of ", text)
    text = _FIRST_DIGITS.sub("first", text)
    text = _SQL_AGGREGATE.sub(_sql_aggregate, text)
    text = _GUESS.sub("", text)
    text = _GLOSS.sub("", text)
    text = _SPACED_GLOSS.sub(_spaced_gloss, text)
    text = _GLOSSED_END.sub(lambda m: m.group(1), text)
    text = _PERCENT_PLUS.sub(lambda m: f"{m.group(1)}% or more", text)
    for pattern, repl in _EN_SLIPS + _LOST_ALL:
        text = pattern.sub(repl, text)
    for pattern, repl in _KO_CHAT:
        text = pattern.sub(repl, text)
    return text
