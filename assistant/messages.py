"""Fixed sentences the assistant says, in both languages."""
from __future__ import annotations

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
