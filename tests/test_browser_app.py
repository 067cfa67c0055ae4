"""The app in a real browser (Debian chromium driven by Playwright): every flow of issue 7.

One app and one browser for the module; each step saves a screenshot into
``<pytest tmp>/artifacts/`` (the path is printed) so the layout can be looked at.
"""
from __future__ import annotations

import os
import socket

import pytest
import sqlalchemy as sa

pytestmark = pytest.mark.slow
from playwright import sync_api as playwright_api  # noqa: E402 - pinned in requirements-test.txt

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "test-admin-pw"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TURN_TIMEOUT = 60_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("artifacts")
    print(f"\nbrowser screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def app_bot(tmp_path_factory, model_cache):
    from assistant import Assistant, Config
    from kernel.db import dispose_all
    from nl2sql import ensure_demo_database

    bot = Assistant(Config(home=tmp_path_factory.mktemp("browser-home"), cache=model_cache))
    ensure_demo_database(bot.config.resolved_match_db_url)
    bot.warm_up()
    yield bot
    dispose_all()


@pytest.fixture(scope="module")
def app_url(app_bot):
    from app import build_app
    from webapp.ui import CSS

    port = _free_port()
    demo = build_app(app_bot, admin_password=PASSWORD)
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, css=CSS)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def browser():
    assert os.access(CHROMIUM, os.X_OK), "Debian chromium is missing: apt-get install chromium (packages.apt)"
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(browser, app_url):
    """One tab for the whole module (its session id lives in the page's local storage)."""
    context = browser.new_context(viewport=DESKTOP, locale="ko-KR")
    tab = context.new_page()
    tab.set_default_timeout(TURN_TIMEOUT)
    tab.goto(app_url)
    tab.wait_for_selector("#message textarea")
    yield tab
    context.close()


@pytest.fixture(autouse=True)
def last_screen(request, artifacts):
    """After every test, the screen as it was (the first thing to look at when a test fails)."""
    yield
    if "page" in request.fixturenames:
        request.getfixturevalue("page").screenshot(path=str(artifacts / f"zz-after-{request.node.name}.png"))


def snap(page, artifacts, name: str, full: bool = True) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=full)


def bot_messages(page):
    return page.locator("#chatbot .message.bot, #chatbot [data-testid='bot']")


def send(page, text: str) -> None:
    box = page.locator("#message textarea")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function("() => document.querySelector('#message textarea').value === ''")


def wait_for_text(page, text: str, timeout: int = TURN_TIMEOUT) -> None:
    page.locator("#chatbot").get_by_text(text, exact=False).last.wait_for(state="visible", timeout=timeout)


def edit_cell(table, row: int, col: int, value: str) -> None:
    """Type ``value`` into a cell of a Gradio dataframe (double-click opens its editor)."""
    cell = table.locator(f"[data-testid='cell-{row}-{col}']")
    for _ in range(5):
        cell.dblclick()
        editor = cell.locator("input, textarea").first
        try:
            editor.wait_for(state="visible", timeout=3000)
        except playwright_api.TimeoutError:
            continue
        editor.fill(value)
        editor.press("Enter")
        if cell.inner_text().split("\n")[0].strip() == value:
            return
    raise AssertionError(f"could not edit cell {row},{col}: it shows {cell.inner_text()!r}")


def answer(app_bot, intent: str, lang: str) -> str:
    return app_bot.retriever.kb.intents[intent].answer[lang]


def first_sentence(text: str) -> str:
    return text.split(".")[0].split("요.")[0][:40]


def test_korean_and_english_faq_questions(page, app_bot, artifacts):
    send(page, "체크인은 어떻게 해요?")
    wait_for_text(page, first_sentence(answer(app_bot, "checkin_how", "ko")))
    send(page, "Can I stream my own matches?")
    wait_for_text(page, first_sentence(answer(app_bot, "stream_allowed", "en")))
    snap(page, artifacts, "01-faq-ko-en", full=False)


def test_statistics_question_shows_sql_and_rows(page, artifacts):
    send(page, "top 3 players by kills")
    sql_title = page.locator("#chatbot").get_by_text("SQL", exact=True).last
    sql_title.wait_for(state="visible")
    table = page.locator("#chatbot table").last
    table.wait_for(state="visible")
    assert table.locator("tbody tr").count() == 3
    sql_title.click()  # the SQL is collapsed until asked for
    page.locator("#chatbot").get_by_text("SELECT", exact=False).last.wait_for(state="visible")
    page.wait_for_timeout(1000)  # the accordion's opening animation
    snap(page, artifacts, "02-statistics-sql-table", full=False)


def test_screenshot_is_read_corrected_and_recorded(page, app_bot, artifacts, tmp_path):
    from ocr.testing import render_result_screen

    picture = tmp_path / "result.png"
    render_result_screen("versus", seed=3, lang="en", theme="light", degradation="clean").image.save(picture)
    page.locator("#message input[type=file]").set_input_files(str(picture))
    page.locator("#message textarea").press("Enter")
    panel = page.locator("#ocr-panel").first
    panel.wait_for(state="visible", timeout=90_000)
    snap(page, artifacts, "03a-ocr-read")
    # correct one cell: the first team's kills
    edit_cell(page.locator("#ocr-teams").first, 0, 3, "17")
    snap(page, artifacts, "03b-ocr-corrected")
    page.locator("#ocr-confirm").first.click()
    done = page.locator("#chatbot").get_by_text("✓", exact=False).last
    done.wait_for(state="visible")
    match_id = int("".join(ch for ch in done.inner_text().split("✓")[-1] if ch.isdigit()))
    snap(page, artifacts, "03c-ocr-recorded", full=False)
    assert panel.is_hidden()
    engine = sa.create_engine(app_bot.config.resolved_match_db_url)
    with engine.connect() as conn:
        kills = conn.execute(sa.text("select mt.kills from match_teams mt join teams t on t.id = mt.team_id "
                                     "where mt.match_id = :m order by mt.placement desc"), {"m": match_id}).scalars().all()
        players = conn.execute(sa.text("select count(*) from match_players where match_id = :m"),
                               {"m": match_id}).scalar_one()
    engine.dispose()
    assert 17 in kills and players == 10


def test_unnamed_sides_are_named_in_the_panel_before_recording(page, app_bot, artifacts, tmp_path):
    from ocr_screens import unnamed_sides_screen

    picture = tmp_path / "sides.png"
    unnamed_sides_screen()[0].save(picture)
    page.locator("#message input[type=file]").set_input_files(str(picture))
    page.locator("#message textarea").press("Enter")
    panel = page.locator("#ocr-panel").first
    panel.wait_for(state="visible", timeout=90_000)
    naming = page.locator("#ocr-naming").first
    naming.get_by_text("1", exact=False).first.wait_for(state="visible")
    boxes = [page.locator(f"#ocr-name-{k}").first for k in (0, 1)]
    assert all(b.is_visible() for b in boxes)
    snap(page, artifacts, "03d-ocr-name-teams")
    page.locator("#ocr-confirm").first.click()  # not named yet: refused with one sentence, nothing recorded
    page.get_by_text("has no name", exact=False).first.wait_for(state="visible")
    assert panel.is_visible()
    for box, name in zip(boxes, ("Night Owls", "Red Foxes")):
        field = box.locator("input").first
        field.fill(name)
        field.press("Enter")
    snap(page, artifacts, "03e-ocr-named")
    page.locator("#ocr-confirm").first.click()
    done = page.locator("#chatbot").get_by_text("✓", exact=False).last
    page.wait_for_function("() => document.querySelector('#ocr-panel') === null || "
                           "document.querySelector('#ocr-panel').offsetParent === null", timeout=TURN_TIMEOUT)
    match_id = int("".join(ch for ch in done.inner_text().split("✓")[-1] if ch.isdigit()))
    engine = sa.create_engine(app_bot.config.resolved_match_db_url)
    with engine.connect() as conn:
        names = conn.execute(sa.text("select t.name from match_teams mt join teams t on t.id = mt.team_id "
                                     "where mt.match_id = :m order by mt.placement"), {"m": match_id}).scalars().all()
    engine.dispose()
    assert names == ["Night Owls", "Red Foxes"]


def test_audio_file_gives_transcript_and_answer(page, app_bot, artifacts, tmp_path):
    import voices

    wav = tmp_path / "question.wav"
    voices.synthesize("How do I check in?", "en-hibari-heart", use_cache=False).save(wav)
    page.locator("#message input[type=file]").set_input_files(str(wav))
    page.locator("#message textarea").press("Enter")
    wait_for_text(page, "Heard:", timeout=120_000)
    wait_for_text(page, first_sentence(answer(app_bot, "checkin_how", "en")), timeout=120_000)
    heard = page.locator("#chatbot .message-row").filter(has_text="Heard:").last.inner_text().lower()
    assert "check in" in heard or "check-in" in heard
    snap(page, artifacts, "04-voice-question", full=False)


def test_voice_on_plays_the_reply(page, artifacts):
    assert "kokoro" in page.locator("#voice-ko input").input_value()  # the Korean voice is Kokoro
    page.locator("#speak input").check()
    send(page, "상금은 언제 들어와요?")
    audio = page.locator("#reply-audio audio").first
    audio.wait_for(state="attached", timeout=90_000)
    page.wait_for_function("() => { const a = document.querySelector('#reply-audio audio');"
                           " return a && (a.currentSrc || a.src) && a.duration > 0; }", timeout=90_000)
    snap(page, artifacts, "05-spoken-reply", full=False)
    page.locator("#speak input").uncheck()


def test_suggestion_click_asks_it(page, artifacts):
    send(page, "refund thing maybe")
    option = page.locator("#chatbot button.option").first
    option.wait_for(state="visible")
    question = option.inner_text().strip()
    snap(page, artifacts, "06a-suggestions", full=False)
    before = page.locator("#chatbot .message-row.user-row, #chatbot .user-row").count()
    option.click()
    page.locator("#chatbot").get_by_text(question, exact=True).last.wait_for(state="visible")
    page.wait_for_function(f"() => document.querySelectorAll('#chatbot .user-row').length > {before}")
    snap(page, artifacts, "06b-suggestion-asked", full=False)


def test_thumbs_are_stored_with_the_reply(page, app_bot):
    from assistant.feedback import FeedbackStore

    # Gradio labels the thumbs in the browser's language (ko-KR here: 싫어요 = dislike)
    page.locator("#chatbot button[aria-label='싫어요'], #chatbot button[aria-label='Dislike']").last.click()
    store = FeedbackStore(app_bot.config.resolved_state_url)
    page.wait_for_function("() => true")
    for _ in range(50):
        rows = store.latest(5)
        if rows:
            break
        page.wait_for_timeout(100)
    assert rows and rows[0]["value"] == "down" and rows[0]["user_text"]


def test_reload_restores_the_conversation(page, artifacts):
    page.reload()
    page.wait_for_selector("#message textarea")
    wait_for_text(page, "체크인은 어떻게 해요?")
    wait_for_text(page, "top 3 players by kills")
    snap(page, artifacts, "07-restored-after-reload", full=False)


def test_phone_layout_has_no_sideways_scroll(page, artifacts):
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(300)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    snap(page, artifacts, "08-phone")
    page.set_viewport_size(DESKTOP)
    assert width <= PHONE["width"] + 1


def test_ui_language_switch_and_admin_tab(page, app_bot, artifacts):
    page.get_by_label("English").check()
    page.get_by_role("button", name="New conversation").wait_for(state="visible")
    page.get_by_role("tab", name="Admin").click()
    page.locator("#admin-password input").fill(PASSWORD)
    page.locator("#admin-unlock").click()
    page.get_by_text("Recorded matches").first.wait_for(state="visible")
    snap(page, artifacts, "09-admin")
    engine = sa.create_engine(app_bot.config.resolved_match_db_url)
    with engine.connect() as conn:
        latest = conn.execute(sa.text("select max(id) from matches")).scalar_one()
    page.locator("#admin-match-id input").fill(str(latest))
    page.locator("#admin-delete").click()
    page.locator("#admin-status").get_by_text(f"Deleted match {latest}").wait_for(state="visible")
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from matches where id = :m"), {"m": latest}).scalar_one() == 0
    engine.dispose()
    page.get_by_role("tab", name="Chat").click()


def test_new_conversation_starts_empty(page, artifacts):
    key = "() => window.localStorage.getItem('arenahub-session')"
    before = page.evaluate(key)
    assert before  # the session id is kept in the browser
    page.get_by_role("button", name="New conversation").click()
    page.wait_for_function("() => document.querySelectorAll('#chatbot .user-row').length === 0")
    page.wait_for_function(f"(before) => ({key})() !== before", arg=before)
    page.reload()
    page.wait_for_selector("#message textarea")
    page.wait_for_timeout(1000)
    assert page.locator("#chatbot .user-row").count() == 0
    snap(page, artifacts, "10-new-conversation", full=False)
