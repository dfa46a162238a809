#!/usr/bin/env python
"""`make soak`: Locust (scripts/locustfile.py) against gunicorn on 127.0.0.1, then the checks.

Builds (or reuses) the bench catalog (DATABASE_URL; `make soak` defaults it to bench.sqlite3),
gives one synthetic IKM an owner account, serves the site with gunicorn (2 workers of 4 threads,
config/settings/bench.py, the page cache on, Redis at 127.0.0.1:6379 when it answers so a purge
and the rate limits reach both workers) and runs SOAK_USERS users (default 50) for SOAK_TIME
(default 5m), headless. Then it prints Locust's figures and checks:

* no 5xx answer and no connection error;
* no lost inquiry: the Inquiry rows the run added equal the accepted submissions (302 to the
  confirmation page); refusals by the rate limits (429) are counted apart;
* every email delivered once: a database-queue worker (`db_worker`) runs beside gunicorn and
  sends through a local SMTP server that counts what it receives (scripts/soak_faults.py); after
  the run the worker drains the outbox (then the re-drive sends any straggler) and the messages
  received must equal the outbox rows sent, with none left unsent.

`SOAK_FAULTS=1` puts a fault proxy in front of SMTP, Redis (when used) and Elasticsearch (when
ELASTICSEARCH_URL is set) and cuts them all for SOAK_FAULT_SECONDS (default a third of the run)
from a quarter of the way in: SMTP and Elasticsearch hang, Redis refuses. The same checks apply.

Buyers come from distinct addresses (X-Forwarded-For, TRUSTED_PROXY_COUNT=1) under the
production rate limits. Exits non-zero when a check fails (never on a time).
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "scripts"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'bench.sqlite3'}")
OWNER = {"username": "soak.pemilik", "password": "soak-etalase-2026"}
REDIS_URL = os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/7")
DRAIN_SECONDS = int(os.environ.get("SOAK_DRAIN_SECONDS", "120"))


def seconds(duration):
    """Locust's run time ("90s", "5m", "1h", "1h30m") in seconds."""
    total, number = 0, ""
    for char in duration:
        if char.isdigit():
            number += char
        else:
            total += int(number or 0) * {"h": 3600, "m": 60, "s": 1}[char]
            number = ""
    return total + int(number or 0)


def outbox_figures(since):
    """Outbox rows written since `since`: (rows, sent, unsent)."""
    from outbox.delivery import outbox_models

    rows = sent = 0
    for model in outbox_models():
        mine = model.objects.filter(created_at__gte=since)
        rows += mine.count()
        sent += mine.filter(sent_at__isnull=False).count()
    return rows, sent, rows - sent


def drain(since, worker):
    """Let the worker finish the outbox (retries included), then re-drive what is left."""
    from django.db import connection

    from outbox.delivery import deliver_due

    deadline = time.monotonic() + DRAIN_SECONDS
    while outbox_figures(since)[2] and time.monotonic() < deadline and worker.poll() is None:
        connection.close()
        time.sleep(2)
    os.killpg(worker.pid, signal.SIGTERM)
    worker.wait(timeout=60)
    return deliver_due(force_retry=True)[0]


def redis_answers(url):
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def make_plan(products, vendors):
    """Pages for the buyers and an owner for one IKM, from the database."""
    from bench import ensure_catalog
    from django.conf import settings
    from django.core.management import call_command

    from catalog.models import Category, ProductPage, User, VendorPage
    from catalog.ownership import grant_vendor_ownership

    ensure_catalog(products, vendors)
    visible = ProductPage.visible().order_by("?")
    sample = list(visible.only("id", "url_path")[:300])
    vendor = VendorPage.objects.live().filter(products__isnull=False).order_by("pk").first()
    owner, created = User.objects.get_or_create(username=OWNER["username"])
    if created or not owner.check_password(OWNER["password"]):
        owner.set_password(OWNER["password"])
        owner.email = "soak.pemilik@example.test"
        owner.save()
    grant_vendor_ownership(vendor, [owner])
    call_command("collectstatic", interactive=False, verbosity=0)
    page_size = settings.CATALOG_PAGE_SIZE
    return {
        "products": [{"id": p.pk, "url": p.url} for p in sample],
        "vendors": [
            {"id": v.pk, "url": v.url}
            for v in VendorPage.objects.live().order_by("?").only("id", "url_path")[:100]
        ],
        "categories": [
            f"/katalog/{slug}/"
            for slug in Category.objects.filter(parent=None).values_list("slug", flat=True)
        ],
        "catalog_pages": max(1, min(100, visible.count() // page_size)),
        "min_fill_seconds": settings.INQUIRY_MIN_FILL_SECONDS,
        "owner": {
            **OWNER,
            "product_ids": list(
                ProductPage.objects.filter(vendor=vendor).values_list("pk", flat=True)[:20]
            ),
        },
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone
    from soak_faults import FaultSchedule, MailSink

    from inquiries.models import Inquiry

    users = os.environ.get("SOAK_USERS", "50")
    duration = os.environ.get("SOAK_TIME", "5m")
    faults = os.environ.get("SOAK_FAULTS") == "1"
    plan = make_plan(int(os.environ.get("SOAK_PRODUCTS", 10_000)), 500)
    before = Inquiry.objects.count()
    started = timezone.now()
    connection.close()

    workdir = Path(tempfile.mkdtemp(prefix="etalase-soak-"))
    plan_file, counts_file = workdir / "plan.json", workdir / "counts.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    port = free_port()
    cache = REDIS_URL if redis_answers(REDIS_URL) else ""
    sink = MailSink().start()
    upstreams = {"smtp": ("127.0.0.1", sink.port)}
    redis_address = urlsplit(cache) if cache else None
    if redis_address:
        upstreams["redis"] = (redis_address.hostname, redis_address.port or 6379)
    es_url = urlsplit(os.environ.get("ELASTICSEARCH_URL", ""))
    if es_url.hostname:
        upstreams["elasticsearch"] = (es_url.hostname, es_url.port or 9200)
    schedule = FaultSchedule(upstreams).start() if faults else None

    def address(name):
        return ("127.0.0.1", schedule.port(name)) if schedule else upstreams[name]

    env = {
        **os.environ,
        "PAGE_CACHE_SECONDS": "600",
        "TRUSTED_PROXY_COUNT": "1",
        "EMAIL_URL": "smtp://{}:{}".format(*address("smtp")),
        "EMAIL_TIMEOUT": "2",
        "TASKS_BACKEND": "db",
        "OUTBOX_RETRY_BASE_SECONDS": "5",
        "LOG_LEVEL": "WARNING",
        "SOAK_PLAN": str(plan_file),
        "SOAK_COUNTS": str(counts_file),
    }
    if cache:
        env["CACHE_URL"] = "redis://{}:{}{}".format(*address("redis"), redis_address.path)
    if "elasticsearch" in upstreams:
        env["ELASTICSEARCH_URL"] = "http://{}:{}".format(*address("elasticsearch"))
    print(
        f"Soak: {users} users for {duration} against gunicorn (2 workers) on 127.0.0.1:{port}; "
        f"cache: {cache or 'local memory per worker'}; {connection.vendor}; log in {workdir}",
        flush=True,
    )
    bin_dir = Path(sys.executable).parent
    with open(workdir / "worker.log", "w") as log:
        worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--backend=background",
                "--queue-name=outbox",
                "--interval=0.5",
                "--no-reload",
                "--no-startup-delay",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    with open(workdir / "gunicorn.log", "w") as log:
        server = subprocess.Popen(  # noqa: S603
            [
                str(bin_dir / "gunicorn"),
                "config.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{port}",
                "--timeout=120",
                "--threads=4",
                # Longer than a simulated user's pause, so the server never closes a kept-alive
                # connection just as the client reuses it (a reset no real proxy would pass on).
                "--keep-alive=30",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        time.sleep(3)
        if schedule:
            run_time = seconds(duration)
            length = float(os.environ.get("SOAK_FAULT_SECONDS", run_time / 3))
            schedule.run_in_background(run_time / 4, length)
        locust = subprocess.run(  # noqa: S603
            [
                str(bin_dir / "locust"),
                "-f",
                str(BASE_DIR / "scripts" / "locustfile.py"),
                "--headless",
                "--users",
                users,
                "--spawn-rate",
                "10",
                "--run-time",
                duration,
                "--host",
                f"http://127.0.0.1:{port}",
                "--only-summary",
                "--stop-timeout",
                "30",
            ],
            cwd=BASE_DIR,
            env=env,
            check=False,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        if schedule:
            schedule.stop()
    redriven = drain(started, worker)
    sink.stop()

    counts = json.loads(counts_file.read_text(encoding="utf-8"))
    added = Inquiry.objects.count() - before
    accepted = counts.get("inquiries_accepted", 0)
    email_rows, email_sent, email_unsent = outbox_figures(started)
    emails = {
        "email_rows": email_rows,
        "emails_sent": email_sent,
        "emails_unsent": email_unsent,
        "emails_delivered_at_smtp": sink.received,
        "emails_sent_by_redrive": redriven,
    }
    print(
        "\nSoak figures:",
        json.dumps({**counts, "inquiry_rows_added": added, **emails}, indent=2),
    )
    failures = []
    if sink.received != email_sent:
        failures.append(f"{sink.received} emails received by SMTP for {email_sent} rows sent")
    if email_unsent:
        failures.append(f"{email_unsent} emails never sent")
    if counts.get("server_errors") or counts.get("connection_errors"):
        failures.append("5xx answers or connection errors (see the gunicorn log)")
    if added != accepted:
        failures.append(f"{added} inquiry rows for {accepted} accepted submissions")
    if counts.get("inquiries_invalid"):
        failures.append(f"{counts['inquiries_invalid']} inquiry posts neither accepted nor refused")
    result = {
        "users": users,
        "duration": duration,
        "database": connection.vendor,
        "cache": cache or "locmem",
        "counts": counts,
        "inquiry_rows_added": added,
        **emails,
        "faults": schedule.log if schedule else [],
        "locust_exit": locust.returncode,
        "failures": failures,
    }
    Path("bench-soak.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    if failures:
        print("SOAK FAILED: " + "; ".join(failures))
        sys.exit(1)
    print(
        f"Soak passed: {counts.get('requests', 0)} requests, no 5xx, {accepted} inquiries "
        f"accepted and {added} saved, {counts.get('inquiries_refused', 0)} refused by the rate "
        f"limits; {sink.received} emails delivered for {email_rows} outbox rows."
    )


if __name__ == "__main__":
    main()
