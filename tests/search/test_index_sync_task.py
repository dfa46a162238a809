"""Publishing hands the index sync to the background worker: the editor's request never waits
on Elasticsearch, and when the queue cannot take the task the sync runs at once instead."""

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from catalog.factories import ProductPageFactory, VendorPageFactory
from search.query import CatalogQuery
from search.service import get_engine

pytestmark = pytest.mark.django_db

DB_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["outbox"]},
}


@pytest.fixture
def synced(es_engine_settings, index_signals, reindex):
    vendor = VendorPageFactory(title="Sanggar Batik Trusmi", slug="sanggar-batik-trusmi")
    ProductPageFactory(parent=vendor, title="Batik Tulis Mega Mendung")
    reindex()
    return vendor


def search(text):
    return get_engine().search(CatalogQuery(text=text, page_size=50), [[w] for w in text.split()])


def run_worker():
    Worker(
        queue_names=["outbox"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="index-worker",
        excluded_queue_names=[],
    ).run()


# The worker checks and closes connections between tasks, as in production: the test's data must
# be committed (transactional test), not held in a transaction the worker would close under it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_queues_the_sync_and_the_worker_makes_it_findable(
    synced, settings, django_capture_on_commit_callbacks, refresh_index
):
    settings.TASKS = DB_QUEUE
    draft = ProductPageFactory(parent=synced, title="Selendang Sutra Kawung", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    refresh_index()
    assert search("kawung").ids == []  # not in the request
    assert DBTaskResult.objects.filter(task_path="search.tasks.sync_index").count() == 1

    run_worker()
    refresh_index()
    assert search("kawung").ids == [draft.pk]


def test_a_queue_that_refuses_the_task_syncs_at_once(
    synced, settings, django_capture_on_commit_callbacks, refresh_index, caplog
):
    settings.TASKS = {
        **DB_QUEUE,
        "background": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["outbox"]},
    }
    settings.RQ_QUEUES = {"outbox": {"URL": "redis://127.0.0.1:1/0", "DEFAULT_TIMEOUT": 5}}
    draft = ProductPageFactory(parent=synced, title="Selendang Sutra Kawung", live=False)
    with caplog.at_level("WARNING"), django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    refresh_index()
    assert search("kawung").ids == [draft.pk]
    assert "syncing now" in caplog.text
