"""Dependencies point one way: app/webapp -> assistant -> nl2sql -> {intents, ocr, voices} -> matchdata -> kernel.

Every module's imports are read with ``ast`` (imports inside functions included, since they are
still dependencies). An import from a package to one of a higher layer, or between two different
packages of the same layer, is a violation. Today's violations are listed in ``ALLOWED``; the list
may only shrink: the test also fails when an allowed violation no longer exists, so that it is
removed from the list in the same change that removes the import.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LAYERS = {"kernel": 0, "matchdata": 1, "intents": 2, "ocr": 2, "voices": 2, "nl2sql": 3, "assistant": 4, "webapp": 5,
          "app": 6}
"""Rank of each top-level package of the product (``app`` is app.py, which serves the webapp); a
module may import only from lower ranks or from its own package."""

# (importing module, imported module) pairs that break the layering today; may only shrink.
ALLOWED: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _product_modules() -> dict[str, Path]:
    found = {}
    for top in LAYERS:
        if (ROOT / f"{top}.py").is_file():
            found[top] = ROOT / f"{top}.py"
        for path in sorted((ROOT / top).rglob("*.py")) if (ROOT / top).is_dir() else []:
            found[_module_name(path)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports (``from a import b`` names ``a.b`` when b is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            subs = [f"{source}.{alias.name}" for alias in node.names]
            found = [sub for sub in subs if sub in modules]
            out.update(found)
            if len(found) < len(subs):
                out.add(source)
    return {target for target in out if target.split(".")[0] in LAYERS}


def violations() -> set[tuple[str, str]]:
    modules = _product_modules()
    bad = set()
    for name, path in modules.items():
        own = name.split(".")[0]
        for target in _imports(name, path, modules):
            other = target.split(".")[0]
            if other != own and LAYERS[other] >= LAYERS[own]:
                bad.add((name, target))
    return bad


def test_imports_follow_the_layers():
    new = sorted(violations() - ALLOWED)
    assert not new, ("imports against the layering (app/webapp -> assistant -> nl2sql -> {intents, ocr, voices} "
                     "-> kernel); move the shared code down instead:\n"
                     + "\n".join(f"  {a} imports {b}" for a, b in new))


def test_allow_list_only_holds_real_violations():
    gone = sorted(ALLOWED - violations())
    assert not gone, ("these allowed violations no longer exist; delete them from ALLOWED:\n"
                      + "\n".join(f"  {a!r}, {b!r}" for a, b in gone))


def test_the_checker_sees_violations(tmp_path):
    """The checker is not vacuous: a module importing upwards is caught, relative imports resolve."""
    modules = {"voices.x": tmp_path / "x.py", "assistant.y": tmp_path / "y.py", "kernel.z": tmp_path / "z.py"}
    (tmp_path / "x.py").write_text("from assistant import y\nfrom . import w\n\ndef f():\n    import kernel.z\n")
    assert _imports("voices.x", tmp_path / "x.py", modules) == {"assistant.y", "voices", "kernel.z"}


TEST_DATA = ("ocr.testing",)
"""Packages that make test data (the screenshot generator): tests and benchmarks use them, the
product never does."""


def test_the_product_does_not_import_test_data_generators():
    modules = _product_modules()
    bad = sorted((name, target) for name, path in modules.items() if not name.startswith(TEST_DATA)
                 for target in _imports(name, path, modules) if target.startswith(TEST_DATA))
    assert all(name in modules for name in TEST_DATA)
    assert not bad, "product modules importing test data generators:\n" + "\n".join(f"  {a} imports {b}" for a, b in bad)
