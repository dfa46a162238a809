"""Load scenario for `make soak` (scripts/soak.py runs it headless against 127.0.0.1).

Buyers browse (home, catalog pages, categories, products, IKM pages), search, use the
autocomplete and send inquiries the way the page's script does (fetch fresh tokens from
/tanya/token/, wait like a person typing, post); owners log in to the admin, open one of their
products and save it (a draft, sometimes published, which purges the page cache).

Every inquiry post is classified from its answer: a 302 to the confirmation page is accepted,
a 429 refused by the rate limits, anything else invalid. soak.py checks afterwards that the
database holds exactly the accepted ones. The plan (which pages, which owner) comes from the
JSON file named by SOAK_PLAN, written by soak.py.
"""

import json
import os
import random
import re
from collections import Counter
from html.parser import HTMLParser

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["SOAK_PLAN"], encoding="utf-8").read())  # noqa: SIM115
COUNTS = Counter()
WORDS = ["batik", "rotan", "kursi rotan", "sirup pala", "topeng", "kerajinan", "emping", "tas"]


@events.request.add_listener
def count_server_errors(response=None, exception=None, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    COUNTS["requests"] += 1
    if status >= 500:
        COUNTS["server_errors"] += 1
    elif exception is not None and status == 0:
        COUNTS["connection_errors"] += 1  # reset, refused or timed out: no answer at all


@events.quitting.add_listener
def write_counts(environment, **kwargs):
    with open(os.environ["SOAK_COUNTS"], "w", encoding="utf-8") as handle:
        json.dump(dict(COUNTS), handle)


class Buyer(HttpUser):
    weight = 9
    wait_time = between(1, 4)

    def on_start(self):
        # One address per simulated buyer (the server trusts one proxy: TRUSTED_PROXY_COUNT=1).
        self.ip = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        self.client.headers["X-Forwarded-For"] = self.ip

    @task(4)
    def browse_catalog(self):
        self.client.get("/")
        page = random.randint(1, PLAN["catalog_pages"])
        self.client.get(f"/katalog/?halaman={page}", name="/katalog/?halaman=[n]")
        self.client.get(random.choice(PLAN["categories"]), name="/katalog/[category]/")

    @task(6)
    def view_product(self):
        self.client.get(random.choice(PLAN["products"])["url"], name="/ikm/[ikm]/[product]/")
        self.client.get(random.choice(PLAN["vendors"])["url"], name="/ikm/[ikm]/")

    @task(3)
    def search(self):
        word = random.choice(WORDS)
        self.client.get(f"/cari/saran/?q={word[:3]}", name="/cari/saran/?q=[word]")
        self.client.get("/cari/", params={"q": word}, name="/cari/?q=[word]")

    @task(1)
    def send_inquiry(self):
        target = random.choice(PLAN["products"] + PLAN["vendors"])
        tokens = self.client.get("/tanya/token/").json()
        self.wait_like_typing()
        email = f"pembeli{random.randint(1, 10**9)}@example.test"
        if random.random() < 0.1:
            email = "pembeli.sering@example.test"  # one address over its limit: refusals
        data = {
            **tokens,
            "name": "Pembeli Uji Beban",
            "email": email,
            "phone": "",
            "buyer_type": "retail",
            "company": "",
            "quantity": "3",
            "wanted_by": "",
            "message": "Apakah produk ini tersedia untuk dikirim minggu depan?",
            "consent": "on",
            "website": "",
        }
        with self.client.post(
            f"/tanya/{target['id']}/",
            data=data,
            name="/tanya/[id]/ (post)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302 and "/tanya/terkirim/" in response.headers["Location"]:
                COUNTS["inquiries_accepted"] += 1
                response.success()
            elif response.status_code == 429:
                COUNTS["inquiries_refused"] += 1
                response.success()  # a refusal the buyer is told about is not a failure
            else:
                COUNTS["inquiries_invalid"] += 1
                response.failure(f"inquiry answered {response.status_code}")

    def wait_like_typing(self):
        import gevent

        gevent.sleep(PLAN["min_fill_seconds"] + random.random())


class FormFields(HTMLParser):
    """The fields a browser would post from a form: inputs, checked boxes, selects, textareas."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if self.inside and tag == "div" and attrs.get("data-controller") == "w-block":
            # A StreamField's editor is built by JavaScript, which posts its blocks; an owner
            # here posts it empty (the synthetic products' long descriptions are cleared).
            name = attrs["id"].removeprefix("id_")
            self.fields.append((f"{name}-count", "0"))
            return
        if not self.inside or not attrs.get("name") and tag not in ("option",):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((attrs["name"], attrs.get("value", "on")))
                return
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self.select = [attrs["name"], None, None]
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select[2] is None:
                self.select[2] = value
            if "selected" in attrs:
                self.select[1] = value
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            name, chosen, first = self.select
            self.fields.append((name, chosen if chosen is not None else first or ""))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None


class Owner(HttpUser):
    weight = 1
    wait_time = between(3, 8)

    def on_start(self):
        page = self.client.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post(
            "/admin/login/",
            data={
                "csrfmiddlewaretoken": token,
                "username": PLAN["owner"]["username"],
                "password": PLAN["owner"]["password"],
                "next": "/admin/",
            },
            headers={"Referer": f"{self.host}/admin/login/"},
            name="/admin/login/ (post)",
        )

    @task(3)
    def open_dashboard_and_inbox(self):
        self.client.get("/admin/")
        self.client.get("/admin/pertanyaan/", name="/admin/pertanyaan/")

    @task(2)
    def edit_a_product(self):
        page_id = random.choice(PLAN["owner"]["product_ids"])
        url = f"/admin/pages/{page_id}/edit/"
        page = self.client.get(url, name="/admin/pages/[id]/edit/")
        parser = FormFields("page-edit-form")
        parser.feed(page.text)
        fields = [(k, v) for k, v in parser.fields if k != "summary"]
        fields.append(("summary", f"Diperbarui pemilik (uji beban {random.randint(1, 10**6)})."))
        if random.random() < 0.3:
            fields.append(("action-publish", "action-publish"))
        with self.client.post(
            url,
            data=fields,
            headers={"Referer": f"{self.host}{url}"},
            name="/admin/pages/[id]/edit/ (post)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                COUNTS["owner_saves"] += 1
                response.success()
            else:
                COUNTS["owner_saves_refused"] += 1
                response.failure(f"edit answered {response.status_code}")
