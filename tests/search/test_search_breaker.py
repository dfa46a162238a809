"""The circuit breaker in front of Elasticsearch (issue #15).

The state machine itself with a clock the test moves; then the real engine: osmem-server
behind scripts/faultproxy.py set to hang, where repeated timeouts open the breaker, searches
go straight to the database engine (even once Elasticsearch answers again) until the
cool-down, then one probe closes it. /healthz shows the state. No timing assertion: requests
under a fault run under a watchdog that cuts the proxy after a generous limit, and the test
asserts it never had to.
"""

import logging
from urllib.parse import urlparse

import pytest

from catalog.factories import ProductPageFactory, VendorPageFactory
from scripts.faultproxy import FaultProxy
from search.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker, search_breaker
from search.query import CatalogQuery
from search.service import Linker, search_catalog

WATCHDOG_SECONDS = 20


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def breaker(clock):
    return CircuitBreaker("es", failures=3, window=30, cool_down=60, clock=clock)


def test_opens_after_repeated_failures_within_the_window(breaker, clock, caplog):
    for _ in range(2):
        assert breaker.allow()
        breaker.record_failure()
    assert breaker.state == CLOSED
    with caplog.at_level(logging.WARNING, logger="search.breaker"):
        breaker.record_failure()
    assert breaker.state == OPEN
    assert "Circuit breaker es open" in caplog.text
    assert not breaker.allow()
    clock.now += 59
    assert not breaker.allow()


def test_failures_outside_the_window_do_not_add_up(breaker, clock):
    breaker.record_failure()
    breaker.record_failure()
    clock.now += 31
    breaker.record_failure()
    assert breaker.state == CLOSED


def test_a_success_clears_the_count(breaker):
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == CLOSED


def test_one_probe_after_the_cool_down_then_closed_or_open_again(breaker, clock, caplog):
    for _ in range(3):
        breaker.record_failure()
    clock.now += 60
    assert breaker.allow()  # the probe
    assert breaker.state == HALF_OPEN
    assert not breaker.allow()  # everyone else keeps the fallback meanwhile
    breaker.record_failure()
    assert breaker.state == OPEN
    assert breaker.status()["probe_in_seconds"] == 60
    clock.now += 60
    assert breaker.allow()
    with caplog.at_level(logging.INFO, logger="search.breaker"):
        breaker.record_success()
    assert breaker.state == CLOSED
    assert "closed" in caplog.text
    assert breaker.allow()


# --- The engine behind a fault proxy --------------------------------------------------------


@pytest.fixture
def es_proxy(es_engine_settings, reindex, site_tree):
    """The Elasticsearch engine on osmem through a FaultProxy; a breaker of 2 failures."""
    vendor = VendorPageFactory(title="Batik Ibu Siti")
    ProductPageFactory(parent=vendor, title="Batik Mega Mendung")
    reindex()
    upstream = urlparse(es_engine_settings.ELASTICSEARCH_URL)
    with FaultProxy((upstream.hostname, upstream.port)) as proxy:
        es_engine_settings.ELASTICSEARCH_URL = f"http://{proxy.address}"
        es_engine_settings.SEARCH_TIMEOUT_SECONDS = 0.5
        es_engine_settings.SEARCH_BREAKER_FAILURES = 2
        es_engine_settings.SEARCH_BREAKER_COOL_DOWN_SECONDS = 600
        from search.service import reset_engine_cache

        reset_engine_cache()
        yield proxy
        proxy.set_mode("pass")


def watchdog(proxy):
    return proxy.watchdog(WATCHDOG_SECONDS, "a search waited on Elasticsearch")


def search(text="batik"):
    return search_catalog(CatalogQuery(text=text), Linker("/cari/"))


@pytest.mark.django_db
def test_a_hanging_cluster_opens_the_breaker_and_the_database_answers(es_proxy, client):
    assert search().engine == "elasticsearch"
    es_proxy.set_mode("hang")
    with watchdog(es_proxy):
        for _ in range(2):
            result = search()
            assert result.engine == "database"
            assert [p.title for p in result.products] == ["Batik Mega Mendung"]
        response = client.get("/cari/?q=batik")
    assert response.status_code == 200
    assert "Batik Mega Mendung" in response.content.decode()
    assert search_breaker().state == OPEN

    health = client.get("/healthz")
    assert health.status_code == 200
    check = health.json()["checks"]["search"]
    assert check["status"] == "degraded"
    assert check["breaker"]["state"] == OPEN

    # Open: the database answers even though the cluster is back, until the cool-down ends.
    es_proxy.set_mode("pass")
    assert search().engine == "database"
    search_breaker().cool_down = 0
    assert search().engine == "elasticsearch"  # the probe
    assert search_breaker().state == CLOSED
    assert client.get("/healthz").json()["checks"]["search"]["status"] == "ok"
