"""The Stripe webhook over HTTP with real signatures (stripe.WebhookSignature): what verifies,
what is refused, and what each event does to the order, its stock and its emails, including
replays, events out of order, wrong amounts and currencies, and a sale of stock already gone."""

import time

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from order_helpers import make_order, post_raw, post_webhook, session_event, signed

from catalog.factories import UserFactory
from catalog.models import ProductPage
from orders.models import Order, OrderEmail, PaymentEvent
from orders.notifications import deliver_pending

pytestmark = pytest.mark.django_db
WEBHOOK_SECRET = "whsec_test_etalase_orders"  # noqa: S105 (the conftest's test value)

COMPLETED = "checkout.session.completed"
ASYNC_OK = "checkout.session.async_payment_succeeded"
ASYNC_FAILED = "checkout.session.async_payment_failed"
EXPIRED = "checkout.session.expired"


def stock(product):
    return ProductPage.objects.get(pk=product.pk).stock


def state(order):
    order.refresh_from_db()
    return order.status


@pytest.fixture
def order(buying, shop):
    return make_order(shop.product_a, quantity=2)


def deliver(event, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return post_webhook(event, WEBHOOK_SECRET, **kwargs)


# --- Signatures ------------------------------------------------------------------------------


def test_a_valid_paid_completion_marks_paid_takes_stock_and_emails_after_commit(
    order, shop, django_capture_on_commit_callbacks
):
    event = session_event(order)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_webhook(event, WEBHOOK_SECRET)
        assert len(mail.outbox) == 0  # nothing is sent before the commit
    assert response.status_code == 200
    assert len(callbacks) == 3  # two emails and the page cache purge
    for callback in callbacks:
        callback()
    assert state(order) == Order.Status.PAID
    assert order.paid_at is not None
    assert stock(shop.product_a) == 3
    assert PaymentEvent.objects.get(event_id=event["id"]).order == order
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients == [
        ("pemilik.a@example.test", "toko@batik-asri.test"),
        ("siti@example.test",),
    ]
    buyer = next(m for m in mail.outbox if m.to == ["siti@example.test"])
    assert order.reference in buyer.subject
    assert "Rp 300.000" in buyer.body
    assert "Kota Bandung" in buyer.body


@pytest.mark.parametrize("case", ["tampered-body", "wrong-secret", "old-timestamp", "no-header"])
def test_a_signature_that_does_not_verify_is_400_and_changes_nothing(order, shop, client, case):
    event = session_event(order)
    payload, header = signed(event, WEBHOOK_SECRET)
    if case == "tampered-body":
        payload = payload.replace('"payment_status": "paid"', '"payment_status": "paid" ')
    elif case == "wrong-secret":
        payload, header = signed(event, "whsec_someone_else")
    elif case == "old-timestamp":
        payload, header = signed(event, WEBHOOK_SECRET, timestamp=int(time.time()) - 301)
    elif case == "no-header":
        header = ""
    response = post_raw(payload, header, client)
    assert response.status_code == 400
    assert state(order) == Order.Status.PENDING
    assert stock(shop.product_a) == 5
    assert not PaymentEvent.objects.exists()


def test_a_body_that_is_not_json_is_400(buying, client):
    payload, header = signed({}, WEBHOOK_SECRET, body="not json{")
    response = post_raw(payload, header, client)
    assert response.status_code == 400


def test_the_webhook_takes_posts_only(buying, client):
    assert client.get("/stripe/webhook/").status_code == 405


# --- Replays and order of events -------------------------------------------------------------


def test_a_replayed_event_is_answered_200_and_not_acted_on_again(
    order, shop, django_capture_on_commit_callbacks
):
    event = session_event(order)
    assert deliver(event, django_capture_on_commit_callbacks).status_code == 200
    mail.outbox.clear()
    response = deliver(event, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response.content == b"duplicate"
    assert stock(shop.product_a) == 3
    assert mail.outbox == []
    assert PaymentEvent.objects.count() == 1


def test_two_events_paying_one_order_take_the_stock_once(
    order, shop, django_capture_on_commit_callbacks
):
    deliver(session_event(order), django_capture_on_commit_callbacks)
    deliver(session_event(order, ASYNC_OK), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.PAID
    assert stock(shop.product_a) == 3
    assert OrderEmail.objects.filter(order=order).count() == 2


def test_expiry_after_payment_changes_nothing(order, shop, django_capture_on_commit_callbacks):
    deliver(session_event(order), django_capture_on_commit_callbacks)
    deliver(
        session_event(order, EXPIRED, status="expired", payment_status="unpaid"),
        django_capture_on_commit_callbacks,
    )
    deliver(session_event(order, ASYNC_FAILED), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.PAID
    assert stock(shop.product_a) == 3


def test_a_delayed_payment_completes_when_it_succeeds(
    order, shop, django_capture_on_commit_callbacks
):
    deliver(session_event(order, payment_status="unpaid"), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.PENDING
    assert stock(shop.product_a) == 5
    deliver(session_event(order, ASYNC_OK), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.PAID
    assert stock(shop.product_a) == 3


def test_success_arriving_before_the_unpaid_completion_stays_paid(
    order, shop, django_capture_on_commit_callbacks
):
    deliver(session_event(order, ASYNC_OK), django_capture_on_commit_callbacks)
    deliver(session_event(order, payment_status="unpaid"), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.PAID
    assert stock(shop.product_a) == 3


def test_a_failed_delayed_payment_fails_the_order_and_keeps_the_stock(
    order, shop, django_capture_on_commit_callbacks
):
    deliver(session_event(order, payment_status="unpaid"), django_capture_on_commit_callbacks)
    deliver(session_event(order, ASYNC_FAILED), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.FAILED
    assert stock(shop.product_a) == 5
    assert mail.outbox == []


def test_an_expired_session_expires_a_pending_order(
    order, shop, django_capture_on_commit_callbacks
):
    deliver(
        session_event(order, EXPIRED, status="expired", payment_status="unpaid"),
        django_capture_on_commit_callbacks,
    )
    assert state(order) == Order.Status.EXPIRED
    assert stock(shop.product_a) == 5


# --- Amount, currency, other sessions --------------------------------------------------------


@pytest.mark.parametrize(
    "session",
    [{"amount_total": 100}, {"amount_total": None}, {"currency": "usd"}],
    ids=["wrong-amount", "no-amount", "wrong-currency"],
)
def test_a_payment_that_does_not_match_the_order_does_not_mark_it_paid(
    order, shop, django_capture_on_commit_callbacks, session
):
    response = deliver(session_event(order, **session), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert state(order) == Order.Status.NEEDS_REFUND
    assert order.problem.startswith("amount")
    assert stock(shop.product_a) == 5
    assert not OrderEmail.objects.filter(kind=OrderEmail.Kind.BUYER_PAID).exists()


def test_an_event_for_another_session_of_the_order_is_ignored(
    order, shop, django_capture_on_commit_callbacks
):
    response = deliver(session_event(order, id="cs_test_other"), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert state(order) == Order.Status.PENDING
    assert stock(shop.product_a) == 5


def test_events_for_unknown_orders_and_other_types_are_stored_and_answered(
    order, django_capture_on_commit_callbacks
):
    unknown = session_event(order, client_reference_id="ORD-2026-999999", metadata={})
    other = session_event(order, "payment_intent.succeeded")
    for event in (unknown, other):
        assert deliver(event, django_capture_on_commit_callbacks).status_code == 200
    assert set(PaymentEvent.objects.values_list("outcome", flat=True)) == {
        "unknown order",
        "ignored",
    }
    assert state(order) == Order.Status.PENDING


# --- Stock that never oversells --------------------------------------------------------------


def test_paying_for_stock_already_gone_flags_the_order_and_tells_the_owner(
    buying, shop, django_capture_on_commit_callbacks
):
    first = make_order(shop.product_b, quantity=2)
    second = make_order(shop.product_b, quantity=1, email="andi@example.test")
    deliver(session_event(first), django_capture_on_commit_callbacks)
    mail.outbox.clear()
    deliver(session_event(second), django_capture_on_commit_callbacks)
    assert state(first) == Order.Status.PAID
    assert state(second) == Order.Status.NEEDS_REFUND
    assert second.problem == "oversold"
    assert stock(shop.product_b) == 0
    owner = next(m for m in mail.outbox if "pemilik.b@example.test" in m.to)
    assert second.reference in owner.subject
    assert "pengembalian dana" in owner.subject
    assert any(m.to == ["andi@example.test"] for m in mail.outbox)


def test_paid_stock_is_also_taken_from_the_owners_latest_revision(
    order, shop, django_capture_on_commit_callbacks
):
    product = ProductPage.objects.get(pk=shop.product_a.pk)
    product.save_revision()
    deliver(session_event(order), django_capture_on_commit_callbacks)
    product.refresh_from_db()
    assert product.stock == 3
    assert product.latest_revision.content["stock"] == 3
    # Publishing that revision later keeps the sold units off the shelf.
    product.latest_revision.publish()
    assert stock(product) == 3


# --- Emails that fail ------------------------------------------------------------------------


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_a_mail_failure_loses_no_order_and_is_retried(
    order, shop, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.DownBackend"
    response = deliver(session_event(order), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert state(order) == Order.Status.PAID
    assert stock(shop.product_a) == 3
    emails = OrderEmail.objects.filter(order=order)
    assert [e.attempts for e in emails] == [1, 1]
    assert all("mail server down" in e.last_error and e.sent_at is None for e in emails)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_pending() == (2, 0)
    assert len(mail.outbox) == 2
    assert not OrderEmail.objects.filter(sent_at__isnull=True).exists()


def test_an_ikm_without_any_email_still_gets_its_order_paid(
    buying, shop, django_capture_on_commit_callbacks
):
    shop.owner_b.email = ""
    shop.owner_b.save()
    order = make_order(shop.product_b)
    deliver(session_event(order), django_capture_on_commit_callbacks)
    assert state(order) == Order.Status.PAID
    assert [m.to for m in mail.outbox] == [["siti@example.test"]]


def test_inactive_owners_are_not_emailed(buying, shop, django_capture_on_commit_callbacks):
    UserFactory(username="mantan", email="mantan@example.test", is_active=False).groups.add(
        *shop.owner_a.groups.all()
    )
    order = make_order(shop.product_a)
    deliver(session_event(order), django_capture_on_commit_callbacks)
    assert not any("mantan@example.test" in m.to for m in mail.outbox)


def test_paid_stock_is_not_shown_from_a_stale_cached_page(
    order, shop, client, settings, django_capture_on_commit_callbacks
):
    """Anonymous product pages are cached; taking the stock purges them."""
    settings.PAGE_CACHE_SECONDS = 600
    url = shop.product_a.url
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    deliver(session_event(order), django_capture_on_commit_callbacks)
    assert stock(shop.product_a) == 3
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert fresh.content != cached.content
