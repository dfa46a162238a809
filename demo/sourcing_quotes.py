"""Demo quotes for the demo requests (the buyers' demo, demo/sourcing.py, calls
`add_demo_quotes()` once its requests exist): two or three IKM quote on each open request and
talk with the buyer; closed requests get their quotes and an award. Built through the quote
services, so the demo sends the same emails the site would (into the outbox).

Quotes on closed requests cannot go through `submit_quote` (the deadline has passed): they are
written as the rows the IKM would have submitted before it, then awarded through `award`.
Idempotent: a request that already has quotes is left alone.
"""

from decimal import Decimal

from catalog.models import VendorPage
from catalog.ownership import owners_of
from sourcing.models import Quote, SourcingRequest
from sourcing.services.quotes import award, post_message, submit_quote

PRICE_STEPS = (Decimal("1.00"), Decimal("0.88"), Decimal("1.12"))
LEAD_TIMES = (14, 21, 10)
BASE_PRICE = Decimal("25000")


def _owner(vendor):
    return owners_of(vendor).first()


def _buyer(request_obj):
    member = request_obj.company.members.select_related("user").first()
    return member.user if member else None


def _vendors_for(request_obj, count=3):
    invited = list(request_obj.invited_vendors.live().order_by("pk")[:count])
    if request_obj.visibility == SourcingRequest.Visibility.INVITED:
        return invited
    return invited or list(VendorPage.objects.live().order_by("pk")[:count])


def _quote(request_obj, vendor, step):
    return Quote(
        request=request_obj,
        vendor=vendor,
        unit_price=(BASE_PRICE * PRICE_STEPS[step]).quantize(Decimal("1")),
        quantity=request_obj.quantity,
        lead_time_days=LEAD_TIMES[step],
        notes="Harga termasuk pengiriman ke lokasi pembeli.",
    )


def add_demo_quotes():
    """Returns the number of quotes made."""
    made = 0
    requests = SourcingRequest.objects.filter(
        status__in=[SourcingRequest.Status.OPEN, SourcingRequest.Status.CLOSED], quotes=None
    ).select_related("company")
    for request_obj in requests:
        vendors = _vendors_for(request_obj)
        if not vendors:
            continue
        buyer = _buyer(request_obj)
        quotes = []
        for step, vendor in enumerate(vendors):
            quote = _quote(request_obj, vendor, step)
            owner = _owner(vendor)
            if request_obj.status == SourcingRequest.Status.OPEN:
                quote = submit_quote(quote, owner)
            else:
                quote.status = Quote.Status.SUBMITTED
                quote.submitted_by = owner
                quote.save()
            quotes.append(quote)
            made += 1
        first_owner = _owner(quotes[0].vendor)
        if buyer and first_owner:
            post_message(quotes[0], buyer, "Apakah harga sudah termasuk PPN?")
            post_message(quotes[0], first_owner, "Sudah termasuk PPN 11%.")
        if request_obj.status == SourcingRequest.Status.CLOSED and buyer:
            cheapest = min(quotes, key=lambda q: q.unit_price)
            award(request_obj, {cheapest.pk: cheapest.quantity}, buyer)
    return made
