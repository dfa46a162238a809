"""scripts/audit_dependencies.py: what fails `make lint` and what only warns."""

import pytest


@pytest.fixture(scope="module")
def audit(project_script):
    return project_script("audit_dependencies")


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


def test_fixable_vulnerabilities_are_listed(audit):
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
def test_exit_status(audit, monkeypatch, capsys, report, required, code):
    monkeypatch.setattr(audit, "run_pip_audit", lambda: report)
    monkeypatch.setenv("PIP_AUDIT_REQUIRED", required)
    assert audit.main() == code
    output = capsys.readouterr()
    if report is UNREACHABLE:
        assert "none of the 2 installed packages was audited" in output.out + output.err
