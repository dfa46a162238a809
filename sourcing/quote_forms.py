"""Forms of the quote process: the IKM's quote (with one optional private attachment), a
message in the thread, and the buyer's award quantities."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inquiries.forms import sniff_file_type
from sourcing.models import Quote, QuoteAttachment

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg"}


class QuoteForm(forms.ModelForm):
    attachment = forms.FileField(
        label=_("Lampiran (PDF, PNG atau JPG, paling besar 10 MB)"), required=False
    )

    class Meta:
        model = Quote
        fields = ["unit_price", "quantity", "lead_time_days", "valid_until", "notes"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if quantity is not None and quantity <= 0:
            raise forms.ValidationError(_("Jumlah harus lebih dari nol."))
        return quantity

    def clean_valid_until(self):
        valid_until = self.cleaned_data.get("valid_until")
        if valid_until and valid_until < timezone.localdate():
            raise forms.ValidationError(_("Tanggal berlaku tidak boleh di masa lalu."))
        return valid_until

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(_("Berkas lebih besar dari 10 MB."))
        kind = sniff_file_type(upload)
        if kind is None:
            raise forms.ValidationError(_("Hanya berkas PDF, PNG atau JPG yang diterima."))
        return QuoteAttachment(
            file=upload,
            original_name=upload.name[:200],
            content_type=ATTACHMENT_TYPES[kind],
            size=upload.size,
        )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Pesan"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
