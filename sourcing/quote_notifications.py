"""The emails of the quote process, as outbox rows written in the caller's transaction and sent
by the background worker after the commit (see outbox/). Written in Indonesian, the language
of the site's users in Cilegon; links point to the buyer area or the admin."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.money import format_rupiah
from catalog.ownership import owners_of
from outbox.models import Email
from outbox.tasks import send_after_commit
from sourcing.templatetags.sourcing_quote_tags import normalize_number


def _absolute(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}"


def _emails_of(users):
    return sorted({u.email for u in users if u.email})


def company_emails(company):
    return _emails_of(m.user for m in company.members.select_related("user") if m.user.is_active)


def vendor_emails(vendor):
    return _emails_of(owners_of(vendor))


def _queue(recipients, subject, body):
    if not recipients:
        return None
    return Email.objects.create(
        topic=Email.Topic.OTHER,
        recipients=",".join(recipients),
        subject=subject[:255],
        body=body,
    )


def _send(rows):
    send_after_commit([row for row in rows if row is not None])


def buyer_quote_url(quote):
    return _absolute(reverse("sourcing_quotes:quote", args=[quote.pk]))


def admin_quote_url(quote):
    return _absolute(reverse("sourcing_quotes_admin:quote", args=[quote.pk]))


def quote_received(quote, revised):
    """Tell the buyer company a quote arrived or was revised."""
    with translation.override("id"):
        subject = (
            _("Penawaran direvisi: %(title)s") if revised else _("Penawaran baru: %(title)s")
        ) % {"title": quote.request.title}
        body = _(
            "%(ikm)s mengajukan penawaran untuk %(title)s: harga satuan %(price)s, "
            "jumlah %(quantity)s, waktu pengerjaan %(days)s hari.\n\nBandingkan penawaran: %(url)s"
        ) % {
            "ikm": quote.vendor.title,
            "title": quote.request.title,
            "price": format_rupiah(quote.unit_price, "id"),
            "quantity": normalize_number(quote.quantity),
            "days": quote.lead_time_days,
            "url": _absolute(reverse("sourcing_quotes:compare", args=[quote.request.slug])),
        }
        _send([_queue(company_emails(quote.request.company), subject, body)])


def message_posted(message, from_buyer):
    """Tell the other side of a quote's thread that a message is waiting."""
    quote = message.quote
    with translation.override("id"):
        subject = _("Pesan klarifikasi: %(title)s") % {"title": quote.request.title}
        if from_buyer:
            recipients = vendor_emails(quote.vendor)
            url = admin_quote_url(quote)
        else:
            recipients = company_emails(quote.request.company)
            url = buyer_quote_url(quote)
        body = _(
            "Pesan baru tentang penawaran %(ikm)s untuk %(title)s:\n\n%(body)s\n\nBalas: %(url)s"
        ) % {
            "ikm": quote.vendor.title,
            "title": quote.request.title,
            "body": message.body,
            "url": url,
        }
        _send([_queue(recipients, subject, body)])


def outcome(request_obj, quotes):
    """Everyone who quoted hears the outcome; the buyer company gets the summary."""
    rows = []
    with translation.override("id"):
        awarded_lines = []
        for quote in quotes:
            if quote.status == quote.Status.AWARDED:
                subject = _("Penawaran Anda dimenangkan: %(title)s") % {"title": request_obj.title}
                body = _(
                    "Selamat. %(company)s memilih penawaran %(ikm)s untuk %(title)s, "
                    "jumlah %(quantity)s %(unit)s. Lihat penawaran: %(url)s"
                )
                awarded_lines.append(
                    f"- {quote.vendor.title}: {normalize_number(quote.awarded_quantity)} "
                    f"{request_obj.unit} × {format_rupiah(quote.unit_price, 'id')}"
                )
            else:
                subject = _("Hasil penawaran: %(title)s") % {"title": request_obj.title}
                body = _(
                    "Terima kasih atas penawaran %(ikm)s untuk %(title)s. Kali ini %(company)s "
                    "memilih penawaran lain. Lihat penawaran: %(url)s"
                )
            body = body % {
                "company": request_obj.company.name,
                "ikm": quote.vendor.title,
                "title": request_obj.title,
                "quantity": normalize_number(quote.awarded_quantity),
                "unit": request_obj.unit,
                "url": admin_quote_url(quote),
            }
            rows.append(_queue(vendor_emails(quote.vendor), subject, body))
        subject = _("Kebutuhan dimenangkan: %(title)s") % {"title": request_obj.title}
        body = _("Penawaran yang dimenangkan untuk %(title)s:\n%(lines)s") % {
            "title": request_obj.title,
            "lines": "\n".join(awarded_lines),
        }
        rows.append(_queue(company_emails(request_obj.company), subject, body))
    _send(rows)


def request_closed(request_obj, quote_count):
    with translation.override("id"):
        subject = _("Batas penawaran lewat: %(title)s") % {"title": request_obj.title}
        body = _(
            "Kebutuhan %(title)s ditutup pada batas penawarannya dengan %(count)s penawaran. "
            "Bandingkan dan pilih pemenang: %(url)s"
        ) % {
            "title": request_obj.title,
            "count": quote_count,
            "url": _absolute(reverse("sourcing_quotes:compare", args=[request_obj.slug])),
        }
        _send([_queue(company_emails(request_obj.company), subject, body)])
