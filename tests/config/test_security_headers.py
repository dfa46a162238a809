"""Security headers over HTTP, and production settings that `check --deploy` finds nothing in.

The public site's Content Security Policy allows no inline code at all; the templates are
scanned so that an inline script, style block, style attribute or event handler cannot come
back unnoticed (the browser test in tests/e2e/test_csp_browser.py checks the rendered pages).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from config.security import permissions_policy_header

ROOT = Path(__file__).resolve().parents[2]


def directives(header):
    """'default-src 'self'; img-src 'self' data:' -> {"default-src": ["'self'"], ...}."""
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.fixture
def home(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
    return response


@pytest.mark.django_db
class TestPublicPolicy:
    def test_strict_csp_on_a_public_page(self, home):
        header = home["Content-Security-Policy"]
        assert "unsafe-inline" not in header
        assert "unsafe-eval" not in header
        assert "nonce-" not in header
        policy = directives(header)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'", "https://checkout.stripe.com"]

    @pytest.mark.parametrize("path", ["/katalog/", "/cari/?q=batik", "/en/", "/tidak-ada/"])
    def test_every_public_response_has_it(self, client, site_tree, path):
        response = client.get(path)
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]

    def test_other_headers(self, home):
        assert home["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert home["X-Content-Type-Options"] == "nosniff"
        assert home["X-Frame-Options"] == "DENY"
        assert home["Cross-Origin-Opener-Policy"] == "same-origin"
        policy = home["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()"):
            assert feature in policy
        assert 'payment=(self "https://checkout.stripe.com")' in policy


@pytest.mark.django_db
class TestAdminPolicy:
    def test_admin_login_gets_the_relaxed_policy(self, client):
        response = client.get("/admin/login/")
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" in policy["script-src"]
        assert "'unsafe-inline'" in policy["style-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]

    def test_admin_dashboard_gets_the_relaxed_policy(self, superuser_client):
        response = superuser_client.get("/admin/")
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]

    def test_a_public_path_that_merely_contains_admin_is_strict(self, client, site_tree):
        response = client.get("/katalog/admin/")
        assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_permissions_policy_header_syntax():
    header = permissions_policy_header(
        {"camera": [], "payment": ["self", "https://checkout.stripe.com"], "fullscreen": ["*"]}
    )
    assert header == 'camera=(), payment=(self "https://checkout.stripe.com"), fullscreen=(*)'


# --- no inline code in the public templates ----------------------------------------------------

INLINE_PATTERNS = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>"),
    "<style> block": re.compile(r"<style\b"),
    "style attribute": re.compile(r"\sstyle\s*="),
    "event handler attribute": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def public_templates():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        relative = path.relative_to(ROOT / "templates")
        if "admin" in relative.parts or "email" in relative.parts:
            continue  # the admin has its own policy; emails are not web pages
        yield path


@pytest.mark.parametrize("path", list(public_templates()), ids=lambda p: p.name)
def test_public_templates_have_no_inline_code(path):
    text = path.read_text(encoding="utf-8")
    found = [name for name, pattern in INLINE_PATTERNS.items() if pattern.search(text)]
    assert not found, f"{path.relative_to(ROOT)}: {found}"


# --- production settings -------------------------------------------------------------------------


def run_production(*argv, **env):
    """Run our interpreter (`manage.py ...` or `-c code`) under production settings."""
    clean_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # Long and random enough for check --deploy (security.W009); never used elsewhere.
        "SECRET_KEY": "deploy-check-Zq8x!r2Lm#7vKp$4Tn@9wYc^3Hb&6Jd*0Fs(5Gu)1Ea",
        "ALLOWED_HOSTS": "etalase.example.id",
        **env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *argv],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_silent_under_production_settings():
    result = run_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_logs_are_json_lines():
    result = run_production(
        "-c",
        "import logging, django; django.setup(); "
        "logging.getLogger('etalase.test').warning('halo %s', 'dunia', extra={'ikm': 7})",
    )
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "etalase.test"
    assert entry["message"] == "halo dunia"
    assert entry["ikm"] == 7
    assert entry["time"].endswith("+00:00")


@pytest.mark.django_db
def test_healthz_is_the_only_path_exempt_from_the_https_redirect(client, settings, site_tree):
    result = run_production(
        "-c",
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_REDIRECT_EXEMPT]))",
    )
    assert result.returncode == 0, result.stderr
    redirect, exempt = json.loads(result.stdout.strip().splitlines()[-1])
    assert redirect is True
    settings.SECURE_SSL_REDIRECT, settings.SECURE_REDIRECT_EXEMPT = redirect, exempt
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz/").status_code == 301
