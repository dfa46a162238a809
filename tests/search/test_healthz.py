"""/healthz on each search engine: the database one, Elasticsearch down, Elasticsearch up;
503 only when the database fails.

It lives with the search tests for their osmem-server fixtures (es_engine_settings,
closed_port_url).
"""

import pytest

pytestmark = pytest.mark.django_db


def get_health(client):
    response = client.get("/healthz")
    return response, response.json()


def test_ok_on_the_database_engine(client, settings):
    settings.ELASTICSEARCH_URL = ""
    response, body = get_health(client)
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "ok"
    assert body["checks"]["search"]["engine"] == "database"


def test_never_cached_nor_indexed(client):
    response, _ = get_health(client)
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_only_get(client):
    assert client.post("/healthz").status_code == 405


def test_not_in_the_sitemap(client, site_tree):
    assert b"healthz" not in client.get("/sitemap.xml").content


def test_degraded_not_503_when_elasticsearch_is_unreachable(
    client, es_engine_settings, closed_port_url
):
    """Searches fall back to the database engine, so the process still serves: 200."""
    from search.service import reset_engine_cache

    es_engine_settings.ELASTICSEARCH_URL = closed_port_url
    es_engine_settings.SEARCH_TIMEOUT_SECONDS = 1
    reset_engine_cache()
    response, body = get_health(client)
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "degraded"
    assert body["checks"]["search"]["fallback"] == "database"
    assert closed_port_url not in response.content.decode()  # details stay in the logs


def test_degraded_when_the_index_is_missing(client, es_engine_settings):
    response, body = get_health(client)
    assert response.status_code == 200
    assert body["checks"]["search"]["status"] == "degraded"


def test_200_against_a_live_elasticsearch(client, es_engine_settings, reindex):
    reindex()
    response, body = get_health(client)
    assert response.status_code == 200, body
    assert body["checks"]["search"]["status"] == "ok"
    assert body["checks"]["search"]["engine"] == "elasticsearch"
    assert body["checks"]["search"]["breaker"]["state"] == "closed"


def test_503_when_the_database_fails(client, monkeypatch):
    from config import health

    def broken():
        raise RuntimeError("database down")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response, body = get_health(client)
    assert response.status_code == 503
    assert body["checks"]["database"]["status"] == "error"
    assert body["checks"]["search"]["status"] == "ok"
