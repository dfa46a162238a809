"""The database refusing or hanging (issue #15): a clear bilingual 503 page with Retry-After
for uncached pages, cached pages keep serving, /healthz answers JSON 503, and the site comes
back by itself; the web process bounds every statement, other processes do not.

The outage is injected at the boundary the site sees: every query of the request's connection
raises OperationalError (`connection.execute_wrapper`), as psycopg does for a refused or cut
connection and for a statement cancelled at the statement timeout.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time

import pytest
from django.db import OperationalError, connection
from django.test import Client

from catalog.factories import ProductPageFactory, VendorPageFactory
from config.unavailable import RETRY_AFTER_SECONDS

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def database_down(message="connection refused"):
    queries = []

    def refuse(execute, sql, params, many, context):
        queries.append(sql)
        raise OperationalError(message)

    with connection.execute_wrapper(refuse):
        yield queries


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def product(site_tree):
    vendor = VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")
    return ProductPageFactory(parent=vendor, title="Batik Mega Mendung", slug="batik-mega-mendung")


@pytest.mark.parametrize("url", ["/", "/katalog/", "/cari/?q=batik", "/ikm/batik-ibu-siti/"])
def test_uncached_pages_answer_the_503_page(visitor, product, url):
    with database_down():
        response = visitor.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "sedang tidak dapat melayani" in html
    assert "Internal Server Error" not in html


def test_the_503_page_speaks_english_on_english_pages(visitor, product):
    with database_down():
        response = visitor.get("/en/katalog/")
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "temporarily unable" in html


def test_a_statement_cancelled_at_the_timeout_is_a_503_too(visitor, product):
    with database_down("canceling statement due to statement timeout"):
        assert visitor.get("/katalog/").status_code == 503


def test_an_inquiry_post_answers_503_not_500(visitor, product):
    with database_down():
        response = visitor.post(f"/tanya/{product.pk}/", {"name": "Budi"})
    assert response.status_code == 503


def test_other_errors_stay_the_500_page(visitor, product, monkeypatch):
    from showroom import models

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not an outage")

    monkeypatch.setattr(models, "search_catalog", broken)
    response = visitor.get("/katalog/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_cached_pages_keep_serving_without_the_database(visitor, product, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert visitor.get("/katalog/").get("X-Page-Cache") == "miss"
    with database_down() as queries:
        response = visitor.get("/katalog/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert queries == []  # a hit never asked the database


def test_the_site_recovers_by_itself(visitor, product):
    with database_down():
        assert visitor.get("/katalog/").status_code == 503
    assert visitor.get("/katalog/").status_code == 200


def test_healthz_is_json_503_when_the_database_is_down(visitor):
    with database_down():
        response = visitor.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"]["status"] == "error"


PROBE = (
    "import json, sys; IMPORTS; from django.conf import settings; "
    "print(json.dumps({**settings.DATABASES['default'], "
    "'deadline': getattr(settings, 'DATABASE_QUERY_DEADLINE_SECONDS', None)}))"
)
ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k" * 50,
    "ALLOWED_HOSTS": "etalase.example.id",
    "DATABASE_URL": "postgres://etalase@db.internal:5432/etalase",
}


def database_settings(imports):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    env.update(ENV)
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", PROBE.replace("IMPORTS", imports)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_web_process_bounds_statements_and_other_processes_do_not():
    web = database_settings("import config.wsgi")
    assert web["OPTIONS"]["options"] == "-c statement_timeout=5000"
    assert web["OPTIONS"]["connect_timeout"] == 5
    assert web["CONN_HEALTH_CHECKS"] is True
    assert web["deadline"] == 7  # the statement timeout, then the client-side cut
    command = database_settings("import django; django.setup()")  # manage.py, a worker
    assert "options" not in command["OPTIONS"]
    assert command["deadline"] is None
    assert command["OPTIONS"]["connect_timeout"] == 5


# --- The query deadline (config/db_deadline.py) ---------------------------------------------


def test_the_watchdog_shuts_an_overdue_socket_down():
    """A reader waiting on a peer that never answers gets end-of-file at the deadline."""
    from config.db_deadline import Watchdog

    waiting, silent_peer = socket.socketpair()
    with waiting, silent_peer:
        waiting.settimeout(20)  # a guard only: the watchdog must end the wait long before
        Watchdog(tick=0.05).arm(waiting.fileno(), 0.1)
        assert waiting.recv(10) == b""  # shut down, not timed out


def test_a_query_that_finished_is_not_cut():
    from config.db_deadline import Watchdog

    watchdog = Watchdog(tick=0.05)
    first, second = socket.socketpair()
    with first, second:
        watchdog.disarm(watchdog.arm(first.fileno(), 0.1))
        time.sleep(0.3)  # past the deadline it had
        second.sendall(b"ok")
        first.settimeout(20)
        assert first.recv(10) == b"ok"


def test_the_deadline_is_only_for_the_web_process_on_postgresql(settings):
    from django.core.exceptions import MiddlewareNotUsed

    from config.db_deadline import QueryDeadlineMiddleware

    settings.DATABASE_QUERY_DEADLINE_SECONDS = None
    with pytest.raises(MiddlewareNotUsed):
        QueryDeadlineMiddleware(lambda request: None)
