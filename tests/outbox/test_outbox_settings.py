"""The settings behind the outbox: one variable switches the task queue, EMAIL_TIMEOUT bounds
SMTP (from the environment, under gunicorn's 30 s), Wagtail's own tasks stay immediate."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import task_backend

BASE_DIR = Path(__file__).resolve().parents[2]


def settings_of(**environ):
    """Settings values read by a fresh interpreter with this environment (dev settings)."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_TIMEOUT, s.TASKS['default']['BACKEND'], s.TASKS['background']['BACKEND'])"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **environ}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_defaults_are_the_database_queue_and_a_ten_second_smtp_bound():
    timeout, default, background = settings_of()
    assert float(timeout) == 10
    assert default == "django_tasks.backends.immediate.ImmediateBackend"
    assert background == "django_tasks_db.DatabaseBackend"


def test_one_variable_switches_to_rq_and_email_timeout_comes_from_the_environment():
    timeout, _default, background = settings_of(TASKS_BACKEND="rq", EMAIL_TIMEOUT="4")
    assert float(timeout) == 4
    assert background == "django_tasks_rq.RQBackend"


def test_an_unknown_backend_is_refused():
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND"):
        task_backend("celery", queues=["outbox"])
