"""scripts/lighthouse_audit.py: how a Lighthouse report is scored and judged."""

import pytest


@pytest.fixture(scope="module")
def lighthouse(project_script):
    return project_script("lighthouse_audit")


def report(seo_audits):
    """A Lighthouse report shaped like the real one, with the given SEO audits and scores."""
    return {
        "categories": {
            "performance": {"score": 0.97, "auditRefs": []},
            "accessibility": {"score": 1, "auditRefs": []},
            "best-practices": {"score": 0.955, "auditRefs": []},
            "seo": {
                "score": sum(w * s for _, w, s in seo_audits) / sum(w for _, w, _ in seo_audits),
                "auditRefs": [{"id": name, "weight": weight} for name, weight, _ in seo_audits]
                + [{"id": "structured-data", "weight": 0}],
            },
        },
        "audits": {
            **{name: {"score": score} for name, _, score in seo_audits},
            "structured-data": {"score": None},
        },
    }


NOINDEX = report([("is-crawlable", 4, 0), ("document-title", 1, 1), ("meta-description", 1, 1)])


def test_scores_are_percentages(lighthouse):
    assert lighthouse.scores(NOINDEX) == {
        "performance": 97,
        "accessibility": 100,
        "best-practices": 96,
        "seo": 33,
    }


def test_seo_without_is_crawlable_for_a_page_noindex_by_design(lighthouse):
    assert lighthouse.scores(NOINDEX, without={"is-crawlable"})["seo"] == 100


def test_other_seo_failures_still_count_without_is_crawlable(lighthouse):
    page = report([("is-crawlable", 4, 0), ("document-title", 1, 1), ("meta-description", 1, 0)])
    assert lighthouse.scores(page, without={"is-crawlable"})["seo"] == 50
    assert lighthouse.failed_audits(page, "seo") == ["is-crawlable", "meta-description"]


def test_only_the_search_page_is_noindex_by_design(lighthouse):
    assert {"search"} == lighthouse.NOINDEX_BY_DESIGN


def test_product_link_pattern_finds_a_product_page(lighthouse):
    html = '<a href="/ikm/">IKM</a><a href="/ikm/batik-trusmi/kain-mega-mendung/">Kain</a>'
    assert lighthouse.PRODUCT_LINK.search(html).group(1) == "/ikm/batik-trusmi/kain-mega-mendung/"
