"""Fixtures of the orders tests: Stripe keys, the local Checkout Session stub, two IKM that sell
online with their owners and products. Helpers that build orders and signed webhook events are
in order_helpers.py."""

import pytest

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from catalog.ownership import grant_vendor_ownership
from orders.stripe_stub import StripeStub

WEBHOOK_SECRET = "whsec_test_etalase_orders"  # noqa: S105 (a test value)


@pytest.fixture
def stripe_stub():
    with StripeStub() as stub:
        yield stub


@pytest.fixture
def buying(settings, stripe_stub):
    """Stripe keys set (buying on), the library pointed at the local stub."""
    settings.STRIPE_SECRET_KEY = "sk_test_etalase_orders"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.BUYING_ENABLED = True
    settings.STRIPE_API_BASE = stripe_stub.url
    return stripe_stub


class Shop:
    pass


@pytest.fixture
def shop(site_tree):
    """Two IKM selling online, each with an owner and a ready-stock product."""
    shop = Shop()
    shop.vendor_a = VendorPageFactory(
        title="Batik Trusmi Asri", email="toko@batik-asri.test", sells_online=True
    )
    shop.vendor_b = VendorPageFactory(title="Rotan Plumbon Jaya", sells_online=True)
    shop.product_a = ProductPageFactory(
        parent=shop.vendor_a, title="Kain Batik Mega Mendung", price=150_000, stock=5, sku="KBM-1"
    )
    shop.product_b = ProductPageFactory(
        parent=shop.vendor_b, title="Kursi Rotan Sintetis", price=1_250_000, stock=2
    )
    shop.owner_a = UserFactory(username="pemilik_a", email="pemilik.a@example.test")
    shop.owner_b = UserFactory(username="pemilik_b", email="pemilik.b@example.test")
    grant_vendor_ownership(shop.vendor_a, [shop.owner_a])
    grant_vendor_ownership(shop.vendor_b, [shop.owner_b])
    return shop
