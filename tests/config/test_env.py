"""config/env.py: reading the environment, cache and email settings from URLs."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import cache_config, email_config, env_bool, env_list, env_str, require


class TestEnvReaders:
    def test_env_str_strips_and_defaults(self, monkeypatch):
        monkeypatch.setenv("ETALASE_TEST_VALUE", "  nilai  ")
        assert env_str("ETALASE_TEST_VALUE") == "nilai"
        monkeypatch.delenv("ETALASE_TEST_VALUE")
        assert env_str("ETALASE_TEST_VALUE", "bawaan") == "bawaan"

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("1", True),
            ("true", True),
            ("Yes", True),
            ("ON", True),
            ("0", False),
            ("false", False),
            ("no", False),
            ("sembarang", False),
        ],
    )
    def test_env_bool(self, monkeypatch, raw, expected):
        monkeypatch.setenv("ETALASE_TEST_FLAG", raw)
        assert env_bool("ETALASE_TEST_FLAG", default=not expected) is expected

    @pytest.mark.parametrize("raw", [None, "", "   "])
    def test_env_bool_default_when_unset_or_blank(self, monkeypatch, raw):
        if raw is None:
            monkeypatch.delenv("ETALASE_TEST_FLAG", raising=False)
        else:
            monkeypatch.setenv("ETALASE_TEST_FLAG", raw)
        assert env_bool("ETALASE_TEST_FLAG", default=True) is True
        assert env_bool("ETALASE_TEST_FLAG", default=False) is False

    def test_env_list(self, monkeypatch):
        monkeypatch.setenv("ETALASE_TEST_LIST", " a.example.id, ,b.example.id ,")
        assert env_list("ETALASE_TEST_LIST") == ["a.example.id", "b.example.id"]
        monkeypatch.setenv("ETALASE_TEST_LIST", " , ")
        assert env_list("ETALASE_TEST_LIST", ["localhost"]) == ["localhost"]

    def test_require_names_the_missing_variable(self, monkeypatch):
        monkeypatch.delenv("ETALASE_TEST_SECRET", raising=False)
        with pytest.raises(ImproperlyConfigured, match="ETALASE_TEST_SECRET"):
            require("ETALASE_TEST_SECRET")
        monkeypatch.setenv("ETALASE_TEST_SECRET", " rahasia ")
        assert require("ETALASE_TEST_SECRET") == "rahasia"


class TestCacheConfig:
    @pytest.mark.parametrize("url", ["locmem://", "memory://"])
    def test_local_memory_on_request(self, url):
        default = cache_config(url)["default"]
        assert default["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"

    def test_a_disk_cache_every_worker_shares_when_unset(self, tmp_path):
        default = cache_config("")["default"]
        assert default["BACKEND"] == "diskcache.DjangoCache"
        assert default["OPTIONS"]["size_limit"] >= 512 * 1024**2
        assert cache_config(f"disk://{tmp_path}")["default"]["LOCATION"] == str(tmp_path)

    def test_the_disk_cache_is_shared_between_processes(self, tmp_path):
        """What one worker stores (a page, a purge's clock), another process reads."""
        import subprocess
        import sys

        script = (
            "import sys, diskcache;"
            "c = diskcache.DjangoCache(sys.argv[1], {'SHARDS': 4, 'DATABASE_TIMEOUT': 0.1});"
            "c.set('page:clock', 41, None); c.incr('page:clock'); print(c.get('page:clock'))"
        )
        written = subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and script
            [sys.executable, "-c", script, str(tmp_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert written.stdout.strip() == "42"
        from diskcache import DjangoCache

        here = DjangoCache(str(tmp_path), {"SHARDS": 4, "DATABASE_TIMEOUT": 0.1})
        assert here.get("page:clock") == 42

    @pytest.mark.parametrize(
        "url", ["redis://127.0.0.1:6379/1", "rediss://:rahasia@cache.example.id:6380/0"]
    )
    def test_redis(self, url):
        default = cache_config(url)["default"]
        assert default["BACKEND"] == "config.cache.DegradingRedisCache"
        assert default["LOCATION"] == url
        assert default["KEY_PREFIX"] == "etalase"
        # Bounded: a Redis that hangs costs half a second, not the worker's life.
        assert default["OPTIONS"]["socket_timeout"] == 0.5
        assert default["OPTIONS"]["socket_connect_timeout"] == 0.5

    def test_dummy(self):
        assert cache_config("dummy://")["default"]["BACKEND"] == (
            "django.core.cache.backends.dummy.DummyCache"
        )

    def test_unsupported_scheme_is_refused(self):
        with pytest.raises(ImproperlyConfigured, match="memcached"):
            cache_config("memcached://127.0.0.1:11211")


class TestEmailConfig:
    def test_console_when_unset(self):
        assert email_config("") == {
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
        }

    def test_smtp_with_tls(self):
        config = email_config(
            "smtp://pengirim%40etalase.id:p%40ss%2Fword@mail.example.id:587/?tls=1"
        )
        assert config == {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "mail.example.id",
            "EMAIL_PORT": 587,
            "EMAIL_HOST_USER": "pengirim@etalase.id",
            "EMAIL_HOST_PASSWORD": "p@ss/word",
            "EMAIL_USE_TLS": True,
            "EMAIL_USE_SSL": False,
        }

    def test_smtp_with_ssl_query(self):
        config = email_config("smtp://user:pw@mail.example.id/?ssl=true")
        assert config["EMAIL_USE_SSL"] is True
        assert config["EMAIL_USE_TLS"] is False
        assert config["EMAIL_PORT"] == 465

    def test_smtps_scheme_is_ssl(self):
        config = email_config("smtps://user:pw@mail.example.id")
        assert (config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (True, False)
        assert config["EMAIL_PORT"] == 465

    def test_ssl_wins_over_tls(self):
        config = email_config("smtp://mail.example.id/?tls=1&ssl=1")
        assert (config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (True, False)

    def test_submission_scheme_is_starttls_on_587(self):
        config = email_config("submission://user:pw@mail.example.id")
        assert (config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (False, True)
        assert config["EMAIL_PORT"] == 587

    def test_plain_smtp(self):
        config = email_config("smtp://localhost")
        assert config["EMAIL_PORT"] == 25
        assert config["EMAIL_HOST_USER"] == ""
        assert config["EMAIL_HOST_PASSWORD"] == ""
        assert (config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (False, False)

    def test_explicit_port_wins(self):
        assert email_config("smtps://mail.example.id:2465")["EMAIL_PORT"] == 2465

    @pytest.mark.parametrize(
        ("url", "backend"),
        [
            ("console://", "django.core.mail.backends.console.EmailBackend"),
            ("locmem://", "django.core.mail.backends.locmem.EmailBackend"),
        ],
    )
    def test_development_backends(self, url, backend):
        assert email_config(url) == {"EMAIL_BACKEND": backend}

    def test_unsupported_scheme_is_refused(self):
        with pytest.raises(ImproperlyConfigured, match="sendgrid"):
            email_config("sendgrid://key@api")
