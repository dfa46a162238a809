"""A buyer asks an IKM about a product in a real browser, in Indonesian and in English: the
error state is announced and focused, the confirmation gives the reference, axe finds nothing.

Run with ``.venv/bin/pytest tests/e2e``; see conftest.py for what the fixtures need.
"""

import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"
REFERENCE = re.compile(r"INQ-\d{4}-\d{6}")


@dataclass
class FormText:
    """The labels and texts of the inquiry form in one language, from the gettext catalogue."""

    name: str
    email: str
    phone: str
    buyer_type: str
    wholesale: str
    quantity: str
    message: str
    consent: str
    submit: str
    error_summary: str
    sent: str


def form_text(language, product):
    from inquiries.forms import InquiryForm
    from inquiries.models import Inquiry

    with translation.override(language):
        form = InquiryForm(product=product)

        def label(name):
            return str(form[name].label)

        return FormText(
            name=label("name"),
            email=label("email"),
            phone=label("phone"),
            buyer_type=label("buyer_type"),
            wholesale=str(Inquiry.BuyerType.WHOLESALE.label),
            quantity=label("quantity"),
            message=label("message"),
            consent=label("consent"),
            submit=translation.gettext("Kirim pertanyaan"),
            error_summary=translation.gettext("Pesan belum terkirim. Periksa isian berikut:"),
            sent=translation.gettext("Pertanyaan terkirim"),
        )


def inquiry_form(page, text):
    return page.locator("form.inquiry-form").filter(
        has=page.get_by_role("button", name=text.submit)
    )


def submit_empty_and_check_errors(page, text, assert_no_axe_violations):
    form = inquiry_form(page, text)
    form.get_by_role("button", name=text.submit).click()

    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(text.error_summary)
    # The summary links to each field in error.
    expect(alert.locator('a[href="#id_name"]')).to_contain_text(text.name)
    expect(alert.locator('a[href="#id_message"]')).to_be_visible()

    # The first field in error has the focus.
    assert page.evaluate("document.activeElement && document.activeElement.id") == "id_name"

    form = inquiry_form(page, text)
    for name in ("name", "email", "buyer_type", "message", "consent"):
        field = form.locator(f"#id_{name}")
        expect(field).to_have_attribute("aria-invalid", "true")
        described_by = field.get_attribute("aria-describedby") or ""
        error_ids = [i for i in described_by.split() if i.endswith("_error")]
        assert error_ids, f"#id_{name} is not described by its error: {described_by!r}"
        error = page.locator(f"#{error_ids[0]}")
        expect(error).to_be_visible()
        assert error.inner_text().strip(), f"#{error_ids[0]} is empty"
    # Fields without an error are not marked invalid.
    expect(form.locator("#id_company")).not_to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)


def fill_and_send(page, text, buyer_email):
    form = inquiry_form(page, text)
    form.get_by_label(text.name).fill("Budi Santoso")
    form.get_by_label(text.email).fill(buyer_email)
    form.get_by_label(text.phone).fill("0812 3456 7890")
    form.get_by_label(text.buyer_type).select_option(label=text.wholesale)
    form.get_by_label(text.quantity).fill("50")
    form.get_by_label(text.message).fill("Berapa harga untuk 50 lembar motif mega mendung biru?")
    form.get_by_label(text.consent).check()
    form.get_by_role("button", name=text.submit).click()


def assert_confirmation(page, text, assert_no_axe_violations, prefix=""):
    expect(page).to_have_url(re.compile(rf"{re.escape(prefix)}/tanya/terkirim/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(text.sent)
    lead = page.locator("p.lead")
    expect(lead).to_contain_text(REFERENCE)
    reference = REFERENCE.search(lead.inner_text()).group(0)
    assert_no_axe_violations(page)
    return reference


def test_buyer_sends_an_inquiry_in_indonesian(page, new_context, catalog, assert_no_axe_violations):
    from inquiries.models import Inquiry

    product = catalog.products[PRODUCT]
    vendor = catalog.vendors["trusmi"]
    text = form_text("id", product)
    assert text.name == "Nama" and text.submit == "Kirim pertanyaan"

    page.goto(product.url)
    form = inquiry_form(page, text)
    expect(form).to_be_visible()
    expect(form).to_have_attribute("action", f"/tanya/{product.pk}/")
    assert_no_axe_violations(page)

    submit_empty_and_check_errors(page, text, assert_no_axe_violations)
    assert not Inquiry.objects.exists()

    # What the buyer types now is kept through another refusal (no consent given).
    form = inquiry_form(page, text)
    form.get_by_label(text.name).fill("Budi Santoso")
    form.get_by_label(text.message).fill("Tanpa persetujuan")
    form.get_by_role("button", name=text.submit).click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(inquiry_form(page, text).get_by_label(text.name)).to_have_value("Budi Santoso")

    fill_and_send(page, text, "budi@example.test")
    reference = assert_confirmation(page, text, assert_no_axe_violations)

    inquiry = Inquiry.objects.get()
    assert inquiry.reference == reference
    assert (inquiry.vendor_id, inquiry.product_id) == (vendor.pk, product.pk)
    assert inquiry.phone == "+6281234567890"
    assert inquiry.language == "id"
    owner_mail = [m for m in mail.outbox if vendor.email in m.to]
    assert len(owner_mail) == 1 and reference in owner_mail[0].subject

    # The WhatsApp button on the confirmation carries the reference.
    whatsapp = page.locator("a.button--whatsapp")
    expect(whatsapp).to_have_attribute("href", f"/wa/{product.pk}/?ref={reference}")

    owner_finds_it_in_the_inbox(new_context(), vendor, reference)


def owner_finds_it_in_the_inbox(context, vendor, reference):
    """The IKM's owner logs in to the admin and sees the inquiry in their inbox."""
    from catalog.factories import UserFactory
    from catalog.ownership import grant_vendor_ownership

    owner = UserFactory(username="siti", email="siti@example.test")
    grant_vendor_ownership(vendor, [owner])

    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("siti")
    page.locator("input[name=password]").fill("sandi-uji-123")
    page.locator("input[name=password]").press("Enter")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))

    page.goto("/admin/pertanyaan/")
    expect(page).to_have_url(re.compile(r"/admin/pertanyaan/$"))
    expect(page.get_by_role("link", name=reference)).to_be_visible()


def test_buyer_sends_an_inquiry_in_english(page, catalog, assert_no_axe_violations):
    from inquiries.models import Inquiry

    product = catalog.products[PRODUCT]
    text = form_text("en", product)
    indonesian = form_text("id", product)
    untranslated = [
        field
        for field in ("phone", "buyer_type", "message", "consent", "submit", "sent")
        if getattr(text, field) == getattr(indonesian, field)
    ]
    if untranslated:
        # Once locale/en translates the inquiry form, this test runs as any other.
        pytest.xfail(f"the inquiry form is not translated to English yet: {untranslated}")

    page.goto(f"/en{product.url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    form = inquiry_form(page, text)
    expect(form).to_have_attribute("action", f"/en/tanya/{product.pk}/")
    assert_no_axe_violations(page)

    submit_empty_and_check_errors(page, text, assert_no_axe_violations)
    expect(page.locator("html")).to_have_attribute("lang", "en")

    fill_and_send(page, text, "buyer@example.test")
    reference = assert_confirmation(page, text, assert_no_axe_violations, prefix="/en")
    assert Inquiry.objects.get().language == "en"
    assert Inquiry.objects.get().reference == reference
