"""JSON log lines and the request id that ties a request's log lines together."""

import json
import logging
import sys

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from config.structured_logging import JsonFormatter, RequestIdMiddleware


def record(message="halo %s", args=("dunia",), level=logging.INFO, **extra):
    entry = logging.LogRecord("etalase.uji", level, __file__, 1, message, args, None)
    entry.__dict__.update(extra)
    return entry


def test_a_record_is_one_line_of_json():
    line = JsonFormatter().format(record(extra_field="nilai\nbaris"))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "INFO"
    assert entry["logger"] == "etalase.uji"
    assert entry["message"] == "halo dunia"
    assert entry["extra_field"] == "nilai\nbaris"
    assert "T" in entry["time"]
    assert "request_id" not in entry  # no request is being handled


def test_exceptions_are_kept_in_the_entry():
    try:
        raise ValueError("rusak")
    except ValueError:
        entry = record(level=logging.ERROR)
        entry.exc_info = sys.exc_info()
    parsed = json.loads(JsonFormatter().format(entry))
    assert "ValueError: rusak" in parsed["exception"]


def test_django_request_records_give_path_and_status():
    request = RequestFactory().get("/katalog/?q=1")
    request.request_id = "abc-123"
    parsed = json.loads(JsonFormatter().format(record(request=request, status_code=404)))
    assert parsed["path"] == "/katalog/"
    assert parsed["method"] == "GET"
    assert parsed["status"] == 404
    assert parsed["request_id"] == "abc-123"
    assert "request" not in parsed


class TestRequestIdMiddleware:
    def run(self, **headers):
        lines = []

        def view(request):
            lines.append(JsonFormatter().format(record()))
            return HttpResponse("ok")

        request = RequestFactory().get("/cari/", headers=headers)
        response = RequestIdMiddleware(view)(request)
        return request, response, json.loads(lines[0])

    def test_a_fresh_id_is_logged_and_echoed(self):
        request, response, entry = self.run()
        assert len(request.request_id) == 32
        assert response["X-Request-ID"] == request.request_id
        assert entry["request_id"] == request.request_id
        assert entry["path"] == "/cari/"
        assert entry["method"] == "GET"

    def test_the_proxys_id_is_kept(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        request, response, entry = self.run(**{"X-Request-ID": "lb-7f3a.2"})
        assert response["X-Request-ID"] == "lb-7f3a.2"
        assert entry["request_id"] == "lb-7f3a.2"

    def test_without_a_trusted_proxy_a_clients_id_is_replaced(self, settings):
        settings.TRUSTED_PROXY_COUNT = 0
        request, response, entry = self.run(**{"X-Request-ID": "lb-7f3a.2"})
        assert response["X-Request-ID"] != "lb-7f3a.2"
        assert len(response["X-Request-ID"]) == 32

    @pytest.mark.parametrize("bad", ["a" * 65, "x\ny", "<script>", "id with spaces"])
    def test_a_malformed_id_is_replaced(self, bad, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        request, response, entry = self.run(**{"X-Request-ID": bad})
        assert response["X-Request-ID"] != bad
        assert len(response["X-Request-ID"]) == 32

    def test_the_context_ends_with_the_request(self):
        self.run()
        assert "request_id" not in json.loads(JsonFormatter().format(record()))


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client, site_tree):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert first and second and first != second
