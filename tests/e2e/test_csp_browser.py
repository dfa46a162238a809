"""The Content Security Policy in a real browser: nothing on our pages is blocked by it.

Chromium reports each blocked script, style or image as a ``securitypolicyviolation`` event
(and a console error). A listener installed before any page script runs records them; the
public pages must record none under the strict policy, and the Wagtail admin none under its
relaxed one. A canary (an inline script added on purpose) shows the listener does see them.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.two_factor_login import enrol_in_browser

pytestmark = pytest.mark.e2e

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile || ""}:${event.lineNumber || ""})`
    );
});
"""
PRODUCT = "kain-batik-tulis-mega-mendung"


class ViolationLog:
    def __init__(self, context):
        self.console = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.on("console", self.record_console)

    def record_console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.console.append(message.text)

    def of(self, page):
        return page.evaluate("window.__cspViolations || []") + self.console


@pytest.fixture
def csp_page(new_context):
    context = new_context(viewport={"width": 390, "height": 844})
    return context.new_page(), ViolationLog(context)


def public_urls(catalog):
    product = catalog.products[PRODUCT]
    return {
        "home": "/",
        "catalog": "/katalog/",
        "category": "/katalog/batik/",
        "product": product.url,
        "ikm": catalog.vendors["trusmi"].url,
        "directory": "/ikm/",
        "search": "/cari/?q=batik",
        "english product": "/en" + product.url,
    }


def test_public_pages_break_no_rule_of_the_strict_policy(csp_page, catalog, network_log):
    page, log = csp_page
    for name, url in public_urls(catalog).items():
        response = page.goto(url)
        assert response.status == 200, name
        assert "unsafe-inline" not in response.headers["content-security-policy"], name
        page.wait_for_load_state("load")
        assert log.of(page) == [], f"{name} ({url}): {log.of(page)}"

    # The autocomplete script runs and draws its listbox under the policy.
    page.goto("/katalog/")
    page.get_by_role("combobox", name="Cari produk").fill("mega")
    expect(page.get_by_role("listbox")).to_be_visible()
    assert log.of(page) == []
    assert network_log.failures == []


def test_the_listener_sees_a_blocked_inline_script(csp_page, catalog):
    page, log = csp_page
    page.goto("/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true;";
            document.head.appendChild(script);
        }"""
    )
    expect(page.locator("body")).to_be_visible()
    page.wait_for_function("window.__cspViolations.length > 0")
    assert any("script-src" in violation for violation in log.of(page))
    assert page.evaluate("window.__injected === undefined")


@pytest.fixture
def editor(django_user_model):
    django_user_model.objects.create_superuser(
        username="penyunting", email="penyunting@example.test", password="sandi-uji-123"
    )
    return "penyunting", "sandi-uji-123"


def test_the_admin_works_under_its_relaxed_policy(new_context, catalog, editor):
    context = new_context()
    log = ViolationLog(context)
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(editor[0])
    page.locator("#id_password").fill(editor[1])
    page.locator("form button[type=submit]").first.click()
    enrol_in_browser(page)  # a superuser's first sign-in
    expect(page).to_have_url(re.compile(r"/admin/$"))

    product = catalog.products[PRODUCT]
    for url in ("/admin/", f"/admin/pages/{product.pk}/edit/", "/admin/images/"):
        response = page.goto(url)
        assert response.status == 200, url
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        assert log.of(page) == [], f"{url}: {log.of(page)}"
