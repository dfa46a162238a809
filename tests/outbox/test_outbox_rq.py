"""The same outbox tasks on RQ over the real Redis (db 5), the scale-out backend: switched by
the TASKS setting alone, run by an RQ worker, each email sent once. Skipped without Redis,
except under CI where Redis must be there."""

import os

import pytest
import redis
from django.core import mail

from catalog.factories import ProductPageFactory, VendorPageFactory
from inquiries.forms import form_token
from inquiries.models import Notification

REDIS_URL = "redis://127.0.0.1:6379/5"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def rq_queue(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {REDIS_URL} is required under CI: {error}")
        pytest.skip(f"Redis is not running at {REDIS_URL}: {error}")
    import django_rq

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["outbox"]},
    }
    settings.RQ_QUEUES = {"outbox": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}}
    queue = django_rq.get_queue("outbox")
    queue.empty()
    yield queue
    queue.empty()


def test_inquiry_emails_run_on_rq_once(client, rq_queue):
    from django_rq import get_worker
    from rq import SimpleWorker

    vendor = VendorPageFactory(title="Topeng Slangit", email="topeng@example.test")
    product = ProductPageFactory(parent=vendor, title="Topeng Klana")
    response = client.post(
        f"/tanya/{product.pk}/",
        {
            "name": "Budi Santoso",
            "email": "budi@example.test",
            "buyer_type": "retail",
            "message": "Apakah topeng ini tersedia dalam ukuran kecil untuk hiasan dinding?",
            "consent": "on",
            "website": "",
            "started": form_token(0),
        },
    )
    assert response.status_code == 302
    assert rq_queue.count == 2  # queued on Redis, not sent in the request
    assert not mail.outbox
    assert Notification.objects.filter(sent_at__isnull=True).count() == 2

    get_worker("outbox", worker_class=SimpleWorker).work(burst=True)
    assert sorted(m.to[0] for m in mail.outbox) == ["budi@example.test", "topeng@example.test"]
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
