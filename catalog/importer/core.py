"""The importer: who may import what, then plan (check) and commit (write)."""

from catalog.ownership import vendors_owned_by

from .planning import Planner
from .writing import Writer


class CatalogImporter(Planner, Writer):
    """Plan and commit one spreadsheet. `user` None means the command (operator rights).

    `skip_invalid` writes the good rows and lists the refused ones instead of writing nothing
    when a row is wrong (the default stays all or nothing).
    """

    def __init__(
        self, user=None, *, create_missing=False, publish=False, images=None, skip_invalid=False
    ):
        self.user = user
        self.is_operator = user is None or user.has_perm("catalog.import_any_catalog")
        self.create_missing = create_missing and self.is_operator
        self.publish = publish and self.is_operator
        self.images = images
        self.skip_invalid = skip_invalid
        self.own_vendor_ids = None if self.is_operator else set(vendors_owned_by(user))
