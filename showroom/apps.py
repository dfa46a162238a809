from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowroomConfig(AppConfig):
    name = "showroom"
    verbose_name = _("Showroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from search.hooks import register_membership_provider
        from search.taxonomy import forget_taxonomy
        from showroom.featured import forget_featured
        from showroom.models import ExhibitionPage, HomePage
        from showroom.search_membership import EXHIBITIONS

        # The catalog's exhibition filter and the index read exhibitions through this hook.
        register_membership_provider("exhibition", EXHIBITIONS)

        for signal in (page_published, page_unpublished):
            signal.connect(
                forget_featured, sender=HomePage, dispatch_uid=f"showroom-featured-{signal}"
            )
        # The catalog's exhibition filter names live exhibitions from the taxonomy cache.
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                forget_taxonomy, sender=ExhibitionPage, dispatch_uid=f"showroom-taxonomy-{signal}"
            )
