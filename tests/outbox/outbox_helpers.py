"""Helpers of the outbox tests: an SMTP handler that records, and one worker run."""

import socket
import threading


class Recorder:
    """An aiosmtpd handler keeping every accepted message: (recipients, subject)."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        text = envelope.content.decode("utf8", errors="replace")
        subject = next((line[9:] for line in text.splitlines() if line.startswith("Subject: ")), "")
        with self.lock:
            self.messages.append((tuple(envelope.rcpt_tos), subject))
        return "250 Message accepted for delivery"

    def count(self):
        with self.lock:
            return len(self.messages)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_worker(worker_id="worker-1", max_tasks=None):
    """One `db_worker --batch` run in this process: every ready task, then return."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["outbox"],
        interval=0,
        batch=max_tasks is None,
        backend_name="background",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


def admin_login(client, user):
    """Sign a staff user into the admin past both factors: a confirmed authenticator device
    recorded in the session, as django-otp's login does after a right code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="uji", defaults={"confirmed": True}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
