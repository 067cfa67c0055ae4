"""Every system file the project uses comes from a Debian package that `packages.apt` installs.

A fresh machine has only its image's packages and what `make` installs from `packages.apt`. A font or
program that a developer once installed by hand makes the suite green on that machine and red on a new
one. This test reads the project's own code for the font files and programs it names (and adds the
programs its libraries need), finds each on disk, asks `dpkg -S` which package owns it, and fails
unless that package is listed in `packages.apt` or is a hard dependency of a listed package (one that
apt must install: `Depends`/`PreDepends`, never one member of an `A | B` alternative). A file that is
not on the machine at all fails too, naming the package to add.
"""
from __future__ import annotations

import ast
import functools
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = ["app.py", "assistant", "intents", "ocr", "voices", "webapp", "tests", "benchmarks", "scripts"]
FONT_ROOT = Path("/usr/share/fonts")
TESSDATA_GLOBS = ["/usr/share/tesseract-ocr/*/tessdata"]

# Programs that the project's libraries run on its behalf (not named in the project's own code).
LIBRARY_PROGRAMS = {
    "ffmpeg": ("ffmpeg", "needed by Gradio, which streams the app's spoken replies through ffmpeg"),
}
# Where the project's code names a program without saying which package ships it.
KNOWN_PACKAGES = {
    "chromium": "chromium", "initdb": "postgresql", "pg_ctl": "postgresql", "tesseract": "tesseract-ocr",
    "espeak-ng": "espeak-ng", "flite": "flite", "ffmpeg": "ffmpeg", "ffprobe": "ffmpeg",
}
NOT_SYSTEM = {"python", "python3", "sys.executable", "git", "make", "bash", "sh"}


# --- what the code names ------------------------------------------------------------------------------
def _python_files() -> list[Path]:
    files: list[Path] = []
    for entry in CODE:
        path = ROOT / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if f.resolve() != Path(__file__).resolve()]  # not this checker's own tools


@functools.lru_cache(maxsize=1)
def _trees() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"), str(path))) for path in _python_files()]


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def named_fonts() -> dict[str, str]:
    """Font file names in the code, with the place that names them: full paths anywhere, bare names
    when they stand in a list, tuple, set or dict (not the suffixes of a ``str.replace``)."""
    found: dict[str, str] = {}
    pattern = re.compile(r"^(?:/[\w./-]+/)?[\w.-]+\.(?:ttf|otf|ttc)$", re.IGNORECASE)
    for path, tree in _trees():
        for node in ast.walk(tree):
            items: list[ast.AST] = []
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                items = list(node.elts)
            elif isinstance(node, ast.Dict):
                items = [*filter(None, node.keys), *node.values]
            elif isinstance(node, ast.Constant):
                items = [node] if (_string(node) or "").startswith("/") else []
            for item in items:
                text = _string(item)
                if text and pattern.match(text):
                    found.setdefault(Path(text).name, f"named at {path.relative_to(ROOT)}:{item.lineno}")
    return found


def named_programs() -> dict[str, tuple[str | None, str]]:
    """Programs the code runs or looks for: ``require(program, package)``, ``shutil.which(name)``,
    ``_pg_bin(name)``, a literal first item of a ``subprocess`` argument list, and absolute paths
    under ``/usr/bin``. Maps the program to (the package the code names for it, where)."""
    found: dict[str, tuple[str | None, str]] = {}

    def add(program: str, package: str | None, path: Path, node: ast.AST) -> None:
        program = Path(program).name if program.startswith("/") else program
        if program and program not in NOT_SYSTEM and not program.startswith("-"):
            where = f"named at {path.relative_to(ROOT)}:{node.lineno}"
            old = found.get(program)
            found[program] = (package or (old[0] if old else None), old[1] if old else where)

    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name, args = _call_name(node), node.args
                first = _string(args[0]) if args else None
                if name == "require" and first and len(args) > 1 and _string(args[1]):
                    add(first, _string(args[1]), path, node)
                elif name in ("which", "_pg_bin") and first:
                    add(first, None, path, node)
                elif name in ("run", "Popen", "check_output", "check_call", "call") and args \
                        and isinstance(args[0], ast.List) and args[0].elts and _string(args[0].elts[0]):
                    add(_string(args[0].elts[0]), None, path, node)
            elif isinstance(node, ast.Constant) and re.match(r"^/usr/s?bin/[\w.+-]+$", _string(node) or ""):
                add(node.value, None, path, node)
    return found


def named_tesseract_languages() -> dict[str, str]:
    """Tesseract languages the OCR code asks for ("Hangul+eng", "kor+eng"): the values of constants
    whose name says LANG and of ``lang=`` arguments (both branches of a conditional). Each part of
    a ``+`` spec is a data file."""
    found: dict[str, str] = {}
    for path, tree in _trees():
        if path.relative_to(ROOT).parts[0] != "ocr":
            continue
        for node in ast.walk(tree):
            values: list[ast.AST] = []
            if isinstance(node, ast.Assign) and any("LANG" in getattr(t, "id", "").upper() for t in node.targets):
                values = [node.value]
            elif isinstance(node, ast.keyword) and node.arg == "lang":
                values = [node.value]
            elif isinstance(node, ast.arguments):
                names = [a.arg for a in node.args[len(node.args) - len(node.defaults):]]
                values = [d for n, d in zip(names, node.defaults) if n == "lang"]
            for value in values:
                for item in [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]:
                    text = _string(item) or ""
                    if re.fullmatch(r"[A-Za-z_]{3,}(?:\+[A-Za-z_]{3,})*", text):
                        for part in text.split("+"):
                            found.setdefault(part, f"named at {path.relative_to(ROOT)}:{item.lineno}")
    return found


# --- what the machine has -----------------------------------------------------------------------------
def listed_packages() -> list[str]:
    lines = (ROOT / "packages.apt").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def _hard_dependencies(packages: list[str]) -> dict[str, set[str]]:
    """``apt-cache depends --recurse`` of several packages, in one call: for each package reached, the
    packages it must pull in (Depends and PreDepends that are not part of an ``A | B`` alternative;
    virtual names skipped). apt recurses through alternatives too; the walk below does not."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                          "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *packages],
                         capture_output=True, text=True, timeout=300).stdout
    deps: dict[str, set[str]] = {}
    current, in_alternative = None, False
    for line in out.splitlines():
        if not line.startswith(" "):
            current, in_alternative = line.strip().split(":")[0], False
            deps.setdefault(current, set())
            continue
        match = re.match(r"^\s*(\|)?(Depends|PreDepends):\s*(\S+)", line)
        if not match or current is None:
            continue
        alternative = bool(match.group(1)) or in_alternative
        in_alternative = bool(match.group(1))  # a '|' line joins the next one into the same group
        name = match.group(3).split(":")[0]
        if not alternative and not name.startswith("<"):
            deps[current].add(name)
    return deps


@functools.lru_cache(maxsize=1)
def installed_closure() -> frozenset[str]:
    """The listed packages and everything they hard-depend on, recursively."""
    listed = listed_packages()
    deps = _hard_dependencies(listed)
    seen, stack = set(listed), list(listed)
    while stack:
        for dep in deps.get(stack.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    return frozenset(seen)


def owner(path: str) -> str | None:
    """The Debian package that owns ``path`` (tries the resolved path and the pre-/usr-merge form)."""
    real = os.path.realpath(path)
    candidates = [real, path, re.sub(r"^/usr(?=/(?:s?bin|lib)/)", "", real), re.sub(r"^/usr(?=/(?:s?bin|lib)/)", "", path)]
    for candidate in dict.fromkeys(candidates):
        out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, timeout=60).stdout
        for line in out.splitlines():
            if line.startswith("diversion by"):
                continue
            packages, _, owned = line.partition(": ")
            if owned.strip() == candidate:
                return packages.split(",")[0].split(":")[0].strip()
    return None


@functools.lru_cache(maxsize=1)
def _fonts_on_disk() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for folder, _, files in os.walk(FONT_ROOT):
        for name in files:
            index.setdefault(name, []).append(os.path.join(folder, name))
    return index


def find_program(program: str) -> str | None:
    hits = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{program}"))
    return shutil.which(program) or (hits[-1] if hits else None)


def _font_package_hint(name: str) -> str | None:
    from ocr.testing.render import FONT_PACKAGES

    return next((package for package, names in FONT_PACKAGES.items() if name in names), None)


def _verdict(what: str, where: str, path: str | None, hint: str | None) -> str | None:
    """None when ``path`` exists and its package is installed by packages.apt; else the problem."""
    if path is None:
        return (f"{what} ({where}) is not on this machine: add "
                f"{hint or 'the Debian package that ships it'} to packages.apt")
    package = owner(path)
    if package is None:
        return f"{what} ({path}, {where}) belongs to no Debian package: install it from packages.apt"
    if package not in installed_closure():
        return (f"{what} ({path}, {where}) comes from the Debian package '{package}', which "
                f"packages.apt neither lists nor pulls in as a hard dependency: add {package} to packages.apt")
    return None


# --- the checks ---------------------------------------------------------------------------------------
def test_the_scan_finds_what_the_project_is_known_to_use():
    """Guards the scanner itself: if it stops seeing these, the checks below would pass vacuously."""
    fonts, programs = named_fonts(), named_programs()
    assert {"NanumGothic.ttf", "DejaVuSans.ttf", "LiberationSans-Regular.ttf"} <= set(fonts)
    assert {"tesseract", "espeak-ng", "flite", "chromium", "initdb"} <= set(programs)
    assert named_tesseract_languages(), "no Tesseract language spec found in ocr/"


def test_every_font_the_code_names_comes_from_packages_apt():
    problems = []
    for name, where in sorted(named_fonts().items()):
        paths = _fonts_on_disk().get(name)
        problems.append(_verdict(f"The font {name}", where, paths[0] if paths else None, _font_package_hint(name)))
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


def test_every_program_the_code_and_its_libraries_run_comes_from_packages_apt():
    programs = {name: (package or KNOWN_PACKAGES.get(name), where)
                for name, (package, where) in named_programs().items()}
    for name, (package, why) in LIBRARY_PROGRAMS.items():
        programs.setdefault(name, (package, why))
    problems = [_verdict(f"The program {name}", where, find_program(name), package)
                for name, (package, where) in sorted(programs.items())]
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


def test_every_tesseract_language_the_ocr_uses_comes_from_packages_apt():
    folders = [Path(f) for pattern in TESSDATA_GLOBS for f in sorted(glob.glob(pattern))]
    problems = []
    for lang, where in sorted(named_tesseract_languages().items()):
        files = [f / sub / f"{lang}.traineddata" for f in folders for sub in ("", "script")]
        path = next((str(f) for f in files if f.exists()), None)
        hint = "tesseract-ocr-script-hang" if lang == "Hangul" else f"tesseract-ocr-{lang.lower()}"
        problems.append(_verdict(f"Tesseract's language data '{lang}'", where, path, hint))
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


def test_alternatives_do_not_count_as_hard_dependencies():
    """ffmpeg's libraries depend on one of several packages in places (``A | B``); the parser must
    keep only the unconditional names. Checked on a real package of packages.apt."""
    if shutil.which("apt-cache") is None:
        pytest.fail("apt-cache is missing: this check needs a Debian machine")
    out = subprocess.run(["apt-cache", "depends", "--no-recommends", "tesseract-ocr"],
                         capture_output=True, text=True, timeout=60).stdout
    alternatives = {m.group(2).split(":")[0] for m in re.finditer(r"^\s*\|(Depends):\s*(\S+)", out, re.M)}
    deps = _hard_dependencies(["tesseract-ocr"])["tesseract-ocr"]
    assert deps, "tesseract-ocr should have hard dependencies"
    assert not (alternatives & deps)


def test_removing_a_needed_package_from_the_list_is_caught(monkeypatch):
    """The check fails when a package the code needs is dropped from packages.apt."""
    path = _fonts_on_disk()["LiberationSans-Regular.ttf"][0]
    assert _verdict("font", "named here", path, None) is None
    installed_closure.cache_clear()
    try:
        monkeypatch.setattr(sys.modules[__name__], "listed_packages",
                            lambda: [p for p in (ROOT / "packages.apt").read_text().split() if p == "chromium"])
        problem = _verdict("font", "named here", path, None)
        assert problem and "add fonts-liberation to packages.apt" in problem
    finally:
        monkeypatch.undo()
        installed_closure.cache_clear()


def test_a_missing_file_fails_with_the_package_to_add():
    """Not on the machine at all: the verdict still names the package (never a skip)."""
    assert _font_package_hint("LiberationSansNarrow-Regular.ttf") == "fonts-liberation"
    problem = _verdict("The font Gone.ttf", "named here", None, _font_package_hint("DejaVuSansCondensed.ttf"))
    assert problem == "The font Gone.ttf (named here) is not on this machine: add fonts-dejavu-extra to packages.apt"
