"""Reading configuration from the environment.

Small, dependency-free helpers so every setting that differs between a laptop and production
comes from one place: the process environment.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def require(name):
    """Return a mandatory setting or refuse to start with a message that says what is missing."""
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for production settings."
        )
    return value


DISK_CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "django"
DISK_CACHE_BYTES = 1024**3  # a 10,000-product catalog's pages, cards and answers, many times


def cache_config(url):
    """Django CACHES from CACHE_URL / REDIS_URL; a disk cache every worker of this machine
    shares when unset (`disk://` with an optional path: `disk:///var/cache/etalase`).

    The embedded default was local memory: a cache per process, 300 entries each, so most
    pages missed and a purge in one worker did not reach the others. diskcache (SQLite files,
    safe across processes) holds the working set of a large catalog and carries the purge
    clock to every worker; Redis stays the way to share it across machines."""
    if not url or url == "disk://":
        return _disk_cache(DISK_CACHE_DIR)
    scheme = urlparse(url).scheme
    if scheme == "disk":
        return _disk_cache(Path(urlparse(url).path))
    if scheme in {"locmem", "memory"}:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "etalase-ikm",
            }
        }
    if scheme in {"redis", "rediss"}:
        # A Redis that refuses or hangs must cost a page a fraction of a second, once per
        # cool-down, then count as a miss (config/cache.py): short socket timeouts, no retry.
        timeout = float(env_str("REDIS_TIMEOUT_SECONDS", "0.5"))
        return {
            "default": {
                "BACKEND": "config.cache.DegradingRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": "etalase",
                "OPTIONS": {
                    "socket_connect_timeout": timeout,
                    "socket_timeout": timeout,
                    "DEGRADE_COOL_DOWN": float(env_str("REDIS_COOL_DOWN_SECONDS", "10")),
                },
            }
        }
    if scheme == "dummy":
        return {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    raise ImproperlyConfigured(f"Unsupported CACHE_URL scheme: {scheme!r}")


def _disk_cache(directory):
    return {
        "default": {
            "BACKEND": "diskcache.DjangoCache",
            "LOCATION": str(directory),
            "TIMEOUT": 300,
            # Shards spread writers (each shard one SQLite file); a writer waits at most 0.1 s
            # for a lock, then the operation counts as a miss rather than slowing the page.
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 0.1,
            "OPTIONS": {"size_limit": DISK_CACHE_BYTES},
        }
    }


def email_config(url):
    """Email settings from EMAIL_URL (smtp://user:password@host:587/?tls=1); console when unset."""
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = urlparse(url)
    options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    if parsed.scheme not in {"smtp", "smtps", "submission"}:
        if parsed.scheme == "console":
            return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
        if parsed.scheme == "locmem":
            return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
        raise ImproperlyConfigured(f"Unsupported EMAIL_URL scheme: {parsed.scheme!r}")
    use_ssl = parsed.scheme == "smtps" or options.get("ssl") in {"1", "true"}
    use_tls = not use_ssl and (parsed.scheme == "submission" or options.get("tls") in {"1", "true"})
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }


TASK_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_backend(name, queues):
    """One django-tasks backend from TASKS_BACKEND: db (the default), rq or immediate."""
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"Unsupported TASKS_BACKEND {name!r}: choose one of {', '.join(TASK_BACKENDS)}"
        )
    return {"BACKEND": TASK_BACKENDS[name], "QUEUES": list(queues)}
