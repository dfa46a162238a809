"""Curator-kept synonym sets, applied by our own query code on every engine."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

SYNONYM_CACHE_KEY = "search:synonym-sets:v1"


def split_terms(value):
    """'rotan, Rattan ,  kursi rotan' -> ['rotan', 'rattan', 'kursi rotan'] (lower, unique)."""
    seen = []
    for raw in (value or "").replace("\n", ",").split(","):
        term = " ".join(raw.lower().replace("-", " ").split())
        if term and term not in seen:
            seen.append(term)
    return seen


class SynonymSet(models.Model):
    """Words that mean the same to a buyer: 'rotan, rattan' or 'batik tulis, hand-drawn batik'.

    Any term of a set finds listings that use any other term of it, on every search engine,
    because the expansion happens in our query code (osmem and some clusters ignore synonym
    filters, and the database engine has none).
    """

    terms = models.TextField(
        _("istilah"),
        help_text=_("Pisahkan dengan koma, misalnya: rotan, rattan, rattan furniture"),
    )
    note = models.CharField(_("catatan"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("sinonim pencarian")
        verbose_name_plural = _("sinonim pencarian")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    def save(self, *args, **kwargs):
        self.terms = ", ".join(self.term_list)
        super().save(*args, **kwargs)
        cache.delete(SYNONYM_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(SYNONYM_CACHE_KEY)
        return result

    @property
    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError(
                {"terms": _("Isi paling sedikit dua istilah, pisahkan dengan koma.")}
            )

    @classmethod
    def all_sets(cls):
        sets = cache.get(SYNONYM_CACHE_KEY)
        if sets is None:
            sets = [s.term_list for s in cls.objects.all()]
            cache.set(SYNONYM_CACHE_KEY, sets, 600)
        return sets


class FacetSummary(models.Model):
    """The facet counts and total of an unfiltered listing: the whole catalog (`scope` "") or
    one category's page (`scope` its slug), kept so a listing does not read every product row
    to count them (search/summary.py). Rebuilt by the first listing after a change purges the
    tags it was counted under, and each day (certificates expire)."""

    scope = models.CharField(max_length=120, unique=True)
    total = models.PositiveIntegerField()
    facets = models.JSONField()
    tags = models.JSONField()
    clock = models.BigIntegerField(help_text="The page cache's clock when the rows were read.")
    built_on = models.DateField()

    class Meta:
        verbose_name = _("ringkasan faset")
        verbose_name_plural = _("ringkasan faset")

    def __str__(self):
        return self.scope or "*"
