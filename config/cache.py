"""A Redis cache that degrades instead of failing: Redis down is a cache miss, never a 500.

Everything the cache holds here can be rebuilt (pages, cards, search answers, rate-limit
counters), so when Redis refuses, times out or resets a connection, `DegradingRedisCache`
answers as if the key were missing: `get` gives the default, `get_many` nothing, `set`,
`delete` and friends do nothing, `add` is False, `incr` raises ValueError (a missing key, as
Django's contract says). Pages then render uncached.

After a failure the process leaves Redis alone for `COOL_DOWN` seconds (OPTIONS
"DEGRADE_COOL_DOWN", default 10), so a dead Redis costs one socket timeout per process and
cool-down, not one on every cache call of every page; the next call after the cool-down tries
again. One warning is logged each time Redis goes unavailable and one line when it is back.
The state is per process (Django's cache objects are per thread, the state is shared by all
of them through the class); `/healthz` reads it (`status()`).
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
FAILURES = (RedisError, OSError)
DEFAULT_COOL_DOWN = 10.0


class _State:
    """Availability of one Redis location, shared by every thread of the process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.down = False
        self.last_error = ""

    def skipping(self):
        return self.down and time.monotonic() < self.down_until

    def failed(self, location, error, cool_down):
        with self.lock:
            self.down_until = time.monotonic() + cool_down
            self.last_error = type(error).__name__
            self.down = True
        logger.warning(
            "Cache at %s unavailable (%s: %s); serving uncached for %ss",
            location,
            type(error).__name__,
            error,
            cool_down,
        )

    def succeeded(self, location):
        if not self.down:
            return
        with self.lock:
            was_down, self.down = self.down, False
        if was_down:
            logger.warning("Cache at %s available again", location)


class DegradingRedisCache(RedisCache):
    """Django's RedisCache whose failures count as misses (see the module docstring)."""

    _states = {}
    _states_lock = threading.Lock()

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.cool_down = float(options.pop("DEGRADE_COOL_DOWN", DEFAULT_COOL_DOWN))
        super().__init__(server, {**params, "OPTIONS": options})
        self.location = server if isinstance(server, str) else ",".join(server)
        with self._states_lock:
            self.state = self._states.setdefault(self.location, _State())

    @property
    def degraded(self):
        """True while this process treats Redis as unavailable (the cool-down)."""
        return self.state.skipping()

    def status(self):
        """For /healthz: "ok", or "degraded" with the last error's kind."""
        if self.state.down:
            return {"status": "degraded", "error": self.state.last_error}
        return {"status": "ok"}

    def _guard(self, name, fallback, *args):
        """Call RedisCache's `name`; on a Redis failure, or during the cool-down, fallback()."""
        if self.state.skipping():
            return fallback()
        try:
            result = getattr(super(), name)(*args)
        except FAILURES as error:
            self.state.failed(self.location, error, self.cool_down)
            return fallback()
        self.state.succeeded(self.location)
        return result

    def ping(self):
        """Ask Redis directly, cool-down or not (for /healthz); True when it answers."""
        try:
            self._cache.get_client(write=False).ping()
        except FAILURES as error:
            self.state.failed(self.location, error, self.cool_down)
            return False
        self.state.succeeded(self.location)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", _false, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guard("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", _false, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", _false, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", _false, key, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", _false, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")

        return self._guard("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", _none, keys, version)

    def clear(self):
        return self._guard("clear", _false)


def _false():
    return False


def _none():
    return None


def cache_status(cache):
    """The health of a cache for /healthz: {"status": "ok" | "degraded", ...}."""
    if not isinstance(cache, DegradingRedisCache):
        return {"status": "ok", "backend": type(cache).__name__}
    cache.ping()
    return {"backend": "redis", **cache.status()}
