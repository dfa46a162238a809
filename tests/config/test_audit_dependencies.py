"""scripts/audit_dependencies.py: what fails `make lint` and what only warns."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_dependencies.py"


def load_script():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


audit = load_script()

# Shaped like `pip-audit --format json`.
VULNERABLE = {
    "dependencies": [
        {
            "name": "django",
            "version": "5.2.0",
            "vulns": [
                {"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"], "aliases": [], "description": ""},
                {"id": "GHSA-none", "fix_versions": [], "aliases": [], "description": ""},
            ],
        },
        {"name": "wagtail", "version": "8.0.1", "vulns": []},
        {"name": "etalase-ikm", "skip_reason": "Dependency not found on PyPI"},
    ],
    "fixes": [],
}
UNREACHABLE = {
    "dependencies": [
        {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited"},
        {"name": "wagtail", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ],
    "fixes": [],
}


def test_fixable_vulnerabilities_are_listed():
    audited, skipped, fixable = audit.summarise(VULNERABLE)
    assert audited == ["django", "wagtail"]
    assert skipped == ["etalase-ikm"]
    assert fixable == [("django", "5.2.0", "PYSEC-2025-1", "5.2.1")]


@pytest.mark.parametrize(
    ("report", "required", "code"),
    [
        (VULNERABLE, "", 1),
        ({"dependencies": VULNERABLE["dependencies"][1:]}, "", 0),
        (UNREACHABLE, "", 0),
        (UNREACHABLE, "1", 1),
    ],
)
def test_exit_status(monkeypatch, capsys, report, required, code):
    monkeypatch.setattr(audit, "run_pip_audit", lambda: report)
    monkeypatch.setenv("PIP_AUDIT_REQUIRED", required)
    assert audit.main() == code
    output = capsys.readouterr()
    if report is UNREACHABLE:
        assert "none of the 2 installed packages was audited" in output.out + output.err
