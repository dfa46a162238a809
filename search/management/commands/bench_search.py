"""Search latency on a large catalog, per engine: `manage.py bench_search`.

Builds (or tops up) the synthetic catalog, then runs a fixed set of queries and filters through
the search service, and prints p50 and p95 latency and the SQL queries each search costs. It is
a benchmark, not a test: it reports figures and never fails on a time.

With `--osmem` it also starts an osmem-server (the in-memory Elasticsearch used in tests),
indexes the catalog into it and measures the Elasticsearch engine the same way; with
`--elasticsearch URL` it measures a real cluster instead.
"""

import json
import statistics
import time
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

from catalog.models import ProductPage
from search.query import CatalogQuery
from search.service import Linker, reset_engine_cache, search_catalog

QUERIES = [
    ("text: batik", {"q": "batik"}),
    ("text: kursi rotan", {"q": "kursi rotan"}),
    ("text: sirup pala", {"q": "sirup pala"}),
    ("typo: btik", {"q": "btik"}),
    ("filter: kategori", {"kategori": "batik"}),
    ("filter: wilayah + harga", {"wilayah": "kota-cirebon", "harga_max": "200000"}),
    ("text + filters + sort", {"q": "batik", "ketersediaan": "ready", "urut": "price_asc"}),
    ("listing page 50", {"urut": "newest", "halaman": "50"}),
]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = "Measure search latency (p50/p95) and SQL queries per search on each engine."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=10_000)
        parser.add_argument("--vendors", type=int, default=500)
        parser.add_argument("--runs", type=int, default=30, help="Timed runs per query.")
        parser.add_argument("--osmem", action="store_true", help="Also measure osmem-server.")
        parser.add_argument("--elasticsearch", metavar="URL", help="Also measure this cluster.")
        parser.add_argument("--json", metavar="FILE", help="Write the figures to FILE too.")

    def handle(self, *args, **options):
        translation.activate("id")
        existing = ProductPage.objects.live().count()
        if existing < options["products"]:
            self.stdout.write(f"Building the synthetic catalog ({existing} products now)…")
            call_command(
                "load_demo_catalog",
                products=options["products"],
                vendors=options["vendors"],
                verbosity=1,
            )
        total = ProductPage.objects.live().count()
        self.stdout.write(f"Catalog: {total} live products on {connection.vendor}.\n")

        figures = {"products": total, "database": connection.vendor, "engines": {}}
        figures["engines"]["database"] = self.measure("database", options["runs"])
        if options["elasticsearch"]:
            with self.elasticsearch(options["elasticsearch"], compat=False):
                figures["engines"]["elasticsearch"] = self.measure("elasticsearch", options["runs"])
        if options["osmem"]:
            with self.osmem() as url, self.elasticsearch(url, compat=True):
                figures["engines"]["osmem"] = self.measure("osmem", options["runs"])
        if options["json"]:
            with open(options["json"], "w", encoding="utf-8") as handle:
                json.dump(figures, handle, indent=2)
            self.stdout.write(f"Figures written to {options['json']}")

    def measure(self, engine_name, runs):
        rows = []
        linker = Linker("/cari/")
        self.stdout.write(
            f"\n{engine_name}\n{'query':<28} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>5} {'hits':>7}"
        )
        for label, params in QUERIES:
            query = CatalogQuery.from_params(params)
            search_catalog(query, linker)  # warm caches (taxonomy, vocabulary, synonyms)
            # A full query log (9,000 entries, e.g. after building the catalog) counts nothing.
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                result = search_catalog(query, linker)
            timings = []
            for _run in range(runs):
                start = time.perf_counter()
                search_catalog(query, linker)
                timings.append((time.perf_counter() - start) * 1000)
            row = {
                "query": label,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(percentile(timings, 0.95), 1),
                "sql_queries": len(captured.captured_queries),
                "total": result.total,
                "engine": result.engine,
            }
            rows.append(row)
            self.stdout.write(
                f"{label:<28} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['sql_queries']:>5} "
                f"{row['total']:>7}"
            )
        return rows

    @contextmanager
    def elasticsearch(self, url, compat):
        with override_settings(
            ELASTICSEARCH_URL=url,
            SEARCH_ES_COMPAT_HEADERS=compat,
            SEARCH_LANGUAGE_ANALYSIS=not compat,
            SEARCH_TIMEOUT_SECONDS=10,
        ):
            from search.indexing import rebuild_index, reset_client_cache

            reset_engine_cache()
            reset_client_cache()
            started = time.perf_counter()
            rebuild_index()
            self.stdout.write(f"\nIndexed into {url} in {time.perf_counter() - started:.1f} s")
            try:
                yield
            finally:
                reset_engine_cache()
                reset_client_cache()

    @contextmanager
    def osmem(self):
        from osmem_server import OsmemServer

        server = OsmemServer.start()
        try:
            yield server.url
        finally:
            server.close()
