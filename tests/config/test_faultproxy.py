"""scripts/faultproxy.py: the fault proxy the fault tests and the soak put in front of services."""

import socket
import socketserver
import threading

import pytest

from scripts.faultproxy import FaultProxy


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        while data := self.request.recv(1024):
            self.request.sendall(data)


@pytest.fixture
def echo_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address
    server.shutdown()
    server.server_close()


def roundtrip(port, payload=b"ping", timeout=2.0):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(payload)
        return conn.recv(1024)


def test_pass_refuse_hang_slow_and_recover(echo_server):
    with FaultProxy(echo_server) as proxy:
        assert roundtrip(proxy.port) == b"ping"

        with proxy.fault("refuse"), pytest.raises(ConnectionRefusedError):
            roundtrip(proxy.port)
        assert roundtrip(proxy.port) == b"ping"

        with proxy.fault("hang"), pytest.raises(TimeoutError):
            roundtrip(proxy.port, timeout=0.3)
        assert roundtrip(proxy.port) == b"ping"

        with proxy.fault("slow", delay=0.05):
            assert roundtrip(proxy.port, b"slow") == b"slow"


def test_refusing_cuts_open_connections(echo_server):
    with FaultProxy(echo_server) as proxy:
        conn = socket.create_connection(("127.0.0.1", proxy.port), timeout=2)
        conn.sendall(b"a")
        assert conn.recv(10) == b"a"
        proxy.set_mode("refuse")
        with pytest.raises(OSError):
            conn.sendall(b"b")
            if not conn.recv(10):
                raise ConnectionResetError("closed by the proxy")
        conn.close()


def test_unknown_mode_is_refused(echo_server):
    with FaultProxy(echo_server) as proxy, pytest.raises(ValueError):
        proxy.set_mode("explode")
