"""Prices typed the Indonesian way: "1.750.000", "1.750.000,00", "Rp 1.750.000" and "1750000"
are the same amount in the admin's price field, shown grouped, with errors in the user's
language; units come from the curators' list."""

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from catalog.factories import ProductPageFactory
from catalog.models import ProductPage, Unit
from catalog.rupiah import RupiahFormField, parse_rupiah
from tests.catalog.test_admin import edit_url, field_errors, product_form

SAME = ["1.750.000", "1.750.000,00", "Rp 1.750.000", "1750000", "Rp1.750.000,-", "1,750,000"]


@pytest.mark.parametrize("text", SAME)
def test_indonesian_and_english_writing_mean_the_same_amount(text):
    assert parse_rupiah(text) == 1_750_000


@pytest.mark.parametrize(
    ("text", "value"), [("1.750", 1750), ("0", 0), ("", None), ("IDR 5.000", 5000)]
)
def test_groups_of_three(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize("text", ["1,5", "1.5", "1.75", "abc", "-100", "1.7500.000", "Rp"])
def test_what_is_not_whole_rupiah_is_refused(text):
    if text == "Rp":
        assert parse_rupiah(text) is None
        return
    with pytest.raises(ValueError):
        parse_rupiah(text)


def test_the_form_field_shows_grouped_amounts_on_a_digit_keyboard():
    field = RupiahFormField(required=False)
    html = field.widget.render("price", 1_750_000)
    assert 'value="1.750.000"' in html and 'inputmode="numeric"' in html
    assert 'type="text"' in html  # a number input would read "1.750.000" as 1.75
    with translation.override("en"):
        assert 'value="1,750,000"' in field.widget.render("price", 1_750_000)


@pytest.fixture
def product(site_tree):
    product = ProductPageFactory(title="Kain Tenun", price=35_000, sku="KT-01")
    product.save_revision()
    return product


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["1.750.000", "1.750.000,00", "Rp 1.750.000", "1750000"])
def test_the_admin_saves_what_the_owner_typed(superuser_client, product, typed):
    response = superuser_client.get(edit_url(product))
    assert 'value="35.000"' in response.content.decode()
    data = product_form(superuser_client, product, price=typed)
    response = superuser_client.post(edit_url(product), data)
    assert response.status_code == 302, field_errors(response, "price")
    draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert draft.price == 1_750_000


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("id", "Tulis harga dalam rupiah, misalnya 1.750.000 atau Rp 1.750.000."),
        ("en", "Write the price in rupiah, for example 1,750,000 or Rp 1,750,000."),
    ],
)
def test_a_wrong_price_is_refused_in_the_users_language(
    superuser_client, superuser, product, language, message
):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = language
    profile.save()
    data = product_form(superuser_client, product, price="satu juta")
    response = superuser_client.post(edit_url(product), data)
    assert response.status_code == 200
    assert field_errors(response, "price") == [message]


@pytest.mark.django_db
def test_the_unit_drop_down_offers_the_curators_units(superuser_client, product):
    Unit.objects.create(code="tampah", name="tampah")
    html = superuser_client.get(edit_url(product)).content.decode()
    for unit in ("toples", "kotak", "m²", "tampah"):
        assert f">{unit}</option>" in html
    data = product_form(superuser_client, product, price_unit="tampah")
    assert superuser_client.post(edit_url(product), data).status_code == 302
    draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert draft.get_price_unit_display() == "tampah"
    data = product_form(superuser_client, product, price_unit="karat")
    response = superuser_client.post(edit_url(product), data)
    assert response.status_code == 200
    assert field_errors(response, "price_unit") == ["Satuan “karat” tidak dikenal."]


@pytest.mark.django_db
def test_the_default_units_come_back_when_the_list_was_emptied(site_tree):
    """A flushed database (or a transactional test before this one) empties the list the
    migration seeded; products' units must stay valid."""
    from django.core.cache import cache

    from catalog.units import DEFAULT_UNITS

    Unit.objects.all().delete()
    cache.clear()
    product = ProductPageFactory(price_unit="toples")
    product.full_clean()
    assert Unit.objects.count() == len(DEFAULT_UNITS)
    assert product.get_price_unit_display() == "toples"


@pytest.mark.parametrize("typed", ["1.750.000", "1.750.000,00", "Rp 1.750.000", "1750000"])
def test_the_public_price_filter_reads_the_same_writing(typed):
    from django.http import QueryDict

    from search.query import CatalogQuery

    query = CatalogQuery.from_params(QueryDict(f"harga_min={typed}&harga_max=1,5"))
    assert query.price_min == 1_750_000
    assert query.price_max is None  # cents are not rupiah: the bound is dropped
