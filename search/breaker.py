"""A circuit breaker in front of the Elasticsearch engine.

Each search already has a bound (SEARCH_TIMEOUT_SECONDS) and falls back to the database engine,
but a slow cluster then costs every search that bound: under load the whole site slowed down
with it. The breaker counts failures (errors and timeouts): after SEARCH_BREAKER_FAILURES
within SEARCH_BREAKER_WINDOW_SECONDS it *opens* and searches go straight to the database
engine for SEARCH_BREAKER_COOL_DOWN_SECONDS; then it is *half open*: one search (the probe)
tries Elasticsearch again while the others keep using the database. A probe that answers
*closes* the breaker; one that fails opens it for another cool-down. Every change of state is
logged (a warning when it opens, info when it closes) and `/healthz` shows the state.

The state is per process: each web worker finds out for itself, at the price of a few failed
searches per worker, and needs nothing shared (the shared thing, Redis, may be down too).
"""

import logging
import threading
import time
from collections import deque

from django.conf import settings

logger = logging.getLogger(__name__)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"


class CircuitBreaker:
    def __init__(self, name, failures, window, cool_down, clock=time.monotonic):
        self.name = name
        self.max_failures = max(1, int(failures))
        self.window = window
        self.cool_down = cool_down
        self.clock = clock
        self.state = CLOSED
        self.failures = deque()
        self.opened_at = 0.0
        self.lock = threading.Lock()

    def allow(self):
        """Whether this call may go to the guarded service (else: fall back at once)."""
        with self.lock:
            if self.state == CLOSED:
                return True
            if self.state == OPEN and self.clock() - self.opened_at >= self.cool_down:
                self.state = HALF_OPEN  # this caller is the probe; the others wait for it
                logger.info("Circuit breaker %s half open: one request probes", self.name)
                return True
            return False

    def record_success(self):
        with self.lock:
            self.failures.clear()
            if self.state != CLOSED:
                self.state = CLOSED
                logger.info("Circuit breaker %s closed: the service answers again", self.name)

    def record_failure(self):
        with self.lock:
            now = self.clock()
            if self.state == HALF_OPEN:
                self._open(now, "the probe failed")
                return
            self.failures.append(now)
            while self.failures and now - self.failures[0] > self.window:
                self.failures.popleft()
            if self.state == CLOSED and len(self.failures) >= self.max_failures:
                self._open(now, f"{len(self.failures)} failures in {self.window:g}s")

    def _open(self, now, why):
        self.state = OPEN
        self.opened_at = now
        self.failures.clear()
        logger.warning(
            "Circuit breaker %s open (%s): using the fallback for %gs",
            self.name,
            why,
            self.cool_down,
        )

    def status(self):
        """For /healthz."""
        with self.lock:
            status = {"state": self.state, "recent_failures": len(self.failures)}
            if self.state == OPEN:
                left = self.cool_down - (self.clock() - self.opened_at)
                status["probe_in_seconds"] = max(0, round(left, 1))
            return status


_breaker = None
_breaker_lock = threading.Lock()


def search_breaker():
    """The process's breaker for the Elasticsearch engine (built from the settings)."""
    global _breaker
    with _breaker_lock:
        if _breaker is None:
            _breaker = CircuitBreaker(
                "elasticsearch",
                failures=settings.SEARCH_BREAKER_FAILURES,
                window=settings.SEARCH_BREAKER_WINDOW_SECONDS,
                cool_down=settings.SEARCH_BREAKER_COOL_DOWN_SECONDS,
            )
        return _breaker


def reset_search_breaker():
    global _breaker
    with _breaker_lock:
        _breaker = None
