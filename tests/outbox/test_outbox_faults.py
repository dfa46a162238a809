"""The outbox against a real SMTP server behind a fault proxy, with the real database queue and
its worker: a hanging mail server never holds up a buyer, every email goes out once after
recovery, two workers never send the same email, and failures retry with backoff, visibly."""

import io
import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from outbox_helpers import admin_login, run_worker

from catalog.factories import ProductPageFactory, RegionFactory, UserFactory, VendorPageFactory
from catalog.onboarding import Owner, onboard_ikm
from catalog.ownership import grant_vendor_ownership
from inquiries.forms import form_token
from inquiries.models import Inquiry, Notification
from outbox import delivery
from outbox.models import Email

# Transactional: the worker and the racing threads use connections of their own, which see only
# committed rows; serialized rollback restores the site tree after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def generous_rate_limits(settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (100, 3600), "email": (100, 3600)}


@pytest.fixture
def product():
    owner = UserFactory(username="pemilik-rotan", email="pemilik@example.test")
    vendor = VendorPageFactory(title="Rotan Plumbon", email="rotan@example.test")
    grant_vendor_ownership(vendor, [owner])
    return ProductPageFactory(parent=vendor, title="Kursi Rotan")


def post_inquiry(client, product, email="budi@example.test"):
    return client.post(
        f"/tanya/{product.pk}/",
        {
            "name": "Budi Santoso",
            "email": email,
            "buyer_type": "wholesale",
            "quantity": "20",
            "message": "Berapa harga untuk 20 buah, dan bisakah dikirim ke Bandung?",
            "consent": "on",
            "website": "",
            "started": form_token(0),
        },
    )


def queued_tasks():
    return DBTaskResult.objects.filter(backend_name="background", queue_name="outbox")


def test_hanging_smtp_never_holds_up_the_buyer_and_recovery_sends_each_email_once(
    client, product, smtp, db_queue
):
    proxy, recorder = smtp
    with proxy.fault("hang"):
        responses = [post_inquiry(client, product, f"buyer{n}@example.test") for n in range(3)]
        # The request only wrote rows and queued tasks: no worker ran, nothing touched SMTP.
        assert [r.status_code for r in responses] == [302, 302, 302]
        assert Inquiry.objects.count() == 3
        assert Notification.objects.filter(attempts=0, sent_at__isnull=True).count() == 6
        assert queued_tasks().filter(status="READY").count() == 6

        # The worker meets the hanging server: each send gives up after EMAIL_TIMEOUT.
        run_worker(max_tasks=6)
    assert recorder.count() == 0
    failed = Notification.objects.filter(attempts=1, sent_at__isnull=True)
    assert failed.count() == 6
    assert all("timed out" in n.last_error.lower() for n in failed)

    # Recovered, and the retry time has come: the worker sends every email exactly once.
    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=True):
        run_worker()
        run_worker()  # and a second pass finds nothing left to send
        call_command("send_pending_notifications", "--enqueue", stdout=io.StringIO())
        run_worker()
    assert recorder.count() == 6
    assert sorted(to for to, _subject in recorder.messages).count(("buyer0@example.test",)) == 1
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
    assert set(Notification.objects.values_list("attempts", flat=True)) == {2}


def race(*targets):
    def run(target):
        try:
            target()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# Two connections writing at once: the in-memory SQLite test database answers "table is locked"
# at once to the second (a file database waits), so the races run on PostgreSQL, as in CI.
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need PostgreSQL; the in-memory SQLite test database refuses them",
)


def test_a_row_claimed_by_one_worker_is_not_sent_by_another(client, product, smtp, db_queue):
    """The claim, step by step (on every database): a second worker, a duplicate task and a
    re-drive all pass over a row another worker holds; the holder sends it once."""
    proxy, recorder = smtp
    with proxy.fault("refuse"):
        assert post_inquiry(client, product).status_code == 302
    buyer = Notification.objects.get(kind="buyer")
    held = delivery.claim(Notification, buyer.pk)  # worker A holds it, still sending
    assert held is not None and delivery.claim(Notification, buyer.pk) is None
    call_command("send_pending_notifications", "--enqueue", stdout=io.StringIO())
    run_worker("worker-b")  # the queued tasks and the duplicates
    assert delivery.deliver_due(force_retry=True) == (0, 0)  # a re-drive passes over it too
    # Only the owners' email, which nobody held, went out.
    assert [to for to, _subject in recorder.messages] == [
        ("pemilik@example.test", "rotan@example.test")
    ]
    assert delivery.send(held) is True
    assert [to for to, _subject in recorder.messages][1:] == [("budi@example.test",)]
    call_command("send_pending_notifications", stdout=io.StringIO())
    run_worker("worker-c")
    assert recorder.count() == 2


@needs_postgresql
def test_two_workers_never_send_the_same_email(client, product, smtp, db_queue):
    proxy, recorder = smtp
    with proxy.fault("refuse"):
        for n in range(4):
            assert post_inquiry(client, product, f"buyer{n}@example.test").status_code == 302
    # Every row queued twice over (as after a sweep), and a slow server so sends overlap.
    call_command("send_pending_notifications", "--enqueue", stdout=io.StringIO())
    assert queued_tasks().count() == 16
    proxy.set_mode("slow", delay=0.05)
    race(lambda: run_worker("worker-a"), lambda: run_worker("worker-b"))
    assert recorder.count() == 8
    assert len(set(recorder.messages)) == 8
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
    # Both workers ran tasks; of each row's two tasks one sent it (True), the other found it
    # sent or claimed (None).
    done = queued_tasks().filter(status="SUCCESSFUL")
    assert {w for ids in done.values_list("worker_ids", flat=True) for w in ids} == {
        "worker-a",
        "worker-b",
    }
    assert sorted(done.values_list("return_value", flat=True), key=str) == [None] * 8 + [True] * 8


@needs_postgresql
def test_two_re_drives_at_once_never_send_the_same_email(client, product, smtp, db_queue):
    """The issue's case: two `send_pending_notifications` at once sent 17 emails for 12 rows."""
    proxy, recorder = smtp
    for n in range(6):
        assert post_inquiry(client, product, f"buyer{n}@example.test").status_code == 302
    proxy.set_mode("slow", delay=0.05)
    race(delivery.deliver_due, delivery.deliver_due)
    assert recorder.count() == 12
    assert len(set(recorder.messages)) == 12


def test_a_failing_send_retries_with_backoff_and_shows_its_error_in_the_admin(
    client, product, smtp, db_queue, settings
):
    proxy, recorder = smtp
    start = timezone.now()
    with proxy.fault("refuse"):
        assert post_inquiry(client, product).status_code == 302
        run_worker()
        first = Notification.objects.filter(kind="buyer").get()
        assert first.attempts == 1 and first.sent_at is None
        assert "ConnectionRefusedError" in first.last_error
        wait = first.next_attempt_at - start
        assert timedelta(seconds=settings.OUTBOX_RETRY_BASE_SECONDS) <= wait
        # The retry is queued for that time, not before: running the worker now sends nothing.
        assert queued_tasks().filter(status="READY", run_after__gt=start).count() == 2
        run_worker()
        assert Notification.objects.get(pk=first.pk).attempts == 1

        with time_machine.travel(first.next_attempt_at + timedelta(seconds=1), tick=True):
            run_worker()
            second = Notification.objects.get(pk=first.pk)
            assert second.attempts == 2
            # The wait doubled.
            assert second.next_attempt_at - timezone.now() > timedelta(
                seconds=2 * settings.OUTBOX_RETRY_BASE_SECONDS - 5
            )

    operator = UserFactory(username="operator-email", is_superuser=True, is_staff=True)
    admin_login(client, operator)
    page = client.get("/admin/pertanyaan/email-gagal/")
    assert page.status_code == 200
    assert "ConnectionRefusedError" in page.content.decode()
    assert recorder.count() == 0


def test_given_up_emails_are_failed_and_a_person_can_re_drive_them(client, product, smtp, settings):
    proxy, recorder = smtp
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    with proxy.fault("refuse"):
        assert post_inquiry(client, product).status_code == 302  # immediate backend: tried once
        call_command("send_pending_notifications", stdout=io.StringIO())
    emails = Notification.objects.all()
    assert {n.state for n in emails} == {"failed"}
    assert all(n.next_attempt_at is None for n in emails)
    # No automatic attempt is made any more...
    assert delivery.deliver_due() == (0, 0)
    # ...until a person retries them from the admin.
    operator = UserFactory(username="operator-retry", is_superuser=True, is_staff=True)
    admin_login(client, operator)
    assert client.post("/admin/pertanyaan/email-gagal/kirim-ulang/").status_code == 302
    assert recorder.count() == 2
    assert {n.state for n in Notification.objects.all()} == {"sent"}


def test_onboarding_invitations_go_through_the_outbox(site_tree, smtp, db_queue):
    proxy, recorder = smtp
    RegionFactory(name="Kota Cirebon")
    with proxy.fault("hang"):
        onboard_ikm("Batik Ibu Siti", "Kota Cirebon", [Owner.parse("Siti <siti@example.test>")])
    invitation = Email.objects.get()
    assert invitation.topic == Email.Topic.INVITATION
    assert invitation.attempts == 0
    run_worker()
    assert recorder.messages == [(("siti@example.test",), invitation.subject)]
