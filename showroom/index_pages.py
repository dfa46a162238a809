"""What the four index pages (catalog, IKM directory, exhibitions, showroom venues) share: an
introduction with its optional English twin, shown above the listing and used as the meta
description when the page has none of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from catalog.models.pages import BasePage
from catalog.translation import translated_value
from pagecache import tags as cache_tags


class IndexPage(BasePage):
    intro = models.TextField(_("pengantar"), blank=True)
    intro_en = models.TextField(_("pengantar (bahasa Inggris)"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        BasePage.english_panel(FieldPanel("intro_en")),
    ]
    parent_page_types = ["showroom.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def get_meta_description(self):
        return super().get_meta_description() or translated_value(self, "intro")

    def cache_tags(self):
        # An index lists its children (the catalog's listings carry their search answers' tags).
        return [*super().cache_tags(), cache_tags.children(self.pk)]
