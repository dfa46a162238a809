"""A request that lacks fields a form reads by key answers 400, not 500.

Wagtail's StreamField and some widgets read their fields with ``data[name]`` (a count the
page editor's JavaScript always sends); a hand-made POST without it raised
MultiValueDictKeyError, a server error. It is the client's request that is malformed.
"""

import logging

from django.utils.datastructures import MultiValueDictKeyError
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)


class MalformedRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MultiValueDictKeyError):
            return None
        logger.warning(
            "Malformed request %s %s: missing field %s", request.method, request.path, exception
        )
        return bad_request(request, exception)
