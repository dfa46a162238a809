"""`make bench` churn mode: cached throughput while owners publish (scripts/bench.py --modes).

The load is a mix of the pages buyers open most (the catalog and its first pages, category
pages, product pages and IKM pages, drawn at random from a few hundred URLs of the catalog),
at concurrency 8 against gunicorn with the page and card caches on (scripts/bench_load.py). Each
round runs it three times: with nothing changing ("quiet"); with one product published every
PUBLISH_EVERY seconds by this process ("churn": a new revision of a random product of the
catalog with its price raised, as an owner's edit); and the same with products whose pages are
in the mix, every third edit changing what listings count ("hot": their availability, which
purges the catalog-wide and category listings). The purges go through the same shared cache
the workers read (the disk cache by default, Redis with CACHE_URL). Each run reports
throughput, the page cache's hit ratio (hits over all requests; a stale copy served during a
re-render is counted apart) and p50/p90/p99 latency; the comparison of the rounds' medians is
the figure of the issue: churn keeps at least 80% of the throughput and a p99 under 50 ms.
"""

import os
import random
import statistics
import threading

from bench_load import pick_client, warm

PUBLISH_EVERY = 5.0
LABELS = ("quiet", "churn", "hot")


def mix_paths(products=200, vendors=50, categories=12, seed=7):
    """The URLs of the mix: weighted like a buyer's session (more products than listings)."""
    from catalog.models import Category, ProductPage, VendorPage

    rng = random.Random(seed)  # noqa: S311  # nosec B311: a benchmark's sample, not a secret
    ids = list(ProductPage.visible().values_list("pk", flat=True))
    chosen = rng.sample(ids, min(products, len(ids)))
    product_urls = [p.url for p in ProductPage.objects.filter(pk__in=chosen)]
    vendor_urls = [v.url for v in VendorPage.objects.live().order_by("?")[:vendors]]
    category_urls = [f"/katalog/{c.slug}/" for c in Category.objects.all()[:categories]]
    catalog_urls = ["/katalog/", "/katalog/?halaman=2", "/katalog/?halaman=3", "/"]
    paths = product_urls * 4 + vendor_urls * 2 + category_urls * 3 + catalog_urls * 5
    rng.shuffle(paths)
    return paths, chosen


class Publisher(threading.Thread):
    """Publishes a new revision of a random live product (of `ids`, else of the catalog) every
    `every` seconds: its price raised, or every third time (`listed`) its availability changed."""

    def __init__(self, ids=None, listed=False, every=PUBLISH_EVERY):
        super().__init__(daemon=True)
        self.ids = ids
        self.listed = listed
        self.every = every
        self.stopped = threading.Event()
        self.published = 0

    def run(self):
        from django.db import connection

        from catalog.models import ProductPage

        ids = self.ids or list(ProductPage.visible().values_list("pk", flat=True))
        rng = random.Random(11)  # noqa: S311  # nosec B311: a benchmark's sample
        while not self.stopped.wait(self.every):
            product = ProductPage.objects.get(pk=rng.choice(ids))
            if self.listed and self.published % 3 == 2:
                ready = product.availability == ProductPage.Availability.READY
                product.availability = "made_to_order" if ready else "ready"
                product.lead_time_days = product.lead_time_days or 7
            else:
                product.price = (product.price or 100_000) + 1_000
            product.save_revision().publish()
            self.published += 1
        connection.close()

    def stop(self):
        self.stopped.set()
        self.join(timeout=30)


def measure_churn(base_url, seconds, client="auto", rounds=2):
    """`rounds` times the mix quiet, with churn and with hot churn; returns every run and the
    comparison of the medians (the machine is shared: one round alone says little)."""
    load, client_label = pick_client(client)
    paths, product_ids = mix_paths()
    warm(base_url, paths)  # every URL once, so both runs start from the same cache
    publishers = {
        "churn": dict,
        "hot": lambda: {"ids": product_ids, "listed": True},
    }
    runs = []
    for number in range(1, rounds + 1):
        run = {"quiet": load(base_url, paths, seconds)}
        for label, options in publishers.items():
            publisher = Publisher(**options())
            publisher.start()
            try:
                run[label] = load(base_url, paths, seconds)
            finally:
                publisher.stop()
            run[label]["published"] = publisher.published
        run = {
            label: {k: round(v, 3) for k, v in figures.items()} for label, figures in run.items()
        }
        run["load_average"] = [round(v, 2) for v in os.getloadavg()]
        runs.append(run)
        print(f"  round {number} (load average {run['load_average']})", flush=True)
        for label in LABELS:
            print_run(label, run[label])
    result = {
        "client": client_label,
        "urls": len(set(paths)),
        "publish_every_s": PUBLISH_EVERY,
        "rounds": runs,
    }
    for label in LABELS:
        result[label] = {
            name: round(statistics.median(run[label][name] for run in runs), 3)
            for name in runs[0][label]
        }
    result["throughput_kept"] = round(result["churn"]["rps"] / max(result["quiet"]["rps"], 1e-9), 3)
    result["hot_throughput_kept"] = round(
        result["hot"]["rps"] / max(result["quiet"]["rps"], 1e-9), 3
    )
    print("  median of the rounds", flush=True)
    for label in LABELS:
        print_run(label, result[label])
    print(
        f"  churn keeps {result['throughput_kept'] * 100:.0f}% of the quiet throughput "
        f"({result['hot_throughput_kept'] * 100:.0f}% hot; target: >= 80%, p99 < 50 ms)",
        flush=True,
    )
    return result


def print_run(label, run):
    print(
        f"    {label:<6} {run['rps']:>8.1f} req/s  hits {run['hit_ratio'] * 100:5.1f}%  "
        f"stale {run['stale_ratio'] * 100:4.1f}%  "
        f"p50 {run['p50_ms']:6.1f}  p90 {run['p90_ms']:6.1f}  p99 {run['p99_ms']:6.1f} ms  "
        f"errors {int(run['errors'])}",
        flush=True,
    )
