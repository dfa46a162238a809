#!/usr/bin/env python
"""Does a page's cost grow with the catalog? The database engine at 10,000 and 50,000 products.

Builds (or reuses) two synthetic catalogs on SQLite, 10,000 products / 500 IKM (the bench
catalog, bench.sqlite3) and 50,000 / 2,500 (bench-50k.sqlite3, about the number of IKM products
of the Cirebon area; `load_demo_catalog`'s bulk path, a few minutes), then measures, with
scripts/cpu_per_request.py (Django's test client, CPU per request after warm-up, the median),
the uncached catalog listing, a category page and a common-word search with every cache off
(page, cards, search answers). Prints both figures and the 50,000/10,000 ratio; the target is
at most 2. `make bench` runs it after the load test (BENCH_SCALE=0 skips it).

    .venv/bin/python scripts/bench_scale.py [--json bench-scale.json]
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MEASURE = BASE_DIR / "scripts" / "cpu_per_request.py"
SIZES = [
    (10_000, 500, BASE_DIR / "bench.sqlite3"),
    (50_000, 2_500, BASE_DIR / "bench-50k.sqlite3"),
]
PAGES = [
    ("catalog listing", "/katalog/"),
    ("category page", None),
    ('search "batik"', "/cari/?q=batik"),
]
CATEGORY = "batik"  # the synthetic catalog's largest category


def env_for(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "DATABASE_URL": f"sqlite:///{database}",
        "PAGE_CACHE_SECONDS": "0",
        "CARD_CACHE_SECONDS": "0",
        "SEARCH_RESULT_CACHE_SECONDS": "0",
        "CACHE_URL": "locmem://",
    }


def manage(database, *args):
    subprocess.run(  # noqa: S603 - this venv or bakerydemo's, fixed arguments
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env_for(database), check=True
    )


def ensure(products, vendors, database):
    manage(database, "migrate", "--no-input", "-v", "0")
    code = (
        "import django;django.setup();"
        "from catalog.models import ProductPage as P;print(P.objects.live().count())"
    )
    out = subprocess.run(  # noqa: S603 - this venv or bakerydemo's, fixed arguments
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env_for(database),
        check=True,
        capture_output=True,
    )
    have = int(out.stdout.decode().split()[-1])
    if have < products:
        print(f"Building {products} products in {database.name} ({have} now)...", flush=True)
        manage(
            database, "load_demo_catalog", "--products", str(products), "--vendors", str(vendors)
        )
    manage(database, "collectstatic", "--no-input", "-v", "0")


def measure(database, rounds):
    paths = [path or f"/katalog/{CATEGORY}/" for _, path in PAGES]
    out = subprocess.run(  # noqa: S603 - this venv or bakerydemo's, fixed arguments
        [sys.executable, str(MEASURE), "--rounds", str(rounds), *paths],
        cwd=BASE_DIR,
        env=env_for(database),
        check=True,
        capture_output=True,
    )
    got = json.loads(out.stdout.decode().strip().splitlines()[-1])
    return {label: got[path] for (label, _), path in zip(PAGES, paths, strict=True)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--json", default="bench-scale.json")
    options = parser.parse_args()
    figures = {}
    for products, vendors, database in SIZES:
        ensure(products, vendors, database)
    # Interleaved twice, so both sizes see the same machine.
    for _ in range(2):
        for products, _vendors, database in SIZES:
            for label, got in measure(database, options.rounds).items():
                figures.setdefault(label, {}).setdefault(products, []).append(got)
    print("\nDatabase engine, SQLite, every cache off: CPU ms per request (SQL queries)")
    print(f"  {'page':18} {'10,000':>14} {'50,000':>14}  ratio (target <= 2)")
    table = {}
    for label, by_size in figures.items():
        small, large = (min(r["cpu_ms"] for r in by_size[n]) for n, _, _ in SIZES)
        queries = [by_size[n][-1]["queries"] for n, _, _ in SIZES]
        ratio = large / small
        table[label] = {
            "10000": small,
            "50000": large,
            "ratio": round(ratio, 2),
            "queries": queries,
        }
        print(
            f"  {label:18} {small:8.1f} ({queries[0]:2}) {large:8.1f} ({queries[1]:2})  "
            f"{ratio:.2f} {'met' if ratio <= 2 else 'MISSED'}"
        )
    Path(options.json).write_text(json.dumps(table, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
