"""The capability profile form an IKM's owners fill in (and curators may correct)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Material, VendorCertificate
from sourcing.models import Capability, CapabilityProfile, Sector


def valid_certificates(vendor):
    """The IKM's own certificates a curator verified that have not expired: the only ones a
    profile may show (the curators' check is reused, never bypassed)."""
    return (
        VendorCertificate.objects.filter(page=vendor, verified=True)
        .exclude(expires_on__lt=timezone.localdate())
        .select_related("certificate_type")
    )


class CapabilityProfileForm(forms.ModelForm):
    sectors_served = forms.MultipleChoiceField(
        label=_("sektor yang dilayani"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CapabilityProfile
        fields = [
            "capabilities",
            "machines",
            "monthly_capacity",
            "capacity_unit",
            "materials",
            "sectors_served",
            "certificates",
            "past_partnerships",
        ]
        widgets = {
            "capabilities": forms.CheckboxSelectMultiple,
            "materials": forms.CheckboxSelectMultiple,
            "certificates": forms.CheckboxSelectMultiple,
            "machines": forms.Textarea(attrs={"rows": 4}),
            "past_partnerships": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "certificates": _(
                "Hanya sertifikat IKM ini yang sudah diverifikasi kurator dan masih berlaku."
            ),
            "machines": _("Mis. 2 mesin bubut CNC, 1 mesin las TIG, meja potong plasma."),
            "past_partnerships": _("Perusahaan yang pernah Anda pasok, apa dan kapan."),
        }

    def __init__(self, *args, vendor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capabilities"].queryset = Capability.objects.order_by("group", "name")
        self.fields["materials"].queryset = Material.objects.order_by("name")
        self.fields["certificates"].queryset = valid_certificates(vendor)
        self.fields["monthly_capacity"].widget.attrs.update(min=0)
        self.fields["monthly_capacity"].min_value = 0

    def clean_monthly_capacity(self):
        value = self.cleaned_data.get("monthly_capacity")
        if value is not None and value < 0:
            raise forms.ValidationError(_("Kapasitas tidak boleh negatif."))
        return value
