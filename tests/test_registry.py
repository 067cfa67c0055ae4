"""The plug-in points: one Registry per kind of component, and cached_loader for what loads once."""
from __future__ import annotations

import threading
import time

import pytest

from kernel.errors import EnvironmentProblem, InputError
from kernel.registry import Registry, cached_loader


def test_a_registry_loads_what_an_entry_names_and_makes_one_instance():
    reg = Registry("thing", {"ordered": "collections:OrderedDict", "counter": "collections:Counter"})
    assert reg.names() == ("ordered", "counter") and "counter" in reg and "deque" not in reg
    import collections

    assert reg.load("counter") is collections.Counter
    first = reg.instance("counter")
    assert isinstance(first, collections.Counter) and reg.instance("counter") is first


def test_an_unknown_name_is_refused_with_the_closest_suggested():
    reg = Registry("speech engine", {"kokoro": "collections:OrderedDict", "espeak": "collections:Counter"})
    with pytest.raises(InputError, match=r"^Unknown speech engine 'kokro'; choose one of kokoro, espeak\. "
                                         r"Did you mean 'kokoro'\?$"):
        reg.load("kokro")


def test_a_missing_module_fails_loudly_not_silently():
    reg = Registry("sub-command", {"gone": "no_such_package.cli:COMMANDS", "bad": "collections:NoSuchThing"})
    with pytest.raises(EnvironmentProblem, match="'gone' is registered but its module 'no_such_package.cli' is missing"):
        reg.load("gone")
    with pytest.raises(EnvironmentProblem, match="collections:NoSuchThing, which does not exist"):
        reg.load("bad")
    with pytest.raises(ValueError):
        Registry("thing", {"x": "no-colon"})


def test_the_cli_fails_when_a_registered_command_module_is_missing(monkeypatch, capsys):
    from assistant import cli

    entries = {name: cli.SUBCOMMANDS.target(name) for name in cli.SUBCOMMANDS.names()}
    monkeypatch.setattr(cli, "SUBCOMMANDS", Registry("sub-command", dict(entries, ocr="ocr.no_such_cli:COMMANDS")))
    assert cli.main(["ocr", "x.png", "--json"]) == 2
    assert "'ocr' is registered but its module 'ocr.no_such_cli' is missing" in capsys.readouterr().out
    assert cli.main(["--help"]) == 2  # listing the commands needs every module: no silent skip


def test_every_catalog_engine_and_ocr_engine_is_registered():
    from ocr.engines import ENGINES
    from voices.catalog import ENGINES as CATALOG_ENGINES, catalog
    from voices.engines import SYNTHESIZERS

    assert CATALOG_ENGINES == SYNTHESIZERS.names()
    assert {voice.engine for voice in catalog()} <= set(SYNTHESIZERS.names())
    for name in SYNTHESIZERS.names():
        assert callable(SYNTHESIZERS.load(name))  # each module imports without its heavy backend
    assert ENGINES.names() == ("tesseract", "rapidocr") and all(callable(ENGINES.load(n)) for n in ENGINES.names())


def test_cached_loader_runs_once_per_arguments_even_from_many_threads():
    calls = []

    @cached_loader
    def load(size: int = 3):
        calls.append(size)
        time.sleep(0.05)  # long enough for the other threads to arrive while it runs
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(load())) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [3] and len({id(r) for r in results}) == 1
    assert load(3) is results[0] and load(size=3) is results[0]  # the default is the same call
    assert load(4) is not results[0] and calls == [3, 4]
    load.cache_clear()
    load()
    assert calls == [3, 4, 3]


def test_cached_loader_can_name_a_result_by_a_key_and_lists_what_it_holds():
    calls = []

    class Thing:
        def __init__(self, name):
            self.name = name

    @cached_loader(key=lambda thing, folder=None: thing.name)
    def offsets(thing, folder=None):
        calls.append(thing.name)
        return [thing.name]

    a = offsets(Thing("e5"))
    assert offsets(Thing("e5"), "/elsewhere") is a  # another object of the same name: the same result
    b = offsets(Thing("st"))
    assert calls == ["e5", "st"] and offsets.cached() == [a, b]
    offsets.cache_clear()
    assert offsets.cached() == [] and offsets(Thing("e5")) is not a


def test_a_failed_load_is_not_cached():
    attempts = []

    @cached_loader
    def flaky(name: str):
        attempts.append(name)
        if len(attempts) == 1:
            raise OSError("disk busy")
        return name.upper()

    with pytest.raises(OSError):
        flaky("x")
    assert flaky("x") == "X" and attempts == ["x", "x"] and flaky.cached() == ["X"]
