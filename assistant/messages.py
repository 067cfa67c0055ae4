"""Fixed sentences the assistant says, in both languages."""
from __future__ import annotations

import dataclasses

from matchdata.record import MatchRecord

FALLBACK = {
    "en": "I'm not sure I understood that.",
    "ko": "질문을 정확히 이해하지 못했어요.",
}
DID_YOU_MEAN = {
    "en": "Did you mean one of these?",
    "ko": "혹시 이런 질문이었나요?",
}
NO_SUGGESTION = {
    "en": "I can answer questions about ArenaHub's accounts, teams, tournaments, rules, results, "
          "prizes and streaming. Could you rephrase your question?",
    "ko": "아레나허브의 계정, 팀, 대회, 규칙, 결과, 상금, 방송에 관한 질문에 답할 수 있어요. "
          "질문을 다르게 표현해 주시겠어요?",
}


def fallback_text(language: str, suggestions: list[str]) -> str:
    """The "did you mean…" reply, listing ``suggestions`` one per line."""
    if not suggestions:
        return f"{FALLBACK[language]} {NO_SUGGESTION[language]}"
    lines = "\n".join(f"- {s}" for s in suggestions)
    return f"{FALLBACK[language]} {DID_YOU_MEAN[language]}\n{lines}"


def summarize_record(record: MatchRecord, lang: str = "ko") -> str:
    """One or two sentences in Korean or English asking the person to confirm a read record."""
    teams = record.teams
    unnamed = sum(1 for t in teams if not t.name)

    def label(i: int) -> str:
        name = teams[i].name
        return name if name else (f"팀 {i + 1}(이름 없음)" if lang == "ko" else f"team {i + 1} (unnamed)")

    if record.format == "versus" and len(teams) == 2:
        a, b = (dataclasses.replace(t, name=label(i)) for i, t in enumerate(teams))
        score = f"{a.score if a.score is not None else '?'} : {b.score if b.score is not None else '?'}"
        core = (f"{a.name} {score} {b.name}" + (f", {len(record.players)}명의 선수 기록" if lang == "ko" and record.players
                                                else f", {len(record.players)} player rows" if record.players else ""))
    else:
        top = ", ".join(f"{t.placement}. {label(i)}" for i, t in enumerate(teams[:3]))
        core = (f"{len(teams)}개 팀 순위 ({top} …)" if lang == "ko" else f"a ranking of {len(teams)} teams ({top} …)")
    checks = len(record.warnings)
    if lang == "ko":
        tail = f" 확인이 필요한 항목이 {checks}개 있습니다." if checks else ""
        if unnamed:
            tail += f" 화면에 팀 이름이 없는 팀이 {unnamed}개 있어, 등록 전에 팀 이름을 정해 주세요."
        return f"스크린샷에서 {core}을(를) 읽었습니다. 내용을 확인하거나 고친 뒤 등록해 주세요.{tail}"
    tail = f" {checks} item(s) need checking." if checks else ""
    if unnamed:
        tail += f" The screen names {unnamed} team(s) by side only: please name them before recording."
    return f"I read {core} from the screenshot. Please confirm or correct it before it is recorded.{tail}"
