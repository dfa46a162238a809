"""PostgreSQL refusing, hanging and locked, live (issue #15): gunicorn serving the site on
a database of its own (etalase_degrade_live_*) reached through scripts/faultproxy.py.

- refused or hanging: uncached pages answer the 503 page with Retry-After, /healthz answers
  JSON 503, cached pages keep serving, and the site recovers by itself when the database is
  back;
- a statement stuck behind a lock is cancelled at the web process's statement timeout
  (config/wsgi.py) and answered with the 503 page.

Connections persist between requests (DATABASE_CONN_MAX_AGE=60), so a hang freezes a
connection already open: its health check and queries are cut at the web process's query
deadline (config/db_deadline.py), new ones meet the connect timeout. No timing assertion:
every request has a generous client timeout (below gunicorn's), and the test asserts the
answer.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest

from scripts.faultproxy import FaultProxy

POSTGRES = ("127.0.0.1", 5432)
BASE_DIR = Path(__file__).resolve().parents[2]
CLIENT_TIMEOUT = 30
SETTINGS = """
from config.settings.test import *  # noqa: F403

PAGE_CACHE_SECONDS = 600
"""


def postgres_available():
    try:
        socket.create_connection(POSTGRES, timeout=1).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not postgres_available(), reason="PostgreSQL is not running at 127.0.0.1:5432"
)


def connect(database="postgres", **options):
    return psycopg.connect(
        host=POSTGRES[0], port=POSTGRES[1], user="postgres", dbname=database, **options
    )


def psql(command):
    with connect(autocommit=True) as conn:
        conn.execute(command)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=CLIENT_TIMEOUT) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    name = f"etalase_degrade_live_{secrets.token_hex(4)}"
    psql(f"CREATE DATABASE {name}")
    direct = f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}/{name}"
    folder = tmp_path_factory.mktemp("live")
    (folder / "live_degrade_settings.py").write_text(SETTINGS)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    env.update(
        PYTHONPATH=f"{folder}:{BASE_DIR}",
        DJANGO_SETTINGS_MODULE="live_degrade_settings",
        DATABASE_URL=direct,
    )
    proxy = FaultProxy(POSTGRES).start()
    server = None
    try:
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "-v", "0"],
            cwd=BASE_DIR,
            env=env,
            check=True,
            timeout=600,
        )
        port = free_port()
        env.update(
            DATABASE_URL=f"postgres://postgres@{proxy.address}/{name}",
            DATABASE_CONN_MAX_AGE="60",
            DATABASE_CONNECT_TIMEOUT="2",
            DATABASE_STATEMENT_TIMEOUT_MS="1000",
        )
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{port}", "--timeout", "60"],
            cwd=BASE_DIR,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        yield base, proxy, name
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        proxy.stop()
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def assert_503_page(url):
    status, headers, body = fetch(url)
    assert status == 503, body[:300]
    assert headers["Retry-After"] == "30"
    assert "sedang tidak dapat melayani" in body


@pytest.mark.parametrize("mode", ["refuse", "hang"])
def test_the_database_down_answers_503_serves_cached_pages_and_recovers(live_site, mode):
    base, proxy, _name = live_site
    status, headers, _ = fetch(f"{base}/katalog/?cached={mode}")
    assert status == 200
    assert fetch(f"{base}/katalog/?cached={mode}")[1]["X-Page-Cache"] == "hit"
    with proxy.fault(mode):
        assert_503_page(f"{base}/?uncached={mode}")
        status, headers, body = fetch(f"{base}/healthz")
        assert status == 503
        assert headers["Content-Type"] == "application/json"
        status, headers, _ = fetch(f"{base}/katalog/?cached={mode}")
        assert (status, headers["X-Page-Cache"]) == (200, "hit")
    assert fetch(f"{base}/?uncached={mode}")[0] == 200  # back by itself
    assert fetch(f"{base}/healthz")[0] == 200


def test_a_statement_stuck_on_a_lock_is_cancelled_at_the_statement_timeout(live_site):
    base, _proxy, name = live_site
    holder = connect(name)
    try:
        holder.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")  # until rollback
        for attempt in range(100):  # until the lock is held (each address is uncached)
            if fetch(f"{base}/?locked=probe{attempt}")[0] == 503:
                break
            time.sleep(0.1)
        assert_503_page(f"{base}/?locked=1")
    finally:
        holder.rollback()
        holder.close()
    assert fetch(f"{base}/?locked=2")[0] == 200
