"""Every page served records what it shows as cache tags (pagecache/tags.py)."""

from wagtail import hooks

from pagecache import tags as cache_tags


@hooks.register("before_serve_page")
def tag_the_served_page(page, request, serve_args, serve_kwargs):
    own = getattr(page, "cache_tags", None)
    cache_tags.add(*(own() if own else [cache_tags.page(page.pk)]))
