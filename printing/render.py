"""HTML with print CSS to PDF, through WeasyPrint: the one way this project makes a PDF.

The same template the browser prints is rendered here, so paper and screen cannot drift apart.
WeasyPrint fetches every resource the HTML names; `local_fetcher()` answers `/static/` and
`/media/` from the disk (collected or found static files, stored media) and `data:` URIs, and
refuses everything else, so a rendered page never makes a network request (no SSRF through a
product text or a stored URL).
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# Any host works: the fetcher maps paths, never hosts, onto the disk.
BASE_URL = "http://print.invalid/"


class ResourceRefused(ValueError):
    """A resource the print renderer does not fetch."""


def _static_path(path):
    name = path[len(settings.STATIC_URL) :]
    found = finders.find(name)
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        return Path(settings.STATIC_ROOT) / name
    return None


def _media_path(path):
    return Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]


def _inside(path, roots):
    resolved = path.resolve()
    return any(resolved.is_relative_to(Path(root).resolve()) for root in roots if root)


def local_file(url):
    """The file on disk that a `/static/` or `/media/` URL names; ResourceRefused otherwise."""
    path = unquote(urlsplit(url).path)
    if ".." in path.split("/"):
        raise ResourceRefused(url)
    if path.startswith(settings.STATIC_URL):
        file = _static_path(path)
        roots = [settings.STATIC_ROOT, *getattr(settings, "STATICFILES_DIRS", ())]
        roots += [str(Path(found).parent) for found in [file] if file]
    elif path.startswith(settings.MEDIA_URL):
        file = _media_path(path)
        roots = [settings.MEDIA_ROOT]
    else:
        raise ResourceRefused(url)
    if file is None or not file.is_file() or not _inside(file, roots):
        raise ResourceRefused(url)
    return file


def local_fetcher():
    """WeasyPrint's URL fetcher: data URIs, static files and media from disk; nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            file = local_file(url)
            # Without a type WeasyPrint takes a stylesheet for text/plain and drops it.
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, file.read_bytes(), headers={"Content-Type": kind})

    return LocalFetcher(allowed_protocols=("data", "http", "https"))


def html_to_pdf(html, *, base_url=BASE_URL):
    """PDF bytes of `html` (a full document with its print CSS)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=local_fetcher()).write_pdf()


def render_pdf(template_name, context, request=None):
    """Render a Django template to HTML, then to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context, request=request))
