"""What the assistant says about a read record (the text of a Reply of kind ``ocr``)."""
from __future__ import annotations

import dataclasses

from matchdata.record import MatchRecord


def summarize(record: MatchRecord, lang: str = "ko") -> str:
    """One or two sentences in Korean or English asking the person to confirm the record."""
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
