"""What the assistant says about a read record (the text of a Reply of kind ``ocr``)."""
from __future__ import annotations

from .record import MatchRecord


def summarize(record: MatchRecord, lang: str = "ko") -> str:
    """One or two sentences in Korean or English asking the person to confirm the record."""
    teams = record.teams
    if record.format == "versus" and len(teams) == 2:
        a, b = teams
        score = f"{a.score if a.score is not None else '?'} : {b.score if b.score is not None else '?'}"
        core = (f"{a.name} {score} {b.name}" + (f", {len(record.players)}명의 선수 기록" if lang == "ko" and record.players
                                                else f", {len(record.players)} player rows" if record.players else ""))
    else:
        top = ", ".join(f"{t.placement}. {t.name}" for t in teams[:3])
        core = (f"{len(teams)}개 팀 순위 ({top} …)" if lang == "ko" else f"a ranking of {len(teams)} teams ({top} …)")
    checks = len(record.warnings)
    if lang == "ko":
        tail = f" 확인이 필요한 항목이 {checks}개 있습니다." if checks else ""
        return f"스크린샷에서 {core}을(를) 읽었습니다. 내용을 확인하거나 고친 뒤 등록해 주세요.{tail}"
    tail = f" {checks} item(s) need checking." if checks else ""
    return f"I read {core} from the screenshot. Please confirm or correct it before it is recorded.{tail}"
