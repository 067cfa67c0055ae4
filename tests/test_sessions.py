"""Sessions: stored per id, private to their id, kept across restarts, safe under concurrent writers."""
import threading

import pytest

from assistant import Assistant
from kernel.db import dispose_all
from kernel.errors import InputError
from assistant.reply import Reply
from assistant.sessions import SessionStore


def _reply(text, language="en", kind="faq", intent="checkin"):
    return Reply(text=text, language=language, kind=kind, intent=intent, confidence=0.9)


def test_turns_are_kept_in_order_and_private(tmp_path):
    store = SessionStore(f"sqlite:///{tmp_path / 'a.db'}")
    store.append("alice", "hi", _reply("hello alice"))
    store.append("bob", "안녕", _reply("안녕 bob", "ko", "chitchat", "greeting"))
    store.append("alice", "check in?", _reply("opens 60 min before"))
    alice = store.history("alice")
    assert [t.user_text for t in alice] == ["hi", "check in?"]
    assert [t.reply_text for t in store.history("bob")] == ["안녕 bob"]
    assert alice[0].kind == "faq" and alice[0].intent == "checkin" and alice[0].confidence == pytest.approx(0.9)
    assert store.history("nobody") == []
    assert store.history("alice", limit=1)[0].user_text == "check in?"


def test_history_survives_a_restart(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    SessionStore(url).append("s1", "first", _reply("one"))
    dispose_all()  # as if the process had ended
    assert [t.user_text for t in SessionStore(url).history("s1")] == ["first"]


def test_concurrent_writers_lose_nothing(tmp_path):
    store = SessionStore(f"sqlite:///{tmp_path / 'a.db'}")
    errors = []

    def worker(n):
        try:
            for i in range(15):
                store.append(f"user-{n % 3}", f"q{n}-{i}", _reply(f"a{n}-{i}"))
        except Exception as err:  # noqa: BLE001 - collected and asserted below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(len(store.history(f"user-{k}")) for k in range(3)) == 90
    for k in range(3):
        assert all(t.user_text.startswith(tuple(f"q{n}-" for n in range(6) if n % 3 == k))
                   for t in store.history(f"user-{k}"))


@pytest.mark.parametrize("bad", ["", "x" * 129, "new\nline", None])
def test_malformed_session_ids_are_refused_and_store_nothing(tmp_path, bad):
    store = SessionStore(f"sqlite:///{tmp_path / 'a.db'}")
    with pytest.raises(InputError):
        store.append(bad, "hi", _reply("x"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from turns").scalar() == 0


def test_database_uses_wal(tmp_path):
    store = SessionStore(f"sqlite:///{tmp_path / 'a.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"


def test_database_of_an_older_version_is_upgraded(tmp_path):
    import sqlite3
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript("""
        create table sessions (id varchar(128) primary key, created_at datetime not null, updated_at datetime not null);
        create table turns (id integer primary key, session_id varchar(128) not null, created_at datetime not null,
            user_text text, input_kind varchar(16) not null, language varchar(8) not null, reply_text text not null,
            kind varchar(16) not null, intent varchar(128), confidence float not null, sql text);
        insert into sessions values ('old', '2026-01-01', '2026-01-01');
        insert into turns values (1, 'old', '2026-01-01', 'hi', 'text', 'en', 'hello', 'chitchat', 'greeting', 1.0, null);
    """)
    con.commit()
    con.close()
    store = SessionStore(f"sqlite:///{path}")
    assert [t.user_text for t in store.history("old")] == ["hi"]
    store.append("old", "again", Reply(text="x", language="en", kind="faq", meta={"a": 1}))
    assert store.history("old")[-1].meta == {"a": 1}
