#!/usr/bin/env python3
"""Known vulnerabilities in the installed Python packages (pip-audit), for `make lint`.

Fails when an installed package has a known vulnerability that a released version fixes.

pip-audit looks each package up in PyPI's JSON API. Where that API cannot be reached (a
machine that sees only a package mirror answers 404 for every package), pip-audit skips every
package and still says "No known vulnerabilities found". This script does not take that as a
pass: it says plainly that nothing was audited, and fails when PIP_AUDIT_REQUIRED=1 (set it
where the API is reachable, so that an outage cannot pass unnoticed).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def run_pip_audit():
    result = subprocess.run(  # noqa: S603 - the venv's own pip-audit, fixed arguments
        [str(PIP_AUDIT), "--skip-editable", "--progress-spinner", "off", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        return json.loads(result.stdout)
    except ValueError:
        print(result.stdout + result.stderr, file=sys.stderr)
        sys.exit("pip-audit did not answer in JSON (see above).")


def summarise(report):
    """(audited names, skipped names, [(name, version, id, fixes)] fixable vulnerabilities)."""
    audited, skipped, fixable = [], [], []
    for dependency in report["dependencies"]:
        if dependency.get("skip_reason"):
            skipped.append(dependency["name"])
            continue
        audited.append(dependency["name"])
        for vulnerability in dependency.get("vulns", []):
            if vulnerability.get("fix_versions"):
                fixable.append(
                    (
                        dependency["name"],
                        dependency["version"],
                        vulnerability["id"],
                        ", ".join(vulnerability["fix_versions"]),
                    )
                )
    return audited, skipped, fixable


def main():
    audited, skipped, fixable = summarise(run_pip_audit())
    if fixable:
        print("Known vulnerabilities with a fixed release:")
        for name, version, vulnerability, fixes in fixable:
            print(f"  {name} {version}: {vulnerability} (fixed in {fixes})")
        return 1
    if not audited:
        message = (
            f"pip-audit could not reach its vulnerability database: none of the {len(skipped)} "
            "installed packages was audited (PyPI's JSON API is not reachable from here)."
        )
        if os.environ.get("PIP_AUDIT_REQUIRED") == "1":
            print(f"ERROR: {message}", file=sys.stderr)
            return 1
        print(f"WARNING: {message} Set PIP_AUDIT_REQUIRED=1 to make this an error.")
        return 0
    print(f"pip-audit: {len(audited)} packages audited, no fixable known vulnerability.")
    if skipped:
        print(f"  not audited (not on PyPI): {', '.join(sorted(skipped))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
