from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in: IKM owner, curator or operator.

    Our own model from the first migration so that profile fields (phone, preferred
    language) can be added without a painful swap later.
    """

    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    preferred_language = models.CharField(
        _("bahasa"),
        max_length=5,
        choices=[("id", "Bahasa Indonesia"), ("en", "English")],
        default="id",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        permissions = [
            ("onboard_vendor", _("Dapat mendaftarkan IKM dan pemiliknya")),
            ("import_any_catalog", _("Dapat mengimpor katalog untuk semua IKM")),
        ]
