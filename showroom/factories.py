"""Factories for venues, placements and exhibitions, shared by the tests and the demo command.

Page factories default their parent to the index page the showroom migrations created.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from catalog.factories import ProductPageFactory
from showroom.exhibitions import ExhibitionIndexPage, ExhibitionItem, ExhibitionPage
from showroom.venues import ShelfPlacement, ShowroomIndexPage, ShowroomPage


class ShowroomPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ShowroomPage

    title = factory.Sequence(lambda n: f"Galeri Contoh {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    parent = factory.LazyFunction(lambda: ShowroomIndexPage.objects.first())
    address = "Jl. Contoh No. 1"
    city = "Kota Cirebon"
    opening_hours = "Senin–Jumat 08.00–16.00\nSabtu 08.00–12.00"
    live = True


class ShelfPlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShelfPlacement

    page = factory.SubFactory(ShowroomPageFactory)
    product = factory.SubFactory(ProductPageFactory)
    shelf_code = factory.Sequence(lambda n: f"A{n + 1}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    ends_on = None


class ExhibitionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExhibitionPage

    title = factory.Sequence(lambda n: f"Pameran Contoh {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    parent = factory.LazyFunction(lambda: ExhibitionIndexPage.objects.first())
    theme = "Karya IKM pilihan"
    kind = ExhibitionPage.Kind.TEMPORARY
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    live = True


class ExhibitionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExhibitionItem

    page = factory.SubFactory(ExhibitionPageFactory)
    product = factory.SubFactory(ProductPageFactory)
    booth_code = factory.Sequence(lambda n: f"S{n + 1}")
    note = ""
    sort_order = factory.Sequence(int)
