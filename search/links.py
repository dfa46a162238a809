"""URLs of a catalog query: /cari/?... or a catalog (category) page's own URL."""

from urllib.parse import urlencode


class Linker:
    """Builds the URL of a query: /cari/?... or a catalog (category) page's own URL."""

    def __init__(self, base_url, category_url=None):
        self.base_url = base_url
        self.category_url = category_url

    def url(self, query, **changes):
        changes.setdefault("page", 1)
        params = query.to_params(**changes)
        path = self.base_url
        if self.category_url is not None:
            slug = params.pop("kategori", "")
            if slug:
                path = self.category_url(slug)
        return path + ("?" + urlencode(params) if params else "")
