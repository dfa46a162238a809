"""What planning and committing an import produce: row plans, errors and counts."""

from dataclasses import dataclass, field

from catalog.models import ProductPage, VendorPage


class ImportFailed(Exception):
    """The import was not committed; `report.errors` says why."""

    def __init__(self, report):
        super().__init__(f"{len(report.errors)} error(s)")
        self.report = report


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    row: int
    ikm: str
    name: str
    action: str  # "create" or "update"
    vendor: VendorPage | None = None
    product: ProductPage | None = None
    values: dict = field(default_factory=dict)
    materials: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    images: list = field(default_factory=list)
    category_path: tuple = ()
    region: str = ""
    description: str = ""
    has_description: bool = False


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    published: int = 0
    submitted: int = 0
    images: int = 0
    new_vendors: list = field(default_factory=list)
    # Names --create-missing adds (planned, then created): {"region": [...], "category": ...}
    new_names: dict = field(default_factory=dict)
    # (row, action, ikm, product name) of every row written, for the result page.
    done: list = field(default_factory=list)
    # Rows with errors: (row, ikm, product name); written only in the skip-invalid mode's
    # refused list, never silently dropped.
    refused: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    @property
    def file_errors(self):
        """Errors about the file itself (row 1: the header, or unreadable)."""
        return [e for e in self.errors if e.row <= 1]

    def error(self, row, column, message):
        message = str(message)
        if not any(
            e.row == row and e.column == column and e.message == message for e in self.errors
        ):
            self.errors.append(RowError(row, column, message))

    def note_new(self, kind, name):
        names = self.new_names.setdefault(kind, [])
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
