#!/usr/bin/env python
"""Profile public pages in-process with pyinstrument: `scripts/profile_page.py /katalog/ ...`.

Uses the bench settings and database (DATABASE_URL, default bench.sqlite3) with the page cache
off, warms each page, then prints its CPU time per request, its SQL (count and time) and a
pyinstrument call tree of ten requests. This is how the README's profiles were taken.
"""

import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR / 'bench.sqlite3'}")
os.environ["PAGE_CACHE_SECONDS"] = "0"
REQUESTS = 10


def main(paths):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    client = Client()
    for path in paths:
        for _ in range(3):
            client.get(path)
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            for _ in range(REQUESTS):
                client.get(path)
            cpu_ms = (time.process_time() - started) * 1000 / REQUESTS
        sql_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000 / REQUESTS
        queries = len(captured.captured_queries) // REQUESTS
        print(f"== {path}: {cpu_ms:.0f} ms CPU per request, {queries} queries, {sql_ms:.0f} ms SQL")
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(REQUESTS):
            client.get(path)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))


if __name__ == "__main__":
    main(sys.argv[1:] or ["/katalog/"])
