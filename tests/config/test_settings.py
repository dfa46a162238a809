"""Production settings refuse to start without their secrets; every environment's database.

Each case imports the settings in a fresh interpreter with a controlled environment (nothing
from the developer's or CI's environment leaks in, not even DATABASE_URL), exactly as
gunicorn or manage.py would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = "config.settings.production"
SECRETS = {"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "etalase.example.id,www.etalase.example.id"}

PROBE = """
import json
import django
from django.conf import settings
django.setup()
names = [
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASES", "CACHES", "EMAIL_BACKEND",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SECURE_CONTENT_TYPE_NOSNIFF",
    "X_FRAME_OPTIONS", "CSRF_TRUSTED_ORIGINS",
]
print(json.dumps({name: getattr(settings, name, None) for name in names}, default=str))
"""


def load_settings(module, **env):
    """Run django.setup() with `module` in a subprocess; return the CompletedProcess."""
    clean_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": module,
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_values(module, **env):
    result = load_settings(module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_refused(result, variable):
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr


class TestProductionRefusesToStart:
    def test_without_secret_key(self):
        result = load_settings(PRODUCTION, ALLOWED_HOSTS=SECRETS["ALLOWED_HOSTS"])
        assert_refused(result, "SECRET_KEY")

    def test_with_blank_secret_key(self):
        result = load_settings(PRODUCTION, SECRET_KEY="   ", ALLOWED_HOSTS="etalase.example.id")
        assert_refused(result, "SECRET_KEY")

    def test_without_allowed_hosts(self):
        result = load_settings(PRODUCTION, SECRET_KEY=SECRETS["SECRET_KEY"])
        assert_refused(result, "ALLOWED_HOSTS")

    def test_with_only_separators_in_allowed_hosts(self):
        result = load_settings(PRODUCTION, SECRET_KEY=SECRETS["SECRET_KEY"], ALLOWED_HOSTS=" , ")
        assert_refused(result, "ALLOWED_HOSTS")

    def test_without_either(self):
        result = load_settings(PRODUCTION)
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr

    @pytest.mark.parametrize("hosts", ["*", "etalase.example.id,*"])
    def test_wildcard_allowed_hosts(self, hosts):
        result = load_settings(PRODUCTION, SECRET_KEY=SECRETS["SECRET_KEY"], ALLOWED_HOSTS=hosts)
        assert_refused(result, "ALLOWED_HOSTS")
        assert "'*'" in result.stderr


@pytest.fixture(scope="module")
def production():
    """Production settings as loaded with both secrets set."""
    return settings_values(PRODUCTION, **SECRETS)


class TestProductionWithItsSecrets:
    def test_imports_and_keeps_the_given_values(self, production):
        assert production["SECRET_KEY"] == SECRETS["SECRET_KEY"]
        assert production["ALLOWED_HOSTS"] == ["etalase.example.id", "www.etalase.example.id"]

    def test_debug_is_off(self, production):
        assert production["DEBUG"] is False

    def test_hsts(self, production):
        assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
        assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
        assert production["SECURE_HSTS_PRELOAD"] is True

    def test_https_only(self, production):
        assert production["SECURE_SSL_REDIRECT"] is True

    def test_x_forwarded_proto_is_believed_only_behind_a_trusted_proxy(self, production):
        assert production["SECURE_PROXY_SSL_HEADER"] is None
        behind_proxy = settings_values(PRODUCTION, TRUSTED_PROXY_COUNT="1", **SECRETS)
        assert behind_proxy["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]

    def test_secure_cookies(self, production):
        assert production["SESSION_COOKIE_SECURE"] is True
        assert production["CSRF_COOKIE_SECURE"] is True
        assert production["SESSION_COOKIE_HTTPONLY"] is True

    def test_browser_hardening_headers(self, production):
        assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
        assert production["X_FRAME_OPTIONS"] == "DENY"

    def test_ssl_redirect_can_be_turned_off_behind_a_terminating_proxy(self):
        values = settings_values(PRODUCTION, SECURE_SSL_REDIRECT="0", **SECRETS)
        assert values["SECURE_SSL_REDIRECT"] is False
        assert values["SESSION_COOKIE_SECURE"] is True


class TestDatabaseUrl:
    def test_default_is_the_project_sqlite_file(self, production):
        database = production["DATABASES"]["default"]
        assert database["ENGINE"] == "django.db.backends.sqlite3"
        assert Path(database["NAME"]) == ROOT / "db.sqlite3"

    def test_postgres_url(self):
        database = settings_values(
            PRODUCTION,
            DATABASE_URL="postgres://etalase:rahasia%40123@db.internal:5433/etalase_ikm",
            **SECRETS,
        )["DATABASES"]["default"]
        assert database["ENGINE"] == "django.db.backends.postgresql"
        assert database["NAME"] == "etalase_ikm"
        assert database["USER"] == "etalase"
        assert database["PASSWORD"] == "rahasia@123"
        assert database["HOST"] == "db.internal"
        assert database["PORT"] == 5433
        assert database["CONN_MAX_AGE"] == 60

    def test_connection_age_from_the_environment(self):
        database = settings_values(
            PRODUCTION,
            DATABASE_URL="postgres://etalase@127.0.0.1/etalase_ikm",
            DATABASE_CONN_MAX_AGE="0",
            **SECRETS,
        )["DATABASES"]["default"]
        assert database["CONN_MAX_AGE"] == 0

    def test_sqlite_url(self, tmp_path):
        database = settings_values(
            PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path}/lain.sqlite3", **SECRETS
        )["DATABASES"]["default"]
        assert database["ENGINE"] == "django.db.backends.sqlite3"
        assert database["NAME"] == f"{tmp_path}/lain.sqlite3"


class TestCacheAndEmailFromTheEnvironment:
    def test_defaults(self, production):
        values = production
        # A disk cache every worker of the machine shares (config/env.py).
        assert values["CACHES"]["default"]["BACKEND"] == "diskcache.DjangoCache"
        assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"

    def test_redis_url_is_the_cache(self):
        values = settings_values(PRODUCTION, REDIS_URL="redis://cache.internal:6379/2", **SECRETS)
        assert values["CACHES"]["default"]["BACKEND"] == "config.cache.DegradingRedisCache"
        assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/2"

    def test_cache_url_wins_over_redis_url(self):
        values = settings_values(
            PRODUCTION, CACHE_URL="dummy://", REDIS_URL="redis://cache.internal:6379/2", **SECRETS
        )
        assert values["CACHES"]["default"]["BACKEND"].endswith("DummyCache")

    def test_unsupported_cache_url_refuses_to_start(self):
        result = load_settings(PRODUCTION, CACHE_URL="memcached://cache.internal", **SECRETS)
        assert_refused(result, "CACHE_URL")

    def test_email_url(self):
        values = settings_values(
            PRODUCTION, EMAIL_URL="smtp://mail.example.id:587/?tls=1", **SECRETS
        )
        assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_development_settings_work_without_any_environment():
    values = settings_values("config.settings.dev")
    assert values["DEBUG"] is True
    assert values["SECRET_KEY"]
    assert "localhost" in values["ALLOWED_HOSTS"]
