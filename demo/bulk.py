"""Building many pages at once: signals quiet during the build, indexing in bulk afterwards,
and a fast way to append pages to the tree for the synthetic catalog."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from catalog.models import VendorPage


def site_pages():
    vendor_index = VendorPage.allowed_parent_page_models()[0].objects.first()  # the directory
    if vendor_index is None:
        raise RuntimeError("No IKM directory page (/ikm/): run `manage.py migrate` first.")
    return vendor_index


# Signals: quiet during the build, with explicit indexing afterwards


@contextmanager
def bulk_build(references=True):
    """Build many objects without per-save side effects, then index what was saved, once.

    While active: no renditions on publish (catalog.signals.warm_renditions), no search
    indexing and no reference-index update on each save. Saved objects are collected, and on a
    normal exit they are added to the search backends in bulk (what `update_index` does, for
    these objects only) and, when `references` is true, to Wagtail's reference index (image
    usage in the admin). Use inside a transaction. It changes process-wide signal connections
    for its duration: for management commands and tests, not for code serving requests.
    """
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler

    from catalog.signals import warm_renditions

    collected = {}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            collected.setdefault(sender, set()).add(instance.pk)

    post_save.connect(collect, weak=False, dispatch_uid="demo.bulk_build")
    renditions_off = page_published.disconnect(warm_renditions)
    search_off = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield collected
    finally:
        post_save.disconnect(dispatch_uid="demo.bulk_build")
        if renditions_off:
            page_published.connect(warm_renditions)
        for model in search_off:
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pks in collected.items():
        if search_index.class_is_indexed(model):
            index_for_search(model, pks)
        if references and ReferenceIndex.is_indexed(model) and not _is_child_model(model):
            for instance in model.objects.filter(pk__in=pks).iterator():
                ReferenceIndex.create_or_update_for_object(instance)


def _is_child_model(model):
    """Inline (ParentalKey) models: the reference index records them with their parent page."""
    return any(isinstance(f, ParentalKey) for f in model._meta.get_fields())


def index_for_search(model, pks, chunk_size=500):
    """Add objects to every search backend in bulk (what update_index does, for some objects)."""
    from modelsearch.backends import get_search_backends

    pks = list(pks)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(pks), chunk_size):
        objects = list(model.get_indexed_objects().filter(pk__in=pks[start : start + chunk_size]))
        for backend in backends:
            backend.add_bulk(model, objects)


def warm_demo_renditions(pages):
    from catalog.renditions import warm_page_renditions

    for page in pages:
        warm_page_renditions(page)


# --------------------------------------------------------------------------------------------
# Taxonomy, users and images


def fast_add_children(parent, pages, now):
    """Append `pages` as children of `parent`: no validation, revisions or log entries.

    Paths are computed here (what treebeard's add_child does, minus two queries per page) and
    the parent's numchild is updated once. Pages are live, with first_published_at set. Use
    inside `bulk_build()` so that search indexing happens once at the end.
    """
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    for page in pages:
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        step += 1
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
        page._cached_parent_obj = parent
        page._is_site_root = False
        page.save(clean=False, log_action=None)
    count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    Page.objects.filter(pk=parent.pk).update(numchild=count)
    parent.numchild = count
