"""The scheduled closing of requests at their deadline, as a django-tasks task on the
"background" backend's outbox queue (the queue `make run`'s worker serves)."""

from django_tasks import task

from sourcing.services.quotes import close_due_requests

BACKEND = "background"
QUEUE = "outbox"


@task(backend=BACKEND, queue_name=QUEUE)
def close_due_requests_task():
    return close_due_requests()
