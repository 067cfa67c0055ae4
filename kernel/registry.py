"""Plug-in points: named components (speech engines, OCR engines, sentence encoders, CLI commands)
listed in one :class:`Registry` each, and :func:`cached_loader` for what loads once per process.

An entry names where its component lives (``"package.module:attribute"``); nothing is imported
until the component is first asked for, so listing the names costs nothing. A name that is not
registered is refused with one sentence that suggests the closest; a registered module that is
missing fails loudly (it is a broken installation, not an absent feature).
"""
from __future__ import annotations

import functools
import importlib
import inspect
import threading
from typing import Any, Callable, TypeVar

from .errors import EnvironmentProblem, InputError, closest

T = TypeVar("T")


class Registry:
    """The components of one ``kind`` by name: ``load(name)`` gives the object an entry points at,
    ``instance(name)`` the process-wide instance made by calling it with no arguments."""

    def __init__(self, kind: str, entries: dict[str, str]):
        for name, target in entries.items():
            if target.count(":") != 1:
                raise ValueError(f"{kind} {name!r}: {target!r} is not 'module:attribute'")
        self.kind = kind
        self._entries = dict(entries)
        self._instances: dict[str, Any] = {}
        self._lock = threading.Lock()

    def names(self) -> tuple[str, ...]:
        """The registered names, in registration order."""
        return tuple(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def target(self, name: str) -> str:
        """Where ``name`` lives (``module:attribute``); an unknown name is refused with one sentence."""
        if name not in self._entries:
            raise InputError(f"Unknown {self.kind} {str(name)[:40]!r}; choose one of "
                             f"{', '.join(self._entries)}.{closest(str(name), list(self._entries))}")
        return self._entries[name]

    def load(self, name: str) -> Any:
        """The object registered as ``name`` (its module is imported now, once)."""
        module_name, _, attribute = self.target(name).partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name and module_name.startswith(err.name):
                raise EnvironmentProblem(f"The {self.kind} {name!r} is registered but its module {module_name!r} "
                                         "is missing; reinstall the project ('make build').") from err
            raise  # a dependency of the module is missing: its own error says which
        try:
            return getattr(module, attribute)
        except AttributeError:
            raise EnvironmentProblem(f"The {self.kind} {name!r} is registered as {module_name}:{attribute}, "
                                     "which does not exist; reinstall the project ('make build').") from None

    def instance(self, name: str) -> Any:
        """The process-wide instance of ``name``, made on first use by calling what it names."""
        with self._lock:
            if name not in self._instances:
                self._instances[name] = self.load(name)()
            return self._instances[name]


def cached_loader(function: Callable[..., T] | None = None, *, key: Callable[..., Any] | None = None):
    """Make ``function`` run once per distinct (hashable) arguments for the life of the process, even
    when threads call it at the same moment (unlike :func:`functools.cache`, which may run it twice):
    for loading a model or opening an engine. ``key`` (called with the same arguments) names the
    result instead of the arguments, e.g. an encoder's name rather than the encoder object.
    ``function.cache_clear()`` forgets the results and ``function.cached()`` lists them."""
    if function is None:
        return lambda f: cached_loader(f, key=key)
    results: dict[Any, T] = {}
    lock = threading.Lock()
    signature = inspect.signature(function)

    @functools.wraps(function)
    def load(*args, **kwargs) -> T:
        if key is not None:
            name = key(*args, **kwargs)
        else:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()  # f() and f(default) are one call
            name = tuple(bound.arguments.items())
        with lock:
            if name not in results:
                results[name] = function(*args, **kwargs)
            return results[name]

    def cached() -> list[T]:
        with lock:
            return list(results.values())

    load.cache_clear = results.clear  # type: ignore[attr-defined]
    load.cached = cached  # type: ignore[attr-defined]
    return load
