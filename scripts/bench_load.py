"""The load of `make bench` (scripts/bench.py and its churn mode, scripts/bench_churn.py).

The site runs under gunicorn (WORKERS sync workers) on a free 127.0.0.1 port, and a client at
CONCURRENCY connections GETs a list of paths in turn (one path for a page's own figure, a mix
for the churn mode). It reports throughput, the page cache's hit ratio (the X-Page-Cache
header: fresh hits, and stale copies served while another request renders) and p50/p90/p95/p99
latency. The client is wrk with scripts/wrk-mix.lua when wrk is
installed (Debian package), else Python threads with keep-alive connections.
"""

import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess  # nosec B404: runs gunicorn and wrk
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
CONCURRENCY = 8
WORKERS = 2
WRK_SCRIPT = BASE_DIR / "scripts" / "wrk-mix.lua"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(page_cache_seconds, card_cache_seconds):
    """The site under gunicorn with these cache lifetimes; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "CARD_CACHE_SECONDS": str(card_cache_seconds),
        "LOG_LEVEL": "WARNING",
    }
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "config.wsgi",
        f"--workers={WORKERS}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
        "--backlog=256",
    ]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env, start_new_session=True)  # noqa: S603
    try:
        wait_until_up(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def wait_until_up(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if fetch(f"http://127.0.0.1:{port}", "/bench/bare/").status == 200:
                return
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{port} within {timeout} s")


def fetch(base_url, path, connection=None, timeout=30):
    """GET `path`; the response, its body read (on `connection` when given, kept open)."""
    parts = urlsplit(base_url)
    conn = connection or http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    conn.request("GET", path, headers={"Host": parts.netloc})
    response = conn.getresponse()
    response.read()
    if connection is None:
        conn.close()
    return response


def warm(base_url, paths, times=1):
    """GET each distinct path `times` times (renditions, caches, every worker)."""
    for path in dict.fromkeys(paths):
        for _ in range(times):
            try:
                fetch(base_url, path, timeout=120)
            except (OSError, http.client.HTTPException) as error:
                print(f"  {path}: warm-up request failed ({error!r})", flush=True)


def pick_client(choice="auto"):
    """(the load function, its description) for --client auto|wrk|python."""
    if choice == "wrk" or (choice == "auto" and shutil.which("wrk")):
        return load_wrk, "wrk (2 threads)"
    return load_python, "python threads (keep-alive)"


def load_wrk(base_url, paths, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths))
    try:
        output = subprocess.run(  # noqa: S603
            [  # noqa: S607 (wrk from PATH: the Debian package)
                "wrk",
                "-t2",
                f"-c{CONCURRENCY}",
                f"-d{seconds}s",
                "--timeout=10s",
                "-s",
                str(WRK_SCRIPT),
                base_url,
                "--",
                listing.name,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        Path(listing.name).unlink()
    data = json.loads(output.strip().splitlines()[-1])
    figures = {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "hit_ratio": data["hits"] / max(1, data["requests"]),
        "stale_ratio": data["stale"] / max(1, data["requests"]),
        "errors": data["socket_errors"] + data["non_2xx"],
    }
    figures.update({f"p{p}_ms": data[f"p{p}_us"] / 1000 for p in (50, 90, 95, 99)})
    return figures


def load_python(base_url, paths, seconds):
    """CONCURRENCY threads, each a keep-alive connection, taking `paths` in turn."""
    parts = urlsplit(base_url)
    latencies, states, errors = [], [], []
    stop = time.monotonic() + seconds

    def worker(offset):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        index = offset
        while time.monotonic() < stop:
            path = paths[index % len(paths)]
            index += CONCURRENCY
            started = time.perf_counter()
            try:
                response = fetch(base_url, path, conn)
            except (OSError, http.client.HTTPException):
                errors.append(1)
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            latencies.append(time.perf_counter() - started)
            states.append(response.getheader("X-Page-Cache"))
            if response.status != 200:
                errors.append(response.status)
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONCURRENCY)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies) or [0.0]
    figures = {
        "rps": len(latencies) / elapsed,
        "hit_ratio": states.count("hit") / max(1, len(states)),
        "stale_ratio": states.count("stale") / max(1, len(states)),
        "errors": len(errors),
    }
    for p in (50, 90, 95, 99):
        figures[f"p{p}_ms"] = ordered[min(len(ordered) - 1, len(ordered) * p // 100)] * 1000
    return figures
