"""A real SMTP server on 127.0.0.1 that records what it receives, a fault proxy in front of
it, and the outbox switched to the real database queue, whose worker the tests run themselves."""

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from outbox_helpers import Recorder, free_port

from scripts.faultproxy import FaultProxy


@pytest.fixture
def smtp_server():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, recorder
    controller.stop()


@pytest.fixture
def smtp(smtp_server, settings):
    """SMTP through a fault proxy; yields (proxy, recorder). EMAIL_TIMEOUT is short here."""
    controller, recorder = smtp_server
    with FaultProxy(("127.0.0.1", controller.port)) as proxy:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = proxy.port
        settings.EMAIL_TIMEOUT = 1
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield proxy, recorder
        proxy.set_mode("pass")
    assert not mail.outbox  # everything went over SMTP


@pytest.fixture
def db_queue(settings):
    """The outbox's tasks go to the database queue, as on a site started by `make run`."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["outbox"]},
    }
    return settings
