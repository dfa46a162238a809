#!/usr/bin/env python
"""`make bench`: the public pages of a 10,000-product catalog under load, cache off and on.

1. Builds (or reuses) the synthetic catalog (10,000 products, 500 IKM) on the database that
   DATABASE_URL names (`make bench` defaults it to bench.sqlite3) and collects the hashed
   static files.
2. Measures in-process, with Django's test client: SQL queries and HTML size of each page.
3. Serves the site with gunicorn (2 sync workers) on a free 127.0.0.1 port with production
   settings (config/settings/bench.py: DEBUG off, hashed static, a bare view for the ceiling),
   in three modes (MODES): "cache off" (no page cache, no card cache), "cards" (no page cache,
   product cards cached: catalog/cards.py) and "cache on" (both, as in production), and loads
   each page at concurrency 8 with wrk (Debian package; a Python threaded client when wrk is
   missing: scripts/bench_load.py), and "churn" (scripts/bench_churn.py). Each page gets
   --runs runs of --seconds seconds; the table shows the median of the runs.
4. Prints a table and writes the figures as JSON (--json). It reports; it never fails on a time.

Targets (README, "Performance") are printed next to the figures.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from bench_load import BASE_DIR, CONCURRENCY, WORKERS, gunicorn, pick_client, warm

sys.path.insert(0, str(BASE_DIR))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'bench.sqlite3'}")
SEARCHES = ["batik", "kursi rotan", "sirup pala"]


def setup_django():
    import django

    django.setup()


def ensure_catalog(products, vendors):
    from django.core.management import call_command

    from catalog.models import ProductPage

    call_command("migrate", interactive=False, verbosity=0)
    existing = ProductPage.objects.live().count()
    if existing < products:
        print(f"Building the synthetic catalog ({existing} products now)...", flush=True)
        call_command("load_demo_catalog", products=products, vendors=vendors, verbosity=1)
    call_command("collectstatic", interactive=False, verbosity=0)
    return ProductPage.objects.live().count()


def pick_pages():
    """The pages to measure: (label, path)."""
    from catalog.models import ProductPage, VendorPage

    product = ProductPage.visible().order_by("pk").select_related("category__parent").first()
    vendor = VendorPage.objects.live().get(pk=product.vendor_id)
    category = product.category.parent or product.category
    pages = [
        ("home", "/"),
        ("catalog p1", "/katalog/"),
        ("catalog p50", "/katalog/?halaman=50"),
        ("category", f"/katalog/{category.slug}/"),
        ("product", product.url),
        ("IKM page", vendor.url),
    ]
    pages += [(f"search: {text}", f"/cari/?q={text.replace(' ', '+')}") for text in SEARCHES]
    pages += [("autocomplete", "/cari/saran/?q=bat"), ("bare view", "/bench/bare/")]
    return pages


# --modes name: (label, PAGE_CACHE_SECONDS, CARD_CACHE_SECONDS); "churn" (scripts/bench_churn.py)
# loads a mix of pages with the caches on, without and with a product published every 5 s.
MODES = {
    "off": ("cache off", 0, 0),
    "cards": ("cards", 0, 600),
    "on": ("cache on", 600, 600),
    "churn": ("churn", 600, 600),
}


def measure_in_process(pages):
    """SQL queries, body size and CPU time of each page on warm requests, page cache off: with
    nothing cached (`cpu_ms`, `sql_queries`) and with the product cards cached (`*_cards`).

    CPU time (this process, SQLite included) hardly depends on what else the machine runs, so
    2 cores x 1000 / cpu_ms estimates what two idle cores could serve.
    """
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()
    figures = {}
    executed = []

    def count(execute, sql, params, many, context):
        # Not CaptureQueriesContext: with DEBUG off its log comes back empty around a request.
        executed.append(sql)
        return execute(sql, params, many, context)

    for suffix, card_seconds in (("", 0), ("_cards", 600)):
        with override_settings(PAGE_CACHE_SECONDS=0, CARD_CACHE_SECONDS=card_seconds):
            for label, path in pages:
                client.get(path)  # renditions, Wagtail's and the search service's caches
                executed.clear()
                with connection.execute_wrapper(count):
                    response = client.get(path)
                started = time.process_time()
                for _ in range(5):
                    client.get(path)
                cpu_ms = (time.process_time() - started) * 1000 / 5
                figures.setdefault(label, {}).update(
                    {
                        "status": response.status_code,
                        f"sql_queries{suffix}": len(executed),
                        "html_bytes": len(response.content),
                        f"cpu_ms{suffix}": round(cpu_ms, 1),
                    }
                )
    return figures


def measure_load(base_url, pages, seconds, runs, load):
    figures = {}
    for label, path in pages:
        warm(base_url, [path], times=WORKERS * 2)  # every worker (renditions, caches)
        samples = [load(base_url, [path], seconds) for _ in range(runs)]
        figures[label] = {
            "rps": round(statistics.median(s["rps"] for s in samples), 1),
            "p50_ms": round(statistics.median(s["p50_ms"] for s in samples), 1),
            "p95_ms": round(statistics.median(s["p95_ms"] for s in samples), 1),
            "errors": sum(s["errors"] for s in samples),
            "runs_rps": [round(s["rps"], 1) for s in samples],
        }
        print(
            f"  {label:<22} {figures[label]['rps']:>8.1f} req/s  p50 "
            f"{figures[label]['p50_ms']:>6.1f} ms  p95 {figures[label]['p95_ms']:>6.1f} ms",
            flush=True,
        )
    return figures


def targets(rows, churn=None):
    """The README's targets, checked against this run (reported, never enforced)."""
    result = []
    if churn:
        result += [
            ("churn keeps >= 80% of the quiet throughput", churn["throughput_kept"], 0.8),
            ("cached mix p99 under churn < 50 ms", churn["churn"]["p99_ms"], -50),
        ]
    if "cache off" in rows:
        off = rows["cache off"]
        result += [
            ("uncached catalog listing >= 400 req/s", off["catalog p1"]["rps"], 400),
            ("uncached product page >= 300 req/s", off["product"]["rps"], 300),
        ]
        searches = [label for label in off if label.startswith("search")]
        result += [(f"{label} p95 <= 60 ms", off[label]["p95_ms"], -60) for label in searches]
    if "cards" in rows:
        cards = rows["cards"]
        result += [
            (
                "catalog listing, page cache off, cards cached >= 400 req/s",
                cards["catalog p1"]["rps"],
                400,
            ),
            (
                "product page, page cache off, cards cached >= 300 req/s",
                cards["product"]["rps"],
                300,
            ),
        ]
    if "cache on" in rows:
        on = rows["cache on"]
        half = on["bare view"]["rps"] / 2
        cached = ["home", "catalog p1", "catalog p50", "category", "product", "IKM page"]
        result += [
            (f"cached {label} >= half the bare view ({half:.0f} req/s)", on[label]["rps"], half)
            for label in cached
        ]
    checked = []
    for name, value, bound in result:
        met = value <= -bound if bound < 0 else value >= bound
        checked.append({"target": name, "measured": value, "met": met})
    return checked


def print_table(pages, in_process, rows):
    header = (
        f"{'page':<22} {'SQL':>4} {'KiB':>6} {'CPU ms':>6} {'cards':>5} "
        f"| {'off req/s':>9} {'p50':>6} {'p95':>6} "
        f"| {'cards r/s':>9} {'p50':>6} {'p95':>6} "
        f"| {'on req/s':>9} {'p50':>6} {'p95':>6} | {'on/bare':>7}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    empty = {"rps": 0.0, "p50_ms": 0.0, "p95_ms": 0.0}
    bare = rows.get("cache on", {}).get("bare view", {"rps": 1.0})["rps"]
    for label, _path in pages:
        cells = []
        for name in ("off", "cards", "on"):
            row = rows.get(MODES[name][0], {}).get(label, empty)
            cells.append(f"{row['rps']:>9.1f} {row['p50_ms']:>6.1f} {row['p95_ms']:>6.1f}")
        on = rows.get("cache on", {}).get(label, empty)
        static = in_process[label]
        print(
            f"{label:<22} {static['sql_queries']:>4} {static['html_bytes'] / 1024:>6.1f} "
            f"{static['cpu_ms']:>6.1f} {static['cpu_ms_cards']:>5.1f} | "
            + " | ".join(cells)
            + f" | {on['rps'] / bare:>7.2f}"
        )
    print(
        "(p50/p95 in ms; SQL, KiB and CPU ms per request measured in-process with the page cache"
        " off, warm: CPU ms with nothing cached, cards with the product cards cached)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--vendors", type=int, default=500)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 6)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--json", metavar="FILE", default="bench.json")
    parser.add_argument(
        "--churn-rounds",
        type=int,
        default=int(os.environ.get("BENCH_CHURN_ROUNDS", 2)),
        help="Rounds of the churn mode (each: the mix quiet, then with publishing).",
    )
    parser.add_argument(
        "--modes",
        default=",".join(MODES),
        help=f"Comma-separated modes to measure, of: {', '.join(MODES)}.",
    )
    options = parser.parse_args()

    setup_django()
    from bench_churn import measure_churn
    from django.conf import settings
    from django.db import connection

    total = ensure_catalog(options.products, options.vendors)
    pages = pick_pages()
    print(f"Catalog: {total} live products on {connection.vendor}.", flush=True)
    modes = options.modes.split(",")
    # The churn mode alone needs no per-page figures.
    in_process = measure_in_process(pages) if set(modes) - {"churn"} else {}
    connection.close()

    load, client = pick_client(options.client)
    print(
        f"Load: {client}, concurrency {CONCURRENCY}, gunicorn {WORKERS} sync workers, "
        f"{options.runs} x {options.seconds} s per page (median).",
        flush=True,
    )
    load_before = os.getloadavg()
    rows, churn = {}, None
    for name in modes:
        if name not in MODES:
            parser.error(f"unknown mode {name!r}: choose from {', '.join(MODES)}")
        mode, page_seconds, card_seconds = MODES[name]
        print(f"\n{mode}", flush=True)
        with gunicorn(page_seconds, card_seconds) as base_url:
            if name == "churn":
                churn = measure_churn(
                    base_url, max(options.seconds, 20), options.client, options.churn_rounds
                )
                continue
            rows[mode] = measure_load(base_url, pages, options.seconds, options.runs, load)

    if rows:
        print_table(pages, in_process, rows)
    checked = targets(rows, churn)
    print("\nTargets (reported, never enforced):")
    for item in checked:
        print(f"  [{'met' if item['met'] else 'MISSED'}] {item['target']}: {item['measured']}")
    figures = {
        "database": connection.vendor,
        "products": total,
        "client": client,
        "concurrency": CONCURRENCY,
        "gunicorn_workers": WORKERS,
        "seconds_per_run": options.seconds,
        "runs": options.runs,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": [round(v, 2) for v in load_before],
            "load_average_after": [round(v, 2) for v in os.getloadavg()],
        },
        "pages": {
            label: {"path": path, **in_process[label], **{m: rows[m][label] for m in rows}}
            for label, path in pages
            if label in in_process
        },
        "targets": checked,
        "churn": churn,
        "cache": settings.CACHES["default"]["BACKEND"],
    }
    Path(options.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(
        f"\nFigures written to {options.json}. Load average before/after: "
        f"{figures['machine']['load_average_before']} / "
        f"{figures['machine']['load_average_after']}"
    )


if __name__ == "__main__":
    main()
