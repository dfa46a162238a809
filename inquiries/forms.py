"""The inquiry form: what a buyer fills in, and the checks that keep spam out."""

import logging
import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.phone import normalise_phone

from .models import Inquiry

logger = logging.getLogger(__name__)
_LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)
FILE_SIGNATURES = {
    b"%PDF-": "pdf",
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpg",
}
MAX_MESSAGE_LENGTH = 3000
TOKEN_SALT = "inquiries.form-started"  # noqa: S105 (a signing salt, not a secret)


def form_token(now=None):
    """A signed timestamp put in the form when it is shown (for the minimum fill time)."""
    return signing.dumps(now if now is not None else time.time(), salt=TOKEN_SALT)


def sniff_file_type(uploaded):
    """'pdf', 'png' or 'jpg' from the file's first bytes (never from its name), else None."""
    head = uploaded.read(16)
    uploaded.seek(0)
    for signature, kind in FILE_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return None


class InquiryForm(forms.ModelForm):
    """A buyer's inquiry. Refusals say what is wrong in the buyer's language; nothing a buyer
    typed is lost when the form comes back with errors."""

    website = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Inquiry
        fields = [
            "name",
            "email",
            "phone",
            "buyer_type",
            "company",
            "quantity",
            "wanted_by",
            "message",
            "consent",
            "attachment",
        ]
        widgets = {
            "wanted_by": forms.DateInput(attrs={"type": "date"}),
            "message": forms.Textarea(attrs={"rows": 5, "maxlength": MAX_MESSAGE_LENGTH}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "company": forms.TextInput(attrs={"autocomplete": "organization"}),
            "quantity": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
            "attachment": forms.ClearableFileInput(
                attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}
            ),
        }
        help_texts = {
            "phone": _(
                "Misalnya 0812 3456 7890; dari luar negeri dengan kode negara, misalnya "
                "+65 6123 4567. Isi email atau telepon."
            ),
            "attachment": _(
                "PDF, JPG atau PNG, paling besar 5 MB (misalnya desain atau spesifikasi)."
            ),
            "wanted_by": _("Kapan barang Anda butuhkan (boleh dikosongkan)."),
        }

    def __init__(self, *args, product=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.product = product
        self.fields["consent"].required = True
        self.fields["consent"].label = _("Saya bersedia dihubungi IKM ini tentang pertanyaan saya.")
        # Setting max_length after the field is built adds no validator: add it explicitly.
        self.fields["message"].max_length = MAX_MESSAGE_LENGTH
        self.fields["message"].validators.append(MaxLengthValidator(MAX_MESSAGE_LENGTH))
        self.fields["buyer_type"].choices = [("", _("Pilih…")), *Inquiry.BuyerType.choices]
        # The model field's min_value (0) would override the widget's min="1".
        self.fields["quantity"].widget.attrs["min"] = 1
        if product is not None:
            unit = product.get_price_unit_display()
            self.fields["quantity"].label = _("Jumlah (%(unit)s)") % {"unit": unit}
            if product.min_order > 1:
                self.fields["quantity"].help_text = _("Minimal pemesanan %(count)s %(unit)s.") % {
                    "count": product.min_order,
                    "unit": unit,
                }
        if not self.is_bound:
            self.initial.setdefault("started", form_token())

    def clean_website(self):
        if self.cleaned_data.get("website"):
            logger.warning("Inquiry refused: honeypot filled")
            raise ValidationError(
                _("Pesan tidak dapat dikirim. Kosongkan kolom tersembunyi."), code="honeypot"
            )
        return ""

    def clean_started(self):
        token = self.cleaned_data.get("started", "")
        try:
            started = signing.loads(token, salt=TOKEN_SALT, max_age=24 * 3600)
        except signing.BadSignature:
            logger.warning("Inquiry refused: missing or expired form token")
            raise ValidationError(
                _("Formulir ini sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi."),
                code="expired",
            ) from None
        if time.time() - float(started) < settings.INQUIRY_MIN_FILL_SECONDS:
            logger.warning("Inquiry refused: sent too fast")
            raise ValidationError(
                _("Pesan terkirim terlalu cepat. Periksa isian Anda lalu kirim lagi."),
                code="too_fast",
            )
        return token

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_message(self):
        message = self.cleaned_data.get("message", "").strip()
        if len(_LINK.findall(message)) > settings.INQUIRY_MAX_LINKS:
            logger.warning("Inquiry refused: too many links")
            raise ValidationError(
                _("Pesan berisi terlalu banyak tautan (paling banyak %(count)s)."),
                params={"count": settings.INQUIRY_MAX_LINKS},
                code="links",
            )
        return message

    def clean_wanted_by(self):
        wanted_by = self.cleaned_data.get("wanted_by")
        if wanted_by and wanted_by < timezone.localdate():
            raise ValidationError(_("Tanggal dibutuhkan tidak boleh di masa lalu."))
        return wanted_by

    def clean_quantity(self):
        quantity = self.cleaned_data.get("quantity")
        if quantity is not None and quantity < 1:
            raise ValidationError(_("Jumlah paling sedikit 1."))
        return quantity

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if not attachment or not hasattr(attachment, "read"):
            return attachment
        if attachment.size > settings.INQUIRY_ATTACHMENT_MAX_BYTES:
            raise ValidationError(_("Lampiran terlalu besar: paling besar 5 MB."), code="size")
        kind = sniff_file_type(attachment)
        if kind is None:
            raise ValidationError(_("Lampiran harus berupa PDF, JPG atau PNG."), code="file_type")
        attachment.name = f"lampiran.{kind}"
        return attachment

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("phone")
            and not (self.has_error("email") or self.has_error("phone"))
        ):
            self.add_error(
                "email", _("Isi email atau nomor telepon/WhatsApp agar IKM bisa membalas.")
            )
        if self.has_error("started", "expired"):
            # The form comes back with a new token: the buyer can send what they typed again
            # (re-posting the old token, as reloading the page does, would fail forever).
            self.data = self.data.copy()
            self.data["started"] = form_token()
        return cleaned

    @property
    def below_min_order(self):
        quantity = self.cleaned_data.get("quantity") if hasattr(self, "cleaned_data") else None
        return bool(self.product and quantity and quantity < self.product.min_order)
