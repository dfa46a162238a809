"""Index sync as a background task: publishing never waits on Elasticsearch.

The sync goes to the same backend and queue as the outbox's emails (both are messages to an
outside service that the editor need not wait for), so the one worker `make run` starts, or
the production workers, serve it. If the queue cannot take it, the sync runs at once instead,
bounded by the index client's timeout (search/indexing.py).
"""

from django_tasks import task

from outbox.tasks import BACKEND, QUEUE


@task(backend=BACKEND, queue_name=QUEUE)
def sync_index(page_ids, what, remove=False):
    """Make the index agree with the database for these products (or remove them)."""
    from .indexing import run_sync

    run_sync(page_ids, what, remove)
