"""The buyer's inquiry list ("daftar tanya"): products kept in the session, sent as one inquiry
per IKM.

Kept in the session: no account is needed and it survives a reload. A session cookie makes the
page cache step aside for that buyer (PAGE_CACHE_PERSONAL_COOKIES), so the session is created
only when a product is added, and flushed again when the list empties (sent or every line
removed) for a visitor who is not logged in: buyers who never use the list keep cached pages.

The header shows the count from a small cookie that scripts may read (`COUNT_COOKIE`, not a
secret: a number), since cached pages cannot carry it (static/js/inquiry-list.js).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language

from catalog.models import ProductPage

from .models import Inquiry, InquiryLine
from .notifications import queue_for_list, send_after_commit

SESSION_KEY = "inquiry_list"
COUNT_COOKIE = "daftar_tanya"
NOTE_MAX_LENGTH = 500


@dataclass
class Line:
    product: ProductPage
    quantity: int | None = None
    note: str = ""


@dataclass
class Group:
    vendor: object
    lines: list = field(default_factory=list)


def stored(request):
    """The raw lines in the session: [{"product": id, "quantity": n or None, "note": str}]."""
    lines = request.session.get(SESSION_KEY, []) if hasattr(request, "session") else []
    return [line for line in lines if isinstance(line, dict) and "product" in line]


def product_ids(request):
    return [line["product"] for line in stored(request)]


def save(request, lines, response=None):
    """Keep these raw lines; an empty list forgets the session of an anonymous visitor."""
    if lines:
        request.session[SESSION_KEY] = lines
    elif SESSION_KEY in request.session:
        del request.session[SESSION_KEY]
        if not request.user.is_authenticated and not any(
            key
            for key in request.session.keys()  # noqa: SIM118 (a session is not iterable)
            if not key.startswith("_")
        ):
            request.session.flush()
    if response is not None:
        set_count_cookie(response, len(lines))
    return lines


def set_count_cookie(response, count):
    if count:
        response.set_cookie(
            COUNT_COOKIE,
            str(count),
            max_age=settings.SESSION_COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=False,  # read by the header's script; holds only the count
        )
    else:
        response.delete_cookie(COUNT_COOKIE, samesite="Lax")


def addable(product_id):
    """The product buyers may see with this id, with its IKM, or None."""
    return (
        ProductPage.visible()
        .select_related("vendor")
        .filter(pk=product_id, vendor__isnull=False)
        .first()
    )


def add(request, product, quantity=None):
    """Add a product (once: adding it again keeps its line); False when the list is full."""
    lines = stored(request)
    if any(line["product"] == product.pk for line in lines):
        return True
    vendors = {p.vendor_id for p in ProductPage.objects.filter(pk__in=product_ids(request))}
    if len(lines) >= settings.INQUIRY_LIST_MAX_PRODUCTS or (
        product.vendor_id not in vendors and len(vendors) >= settings.INQUIRY_LIST_MAX_VENDORS
    ):
        return False
    lines.append({"product": product.pk, "quantity": quantity, "note": ""})
    save(request, lines)
    return True


def groups(request):
    """The list as it can be sent: visible products only, grouped by IKM in the order added."""
    raw = stored(request)
    products = {
        p.pk: p
        for p in ProductPage.visible()
        .select_related("vendor")
        .filter(pk__in=[line["product"] for line in raw], vendor__isnull=False)
    }
    result = {}
    for line in raw:
        product = products.get(line["product"])
        if product is None:
            continue  # unpublished or deleted since it was added
        group = result.setdefault(product.vendor_id, Group(product.vendor))
        group.lines.append(Line(product, line.get("quantity"), line.get("note", "")))
    return list(result.values())


@transaction.atomic
def send(form, groups):
    """One inquiry per IKM with its lines and the emails, all or nothing.

    The buyer's details and message are the same in each; every inquiry gets its own
    reference. Returns the inquiries in the order of the groups."""
    inquiries = []
    language = (get_language() or "id")[:2]
    for group in groups:
        inquiry = Inquiry(
            vendor=group.vendor,
            name=form.cleaned_data["name"],
            email=form.cleaned_data.get("email", ""),
            phone=form.cleaned_data.get("phone", ""),
            buyer_type=form.cleaned_data["buyer_type"],
            company=form.cleaned_data.get("company", ""),
            message=form.cleaned_data["message"],
            consent=form.cleaned_data["consent"],
            language=language,
            product_title="; ".join(line.product.title for line in group.lines)[:255],
        )
        if len(group.lines) == 1:
            line = group.lines[0]
            inquiry.product = line.product
            inquiry.quantity = line.quantity
            inquiry.unit = line.product.get_price_unit_display()
        inquiry.save()
        InquiryLine.objects.bulk_create(
            InquiryLine(
                inquiry=inquiry,
                product=line.product,
                product_title=line.product.title,
                quantity=line.quantity,
                unit=line.product.get_price_unit_display(),
                note=line.note,
            )
            for line in group.lines
        )
        inquiries.append(inquiry)
    send_after_commit(queue_for_list(inquiries))
    return inquiries
