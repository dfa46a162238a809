"""`make bench` churn mode: cached throughput while owners publish (scripts/bench.py --modes).

The load is a mix of the pages buyers open most (the catalog and its first pages, category
pages, product pages and IKM pages, drawn at random from a few hundred URLs of the catalog),
at concurrency 8 against gunicorn with the page and card caches on. It runs twice: with nothing
changing, then with one product published every PUBLISH_EVERY seconds by this process (a new
revision of a random product, as an owner's edit), so the purges go through the same shared
cache the workers read. Each run reports throughput, the page cache's hit ratio (from the
X-Page-Cache header) and p50/p90/p99 latency; the comparison is the figure of the issue:
churn keeps at least 80% of the throughput and a p99 under 50 ms.

The client is wrk with scripts/wrk-mix.lua when wrk is installed (Debian package), else
Python threads with keep-alive connections.
"""

import http.client
import json
import random
import shutil
import subprocess  # nosec B404: runs wrk
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

CONCURRENCY = 8
PUBLISH_EVERY = 5.0
WRK_MIX = Path(__file__).resolve().parent / "wrk-mix.lua"


def mix_paths(products=200, vendors=50, categories=12, seed=7):
    """The URLs of the mix: weighted like a buyer's session (more products than listings)."""
    from catalog.models import Category, ProductPage, VendorPage

    rng = random.Random(seed)  # noqa: S311  # nosec B311: a benchmark's sample, not a secret
    product_urls = [p.url for p in ProductPage.visible().order_by("?")[:products]]
    vendor_urls = [v.url for v in VendorPage.objects.live().order_by("?")[:vendors]]
    category_urls = [f"/katalog/{c.slug}/" for c in Category.objects.all()[:categories]]
    catalog_urls = ["/katalog/", "/katalog/?halaman=2", "/katalog/?halaman=3", "/"]
    paths = product_urls * 4 + vendor_urls * 2 + category_urls * 3 + catalog_urls * 5
    rng.shuffle(paths)
    return paths


class Publisher(threading.Thread):
    """Publishes a new revision of a random live product every `every` seconds."""

    def __init__(self, every=PUBLISH_EVERY):
        super().__init__(daemon=True)
        self.every = every
        self.stopped = threading.Event()
        self.published = 0

    def run(self):
        from django.db import connection

        from catalog.models import ProductPage

        ids = list(ProductPage.visible().values_list("pk", flat=True))
        rng = random.Random(11)  # noqa: S311  # nosec B311: a benchmark's sample
        while not self.stopped.wait(self.every):
            product = ProductPage.objects.get(pk=rng.choice(ids))
            product.price = (product.price or 100_000) + 1_000
            product.save_revision().publish()
            self.published += 1
        connection.close()

    def stop(self):
        self.stopped.set()
        self.join(timeout=30)


def load_wrk(base_url, paths, seconds):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths))
    output = subprocess.run(  # noqa: S603
        [  # noqa: S607 (wrk from PATH: the Debian package)
            "wrk",
            "-t2",
            f"-c{CONCURRENCY}",
            f"-d{seconds}s",
            "--timeout=10s",
            "-s",
            str(WRK_MIX),
            base_url,
            "--",
            listing.name,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(listing.name).unlink()
    data = json.loads(output.strip().splitlines()[-1])
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "hit_ratio": data["hits"] / max(1, data["requests"]),
        "p50_ms": data["p50_us"] / 1000,
        "p90_ms": data["p90_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "errors": data["socket_errors"] + data["non_2xx"],
    }


def load_python(base_url, paths, seconds):
    parts = urlsplit(base_url)
    latencies, hits, errors = [], [], []
    stop = time.monotonic() + seconds

    def worker(offset):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        index = offset
        while time.monotonic() < stop:
            path = paths[index % len(paths)]
            index += CONCURRENCY
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors.append(1)
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            latencies.append(time.perf_counter() - started)
            hits.append(response.getheader("X-Page-Cache") == "hit")
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

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000

    return {
        "rps": len(latencies) / elapsed,
        "hit_ratio": sum(hits) / max(1, len(hits)),
        "p50_ms": percentile(0.50),
        "p90_ms": percentile(0.90),
        "p99_ms": percentile(0.99),
        "errors": len(errors),
    }


def measure_churn(base_url, seconds, client="auto"):
    """The mix without and with publishing; returns both runs and the comparison."""
    use_wrk = client == "wrk" or (client == "auto" and shutil.which("wrk"))
    load = load_wrk if use_wrk else load_python
    paths = mix_paths()
    # Warm-up: every URL once, so both runs start from the same cache.
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    for path in dict.fromkeys(paths):
        conn.request("GET", path)
        conn.getresponse().read()
    conn.close()
    quiet = load(base_url, paths, seconds)
    publisher = Publisher()
    publisher.start()
    try:
        churn = load(base_url, paths, seconds)
    finally:
        publisher.stop()
    result = {
        "client": "wrk" if use_wrk else "python threads",
        "urls": len(set(paths)),
        "publish_every_s": PUBLISH_EVERY,
        "published": publisher.published,
        "quiet": {k: round(v, 3) for k, v in quiet.items()},
        "churn": {k: round(v, 3) for k, v in churn.items()},
    }
    result["throughput_kept"] = round(churn["rps"] / max(quiet["rps"], 1e-9), 3)
    for label in ("quiet", "churn"):
        run = result[label]
        print(
            f"  {label:<6} {run['rps']:>8.1f} req/s  hits {run['hit_ratio'] * 100:5.1f}%  "
            f"p50 {run['p50_ms']:6.1f}  p90 {run['p90_ms']:6.1f}  p99 {run['p99_ms']:6.1f} ms  "
            f"errors {int(run['errors'])}",
            flush=True,
        )
    print(
        f"  churn keeps {result['throughput_kept'] * 100:.0f}% of the quiet throughput "
        f"({publisher.published} publishes; target: >= 80%, p99 < 50 ms)",
        flush=True,
    )
    return result
