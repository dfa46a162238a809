"""A client-side deadline on the web process's PostgreSQL queries.

PostgreSQL's `statement_timeout` (config/wsgi.py) bounds a statement the server is running. It
cannot bound a connection whose other end stopped answering while it still accepts bytes: a
stalled proxy or load balancer, a frozen server. psycopg then waits on the socket for ever,
and the worker is killed by gunicorn's timeout with no answer for the visitor.

So each query of a web request (and the health check of a reused connection) is watched: when
it runs longer than DATABASE_QUERY_DEADLINE_SECONDS (the statement timeout plus two seconds,
so the server's own cancel normally comes first), a watchdog thread shuts the connection's
socket down. psycopg sees the connection closed and raises OperationalError, the visitor gets
the 503 page (config/unavailable.py), and Django replaces the broken connection at the next
request. Shutting a socket down from another thread is safe (the kernel wakes the waiting
reader with end-of-file); the connection is never used again.

Only the web process installs it (the middleware is inactive unless the deadline is set,
and only config/wsgi.py sets the statement timeout it derives from). A COMMIT or ROLLBACK is
not a query Django lets us watch and stays bounded by gunicorn's timeout.
"""

import contextlib
import heapq
import itertools
import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection

logger = logging.getLogger(__name__)


def shut_down(fd):
    """Shut the socket behind `fd` down (both ways) without closing the caller's descriptor."""
    with contextlib.suppress(OSError), socket.socket(fileno=os.dup(fd)) as sock:
        sock.shutdown(socket.SHUT_RDWR)


class Watchdog:
    """One daemon thread per process that shuts down the sockets of overdue queries."""

    def __init__(self, tick=0.1):
        self.tick = tick
        self.lock = threading.Lock()
        self.armed = {}  # token -> (deadline, fd)
        self.queue = []  # (deadline, token)
        self.tokens = itertools.count()
        self.thread = None

    def arm(self, fd, seconds):
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="db-deadline", daemon=True)
                self.thread.start()
            token = next(self.tokens)
            deadline = time.monotonic() + seconds
            self.armed[token] = (deadline, fd)
            heapq.heappush(self.queue, (deadline, token))
            return token

    def disarm(self, token):
        with self.lock:
            self.armed.pop(token, None)

    def run(self):
        while True:
            time.sleep(self.tick)
            now = time.monotonic()
            with self.lock:
                while self.queue and self.queue[0][0] <= now:
                    _deadline, token = heapq.heappop(self.queue)
                    entry = self.armed.pop(token, None)
                    if entry is not None:
                        logger.error("Database query over its deadline: connection shut down")
                        shut_down(entry[1])


watchdog = Watchdog()


def socket_of(wrapper):
    raw = getattr(wrapper, "connection", None)
    pgconn = getattr(raw, "pgconn", None)
    return getattr(pgconn, "socket", None) if pgconn is not None else None


@contextlib.contextmanager
def deadline(wrapper, seconds):
    fd = socket_of(wrapper)
    if fd is None:
        yield
        return
    token = watchdog.arm(fd, seconds)
    try:
        yield
    finally:
        watchdog.disarm(token)


class QueryDeadlineMiddleware:
    """Watch every query of the request (see the module docstring)."""

    def __init__(self, get_response):
        self.seconds = getattr(settings, "DATABASE_QUERY_DEADLINE_SECONDS", None)
        if not self.seconds or connection.vendor != "postgresql":
            raise MiddlewareNotUsed
        self.get_response = get_response

    def watched(self, execute, sql, params, many, context):
        with deadline(context["connection"], self.seconds):
            return execute(sql, params, many, context)

    def __call__(self, request):
        # A reused connection is health-checked (CONN_HEALTH_CHECKS) with a query Django runs
        # outside the wrappers: run that check now, under the deadline.
        with deadline(connection, self.seconds):
            connection.close_if_health_check_failed()
        with connection.execute_wrapper(self.watched):
            return self.get_response(request)
