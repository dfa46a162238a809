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


def test_every_category_is_judged_as_lighthouse_scores_it(lighthouse):
    # The search page is no longer judged without is-crawlable: a failing audit counts.
    page = report([("is-crawlable", 4, 0), ("document-title", 1, 1), ("meta-description", 1, 0)])
    assert lighthouse.scores(page)["seo"] == 17
    assert lighthouse.failed_audits(page, "seo") == ["is-crawlable", "meta-description"]


def test_product_link_pattern_finds_a_product_page(lighthouse):
    html = '<a href="/ikm/">IKM</a><a href="/ikm/batik-trusmi/kain-mega-mendung/">Kain</a>'
    assert lighthouse.PRODUCT_LINK.search(html).group(1) == "/ikm/batik-trusmi/kain-mega-mendung/"
