"""The matching core stays a library: no Django, no other pnt package (architecture.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pnt.matching

CORE = Path(pnt.matching.__file__).parent
ALLOWED_THIRD_PARTY = {"numpy", "scipy", "ortools"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_every_module_imports_only_the_standard_library_numpy_scipy_and_ortools():
    modules = sorted(CORE.glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert top in ALLOWED_THIRD_PARTY or top in sys.stdlib_module_names, (path.name, name)


def test_importing_the_core_loads_neither_django_nor_other_pnt_modules():
    check = (
        "import sys, pnt.matching; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'django' "
        "or (m.startswith('pnt.') and not m.startswith('pnt.matching'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    command = [sys.executable, "-c", check]  # a fresh interpreter: nothing imported yet
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr


def test_modules_stay_under_500_lines():
    for path in CORE.glob("*.py"):
        assert len(path.read_text().splitlines()) < 500, path.name
