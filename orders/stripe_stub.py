"""A local stand-in for Stripe's Checkout Session API, for tests and offline trials.

Stripe's servers cannot be reached from tests, so the official `stripe` library is pointed at
this server (`STRIPE_API_BASE`). It answers `POST /v1/checkout/sessions` and
`GET /v1/checkout/sessions/<id>` with the documented Checkout Session object, replays the
stored answer for a repeated `Idempotency-Key` as Stripe does, records every request for
assertions, and serves a placeholder payment page at the session's `url`. It listens on
127.0.0.1 only, on a free port, in a daemon thread.
"""

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


@dataclass
class StubRequest:
    method: str
    path: str
    headers: dict
    form: dict = field(default_factory=dict)


def unflatten_line_items(form):
    """line_items[0][price_data][unit_amount]=... back into a list of dicts (what we assert)."""
    items = {}
    for key, value in form.items():
        if not key.startswith("line_items["):
            continue
        parts = key.replace("]", "").split("[")[1:]
        node = items.setdefault(int(parts[0]), {})
        for part in parts[1:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return [items[i] for i in sorted(items)]


class StripeStub:
    """`with StripeStub() as stub:` gives `stub.url`, `stub.requests`, `stub.sessions`."""

    def __init__(self):
        self.requests = []
        self.sessions = {}
        self.idempotent = {}
        self.fail_with = None  # (status, error type, message) for the next create
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler_class())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    @property
    def creates(self):
        return [r for r in self.requests if r.method == "POST"]

    def session_object(self, form):
        items = unflatten_line_items(form)
        amount = sum(
            int(item["price_data"]["unit_amount"]) * int(item["quantity"]) for item in items
        )
        currency = items[0]["price_data"]["currency"] if items else "idr"
        session_id = f"cs_test_{secrets.token_hex(12)}"
        metadata = {
            key[len("metadata[") : -1]: value
            for key, value in form.items()
            if key.startswith("metadata[")
        }
        now = int(time.time())
        return {
            "id": session_id,
            "object": "checkout.session",
            "amount_subtotal": amount,
            "amount_total": amount,
            "cancel_url": form.get("cancel_url"),
            "client_reference_id": form.get("client_reference_id"),
            "created": now,
            "currency": currency,
            "customer": None,
            "customer_email": form.get("customer_email"),
            "expires_at": now + 24 * 3600,
            "livemode": False,
            "locale": form.get("locale"),
            "metadata": metadata,
            "mode": form.get("mode"),
            "payment_intent": None,
            "payment_method_types": ["card"],
            "payment_status": "unpaid",
            "status": "open",
            "success_url": form.get("success_url"),
            "url": f"{self.url}/c/pay/{session_id}",
        }

    def answer(self, handler):
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length).decode() if length else ""
        request = StubRequest(
            handler.command,
            handler.path,
            {k.lower(): v for k, v in handler.headers.items()},
            dict(parse_qsl(body, keep_blank_values=True)),
        )
        with self.lock:
            self.requests.append(request)
            return self.route(request)

    def route(self, request):
        path = request.path.split("?")[0]
        if request.method == "POST" and path == "/v1/checkout/sessions":
            key = request.headers.get("idempotency-key")
            if key and key in self.idempotent:
                return 200, self.idempotent[key]
            if self.fail_with:
                status, kind, message = self.fail_with
                self.fail_with = None
                return status, {"error": {"type": kind, "message": message}}
            session = self.session_object(request.form)
            self.sessions[session["id"]] = session
            if key:
                self.idempotent[key] = session
            return 200, session
        if request.method == "GET" and path.startswith("/v1/checkout/sessions/"):
            session = self.sessions.get(path.rsplit("/", 1)[-1])
            if session is None:
                return 404, {
                    "error": {"type": "invalid_request_error", "message": "No such session"}
                }
            return 200, session
        if request.method == "GET" and path.startswith("/c/pay/"):
            return 200, "<!DOCTYPE html><title>Stripe Checkout (stub)</title><h1>Checkout</h1>"
        return 404, {"error": {"type": "invalid_request_error", "message": "Unknown path"}}

    def handler_class(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.respond(*stub.answer(self))

            do_POST = do_GET

            def respond(self, status, payload):
                html = isinstance(payload, str)
                data = (payload if html else json.dumps(payload)).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html" if html else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_{secrets.token_hex(6)}")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
