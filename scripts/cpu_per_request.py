#!/usr/bin/env python
"""CPU time per request of some URLs of a Django site, in-process with Django's test client.

Site-agnostic on purpose (no import of this project): `scripts/bench_cpu.py` runs it under our
venv for our site and under bakerydemo's venv for bakerydemo, so both are measured the same way.
Run from the site's directory with DJANGO_SETTINGS_MODULE set:

    python cpu_per_request.py --host HOST --rounds 15 /path/ /other/path/

Each URL is requested three times to warm up (image renditions, Wagtail's caches), then
`--rounds` times; the CPU time of this process (`time.process_time`, SQLite included) around
each `client.get` is kept and the median printed, with the SQL queries of one warm request.
Prints one JSON object: {url: {"cpu_ms": median, "status": ..., "queries": ...}}.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("urls", nargs="+")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST=options.host)
    figures = {}
    for url in options.urls:
        for _ in range(3):
            response = client.get(url)
        executed = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(options.rounds):
            started = time.process_time()
            client.get(url)
            times.append((time.process_time() - started) * 1000)
        figures[url] = {
            "cpu_ms": round(statistics.median(times), 1),
            "status": response.status_code,
            "queries": len(executed),
        }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
