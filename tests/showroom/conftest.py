"""Fixtures for the showroom tests: people with exactly the rights of their role."""

import pytest

from catalog.factories import UserFactory, VendorPageFactory
from catalog.ownership import ensure_curator_group, grant_vendor_ownership


@pytest.fixture
def curator(site_tree):
    user = UserFactory(username="kurator.uji")
    ensure_curator_group(users=[user])
    return user


@pytest.fixture
def curator_client(client, curator, verified_login):
    return verified_login(client, curator)


@pytest.fixture
def owned_vendor(site_tree):
    return VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")


@pytest.fixture
def owner(owned_vendor):
    user = UserFactory(username="pemilik.uji")
    grant_vendor_ownership(owned_vendor, [user])
    return user


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client
