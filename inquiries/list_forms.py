"""Forms of the inquiry list ("daftar tanya"): the lines (quantity and note per product) and the
buyer's one form, with the same checks against spam as a single inquiry (inquiries/forms.py:
honeypot, minimum fill time, link limit; CSRF and the rate limits are the view's)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import InquiryForm
from .inquiry_list import NOTE_MAX_LENGTH


class InquiryListForm(InquiryForm):
    """The buyer's details and message, sent to every IKM of the list."""

    class Meta(InquiryForm.Meta):
        # "quantity" only because InquiryForm's __init__ sets it up: it is dropped below (each
        # line has its own quantity).
        fields = ["name", "email", "phone", "buyer_type", "company", "message", "consent"]
        fields += ["quantity"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["quantity"]
        self.fields["consent"].label = _(
            "Saya bersedia dihubungi IKM di daftar ini tentang pertanyaan saya."
        )
        self.fields["message"].help_text = _("Pesan yang sama dikirim ke setiap IKM.")


class LineForm(forms.Form):
    """Quantity and note of one product of the list (prefixed with the product's id)."""

    quantity = forms.IntegerField(
        label=_("Jumlah"),
        required=False,
        min_value=1,
        max_value=10_000_000,
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
    )
    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"maxlength": NOTE_MAX_LENGTH}),
    )


def line_forms(groups, data=None):
    """A LineForm for each line of each group (line.form), bound to `data` when given."""
    all_forms = []
    for group in groups:
        for line in group.lines:
            line.form = LineForm(
                data,
                prefix=f"line-{line.product.pk}",
                initial={"quantity": line.quantity, "note": line.note},
            )
            all_forms.append(line.form)
    return all_forms


def apply_lines(groups):
    """Copy valid line forms' values into the lines; True when every line form is valid."""
    valid = True
    for group in groups:
        for line in group.lines:
            if line.form.is_valid():
                line.quantity = line.form.cleaned_data["quantity"]
                line.note = line.form.cleaned_data["note"].strip()
            else:
                valid = False
    return valid


def as_stored(groups):
    return [
        {"product": line.product.pk, "quantity": line.quantity, "note": line.note}
        for group in groups
        for line in group.lines
    ]
