"""The soak's mail server and fault schedule (`make soak SOAK_FAULTS=1`).

`MailSink` is an SMTP server on 127.0.0.1 that counts what it receives, so the soak can compare
inquiries accepted, rows saved and emails delivered. `FaultSchedule` puts a FaultProxy
(scripts/faultproxy.py) in front of SMTP, Redis and Elasticsearch and cuts them for a window
in the middle of the run: SMTP and Elasticsearch hang (the case that needs timeouts), Redis
refuses (a server that is down).
"""

import logging
import socket
import threading
import time

from aiosmtpd.controller import Controller
from faultproxy import FaultProxy


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Counter:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            self.count += 1
        return "250 Message accepted for delivery"


class MailSink:
    """An SMTP server on 127.0.0.1 counting the messages it accepts."""

    def __init__(self):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd: a line per command
        self.handler = _Counter()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=free_port())

    @property
    def port(self):
        return self.controller.port

    @property
    def received(self):
        with self.handler.lock:
            return self.handler.count

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()


class FaultSchedule:
    """Proxies in front of the named services; `run(start, length)` cuts them all for a while."""

    MODES = {"smtp": "hang", "redis": "refuse", "elasticsearch": "hang"}

    def __init__(self, upstreams):
        self.proxies = {name: FaultProxy(address) for name, address in upstreams.items()}
        self.log = []

    def start(self):
        for proxy in self.proxies.values():
            proxy.start()
        return self

    def stop(self):
        for proxy in self.proxies.values():
            proxy.stop()

    def port(self, name):
        return self.proxies[name].port

    def run_in_background(self, start_after, length):
        thread = threading.Thread(target=self._cut, args=(start_after, length), daemon=True)
        thread.start()
        return thread

    def _cut(self, start_after, length):
        time.sleep(start_after)
        for name, proxy in self.proxies.items():
            proxy.set_mode(self.MODES.get(name, "refuse"))
        self.log.append((time.strftime("%H:%M:%S"), "cut " + ", ".join(self.proxies)))
        print(f"Soak faults: {', '.join(self.proxies)} cut for {length:.0f} s", flush=True)
        time.sleep(length)
        for proxy in self.proxies.values():
            proxy.set_mode("pass")
        self.log.append((time.strftime("%H:%M:%S"), "restored"))
        print("Soak faults: services restored", flush=True)
