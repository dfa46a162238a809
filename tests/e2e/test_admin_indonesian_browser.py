"""In the browser: an IKM owner walks their admin screens and sees no English.

The server-side check (tests/config/test_admin_indonesian.py) records gettext lookups; this one
reads what Chromium shows, so strings Wagtail's JavaScript renders (the sidebar, the editor's
side panels, the focal-point tool, dialogs) count too. A line of visible text, an aria-label, a
title or a placeholder that is exactly an English msgid of Wagtail or Django with no Indonesian
translation fails the test.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.admin_language import untranslated_english

pytestmark = pytest.mark.e2e

PASSWORD = "Batik-Trusmi-2026!"

VISIBLE_TEXT = """() => {
  const texts = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest("script, style, template, noscript, [hidden]")) continue;
    const text = node.textContent.trim();
    if (text && element.getClientRects().length) texts.add(text);
  }
  for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = (element.getAttribute(name) || "").trim();
      if (value) texts.add(value);
    }
  }
  return [...texts];
}"""


def english_on(page, english):
    return sorted({text for text in page.evaluate(VISIBLE_TEXT) if text in english})


def test_an_owner_sees_no_english_on_their_screens(new_context, catalog):
    from catalog.factories import UserFactory
    from catalog.models import CatalogImage
    from catalog.onboarding import Owner, onboard_ikm
    from catalog.ownership import ensure_roles

    product = next(iter(catalog.products.values()))
    vendor = product.get_parent().specific
    ensure_roles()
    owner = UserFactory(username="siti", email="siti@example.test", password=PASSWORD)
    onboard_ikm(vendor.title, vendor.region, [Owner(email=owner.email)], slug=vendor.slug)
    image = CatalogImage.objects.filter(collection__name=vendor.title).first()
    image = image or CatalogImage.objects.first()
    english = untranslated_english()

    # An English-language browser: the admin still answers in Indonesian.
    page = new_context(locale="en-US").new_page()
    page.goto("/admin/login/")
    found = {"/admin/login/": english_on(page, english)}
    page.locator("input[name=username]").fill("siti")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))

    screens = [
        "/admin/",
        f"/admin/pages/{vendor.pk}/",
        f"/admin/pages/{vendor.pk}/edit/",
        f"/admin/pages/{product.pk}/edit/",
        f"/admin/pages/add/catalog/productpage/{vendor.pk}/",
        f"/admin/pages/{product.pk}/history/",
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/pertanyaan/",
        "/admin/account/",
    ]
    for screen in screens:
        page.goto(screen)
        page.wait_for_load_state("networkidle")
        # The editor's side panels and tabs render their labels when opened.
        for toggle in page.locator("[data-side-panel-toggle]").all():
            if toggle.is_visible():
                toggle.dispatch_event("click")
                found.setdefault(f"{screen} (panel)", []).extend(english_on(page, english))
        for tab in page.locator("[role=tab]").all():
            if tab.is_visible():
                tab.dispatch_event("click")
                found.setdefault(f"{screen} (tabs)", []).extend(english_on(page, english))
        found.setdefault(screen, []).extend(english_on(page, english))
    found = {screen: sorted(set(texts)) for screen, texts in found.items() if texts}
    assert not found, f"English on the owner's screens: {found}"
