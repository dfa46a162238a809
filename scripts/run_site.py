"""`make run`: the development server and a background worker in one command (subprocesses of
our own manage.py with fixed arguments).

Starts `manage.py runserver HOST:PORT` and the task worker for the configured backend
(`db_worker` for the database queue, `rqworker --with-scheduler` for RQ), sweeps the outbox into
the queue every SWEEP_SECONDS (`send_pending_notifications --enqueue`: emails whose enqueue
failed), and stops both on Ctrl-C or when either exits.
"""

import os
import signal
import subprocess  # nosec B404
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SWEEP_SECONDS = 60


def worker_command(python, backend):
    if backend == "rq":
        return [python, "manage.py", "rqworker", "outbox", "printing", "--with-scheduler"]
    return [
        python,
        "manage.py",
        "db_worker",
        "--backend",
        "background",
        "--queue-name",
        "outbox,printing",
        "--interval",
        "1",
    ]


def main():
    python = sys.executable
    address = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
    backend = os.environ.get("TASKS_BACKEND", "db")
    commands = [[python, "manage.py", "runserver", address]]
    if backend != "immediate":
        commands.append(worker_command(python, backend))
    children = [subprocess.Popen(command, cwd=ROOT) for command in commands]  # noqa: S603  # nosec B603
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    last_sweep = time.monotonic()
    try:
        while all(child.poll() is None for child in children):
            time.sleep(1)
            if backend != "immediate" and time.monotonic() - last_sweep >= SWEEP_SECONDS:
                last_sweep = time.monotonic()
                subprocess.run(  # noqa: S603  # nosec B603
                    [python, "manage.py", "send_pending_notifications", "--enqueue"],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    check=False,
                )
                # Kebutuhan Industri: close requests whose quote deadline has passed.
                subprocess.run(  # noqa: S603  # nosec B603
                    [python, "manage.py", "close_due_requests", "--enqueue"],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    check=False,
                )
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    return max((child.returncode or 0) for child in children)


if __name__ == "__main__":
    sys.exit(main())
