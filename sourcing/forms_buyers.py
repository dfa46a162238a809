"""The forms of the buyers' side: registration, company profile, request, spec file."""

import logging
import re
import time

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Category, Region, VendorPage
from catalog.phone import normalise_phone
from sourcing import spec_files
from sourcing.models import BuyerCompany, Capability, Sector, SourcingRequest

logger = logging.getLogger(__name__)
TOKEN_SALT = "sourcing.registration-started"  # noqa: S105 (a signing salt, not a secret)
_NIB = re.compile(r"^\d{13}$")


def form_token():
    return signing.dumps(time.time(), salt=TOKEN_SALT)


class RegistrationForm(forms.Form):
    """A company and its first contact person; spam is kept out like on the inquiry form."""

    name = forms.CharField(label=_("Nama perusahaan"), max_length=160)
    nib = forms.CharField(
        label=_("NIB"),
        max_length=13,
        help_text=_("Nomor Induk Berusaha, 13 angka (dari OSS)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    sector = forms.ChoiceField(label=_("Sektor"), choices=[("", _("Pilih…")), *Sector.choices])
    address = forms.CharField(
        label=_("Alamat"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    region = forms.ModelChoiceField(
        label=_("Wilayah"), queryset=Region.objects.order_by("name"), empty_label=_("Pilih…")
    )
    website = forms.URLField(label=_("Situs web"), required=False, assume_scheme="https")
    contact_name = forms.CharField(
        label=_("Nama kontak"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    job_title = forms.CharField(label=_("Jabatan"), max_length=120, required=False)
    phone = forms.CharField(
        label=_("Telepon"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email kerja"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Paling sedikit 8 karakter, bukan hanya angka."),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    website_hp = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", form_token())

    def clean_website_hp(self):
        if self.cleaned_data.get("website_hp"):
            logger.warning("Buyer registration refused: honeypot filled")
            raise ValidationError(_("Kosongkan kolom tersembunyi."), code="honeypot")
        return ""

    def clean_started(self):
        try:
            started = signing.loads(
                self.cleaned_data.get("started", ""), salt=TOKEN_SALT, max_age=24 * 3600
            )
        except signing.BadSignature:
            raise ValidationError(
                _("Formulir ini sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi."),
                code="expired",
            ) from None
        if time.time() - float(started) < settings.INQUIRY_MIN_FILL_SECONDS:
            raise ValidationError(
                _("Formulir terkirim terlalu cepat. Periksa isian Anda lalu kirim lagi."),
                code="too_fast",
            )
        return self.cleaned_data["started"]

    def clean_nib(self):
        nib = re.sub(r"\s", "", self.cleaned_data["nib"])
        if not _NIB.match(nib):
            raise ValidationError(_("NIB terdiri dari 13 angka."), code="nib")
        if BuyerCompany.objects.filter(nib=nib).exists():
            raise ValidationError(_("Perusahaan dengan NIB ini sudah terdaftar."), code="nib_taken")
        return nib

    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif first:
            try:
                password_validation.validate_password(first)
            except ValidationError as error:
                self.add_error("password1", error)
        if self.has_error("started", "expired"):
            self.data = self.data.copy()
            self.data["started"] = form_token()
        return cleaned


class CompanyProfileForm(forms.ModelForm):
    website = forms.URLField(label=_("Situs web"), required=False, assume_scheme="https")

    class Meta:
        model = BuyerCompany
        fields = ["name", "sector", "address", "region", "website"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class MemberForm(forms.Form):
    contact_name = forms.CharField(label=_("Nama"), max_length=150)
    job_title = forms.CharField(label=_("Jabatan"), max_length=120, required=False)
    email = forms.EmailField(label=_("Email kerja"))
    password = forms.CharField(
        label=_("Kata sandi awal"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Sampaikan kepada rekan Anda; ia dapat menggantinya setelah masuk."),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class SourcingRequestForm(forms.ModelForm):
    """A draft request. The company, status and dates of publishing are never in the form."""

    class Meta:
        model = SourcingRequest
        fields = [
            "title",
            "description",
            "category",
            "capabilities",
            "quantity",
            "unit",
            "requires_sni",
            "requires_iso9001",
            "requires_halal",
            "tkdn_min_percent",
            "delivery_region",
            "delivery_place",
            "delivery_date",
            "quote_deadline",
            "visibility",
            "invited_vendors",
            "show_buyer_name",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "capabilities": forms.CheckboxSelectMultiple,
            "delivery_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "quote_deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "invited_vendors": forms.SelectMultiple(attrs={"size": 6}),
            "quantity": forms.NumberInput(attrs={"min": "0.01", "step": "any"}),
            "tkdn_min_percent": forms.NumberInput(attrs={"min": 0, "max": 100}),
        }
        help_texts = {
            "quote_deadline": _("Penawaran diterima sampai waktu ini (WIB)."),
            "invited_vendors": _("Hanya untuk kebutuhan khusus undangan."),
            "show_buyer_name": _(
                "Jika tidak dicentang, IKM melihat nama perusahaan setelah masuk."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.order_by("name")
        self.fields["capabilities"].queryset = Capability.objects.order_by("group", "name")
        self.fields["delivery_region"].queryset = Region.objects.order_by("name")
        self.fields["invited_vendors"].queryset = VendorPage.objects.live().order_by("title")
        self.fields["invited_vendors"].required = False

    def clean_quantity(self):
        quantity = self.cleaned_data.get("quantity")
        if quantity is not None and quantity <= 0:
            raise ValidationError(_("Jumlah harus lebih dari nol."))
        return quantity

    def clean_quote_deadline(self):
        deadline = self.cleaned_data.get("quote_deadline")
        if deadline and deadline <= timezone.now():
            raise ValidationError(_("Batas penawaran harus di masa depan."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        deadline, delivery = cleaned.get("quote_deadline"), cleaned.get("delivery_date")
        if deadline and delivery and delivery < timezone.localdate(deadline):
            self.add_error(
                "delivery_date", _("Tanggal pengiriman tidak boleh sebelum batas penawaran.")
            )
        return cleaned


class SpecAttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas spesifikasi"),
        help_text=_("PDF, JPG, PNG, DWG, DXF atau XLSX, paling besar 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": spec_files.ACCEPT}),
    )
