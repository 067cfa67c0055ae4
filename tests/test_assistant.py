"""The Python API end to end with the real encoder and the project's intent files."""
import threading

import pytest

from assistant import Assistant, InputError
from assistant.reply import KINDS

pytestmark = pytest.mark.slow

# Questions written for this test, not copied from the intent files (checked below).
HELD_OUT = [
    ("en", "i forgot my password and can't log in", "account_password_reset"),
    ("en", "what time does check in start for tomorrow's cup", "checkin_how"),
    ("en", "we were late and check-in is already closed, can we still play?", "checkin_missed"),
    ("en", "how many subs can we put on our valorant roster", "team_roster_size"),
    ("en", "my opponent is using an aimbot, where do i report it", "rules_cheating_report"),
    ("en", "when will the prize money be sent to my bank", "prize_payout_time"),
    ("en", "what delay do I need if I stream my own game", "stream_delay"),
    ("en", "the other team hasn't confirmed our score yet", "results_opponent_confirm"),
    ("en", "how long does it take admins to rule on a dispute", "dispute_timeline"),
    ("en", "is there an app for my phone", "tech_mobile_app"),
    ("en", "how do I make a new team for the tournament", "team_create"),
    ("en", "how can i delete my arenahub account", "account_delete"),
    ("ko", "비번 까먹어서 로그인이 안돼요", "account_password_reset"),
    ("ko", "체크인 몇시부터 할 수 있어요?", "checkin_how"),
    ("ko", "체크인 시간 놓쳤는데 이제 어떻게 되나요", "checkin_missed"),
    ("ko", "상대 팀이 핵 쓰는 것 같은데 어디에 신고해요?", "rules_cheating_report"),
    ("ko", "상금 입금은 언제쯤 되나요?", "prize_payout_time"),
    ("ko", "제 경기 방송 켜도 되나요?", "stream_allowed"),
    ("ko", "팀원이 게임 중에 튕겼어요 어떡하죠", "rules_disconnect"),
    ("ko", "이의 제기는 어떻게 하나요", "dispute_open"),
    ("ko", "팀 주장을 다른 사람한테 넘기고 싶어요", "team_captain_transfer"),
    ("ko", "참가비 있어요? 무료인가요?", "registration_fee"),
    ("ko", "핑이 너무 높아서 렉 걸려요", "tech_lag"),
    ("ko", "고객센터 연락처 알려주세요", "contact_support"),
]


def test_held_out_questions_are_new(shared_bot):
    known = {" ".join(t.lower().split()) for t in shared_bot.retriever.texts}
    assert not [q for _, q, _ in HELD_OUT if " ".join(q.lower().split()) in known]


def test_held_out_questions_get_the_right_answer_in_their_language(shared_bot):
    right, wrong = 0, []
    for lang, question, want in HELD_OUT:
        reply = shared_bot.respond(question, session=f"held-out-{lang}")
        assert reply.language == lang
        if reply.intent == want and reply.kind == "faq":
            right += 1
        else:
            wrong.append((question, want, reply.intent, round(reply.confidence, 2)))
    assert right / len(HELD_OUT) >= 0.85, wrong


def test_korean_and_english_answers(shared_bot):
    ko = shared_bot.respond("경기 결과 등록은 어떻게 해요?", session="api-ko")
    assert (ko.language, ko.kind, ko.intent) == ("ko", "faq", "report_result")
    assert ko.text == shared_bot.retriever.kb.intents["report_result"].answer["ko"]
    en = shared_bot.respond("How do I check in for my match?", session="api-en")
    assert (en.language, en.kind, en.intent) == ("en", "faq", "checkin_how")
    assert en.text == shared_bot.retriever.kb.intents["checkin_how"].answer["en"]


def test_reply_shape_matches_the_contract(shared_bot):
    data = shared_bot.respond("안녕하세요!", session="api-shape").to_dict()
    for key in ("text", "language", "kind", "intent", "confidence", "suggestions", "sql", "columns", "rows",
                "record", "transcript", "audio"):
        assert key in data
    assert data["kind"] == "chitchat" and data["intent"] == "greeting"
    assert data["kind"] in KINDS and 0 <= data["confidence"] <= 1


def test_lang_overrides_detection(shared_bot):
    reply = shared_bot.respond("How do I check in?", session="api-lang", lang="ko")
    assert reply.language == "ko" and reply.intent == "checkin_how"
    assert reply.text == shared_bot.retriever.kb.intents["checkin_how"].answer["ko"]


def test_mixed_text_is_answered_in_the_majority_language(shared_bot):
    reply = shared_bot.respond("Valorant 대회 체크인 언제 해요?", session="api-mixed")
    assert reply.detected_language == "mixed" and reply.language == "ko"


def test_out_of_scope_gets_fallback_with_three_suggestions(shared_bot):
    for text, lang in [("what's the weather like in Busan tomorrow?", "en"), ("라면 맛있게 끓이는 법 알려줘", "ko")]:
        reply = shared_bot.respond(text, session="api-oos")
        assert reply.kind == "fallback" and reply.intent is None and reply.language == lang
        assert len(reply.suggestions) == 3
        for suggestion in reply.suggestions:
            assert suggestion in reply.text


def test_text_without_letters_keeps_the_sessions_language(bot):
    bot.respond("체크인 어떻게 해요?", session="s")
    assert bot.respond("???", session="s").language == "ko"


@pytest.mark.parametrize("kwargs, words", [
    ({"text": ""}, "empty"), ({"text": "x" * 10_001}, "limit"), ({"text": "a\x07b"}, "control"),
    ({"text": "hi", "session": ""}, "session id"), ({"text": "hi", "session": "a\nb"}, "printable"),
    ({"text": "hi", "lang": "fr"}, "'ko' or 'en'"),
    ({"text": b"\xc3\x28"}, "UTF-8"),
])
def test_bad_input_is_refused_and_nothing_stored_is_lost(bot, kwargs, words):
    bot.respond("How do I check in?", session="keep")
    kwargs.setdefault("session", "keep")
    with pytest.raises(InputError, match=words):
        bot.respond(**kwargs)
    assert [t.user_text for t in bot.history("keep")] == ["How do I check in?"]


def test_sessions_are_isolated_and_survive_a_restart(bot, config):
    bot.respond("How do I check in?", session="alice")
    bot.respond("상금 언제 줘요?", session="bob")
    again = Assistant(config)
    assert [t.user_text for t in again.history("alice")] == ["How do I check in?"]
    assert [t.user_text for t in again.history("bob")] == ["상금 언제 줘요?"]
    assert again.history("carol") == []


def test_concurrent_users(shared_bot):
    errors, results = [], {}

    def user(n):
        try:
            question = "체크인 어떻게 해요?" if n % 2 else "How do I check in?"
            results[n] = [shared_bot.respond(question, session=f"conc-{n}").intent for _ in range(3)]
        except Exception as err:  # noqa: BLE001
            errors.append(err)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors
    assert all(r == ["checkin_how"] * 3 for r in results.values())
    for n in range(8):
        assert len(shared_bot.history(f"conc-{n}")) == 3


def test_reload_picks_up_edited_intent_files(tmp_path, model_cache):
    import shutil

    from assistant import Config
    from intents.loader import DEFAULT_INTENTS_DIR
    folder = tmp_path / "intents"
    shutil.copytree(DEFAULT_INTENTS_DIR, folder)
    bot = Assistant(Config(home=tmp_path / "home", cache=model_cache, intents_dir=folder))
    assert bot.respond("how do I check in", session="r").intent == "checkin_how"
    (folder / "broken.yaml").write_text("intents: [oops]\n")
    from kernel.errors import IntentFileError
    with pytest.raises(IntentFileError, match="broken.yaml"):
        bot.reload_intents()
    assert bot.respond("how do I check in", session="r").intent == "checkin_how"  # old files still serve


# Voice turns --------------------------------------------------------------------------------------
SPEECH = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "data" / "speech"


def _silence(path, seconds=2.0, rate=16000):
    import wave
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * int(seconds * rate))
    return path


def test_spoken_question_is_transcribed_and_answered(shared_bot, tmp_path):
    spoken = shared_bot.speak("How do I reset my password?", "en", "en-piper-joe")
    reply = shared_bot.respond(audio=str(spoken), session="voice-1")
    assert "password" in reply.transcript.lower()
    assert reply.intent == "account_password_reset" and reply.language == "en"
    assert shared_bot.history("voice-1")[-1].input_kind == "audio"


@pytest.mark.skipif(not (SPEECH / "leopard_test_ko.wav").exists(), reason="shared speech clips not present")
def test_korean_speech_gets_a_korean_reply(shared_bot):
    reply = shared_bot.respond(audio=str(SPEECH / "leopard_test_ko.wav"), session="voice-ko")
    assert reply.language == "ko" and reply.transcript and "피하면서" in reply.transcript


def test_reply_is_spoken_into_a_wav(shared_bot):
    import wave
    reply = shared_bot.respond("How do I check in?", session="voice-2", speak=True, voice="en-flite-slt")
    with wave.open(reply.audio) as wav:
        assert wav.getsampwidth() == 2 and wav.getnframes() / wav.getframerate() > 1.0
    ko = shared_bot.respond("체크인 어떻게 해요?", session="voice-2", speak=True, voice="en-flite-slt")
    assert ko.language == "ko" and ko.audio  # an English voice is swapped for a Korean one
    with wave.open(ko.audio) as wav:  # the Korean default voice is Kokoro (24 kHz)
        assert wav.getframerate() == 24_000 and wav.getnframes() / wav.getframerate() > 1.0


def test_silent_or_broken_audio_is_refused(bot, tmp_path):
    with pytest.raises(InputError, match="No speech"):
        bot.respond(audio=str(_silence(tmp_path / "quiet.wav")), session="s")
    (tmp_path / "junk.wav").write_bytes(b"RIFF\0\0\0\0WAVEjunkjunk")
    with pytest.raises(InputError):
        bot.respond(audio=str(tmp_path / "junk.wav"), session="s")
    with pytest.raises(InputError, match="no voice"):
        bot.respond("hi", session="s", speak=True, voice="ko-unknown")
    with pytest.raises(InputError, match="one of"):
        bot.respond("hi", audio=str(tmp_path / "junk.wav"), session="s")
    assert bot.history("s") == []


# Statistics and screenshots through respond() --------------------------------------------------------
@pytest.fixture
def demo_bot(tmp_path, model_cache):
    from assistant import Config
    from nl2sql import ensure_demo_database

    config = Config(home=tmp_path / "home", cache=model_cache)
    ensure_demo_database(config.resolved_match_db_url)
    return Assistant(config)


def test_out_of_scope_with_a_capitalised_place_is_not_taken_for_a_missing_name(demo_bot):
    # With match data present, "Busan" is a capitalised word the database lacks; the question is
    # still not about statistics, so the FAQ's fallback (with suggestions) answers, not a SQL refusal.
    for text in ["what's the weather like in Busan tomorrow?", "Is it raining in Seoul today?"]:
        reply = demo_bot.respond(text, session="oos-demo")
        assert reply.kind == "fallback" and len(reply.suggestions) == 3, reply.text


def test_statistics_questions_are_answered_with_sql(demo_bot):
    en = demo_bot.respond("top 3 players by kills", session="stats")
    assert en.kind == "sql" and en.sql.lower().startswith("select") and len(en.rows) == 3 and en.columns
    ko = demo_bot.respond("목포 마린즈 이번 시즌 몇 번 이겼어?", session="stats-ko")
    assert ko.kind == "sql" and ko.language == "ko" and ko.rows
    faq = demo_bot.respond("How do I check in?", session="stats")
    assert faq.kind == "faq"


def test_screenshot_is_read_then_recorded_only_when_confirmed(demo_bot, tmp_path):
    import sqlalchemy as sa

    from ocr.testing import render_result_screen
    from kernel.db import writable_engine
    from matchdata.schema import matches

    shot = render_result_screen("versus", seed=3, lang="en")
    path = tmp_path / "result.png"
    shot.image.save(path)
    engine = writable_engine(demo_bot.config.resolved_match_db_url)
    with engine.connect() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(matches)).scalar()
    reply = demo_bot.respond(image=str(path), session="shot")
    assert reply.kind == "ocr" and reply.record["format"] == "versus" and len(reply.record["teams"]) == 2
    assert demo_bot._retriever is None  # the image turn went through the router without loading the FAQ encoder
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(matches)).scalar() == before
    corrected = dict(reply.record, map="Haven")
    match_id = demo_bot.confirm_record("shot", corrected)
    with engine.connect() as conn:
        assert conn.execute(sa.select(matches.c.map).where(matches.c.id == match_id)).scalar() == "Haven"
    with pytest.raises(InputError, match="already recorded"):
        demo_bot.confirm_record("shot")
    with pytest.raises(InputError, match="no screenshot"):
        demo_bot.confirm_record("someone-else")


def test_unnamed_sides_are_named_before_the_match_is_recorded(demo_bot, tmp_path):
    """A screen that tells the sides apart only by row colour: the reading has unnamed teams, confirming
    it as read is refused with one sentence, and confirming with names records both sides' players."""
    import sqlalchemy as sa

    from kernel.db import writable_engine
    from ocr_screens import unnamed_sides_screen

    picture, sides = unnamed_sides_screen()
    picture.save(tmp_path / "sides.png")
    reply = demo_bot.respond(image=str(tmp_path / "sides.png"), session="sides", lang="en")
    assert [t["name"] for t in reply.record["teams"]] == [None, None]
    assert [p["team_index"] for p in reply.record["players"]] == sides
    assert "name them before recording" in reply.text
    with pytest.raises(InputError, match=r"^Team 1 has no name on the screenshot; please name every team"):
        demo_bot.confirm_record("sides", tournament="Side Cup")
    match_id = demo_bot.confirm_record("sides", tournament="Side Cup", team_names=["Night Owls", "Red Foxes"])
    with writable_engine(demo_bot.config.resolved_match_db_url).connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT t.name, mt.placement, mt.score, COUNT(p.id) FROM match_teams mt JOIN teams t ON t.id = mt.team_id "
            "JOIN players p ON p.team_id = t.id JOIN match_players mp ON mp.player_id = p.id AND mp.match_id = mt.match_id "
            "WHERE mt.match_id = :m GROUP BY t.name, mt.placement, mt.score ORDER BY mt.placement"), {"m": match_id}).all()
    assert [tuple(r) for r in rows] == [("Night Owls", 1, 13, 3), ("Red Foxes", 2, 6, 3)]


def test_bad_images_are_refused(demo_bot, tmp_path):
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(InputError):
        demo_bot.respond(image=str(tmp_path / "notes.png"), session="img")
    with pytest.raises(InputError):
        demo_bot.respond(image=b"", session="img")
    assert demo_bot.history("img") == []


@pytest.mark.parametrize("bad", [{"teams": "x"}, {"format": "weird"}, {"format": "versus", "teams": [7, 8]}, "a string"])
def test_malformed_corrected_records_are_refused_and_nothing_recorded(demo_bot, tmp_path, bad):
    from ocr.testing import render_result_screen
    shot = render_result_screen("versus", seed=5, lang="en")
    shot.image.save(tmp_path / "s.png")
    demo_bot.respond(image=str(tmp_path / "s.png"), session="bad-record")
    with pytest.raises(InputError):
        demo_bot.confirm_record("bad-record", bad)
    assert demo_bot.confirm_record("bad-record") > 0  # the reading itself still records, once
