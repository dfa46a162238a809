"""Groups of products that other apps keep and the search index files products under.

Search must not import the apps that use it (showroom imports search), nor look their models
up by name. An app that groups products (showroom: exhibitions) registers a
MembershipProvider here from its AppConfig.ready(); the taxonomy, the index documents, the
database engine and the index sync ask the registry. Without a provider a group is empty.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MembershipProvider:
    """How search reads one kind of product group (its name is the filter's: "exhibition")."""

    # [(page id, slug, title, English title)] of the live, public groups, in display order.
    live_groups: Callable[[], list]
    # A queryset of memberships in live groups with `product_id` and `group_slug` fields.
    memberships: Callable[[], Any]
    # The ids of the products a group (by its page id) holds now, live or not.
    member_ids: Callable[[int], set]
    # Whether a page is one of these groups (publishing it changes what the index files).
    is_group: Callable[[Any], bool]
    # A prefetch_related lookup that loads a product's groups, and the slugs it then reads.
    prefetch: str
    slugs_of: Callable[[Any], list]


EMPTY = MembershipProvider(
    live_groups=list,
    memberships=lambda: None,
    member_ids=lambda page_id: set(),
    is_group=lambda instance: False,
    prefetch="",
    slugs_of=lambda product: [],
)

_providers = {}


def register_membership_provider(name, provider):
    _providers[name] = provider


def membership_provider(name):
    return _providers.get(name, EMPTY)
