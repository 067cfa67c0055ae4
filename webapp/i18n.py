"""The app's labels in Korean and English (the UI-language switch); replies follow the user's language."""
from __future__ import annotations

UI_LANGS = {"한국어": "ko", "English": "en"}

LABELS: dict[str, dict[str, str]] = {
    "title": {"en": "ArenaHub assistant", "ko": "아레나허브 도우미"},
    "intro": {"en": "Ask about accounts, teams, tournaments, rules, results and prizes in Korean or English, "
                    "ask for statistics, attach a result screenshot, or speak.",
              "ko": "계정, 팀, 대회, 규칙, 결과, 상금을 한국어나 영어로 물어보세요. 통계를 묻거나, 경기 결과 "
                    "스크린샷을 올리거나, 말로 물어볼 수도 있어요."},
    "chat": {"en": "Conversation", "ko": "대화"},
    "input": {"en": "Message: type, attach a screenshot or audio, or record", "ko": "메시지: 입력하거나 스크린샷·음성 파일을 첨부하거나 녹음하세요"},
    "placeholder": {"en": "How do I check in? · attach a result screenshot, or record", "ko": "체크인은 어떻게 해요? · 결과 스크린샷 첨부, 녹음"},
    "new": {"en": "New conversation", "ko": "새 대화"},
    "ui_lang": {"en": "Interface language", "ko": "화면 언어"},
    "voice_panel": {"en": "Spoken replies", "ko": "음성 답변"},
    "speak": {"en": "Speak replies aloud", "ko": "답변을 소리로 듣기"},
    "voice_ko": {"en": "Korean voice", "ko": "한국어 목소리"},
    "voice_en": {"en": "English voice", "ko": "영어 목소리"},
    "speed": {"en": "Speaking speed", "ko": "말하기 속도"},
    "reply_audio": {"en": "Reply audio (its transcript is the last reply)", "ko": "답변 음성 (내용은 마지막 답변)"},
    "ocr_title": {"en": "Check the result before it is recorded", "ko": "등록 전에 결과를 확인하세요"},
    "teams": {"en": "Teams (editable)", "ko": "팀 (수정 가능)"},
    "name_teams": {"en": "The screenshot does not print the name of {which}. Name each team before recording "
                         "(pick a known team or type a new name).",
                   "ko": "스크린샷에 {which}의 이름이 없습니다. 등록하기 전에 팀 이름을 정해 주세요 "
                         "(알려진 팀을 고르거나 새 이름을 입력하세요)."},
    "team_n": {"en": "Team {n}", "ko": "팀 {n}"},
    "team_n_side": {"en": "Name of team {n} ({side})", "ko": "팀 {n} 이름 ({side})"},
    "winner": {"en": "winner", "ko": "승리 팀"},
    "loser": {"en": "loser", "ko": "패배 팀"},
    "side": {"en": "side {n}", "ko": "{n}번 진영"},
    "players": {"en": "Players (editable)", "ko": "선수 (수정 가능)"},
    "tournament": {"en": "Tournament (empty: the latest)", "ko": "대회 (비우면 가장 최근 대회)"},
    "confirm": {"en": "Confirm and record", "ko": "확인하고 등록"},
    "cancel": {"en": "Cancel", "ko": "취소"},
    "warnings": {"en": "Please check", "ko": "확인이 필요해요"},
    "chat_tab": {"en": "Chat", "ko": "채팅"},
    "admin_tab": {"en": "Admin", "ko": "관리"},
    "password": {"en": "Admin password", "ko": "관리자 비밀번호"},
    "unlock": {"en": "Unlock", "ko": "열기"},
    "admin_disabled": {"en": "The admin tab is disabled: set ASSISTANT_ADMIN_PASSWORD to enable it.",
                       "ko": "관리 탭이 꺼져 있어요. ASSISTANT_ADMIN_PASSWORD를 설정하면 켜집니다."},
    "reload": {"en": "Reload the FAQ files", "ko": "FAQ 파일 다시 읽기"},
    "refresh": {"en": "Refresh", "ko": "새로 고침"},
    "feedback": {"en": "Latest feedback", "ko": "최근 피드백"},
    "unanswered": {"en": "Unanswered questions", "ko": "답하지 못한 질문"},
    "matches": {"en": "Recorded matches", "ko": "등록된 경기"},
    "match_id": {"en": "Match id to delete", "ko": "삭제할 경기 번호"},
    "delete": {"en": "Delete match", "ko": "경기 삭제"},
    "export": {"en": "Export feedback (CSV)", "ko": "피드백 내보내기 (CSV)"},
    "export_file": {"en": "Feedback CSV", "ko": "피드백 CSV"},
    "admin_status": {"en": "Status", "ko": "상태"},
    "examples": {"en": "Try", "ko": "예시"},
    "see_also": {"en": "See also", "ko": "관련 질문"},
    "recorded": {"en": "Recorded as match {id}.", "ko": "경기 {id}번으로 등록했어요."},
    "cancelled": {"en": "The result was not recorded.", "ko": "결과를 등록하지 않았어요."},
    "thanks": {"en": "Thanks for the feedback.", "ko": "피드백 고마워요."},
    "heard": {"en": "Heard", "ko": "들은 내용"},
    "screenshot": {"en": "(result screenshot)", "ko": "(결과 스크린샷)"},
    "sql": {"en": "SQL", "ko": "SQL"},
    "rows_shown": {"en": "showing {n} of {total} rows", "ko": "{total}개 중 {n}개 행 표시"},
    "no_rows": {"en": "No rows.", "ko": "결과가 없어요."},
}


def t(key: str, lang: str = "en", **values) -> str:
    """The label ``key`` in ``lang`` (``ko``/``en``), with ``{placeholders}`` filled from ``values``."""
    text = LABELS[key].get(lang) or LABELS[key]["en"]
    return text.format(**values) if values else text
