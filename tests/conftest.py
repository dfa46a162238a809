"""Fixtures shared by the whole suite.

Test modules live in plain directories (no ``__init__.py``): pytest imports each test file by
its basename, so every test file in tests/ must have a unique basename.

The site tree (HomePage at /, CatalogIndexPage at /katalog/, VendorIndexPage at /ikm/) comes
from the showroom data migration, so every database test starts with it; tests build the rest
with the factories in catalog/factories.py.
"""

import json
import re
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.two_factor_login import login_verified

JSONLD_RE = re.compile(r'<script type="application/ld\+json">(?P<payload>.*?)</script>', re.DOTALL)


@pytest.fixture(autouse=True)
def _clear_caches():
    """Wagtail caches site root paths and renditions; never let one test see another's."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Start every test in Indonesian.

    LocaleMiddleware activates a request's language and leaves it active in the thread, which
    the test client shares with the test: after a GET of /en/..., `page.url` would be /en/...
    in the next test.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(db):
    """The pages the site tree migration created."""
    from wagtail.models import Page

    from showroom.models import CatalogIndexPage, HomePage, VendorIndexPage

    return SimpleNamespace(
        root=Page.get_first_root_node(),
        home=HomePage.objects.get(),
        catalog=CatalogIndexPage.objects.get(),
        directory=VendorIndexPage.objects.get(),
    )


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="kurator", email="kurator@example.test", password="sandi-uji-123"
    )


@pytest.fixture
def verified_login(db):
    """`verified_login(client, user)`: `client` signed in as `user` with both factors."""
    return login_verified


@pytest.fixture
def superuser_client(client, superuser):
    return login_verified(client, superuser)


@pytest.fixture
def count_queries(client):
    """Number of queries one GET of `url` makes, after a warm-up request.

    The warm-up creates image renditions and fills Wagtail's caches, so that the measured
    request is what a buyer's second visit costs.
    """

    def measure(url):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured.captured_queries)

    return measure


def jsonld_blocks(html):
    """Every JSON-LD block on a page, parsed (a block cut short by a stray </script> fails)."""
    return [json.loads(match.group("payload")) for match in JSONLD_RE.finditer(html)]


@pytest.fixture
def parse_jsonld():
    return jsonld_blocks


@pytest.fixture(scope="session")
def project_script():
    """Import one of scripts/*.py as a module (the scripts are not a package): name -> module."""
    import importlib.util
    import sys
    from pathlib import Path

    def load(name):
        path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look the module up while it executes
        spec.loader.exec_module(module)
        return module

    return load
