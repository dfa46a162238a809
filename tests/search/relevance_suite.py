"""The graded relevance suite: its data, the catalog it builds, and how a run is scored.

The data are two files beside the tests (tests/search/relevance/): `catalog.json`, a fixture
catalog of invented IKM and products written the way owners write them (not the demo
catalog), and `queries.json`, buyers' queries with graded judgements by product key (3 =
exactly what was asked, 2 = relevant, 1 = related, unlisted = not relevant). They live under
tests/ because only the tests read them: the site never ships them, and the demo catalog
(demo/data/) stays a separate, independent set.

`build_catalog()` makes the catalog with catalog/factories.py, as the contract tests do, so
each engine indexes it as it indexes any product. `evaluate()` runs every query through the
public search service (`search_catalog`, the path /cari/ takes) and scores the first page:

- nDCG@10: gain 2^grade - 1, discount log2(rank + 1), divided by the ideal DCG of the best
  ten judged products;
- recall@10: judged products (any grade) in the first ten, out of min(judged, 10), so a
  query with more than ten relevant products can still reach 1;
- a no-result query (no judged product) scores 1 on both when the engine returns nothing
  and 0 when it returns anything.

Figures are averaged over all queries and per query tag (a query counts in each of its tags).
"""

import json
import logging
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

from django.utils import translation
from django.utils.html import escape

from catalog.factories import (
    CategoryFactory,
    MaterialFactory,
    ProductPageFactory,
    RegionFactory,
    SentraFactory,
    VendorPageFactory,
)
from search.query import CatalogQuery
from search.service import Linker, search_catalog

DATA = Path(__file__).parent / "relevance"
TAGS = ("id", "typo", "affix", "english", "category", "ikm", "place", "multiword", "noresult")
K = 10


def load_catalog():
    return json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))


def load_queries():
    return json.loads((DATA / "queries.json").read_text(encoding="utf-8"))["queries"]


def products_of(catalog):
    return [product for vendor in catalog["vendors"] for product in vendor["products"]]


@contextmanager
def quiet(logger_name):
    """Without the per-page INFO lines Wagtail logs on creation (noise in `-s` output)."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def build_catalog(catalog):
    """Create the fixture catalog in the test database; return {product pk: product key}."""
    with quiet("wagtail"):
        return _build(catalog)


def _build(catalog):
    categories = {}
    for item in catalog["categories"]:  # parents come before their children in the file
        categories[item["slug"]] = CategoryFactory(
            slug=item["slug"],
            name=item["name"],
            name_en=item.get("name_en", ""),
            parent=categories[item["parent"]] if item.get("parent") else None,
        )
    regions = {
        item["slug"]: RegionFactory(
            slug=item["slug"],
            name=item["name"],
            kind=item["kind"],
            province=item.get("province", "Jawa Barat"),
        )
        for item in catalog["regions"]
    }
    sentra = {
        item["slug"]: SentraFactory(
            slug=item["slug"], name=item["name"], region=regions[item["region"]]
        )
        for item in catalog["sentra"]
    }
    materials = {
        item["slug"]: MaterialFactory(slug=item["slug"], name=item["name"], name_en=item["name_en"])
        for item in catalog["materials"]
    }
    keys = {}
    for data in catalog["vendors"]:
        vendor = VendorPageFactory(
            title=data["title"],
            slug=data["key"],
            region=regions[data["region"]],
            sentra=sentra[data["sentra"]] if data["sentra"] else None,
            listing_summary=data["summary"],
        )
        for item in data["products"]:
            page = ProductPageFactory(
                parent=vendor,
                slug=item["key"],
                title=item["title"],
                title_en=item.get("title_en", ""),
                summary=item["summary"],
                summary_en=item.get("summary_en", ""),
                description=[
                    {"type": "paragraph", "value": f"<p>{escape(item['description'])}</p>"}
                ],
                sku=item["sku"],
                price=item["price"],
                category=categories[item["category"]],
            )
            page.materials.set([materials[slug] for slug in item["materials"]])
            page.tags.add(*item["tags"])
            page.save()
            keys[page.pk] = item["key"]
    return keys


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at(ranked, grades, k=K):
    """nDCG@k of `ranked` product keys against {key: grade}."""
    if not grades:
        return 0.0 if ranked else 1.0
    gained = dcg([grades.get(key, 0) for key in ranked[:k]])
    return gained / dcg(sorted(grades.values(), reverse=True)[:k])


def recall_at(ranked, grades, k=K):
    """Judged products among the first k, out of min(judged products, k)."""
    if not grades:
        return 0.0 if ranked else 1.0
    return len(set(ranked[:k]) & set(grades)) / min(len(grades), k)


def ranked_ids(result):
    """The product ids a buyer sees on the first page, in order (products or cached cards)."""
    return [item.pk for item in result.products]


@dataclass
class Report:
    engine: str
    queries: list = field(default_factory=list)

    @property
    def ndcg(self):
        return mean(q["ndcg"] for q in self.queries)

    @property
    def recall(self):
        return mean(q["recall"] for q in self.queries)

    def by_tag(self):
        rows = {}
        for tag in TAGS:
            scored = [q for q in self.queries if tag in q["tags"]]
            if scored:
                rows[tag] = {
                    "queries": len(scored),
                    "ndcg": mean(q["ndcg"] for q in scored),
                    "recall": mean(q["recall"] for q in scored),
                }
        return rows

    def as_dict(self):
        return {
            "engine": self.engine,
            "queries": len(self.queries),
            "ndcg@10": round(self.ndcg, 4),
            "recall@10": round(self.recall, 4),
            "by_tag": {
                tag: {**row, "ndcg": round(row["ndcg"], 4), "recall": round(row["recall"], 4)}
                for tag, row in self.by_tag().items()
            },
            "per_query": self.queries,
        }

    def table(self, worst=12):
        lines = [
            f"Search relevance, {self.engine}: nDCG@10 {self.ndcg:.3f}, "
            f"recall@10 {self.recall:.3f} ({len(self.queries)} queries)",
            f"  {'tag':<10} {'queries':>7} {'nDCG@10':>8} {'recall@10':>9}",
        ]
        for tag, row in self.by_tag().items():
            lines.append(
                f"  {tag:<10} {row['queries']:>7} {row['ndcg']:>8.3f} {row['recall']:>9.3f}"
            )
        lines.append(f"  lowest nDCG@10 ({worst}):")
        for q in sorted(self.queries, key=lambda q: (q["ndcg"], q["q"]))[:worst]:
            top = ", ".join(q["top"][:4]) or "(nothing)"
            lines.append(f"    {q['ndcg']:.2f} {q['q']!r} -> {top}")
        return "\n".join(lines)


def evaluate(engine, keys, queries):
    """Run every query through the search service and score its first page."""
    report = Report(engine=engine)
    linker = Linker("/cari/")
    for item in queries:
        with translation.override(item["lang"]):
            query = CatalogQuery.from_params({"q": item["q"]})
            result = search_catalog(query, linker)
        ranked = [keys.get(pk, f"#{pk}") for pk in ranked_ids(result)][:K]
        report.queries.append(
            {
                "q": item["q"],
                "tags": item["tags"],
                "ndcg": round(ndcg_at(ranked, item["grades"]), 4),
                "recall": round(recall_at(ranked, item["grades"]), 4),
                "total": result.total,
                "answered_by": result.engine,
                "top": ranked,
            }
        )
    return report


def write_json(path, report):
    """Add `report` to the JSON file at `path` (one key per engine; other runs kept)."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.setdefault("engines", {})[report.engine] = report.as_dict()
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
