"""The product photo lightbox and the share box in a real browser, on a phone (390x844, touch)
and on a desktop: click opens, next/previous and arrow keys move, a swipe moves, Escape closes
and gives the focus back; "Salin tautan" copies and says so; the Web Share API is used where
the browser has it; without JavaScript a photo is a plain link to its large WebP image; axe
finds nothing with the lightbox open and the Nu checker nothing on the page.

Run with ``.venv/bin/pytest tests/e2e``; see conftest.py for what the fixtures need.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"  # two photos in the test catalog
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
LARGE_WEBP = re.compile(r"\.max-1600x1600\.format-webp\.webp$")


@pytest.fixture(params=["phone", "desktop"])
def screen(request):
    return request.param, PHONE if request.param == "phone" else DESKTOP


def open_product(new_context, catalog, options, **extra):
    page = new_context(**options, **extra).new_page()
    page.goto(catalog.products[PRODUCT].url)
    return page


def lightbox(page):
    return page.locator("dialog.lightbox")


def counter(page):
    return lightbox(page).locator("[data-lightbox-counter]")


def test_lightbox_by_click_keys_and_escape(new_context, catalog, screen, network_log):
    name, options = screen
    page = open_product(new_context, catalog, options)
    links = page.locator("a[data-gallery-item]")
    expect(links).to_have_count(2)
    first_alt = links.nth(0).locator("img").get_attribute("alt")
    second_alt = links.nth(1).locator("img").get_attribute("alt")

    links.nth(0).click()
    dialog = lightbox(page)
    expect(dialog).to_be_visible()
    expect(counter(page)).to_have_text("1 / 2")
    image = dialog.locator("img")
    expect(image).to_have_attribute("alt", first_alt)
    expect(image).to_have_attribute("src", LARGE_WEBP)
    page.wait_for_function(
        "() => { const i = document.querySelector('dialog.lightbox img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    expect(page).to_have_url(re.compile(re.escape(catalog.products[PRODUCT].url) + "$"))
    box = image.bounding_box()
    viewport = options["viewport"]
    assert box["width"] <= viewport["width"] and box["height"] <= viewport["height"], box
    assert box["width"] > viewport["width"] / 2 or box["height"] > viewport["height"] / 2, box
    expect(dialog.get_by_role("button", name="Tutup")).to_be_focused()

    dialog.get_by_role("button", name="Berikutnya").click()
    expect(counter(page)).to_have_text("2 / 2")
    expect(dialog.locator("img")).to_have_attribute("alt", second_alt)
    page.keyboard.press("ArrowRight")  # wraps around
    expect(counter(page)).to_have_text("1 / 2")
    page.keyboard.press("ArrowLeft")
    expect(counter(page)).to_have_text("2 / 2")
    dialog.get_by_role("button", name="Sebelumnya").click()
    expect(counter(page)).to_have_text("1 / 2")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate(
        "() => document.activeElement === document.querySelectorAll('a[data-gallery-item]')[0]"
    ), f"{name}: the focus did not return to the photo"

    # Opened from the second photo, it starts there; "Tutup" closes too.
    links.nth(1).click()
    expect(counter(page)).to_have_text("2 / 2")
    dialog.get_by_role("button", name="Tutup").click()
    expect(dialog).to_be_hidden()
    assert page.evaluate(
        "() => document.activeElement === document.querySelectorAll('a[data-gallery-item]')[1]"
    )
    assert not network_log.failures, network_log.failures


def swipe(page, from_x, to_x, y=400):
    stage = lightbox(page).locator("[data-lightbox-stage]")
    common = {"pointerId": 7, "pointerType": "touch", "isPrimary": True, "bubbles": True}
    stage.dispatch_event("pointerdown", {**common, "clientX": from_x, "clientY": y})
    stage.dispatch_event("pointermove", {**common, "clientX": (from_x + to_x) / 2, "clientY": y})
    stage.dispatch_event("pointerup", {**common, "clientX": to_x, "clientY": y})


def test_swipe_moves_between_photos_on_a_phone(new_context, catalog):
    page = open_product(new_context, catalog, PHONE)
    page.locator("a[data-gallery-item]").first.tap()
    expect(lightbox(page)).to_be_visible()
    expect(counter(page)).to_have_text("1 / 2")

    swipe(page, 320, 80)  # right to left: the next photo
    expect(counter(page)).to_have_text("2 / 2")
    swipe(page, 80, 320)  # left to right: the previous one
    expect(counter(page)).to_have_text("1 / 2")
    swipe(page, 200, 190)  # a tap-sized move is not a swipe
    expect(counter(page)).to_have_text("1 / 2")


def test_copy_link_says_it_copied(new_context, catalog, screen):
    _, options = screen
    page = open_product(
        new_context, catalog, options, permissions=["clipboard-read", "clipboard-write"]
    )
    share = page.locator("[data-share]")
    expect(share.get_by_role("link", name="Bagikan lewat WhatsApp")).to_be_visible()
    expect(share.get_by_role("button", name="Bagikan", exact=True)).to_be_hidden()

    share.get_by_role("button", name="Salin tautan").click()
    expect(share.get_by_role("status")).to_have_text("Tautan disalin.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == f"{catalog.url}{catalog.products[PRODUCT].url}"


def test_web_share_is_used_where_the_browser_has_it(new_context, catalog):
    context = new_context(**PHONE)
    context.add_init_script(
        "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"
    )
    page = context.new_page()
    page.goto(catalog.products[PRODUCT].url)
    share = page.locator("[data-share]")
    expect(share.get_by_role("link", name="Bagikan lewat WhatsApp")).to_be_hidden()
    expect(share.get_by_role("button", name="Salin tautan")).to_be_hidden()

    share.get_by_role("button", name="Bagikan", exact=True).click()
    page.wait_for_function("() => window.sharedData !== undefined")
    shared = page.evaluate("() => window.sharedData")
    assert shared == {
        "title": "Kain Batik Tulis Mega Mendung",
        "url": f"{catalog.url}{catalog.products[PRODUCT].url}",
    }


def test_without_javascript_a_photo_opens_the_large_image(new_context, catalog):
    page = open_product(new_context, catalog, PHONE, java_script_enabled=False)
    expect(page.get_by_role("link", name="Bagikan lewat WhatsApp")).to_be_visible()
    expect(page.get_by_role("button", name="Salin tautan")).to_be_hidden()
    with page.expect_response(LARGE_WEBP) as response_info:
        page.locator("a[data-gallery-item]").first.click()
    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "image/webp"
    expect(page).to_have_url(LARGE_WEBP)


def test_accessible_with_the_lightbox_open_and_valid_html(
    new_context, catalog, screen, assert_no_axe_violations, html_checker
):
    _, options = screen
    documents = {}
    for prefix, close in (("", "Tutup"), ("/en", "Close")):
        page = new_context(**options).new_page()
        response = page.goto(prefix + catalog.products[PRODUCT].url)
        documents[f"product {prefix or '/'}"] = response.text()
        assert_no_axe_violations(page)
        page.locator("a[data-gallery-item]").first.click()
        expect(lightbox(page)).to_be_visible()
        expect(lightbox(page).get_by_role("button", name=close)).to_be_focused()
        assert_no_axe_violations(page)
    html_checker(documents)
