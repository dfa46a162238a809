"""Keeping the Elasticsearch products index in step with the pages.

The index is an alias (settings.SEARCH_INDEX_NAME) over one concrete index
`<alias>-<UTC timestamp>`. `rebuild_index()` (and the `search_reindex` command) builds a new
concrete index and swaps the alias atomically; between rebuilds, the signal handlers connected
by `connect_signals()` update the alias's current index after each transaction commits.

Every function here is a no-op unless settings.ELASTICSEARCH_URL is set. A failed sync never
breaks saving a page: engine errors are logged as warnings and swallowed (the next publish or
a `search_reindex` puts the index right).
"""

import datetime
import logging
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from elastic_transport import ApiError, TransportError
from elasticsearch.helpers import BulkIndexError, streaming_bulk
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalog.models import Category, Material, ProductPage, Region, Sentra, VendorPage

from .documents import index_mappings, index_settings, indexable_products, iter_documents
from .engines.base import EngineUnavailable
from .es_client import make_client, use_compat_headers
from .hooks import membership_provider

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 500
# Index maintenance may take longer than a buyer's search, but stays bounded: a sync runs in
# a background task after the commit (in the editor's request only when the queue cannot take
# it), a rebuild sends bulk requests of a batch each.
MIN_SYNC_TIMEOUT = 5.0
MIN_REBUILD_TIMEOUT = 30.0
ENGINE_ERRORS = (ApiError, TransportError, BulkIndexError, EngineUnavailable)


def enabled():
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def alias_name():
    return settings.SEARCH_INDEX_NAME


@lru_cache(maxsize=4)
def _client(url, timeout, compat):
    return make_client(url, timeout)


def get_client(min_timeout=MIN_SYNC_TIMEOUT):
    """A client for index maintenance (cached per URL, timeout and header mode)."""
    timeout = max(float(settings.SEARCH_TIMEOUT_SECONDS), min_timeout)
    return _client(settings.ELASTICSEARCH_URL, timeout, use_compat_headers())


def reset_client_cache():
    _client.cache_clear()


def new_index_name(alias=None):
    """`<alias>-<UTC timestamp>`, unique to the microsecond (two quick rebuilds differ)."""
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    return f"{alias or alias_name()}-{stamp}"


# -- writing documents -------------------------------------------------------------------------


def _bulk(client, index, actions):
    """Run bulk actions against `index`; an alias must exist (never auto-create an index)."""
    count = 0
    for ok, item in streaming_bulk(
        client,
        actions,
        index=index,
        chunk_size=DEFAULT_BATCH_SIZE,
        raise_on_error=False,
        require_alias=index == alias_name(),
    ):
        operation, result = next(iter(item.items()))
        if not ok and not (operation == "delete" and result.get("status") == 404):
            raise BulkIndexError(f"{operation} of {result.get('_id')} failed", [item])
        count += 1
    return count


def sync_products(page_ids, client=None, index=None):
    """Make the index agree with the database for these product ids, now.

    Live, public products are (re)indexed; every other id is removed from the index.
    Raises engine errors; the *_product(s) functions below wrap this for signal handlers.
    """
    client = client or get_client()
    index = index or alias_name()
    wanted = set(page_ids)
    if not wanted:
        return 0
    actions = []
    for page_id, document in iter_documents(indexable_products().filter(pk__in=wanted)):
        wanted.discard(page_id)
        actions.append({"_op_type": "index", "_id": page_id, "_source": document})
    actions += [{"_op_type": "delete", "_id": page_id} for page_id in sorted(wanted)]
    return _bulk(client, index, actions)


def delete_products(page_ids, client=None, index=None):
    """Remove these product ids from the index, now (ids not in it are fine)."""
    actions = [{"_op_type": "delete", "_id": page_id} for page_id in sorted(set(page_ids))]
    if not actions:
        return 0
    return _bulk(client or get_client(), index or alias_name(), actions)


def run_sync(page_ids, what, remove=False):
    """Sync (or remove) these products now; engine errors are logged, never raised."""
    try:
        if remove:
            delete_products(page_ids)
        else:
            sync_products(page_ids)
    except ENGINE_ERRORS as error:
        logger.warning("Search index not updated (%s): %s", what, error)


def _enqueue_sync(page_ids_callable, what, remove):
    """Hand the sync to a background worker; sync here if the queue cannot take it."""
    from .tasks import sync_index

    try:
        ids = sorted(set(page_ids_callable()))
    except ENGINE_ERRORS as error:
        logger.warning("Search index not updated (%s): %s", what, error)
        return
    try:
        sync_index.enqueue(ids, what, remove)
    except Exception as error:  # the queue is down: the editor waits, bounded, instead
        logger.warning("Search index sync not queued (%s): %s; syncing now", what, error)
        run_sync(ids, what, remove)


def _after_commit(page_ids_callable, what, remove=False):
    """Queue the sync after the current transaction commits (at once outside one)."""
    if not enabled():
        return
    transaction.on_commit(lambda: _enqueue_sync(page_ids_callable, what, remove), robust=True)


def index_product(page_id):
    """(Re)index one product after the transaction commits (removed if not live/public)."""
    _after_commit(lambda: [page_id], f"product {page_id}")


def remove_product(page_id):
    """Remove one product from the index after the transaction commits."""
    _after_commit(lambda: [page_id], f"product {page_id} removed", remove=True)


def reindex_vendor_products(vendor_id):
    """Re-sync every product of an IKM (after a rename, a move, certificates changed, ...)."""
    _after_commit(
        lambda: ProductPage.objects.filter(vendor_id=vendor_id).values_list("pk", flat=True),
        f"products of IKM {vendor_id}",
    )


def reindex_category_products(category_id):
    """Re-sync the products of a category and of its subcategories."""
    _after_commit(
        lambda: ProductPage.objects.filter(
            Q(category_id=category_id) | Q(category__parent_id=category_id)
        ).values_list("pk", flat=True),
        f"products of category {category_id}",
    )


def _is_exhibition(instance):
    return membership_provider("exhibition").is_group(instance)


def reindex_exhibition_products(exhibition):
    """Re-sync the products an exhibition shows now and those the index still files under it
    (items removed, or the whole exhibition unpublished or deleted)."""
    page_id, slug = exhibition.pk, exhibition.slug

    def page_ids():
        ids = set(membership_provider("exhibition").member_ids(page_id))
        response = get_client().search(
            index=alias_name(),
            body={"query": {"term": {"exhibitions": slug}}, "_source": False, "size": 10_000},
        )
        ids.update(int(hit["_id"]) for hit in response.body["hits"]["hits"])
        return ids

    _after_commit(page_ids, f"products of exhibition {page_id}")


# -- signal handlers ---------------------------------------------------------------------------


def _on_page_published(sender, instance, **kwargs):
    if isinstance(instance, ProductPage):
        index_product(instance.pk)
    elif isinstance(instance, VendorPage):
        reindex_vendor_products(instance.pk)
    elif _is_exhibition(instance):
        reindex_exhibition_products(instance)


def _on_page_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ProductPage):
        remove_product(instance.pk)
    elif isinstance(instance, VendorPage):
        # Each product is re-checked: those unpublished with the IKM (Wagtail sends this
        # signal for every descendant it unpublishes) leave the index; products that stay
        # live stay listed, as the database engine lists them.
        reindex_vendor_products(instance.pk)
    elif _is_exhibition(instance):
        reindex_exhibition_products(instance)


def _on_page_deleted(sender, instance, **kwargs):
    if _is_exhibition(instance):
        reindex_exhibition_products(instance)


def _on_product_deleted(sender, instance, **kwargs):
    remove_product(instance.pk)


def _on_page_moved(sender, instance, **kwargs):
    specific_class = instance.specific_class
    if specific_class is not None and issubclass(specific_class, ProductPage):
        index_product(instance.pk)
    elif specific_class is not None and issubclass(specific_class, VendorPage):
        reindex_vendor_products(instance.pk)  # their URLs changed


def _on_category_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return  # a new category has no products yet; fixtures load raw
    reindex_category_products(instance.pk)


def _products_of_taxonomy(field, pk):
    return lambda: ProductPage.objects.filter(**{field: pk}).values_list("pk", flat=True)


def _on_taxonomy_saved(sender, instance, created=False, raw=False, **kwargs):
    """A region, sentra or material renamed (its slug may have changed): re-sync its products."""
    if raw or created:
        return
    field = {Region: "vendor__region_id", Sentra: "vendor__sentra_id", Material: "materials"}[
        sender
    ]
    _after_commit(_products_of_taxonomy(field, instance.pk), f"{sender.__name__} {instance.pk}")


def connect_signals():
    """Connect the index-sync handlers (idempotent; call from an AppConfig.ready)."""
    page_published.connect(_on_page_published, dispatch_uid="search.index.published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="search.index.unpublished")
    post_page_move.connect(_on_page_moved, dispatch_uid="search.index.moved")
    post_delete.connect(
        _on_product_deleted, sender=ProductPage, dispatch_uid="search.index.product_deleted"
    )
    post_delete.connect(_on_page_deleted, dispatch_uid="search.index.page_deleted")
    post_save.connect(
        _on_category_saved, sender=Category, dispatch_uid="search.index.category_saved"
    )
    for model in (Region, Sentra, Material):
        post_save.connect(
            _on_taxonomy_saved, sender=model, dispatch_uid=f"search.index.{model.__name__}_saved"
        )


def disconnect_signals():
    page_published.disconnect(dispatch_uid="search.index.published")
    page_unpublished.disconnect(dispatch_uid="search.index.unpublished")
    post_page_move.disconnect(dispatch_uid="search.index.moved")
    post_delete.disconnect(sender=ProductPage, dispatch_uid="search.index.product_deleted")
    post_delete.disconnect(dispatch_uid="search.index.page_deleted")
    post_save.disconnect(sender=Category, dispatch_uid="search.index.category_saved")
    for model in (Region, Sentra, Material):
        post_save.disconnect(sender=model, dispatch_uid=f"search.index.{model.__name__}_saved")


# -- full rebuild ------------------------------------------------------------------------------


def _aliased_indices(client, alias):
    """The concrete indices `alias` points to now (none if it does not exist)."""
    response = client.options(ignore_status=404).indices.get_alias(name=alias)
    if response.meta.status == 404:
        return []
    return sorted(response.body)


def rebuild_index(batch_size=DEFAULT_BATCH_SIZE, keep_old=False, progress=None, client=None):
    """Build a new concrete index with every live, public product and swap the alias to it.

    1. create `<alias>-<UTC timestamp>` with index_settings() (language analysis per
       settings.SEARCH_LANGUAGE_ANALYSIS) and the product mapping;
    2. bulk-index the products `batch_size` at a time (`progress(iterable, total)` may wrap
       the documents, e.g. in a tqdm bar) and refresh;
    3. point the alias at it with one atomic `update_aliases` call (removing it from the old
       indices; a concrete index squatting the alias's name is removed in the same call);
    4. catch up with products published, unpublished or deleted while it was building;
    5. delete the old indices unless `keep_old`.

    Returns {"index", "alias", "count", "old_indices", "deleted"}. Raises EngineUnavailable
    when the engine cannot be reached or refuses a step (the new index is then dropped).
    """
    if not enabled():
        raise EngineUnavailable("ELASTICSEARCH_URL is not set")
    client = client or get_client(min_timeout=MIN_REBUILD_TIMEOUT)
    alias = alias_name()
    name = new_index_name(alias)
    started = timezone.now()
    try:
        client.indices.create(
            index=name,
            settings=index_settings(settings.SEARCH_LANGUAGE_ANALYSIS),
            mappings=index_mappings(),
        )
    except ENGINE_ERRORS as error:
        raise EngineUnavailable(f"cannot create index {name}: {error}") from error
    try:
        products = indexable_products()
        documents = iter_documents(products, batch_size=batch_size)
        if progress is not None:
            documents = progress(documents, products.count())
        indexed = set()

        def actions():
            for page_id, document in documents:
                indexed.add(page_id)
                yield {"_op_type": "index", "_id": page_id, "_source": document}

        for ok, item in streaming_bulk(
            client, actions(), index=name, chunk_size=batch_size, raise_on_error=True
        ):
            if not ok:  # pragma: no cover (raise_on_error)
                raise BulkIndexError("bulk indexing failed", [item])
        client.indices.refresh(index=name)

        old = [index for index in _aliased_indices(client, alias) if index != name]
        actions_ = [{"remove": {"index": index, "alias": alias}} for index in old]
        if not old and client.indices.exists(index=alias):
            # A concrete index named like the alias (made by a write before any rebuild).
            actions_.append({"remove_index": {"index": alias}})
        actions_.append({"add": {"index": name, "alias": alias}})
        client.indices.update_aliases(actions=actions_)
    except ENGINE_ERRORS as error:
        try:
            client.options(ignore_status=404).indices.delete(index=name)
        except ENGINE_ERRORS:
            logger.warning("Could not drop the unfinished index %s", name)
        raise EngineUnavailable(f"rebuilding {name} failed: {error}") from error

    try:
        live = set(indexable_products().values_list("pk", flat=True))
        changed = set(
            indexable_products().filter(last_published_at__gte=started).values_list("pk", flat=True)
        )
        catch_up = (live - indexed) | changed | (indexed - live)
        if catch_up:
            sync_products(sorted(catch_up), client=client, index=name)
            client.indices.refresh(index=name)
    except ENGINE_ERRORS as error:
        logger.warning("Search index catch-up after rebuild failed: %s", error)

    deleted = []
    if not keep_old:
        for index in old:
            try:
                client.options(ignore_status=404).indices.delete(index=index)
                deleted.append(index)
            except ENGINE_ERRORS as error:
                logger.warning("Could not delete the old index %s: %s", index, error)
    return {
        "index": name,
        "alias": alias,
        "count": len(indexed),
        "old_indices": old,
        "deleted": deleted,
    }
