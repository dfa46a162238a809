"""The quote process as services: an IKM submits and revises a quote until the deadline, the
buyer shortlists, both sides talk in a thread, the buyer awards one or several quotes, and
requests close by themselves at their deadline. Views, the demo and the tests all go through
these functions, which check the rules again whatever the caller checked."""

from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sourcing import quote_notifications as notify
from sourcing.models import Quote, QuoteMessage, QuoteRevision, SourcingRequest
from sourcing.quote_access import is_company_member, owned_vendor_ids, vendor_may_quote

SNAPSHOT_FIELDS = ("unit_price", "quantity", "lead_time_days", "valid_until", "notes", "status")
OPEN_STATUSES = (Quote.Status.SUBMITTED, Quote.Status.SHORTLISTED)


class QuoteRefused(Exception):
    """A rule of the quote process said no; the message is for the user."""


def snapshot(quote):
    values = {}
    for field in SNAPSHOT_FIELDS:
        value = getattr(quote, field)
        values[field] = str(value) if value is not None else None
    return values


@transaction.atomic
def submit_quote(quote, user, attachments=()):
    """Save a new or revised quote (status *submitted*); a revision keeps the old values as a
    QuoteRevision. Refused after the deadline, on a closed request, or for an IKM not invited."""
    request_obj = SourcingRequest.objects.select_for_update().get(pk=quote.request_id)
    if not vendor_may_quote(quote.vendor, request_obj):
        raise QuoteRefused(_("Kebutuhan ini tidak lagi menerima penawaran."))
    revised = False
    if quote.pk:
        previous = Quote.objects.select_for_update().get(pk=quote.pk)
        if previous.status not in (*OPEN_STATUSES, Quote.Status.WITHDRAWN, Quote.Status.DRAFT):
            raise QuoteRefused(_("Penawaran ini tidak bisa direvisi lagi."))
        QuoteRevision.objects.create(quote=previous, snapshot=snapshot(previous))
        revised = previous.status != Quote.Status.DRAFT
        if previous.status != Quote.Status.SHORTLISTED:
            quote.status = Quote.Status.SUBMITTED
        else:
            quote.status = Quote.Status.SHORTLISTED
    else:
        quote.status = Quote.Status.SUBMITTED
    quote.submitted_by = user
    quote.awarded_quantity = None
    quote.save()
    for attachment in attachments:
        attachment.quote = quote
        attachment.save()
    notify.quote_received(quote, revised)
    return quote


@transaction.atomic
def withdraw_quote(quote, user):
    request_obj = SourcingRequest.objects.select_for_update().get(pk=quote.request_id)
    if not vendor_may_quote(quote.vendor, request_obj) or quote.status not in OPEN_STATUSES:
        raise QuoteRefused(_("Penawaran ini tidak bisa ditarik lagi."))
    QuoteRevision.objects.create(quote=quote, snapshot=snapshot(quote))
    quote.status = Quote.Status.WITHDRAWN
    quote.save(update_fields=["status", "updated_at"])
    return quote


def _check_buyer(user, request_obj):
    if not is_company_member(user, request_obj):
        raise QuoteRefused(_("Hanya perusahaan peminta yang dapat melakukan ini."))


@transaction.atomic
def set_shortlisted(quote, user, shortlisted=True):
    _check_buyer(user, quote.request)
    quote = Quote.objects.select_for_update().get(pk=quote.pk)
    if quote.request.status not in (SourcingRequest.Status.OPEN, SourcingRequest.Status.CLOSED):
        raise QuoteRefused(_("Kebutuhan ini sudah selesai."))
    if quote.status not in OPEN_STATUSES:
        raise QuoteRefused(_("Penawaran ini tidak bisa masuk daftar pendek."))
    quote.status = Quote.Status.SHORTLISTED if shortlisted else Quote.Status.SUBMITTED
    quote.save(update_fields=["status", "updated_at"])
    return quote


@transaction.atomic
def award(request_obj, allocations, user):
    """Award the quotes in `allocations` ({quote id: quantity}); every other open quote is not
    awarded; everyone who quoted is told. The awarded quantities may not exceed what each quote
    offers, nor together what the request asks for."""
    _check_buyer(user, request_obj)
    request_obj = SourcingRequest.objects.select_for_update().get(pk=request_obj.pk)
    if request_obj.status not in (SourcingRequest.Status.OPEN, SourcingRequest.Status.CLOSED):
        raise QuoteRefused(_("Kebutuhan ini sudah selesai."))
    quotes = list(
        request_obj.quotes.select_for_update()
        .filter(status__in=OPEN_STATUSES)
        .select_related("vendor")
    )
    by_id = {q.pk: q for q in quotes}
    allocations = {int(k): Decimal(v) for k, v in allocations.items() if v and Decimal(v) > 0}
    if not allocations:
        raise QuoteRefused(_("Pilih sedikitnya satu penawaran dengan jumlahnya."))
    if set(allocations) - set(by_id):
        raise QuoteRefused(_("Penawaran yang dipilih tidak ada atau sudah ditarik."))
    for pk, quantity in allocations.items():
        if quantity > by_id[pk].quantity:
            raise QuoteRefused(
                _("Jumlah untuk %(ikm)s melebihi jumlah yang ditawarkan.")
                % {"ikm": by_id[pk].vendor.title}
            )
    if sum(allocations.values()) > request_obj.quantity:
        raise QuoteRefused(_("Jumlah yang dimenangkan melebihi jumlah kebutuhan."))
    for quote in quotes:
        if quote.pk in allocations:
            quote.status = Quote.Status.AWARDED
            quote.awarded_quantity = allocations[quote.pk]
        else:
            quote.status = Quote.Status.NOT_AWARDED
            quote.awarded_quantity = None
        quote.save(update_fields=["status", "awarded_quantity", "updated_at"])
    now = timezone.now()
    request_obj.status = SourcingRequest.Status.AWARDED
    request_obj.closed_at = request_obj.closed_at or now
    request_obj.save(update_fields=["status", "closed_at"])
    notify.outcome(request_obj, quotes)
    return quotes


def _message_allowance_used(user):
    """Count one message against the user's hourly allowance; True when it is used up.

    A fixed one-hour window in the cache (Redis in production); with the cache down it fails
    open, like the inquiry limits (inquiries/rate_limits.py): a signed-in member is not a bot.
    """
    limit = getattr(settings, "SOURCING_MESSAGES_PER_HOUR", 30)
    key = f"sourcing-messages:{user.pk}"
    try:
        cache.add(key, 0, timeout=3600)
        return cache.incr(key) > limit
    except Exception:  # noqa: BLE001  # the cache is down: fail open
        return False


@transaction.atomic
def post_message(quote, user, body):
    """A message in the quote's thread, from the buyer company or the quoting IKM (each user at
    most SOURCING_MESSAGES_PER_HOUR an hour, so a thread cannot be used to flood inboxes)."""
    body = (body or "").strip()
    if not body:
        raise QuoteRefused(_("Pesan tidak boleh kosong."))
    from_buyer = is_company_member(user, quote.request)
    if not from_buyer and quote.vendor_id not in owned_vendor_ids(user):
        raise QuoteRefused(_("Anda tidak terlibat dalam penawaran ini."))
    if _message_allowance_used(user):
        raise QuoteRefused(_("Terlalu banyak pesan dalam satu jam. Coba lagi nanti."))
    message = QuoteMessage.objects.create(quote=quote, author=user, body=body[:3000])
    notify.message_posted(message, from_buyer)
    return message


def close_due_requests(now=None):
    """Close every open request whose deadline has passed; returns how many. Each request is
    closed in its own transaction under a row lock, so two runs never close one twice."""
    now = now or timezone.now()
    closed = 0
    due = SourcingRequest.objects.filter(
        status=SourcingRequest.Status.OPEN, quote_deadline__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            request_obj = (
                SourcingRequest.objects.select_for_update()
                .filter(pk=pk, status=SourcingRequest.Status.OPEN, quote_deadline__lte=now)
                .select_related("company")
                .first()
            )
            if request_obj is None:
                continue
            request_obj.status = SourcingRequest.Status.CLOSED
            request_obj.closed_at = now
            request_obj.save(update_fields=["status", "closed_at"])
            count = request_obj.quotes.filter(status__in=OPEN_STATUSES).count()
            notify.request_closed(request_obj, count)
            closed += 1
    return closed
