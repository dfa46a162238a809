#!/usr/bin/env python3
"""`make audit`: Lighthouse (mobile) on the home, catalog, product and search pages.

    .venv/bin/python scripts/lighthouse_audit.py [--min 95] [--runs 3] [--out reports/lighthouse]

It builds (or reuses) the demo catalog in .audit/ (its own SQLite database, media and
collected static files; AUDIT_DATABASE_URL picks another database), serves it with gunicorn
on 127.0.0.1 under config.settings.audit (production settings over plain HTTP), and runs
Lighthouse with Debian's Chromium on each page. Each page is measured --runs times and the
run with the median performance score is kept as <out>/<page>.json (this shared machine is
noisy; Lighthouse's own advice is the median of several runs). A table is printed, and the
exit status is 1 when any category of any page scores below --min.

Every category of every page is judged as Lighthouse scores it. The audited search
(`/cari/?q=batik`) is a plain search that finds products, which the site lets crawlers index
(search/views.indexable), so `is-crawlable` applies to it like to the other pages.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PRODUCT_LINK = re.compile(r'href="(/ikm/[^/"]+/[^/"]+/)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def django_env(audit_dir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.audit",
        "AUDIT_DIR": str(audit_dir),
        "DATABASE_URL": os.environ.get("AUDIT_DATABASE_URL")
        or f"sqlite:///{audit_dir / 'audit.sqlite3'}",
        # Throwaway: signs nothing that outlives this run.
        "SECRET_KEY": os.environ.get("AUDIT_SECRET_KEY") or secrets.token_urlsafe(50),
    }


def manage(env, *args):
    print(f"$ manage.py {' '.join(args)}", flush=True)
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare_site(env):
    """Migrate, load the demo catalog (with its renditions) when empty, collect static."""
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo_catalog", "--if-empty", "--renditions")
    manage(env, "collectstatic", "--no-input", "-v", "0")


def fetch(url, timeout=10):
    # Only ever our own gunicorn's http://127.0.0.1 URLs.
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310  # nosec B310
        return response.status, response.read().decode("utf-8", "replace")


class Server:
    """gunicorn serving the site on 127.0.0.1 in a process group of its own."""

    def __init__(self, env, port):
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, fixed arguments
            [str(BIN / "gunicorn"), "config.wsgi", "--workers", "2"]
            + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )

    def wait_until_healthy(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited with status {self.process.returncode}")
            try:
                if fetch(f"{self.base}/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        sys.exit(f"{self.base}/healthz did not answer 200 within {seconds} s")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def pages_to_audit(base):
    _, html = fetch(f"{base}/katalog/")
    match = PRODUCT_LINK.search(html)
    if not match:
        sys.exit("The catalog page links to no product: is the demo catalog loaded?")
    return {
        "home": "/",
        "catalog": "/katalog/",
        "product": match.group(1),
        "search": "/cari/?q=batik",
    }


LIGHTHOUSE_ATTEMPTS = 3


def run_lighthouse(url, output):
    """One Lighthouse run. Lighthouse itself sometimes fails to record the trace on a busy
    machine ("NO_NAVSTART ... Please run Lighthouse again"): such a run is tried again, up to
    LIGHTHOUSE_ATTEMPTS times; a page that keeps failing still fails the audit."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"}
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}", "--form-factor=mobile"]
    command += ["--output=json", f"--output-path={output}", "--quiet"]
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        result = subprocess.run(  # noqa: S603 - our node_modules' lighthouse on a 127.0.0.1 URL
            command, env=env, check=False, timeout=300
        )
        if result.returncode == 0:
            return json.loads(output.read_text(encoding="utf-8"))
        print(f"Lighthouse failed on {url} (attempt {attempt} of {LIGHTHOUSE_ATTEMPTS})")
    raise subprocess.CalledProcessError(result.returncode, command)


def scores(report):
    """{category: 0-100}, as Lighthouse shows them."""
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def failed_audits(report, category):
    refs = report["categories"][category]["auditRefs"]
    return [
        ref["id"]
        for ref in refs
        if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
    ]


def audit_page(name, url, out, runs):
    """Run Lighthouse `runs` times; keep and return the median run (by performance)."""
    reports = []
    for number in range(runs):
        path = out / f"{name}.run{number}.json"
        reports.append((run_lighthouse(url, path), path))
    reports.sort(key=lambda item: item[0]["categories"]["performance"]["score"] or 0)
    median, median_path = reports[len(reports) // 2]
    for _, path in reports:
        if path != median_path:
            path.unlink()
    median_path.replace(out / f"{name}.json")
    performance = [round(100 * (r["categories"]["performance"]["score"] or 0)) for r, _ in reports]
    return median, performance


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=int, default=95, help="lowest passing score (0-100)")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("LIGHTHOUSE_RUNS", 3)))
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "lighthouse")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` (make browser).")
    if not shutil.which(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"):
        sys.exit("Chromium is missing: run scripts/install-system-packages.sh (make browser).")

    audit_dir = Path(os.environ.get("AUDIT_DIR") or ROOT / ".audit").resolve()
    audit_dir.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    env = django_env(audit_dir)
    prepare_site(env)

    server = Server(env, free_port())
    rows, failures, summary = [], [], {}
    try:
        server.wait_until_healthy()
        pages = pages_to_audit(server.base)
        for path in pages.values():  # warm both workers: a buyer meets a warm server
            for _ in range(4):
                fetch(server.base + path, timeout=60)
        for name, path in pages.items():
            url = server.base + path
            print(f"Lighthouse (mobile) x{args.runs}: {url}", flush=True)
            report, performance_runs = audit_page(name, url, args.out, args.runs)
            measured = scores(report)
            for category in CATEGORIES:
                if measured[category] < args.min:
                    failures.append(
                        f"{name} {category} {measured[category]} < {args.min}: "
                        f"{', '.join(failed_audits(report, category))}"
                    )
            rows.append((name, path, measured))
            summary[name] = {
                "url": path,
                "scores": measured,
                "performance_runs": performance_runs,
                "form_factor": report["configSettings"]["formFactor"],
                "lighthouse": report["lighthouseVersion"],
            }
    finally:
        server.stop()

    (args.out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"\n{'page':<9} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  url")
    for name, path, measured in rows:
        cells = " ".join(f"{measured[category]:>5}" for category in CATEGORIES)
        print(f"{name:<9} {cells}  {path}")
    print(f"\nReports: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    if failures:
        print(f"\nBelow {args.min}:\n  " + "\n  ".join(failures))
        return 1
    print(f"Every category of every page scores {args.min} or more.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
