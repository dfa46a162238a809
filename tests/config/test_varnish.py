"""Varnish (Debian's package, with varnish-modules' xkey) in front of gunicorn, as in production.

The test starts both on loopback ports: gunicorn with production settings over plain HTTP
(config.settings.bench) on a fresh SQLite catalog, and varnishd with the shipped
config/varnish/etalase.vcl pointed at it. It proves that Varnish serves cached pages itself,
that a publish purges exactly the pages tagged with what changed (through the app's
XkeyBackend, by tag), and that logged-in visitors and POSTs go through to the app.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess  # nosec B404: starts our own servers
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
VARNISHD = "/usr/sbin/varnishd"
VCL = BASE_DIR / "config" / "varnish" / "etalase.vcl"

pytestmark = pytest.mark.varnish


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def xkey_module_installed():
    return any(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so"))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not (Path(VARNISHD).exists() and xkey_module_installed()):
        message = "varnishd and varnish-modules are not installed (make browser installs them)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("varnish")
    app_port, varnish_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "CACHE_URL": f"disk://{work / 'cache'}",
        "VARNISH_URL": f"http://127.0.0.1:{varnish_port}",
        "TASKS_BACKEND": "immediate",
        "PAGE_CACHE_SECONDS": "600",
        "CARD_CACHE_SECONDS": "600",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)

    def manage(*args):
        return subprocess.run(  # noqa: S603  # nosec B603: our own interpreter and commands
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")
    manage("load_demo_catalog", "--products", "24", "--vendors", "3", "-v", "0")
    vcl = work / "etalase.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{app_port}";'))
    gunicorn = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{app_port}",
            "--log-level=warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    varnish = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            VARNISHD,
            "-F",
            "-j",
            "none",
            "-n",
            str(work / "varnish"),
            "-a",
            f"127.0.0.1:{varnish_port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,64m",
        ],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{app_port}/healthz")
        wait_for(f"http://127.0.0.1:{varnish_port}/healthz")
        yield {"url": f"http://127.0.0.1:{varnish_port}", "manage": manage}
    finally:
        for process in (varnish, gunicorn):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=2),  # noqa: S310  # nosec B310: loopback
        ):
            return
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def get(url, method="GET", headers=None, data=None):
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=data)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  # nosec B310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def page_urls(stack):
    """Two products of two different IKM, their IKM pages, and the catalog."""
    script = (
        "from catalog.models import ProductPage as P;"
        "a = P.objects.live().order_by('pk').first();"
        "b = P.objects.live().exclude(vendor=a.vendor).exclude(category=a.category)"
        ".order_by('pk').first();"
        "print('URLS', a.pk, a.url, a.vendor.url, b.url, b.vendor.url)"
    )
    output = stack["manage"]("shell", "-c", script)
    line = next(line for line in output.splitlines() if line.startswith("URLS "))
    pk, *urls = line.split()[1:]
    return int(pk), dict(zip(["product", "ikm", "other product", "other ikm"], urls, strict=True))


def cache_state(stack, path, **kwargs):
    status, headers, body = get(stack["url"] + path, **kwargs)
    assert status == 200, (path, status)
    return headers.get("X-Cache"), headers, body


def test_varnish_serves_pages_and_a_publish_purges_exactly_the_tagged_ones(stack):
    pk, urls = page_urls(stack)
    urls["catalog"] = "/katalog/"
    for path in urls.values():
        cache_state(stack, path)
        state, headers, _ = cache_state(stack, path)
        assert state == "HIT", path
        assert int(headers.get("Age", "0")) >= 0
        assert "xkey" not in {name.lower() for name in headers}  # the tags stay in Varnish

    stack["manage"](
        "shell",
        "-c",
        "from catalog.models import ProductPage as P;"
        f"p = P.objects.get(pk={pk}); p.title = 'Judul Baru Varnish';"
        "p.save_revision().publish()",
    )
    states = {name: cache_state(stack, path)[0] for name, path in urls.items()}
    assert states == {
        "product": "MISS",
        "ikm": "MISS",
        "catalog": "MISS",
        "other product": "HIT",
        "other ikm": "HIT",
    }
    assert "Judul Baru Varnish" in cache_state(stack, urls["product"])[2]


def test_logged_in_visitors_and_posts_go_through_to_the_app(stack):
    _pk, urls = page_urls(stack)
    cache_state(stack, urls["product"])
    assert cache_state(stack, urls["product"])[0] == "HIT"
    session = stack["manage"](
        "shell",
        "-c",
        "from django.contrib.sessions.backends.db import SessionStore;"
        "from catalog.models import User;"
        "u = User.objects.create_user('editor.varnish', password='x-Varnish-2026');"
        "s = SessionStore(); s['_auth_user_id'] = str(u.pk);"
        "s['_auth_user_backend'] = 'django.contrib.auth.backends.ModelBackend';"
        "s['_auth_user_hash'] = u.get_session_auth_hash(); s.create();"
        "print('SESSION', s.session_key)",
    )
    session = next(line for line in session.splitlines() if line.startswith("SESSION ")).split()[1]
    cookie = {"Cookie": f"sessionid={session}"}
    for _ in range(2):
        state, headers, _body = cache_state(stack, urls["product"], headers=cookie)
        assert state == "MISS"
        assert "s-maxage" not in headers.get("Cache-Control", "")
    status, headers, _body = get(stack["url"] + urls["product"], method="POST", data=b"x=1")
    assert headers.get("X-Cache") == "MISS"
    assert status != 200  # the app answered the POST (refused: no CSRF token), not the cache


def test_only_the_app_may_purge(stack):
    status, _headers, _body = get(
        stack["url"] + "/", method="PURGE", headers={"xkey-purge": "site"}
    )
    assert status == 200  # from 127.0.0.1, the app's own host (the ACL of the VCL)
