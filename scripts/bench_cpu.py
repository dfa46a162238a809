#!/usr/bin/env python
"""CPU per uncached request, our site against bakerydemo, measured back to back.

Runs scripts/cpu_per_request.py (Django's test client, CPU time of the process around each
request after warm-up, the median) once per site and round, alternating the sites, each under
its own venv and settings: our site with every cache off (page, cards, search answers) on the
10,000-product bench catalog; bakerydemo on its 2,000-bread database as
../shared/bakerydemo-bench/HOWTO.md sets it up under PERF_ROOT. Prints each page's median over
the rounds and our/bakerydemo ratios; the machine is shared, so only the ratios measured in one
run mean much.

    PERF_ROOT=/path/to/perfroot DATABASE_URL=sqlite:///.../bench.sqlite3 \
        .venv/bin/python scripts/bench_cpu.py [--rounds 3] [--json bench-cpu.json]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MEASURE = BASE_DIR / "scripts" / "cpu_per_request.py"
# (our page, bakerydemo's page it is compared with)
PAIRS = [("listing", "catalog", "/breads/"), ("detail", "product", "/breads/anadama-bread/")]
EXTRA_OURS = ["home", "category", "IKM page"]


def our_pages():
    """Paths of our measured pages on the bench catalog (the same as scripts/bench.py)."""
    code = (
        "import django,json;django.setup();"
        "from catalog.models import ProductPage, VendorPage;"
        "p=ProductPage.visible().order_by('pk').select_related('category__parent').first();"
        "v=VendorPage.objects.get(pk=p.vendor_id);c=p.category.parent or p.category;"
        "print(json.dumps({'home':'/','catalog':'/katalog/','category':f'/katalog/{c.slug}/',"
        "'product':p.url,'IKM page':v.url}))"
    )
    out = subprocess.run(  # noqa: S603 - this venv or bakerydemo's, fixed arguments
        [sys.executable, "-c", code], env=our_env(), cwd=BASE_DIR, check=True, capture_output=True
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def our_env():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "PAGE_CACHE_SECONDS": "0",
        "CARD_CACHE_SECONDS": "0",
        "SEARCH_RESULT_CACHE_SECONDS": "0",
        "CACHE_URL": "locmem://",
    }


def bakery_env(root):
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="perf_settings",
        PYTHONPATH=str(root / "perfsite"),
        DJANGO_SECRET_KEY="perf-baseline-not-a-secret",  # noqa: S106 - HOWTO's env.sh
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_NAME=str(root / "db" / "bakery-2000.sqlite3"),
        PRIMARY_HOST="127.0.0.1:8000",
    )
    return env


def run(python, cwd, env, urls, rounds):
    out = subprocess.run(  # noqa: S603 - this venv or bakerydemo's, fixed arguments
        [str(python), str(MEASURE), "--rounds", str(rounds), *urls],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )
    return json.loads(out.stdout.decode().strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the two sites")
    parser.add_argument("--requests", type=int, default=15, help="timed requests per page")
    parser.add_argument("--json", default="bench-cpu.json")
    options = parser.parse_args()
    root = Path(os.environ.get("PERF_ROOT", BASE_DIR.parent / "perfroot"))
    ours = our_pages()
    bakery_urls = ["/", *(url for _, _, url in PAIRS)]
    samples = {"ours": {}, "bakerydemo": {}}
    for round_ in range(options.rounds):
        order = [("ours", None), ("bakerydemo", None)]
        if round_ % 2:
            order.reverse()
        for site, _ in order:
            if site == "ours":
                got = run(
                    sys.executable, BASE_DIR, our_env(), list(ours.values()), options.requests
                )
                got = {label: got[path] for label, path in ours.items()}
            else:
                got = run(
                    root / "venv" / "bin" / "python",
                    root / "bakerydemo",
                    bakery_env(root),
                    bakery_urls,
                    options.requests,
                )
            for label, figures in got.items():
                samples[site].setdefault(label, []).append(figures)
            print(
                f"round {round_ + 1} {site}: "
                + ", ".join(f"{k} {v['cpu_ms']}" for k, v in got.items()),
                flush=True,
            )

    def median(site, label):
        return statistics.median(f["cpu_ms"] for f in samples[site][label])

    print("\nCPU ms per uncached request (median of the rounds' medians):")
    rows = []
    for kind, label, url in [("home", "home", "/"), *PAIRS]:
        mine, theirs = median("ours", label), median("bakerydemo", url)
        queries = samples["ours"][label][-1]["queries"]
        rows.append(
            {
                "kind": kind,
                "ours": mine,
                "bakerydemo": theirs,
                "ratio": mine / theirs,
                "our_page": label,
                "their_page": url,
                "our_queries": queries,
                "their_queries": samples["bakerydemo"][url][-1]["queries"],
            }
        )
        print(
            f"  {kind:8} ours {label:8} {mine:6.1f} ms ({queries} SQL)   bakerydemo {url:24} "
            f"{theirs:6.1f} ms   ratio {mine / theirs:.2f}"
        )
    for label in EXTRA_OURS:
        if label != "home":
            print(
                f"  ours {label:9} {median('ours', label):6.1f} ms "
                f"({samples['ours'][label][-1]['queries']} SQL)"
            )
    Path(options.json).write_text(json.dumps({"pairs": rows, "samples": samples}, indent=2))


if __name__ == "__main__":
    main()
