"""A TCP proxy on 127.0.0.1 that can refuse, hang or slow the service behind it.

Fault tests and `make soak SOAK_FAULTS=1` put one in front of SMTP, Redis, Elasticsearch or
Stripe's stub and switch its mode while the site runs:

- ``pass``: bytes flow both ways;
- ``refuse``: the listening socket is closed, so new connections are refused, and open ones are
  cut (a server that is down);
- ``hang``: connections are accepted but nothing is forwarded or answered, open ones included
  (a server that stalls, the case that needs timeouts);
- ``slow``: bytes flow, each chunk held back ``delay`` seconds (a server under load).

Written by hand because the well-known tools (toxiproxy, tc netem) are a Go server or need root
network namespaces; this is a few dozen lines of the standard library, and only ever binds
127.0.0.1.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time

PASS, REFUSE, HANG, SLOW = "pass", "refuse", "hang", "slow"
MODES = (PASS, REFUSE, HANG, SLOW)
# SO_LINGER on with a zero timeout: close() sends a reset, as a crashed server would.
RESET_ON_CLOSE = struct.pack("ii", 1, 0)


class FaultProxy:
    """Forward 127.0.0.1:<port> to ``upstream`` (host, port), with a switchable fault mode."""

    def __init__(self, upstream: tuple[str, int], port: int = 0, delay: float = 1.0):
        self.upstream = upstream
        self.port = port
        self.delay = delay
        self.mode = PASS
        self._listener: socket.socket | None = None
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._listen()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._close_listener()
        self._cut_connections()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    # -- faults -----------------------------------------------------------------------------

    def set_mode(self, mode: str, delay: float | None = None) -> None:
        """Switch to ``mode``; refusing or hanging also cuts or freezes open connections."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        if delay is not None:
            self.delay = delay
        previous, self.mode = self.mode, mode
        if mode == REFUSE:
            self._close_listener()
            self._cut_connections()
        elif previous == REFUSE and not self._stopped.is_set():
            self._listen()
        if mode == HANG:
            # Open connections stay open but silent; cut them on recovery so clients reconnect
            # instead of reading a half-forwarded exchange.
            pass
        elif previous == HANG:
            self._cut_connections()

    @contextlib.contextmanager
    def fault(self, mode: str, delay: float | None = None):
        """``with proxy.fault("hang"): ...`` then back to ``pass``."""
        self.set_mode(mode, delay)
        try:
            yield self
        finally:
            self.set_mode(PASS)

    @contextlib.contextmanager
    def watchdog(self, seconds: float, what: str):
        """Refuse if the block outlives ``seconds``, then fail: the block waited on the service
        without a bound. Tests assert that a bound exists without asserting a time."""
        fired = threading.Event()

        def cut():
            fired.set()
            self.set_mode(REFUSE)

        timer = threading.Timer(seconds, cut)
        timer.start()
        try:
            yield fired
        finally:
            timer.cancel()
        if fired.is_set():
            raise AssertionError(f"{what} without a bound")

    # -- plumbing ---------------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _close_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def _cut_connections(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, set()
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET_ON_CLOSE)
                conn.close()

    def _track(self, *conns: socket.socket) -> None:
        with self._lock:
            self._connections.update(conns)

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self._track(client)
            if self.mode == HANG:
                continue  # accepted, never answered
            try:
                upstream = socket.create_connection(self.upstream, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            self._track(upstream)
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                while self.mode == HANG and not self._stopped.is_set():
                    time.sleep(0.05)  # swallow nothing, forward nothing: the peer waits
                if self.mode == SLOW:
                    time.sleep(self.delay)
                target.sendall(data)
        except OSError:
            pass
        finally:
            for conn in (source, target):
                with contextlib.suppress(OSError):
                    conn.close()
