"""Which package may import which: dependencies between the apps and tools go one way."""

import ast
from pathlib import Path

from django.conf import settings


def imported_modules(folder: Path) -> set[str]:
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules.add(node.module)
    return modules


def test_geography_knows_nothing_of_services():
    modules = imported_modules(settings.BASE_DIR / "geography")

    assert not {module for module in modules if module.split(".")[0] == "services"}


def test_stress_never_imports_tests():
    # The suite runs stress's strategies and checks (tests/test_bad_input.py); the other way round,
    # `make fuzz` would depend on the suite's fixtures.
    modules = imported_modules(settings.BASE_DIR / "stress")

    assert not {module for module in modules if module.split(".")[0] == "tests"}
