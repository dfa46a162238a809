"""Orders paid online through a payment provider (Stripe Checkout), and what happened to them.

An order is saved as PENDING before the buyer is sent to pay; only the provider's signed webhook
moves it on (orders/fulfilment.py). Lines keep the price the server charged, whatever the
product costs later. Every webhook event is stored by its id, so a replay is recognised.
"""

import secrets
from functools import partial

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.money import format_rupiah
from catalog.references import save_with_reference
from outbox.models import OutboxEmail

from .provinces import PROVINCE_CHOICES

CURRENCY = "idr"
# IDR is a two-decimal currency in Stripe's API: Rp 150.000 is 15000000.
MINOR_UNITS_PER_RUPIAH = 100


def new_token():
    """The buyer's key to their order's pages: unguessable, unlike the sequential reference."""
    return secrets.token_urlsafe(24)


def sees_all_orders(user):
    return user.is_superuser or user.has_perm("orders.view_all_orders")


class OrderQuerySet(models.QuerySet):
    def for_user(self, user):
        """Every order for operators (superusers and the Operator group's `view_all_orders`),
        their own IKM's orders for owners."""
        from catalog.ownership import vendors_owned_by

        if not user.is_authenticated:
            return self.none()
        if sees_all_orders(user):
            return self
        return self.filter(vendor_id__in=vendors_owned_by(user))


class Order(models.Model):
    """One purchase from one IKM: the buyer, where to ship, what it costs, where it stands."""

    PROVINCES = PROVINCE_CHOICES

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu pembayaran")
        PAID = "paid", _("Dibayar")
        EXPIRED = "expired", _("Kedaluwarsa")
        FAILED = "failed", _("Pembayaran gagal")
        NEEDS_REFUND = "needs_refund", _("Perlu pengembalian dana")
        SHIPPED = "shipped", _("Dikirim")

    reference = models.CharField(_("nomor"), max_length=24, unique=True, null=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    vendor = models.ForeignKey(
        "catalog.VendorPage", verbose_name=_("IKM"), on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    problem = models.CharField(_("catatan masalah"), max_length=255, blank=True)
    name = models.CharField(_("nama"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("telepon/WhatsApp"), max_length=20)
    province = models.CharField(_("provinsi"), max_length=40, choices=PROVINCE_CHOICES)
    city = models.CharField(_("kota/kabupaten"), max_length=100)
    district = models.CharField(_("kecamatan"), max_length=100)
    postal_code = models.CharField(
        _("kode pos"),
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", _("Kode pos terdiri dari 5 angka."))],
    )
    street = models.TextField(_("alamat jalan"), max_length=500)
    note = models.CharField(_("catatan untuk IKM"), max_length=500, blank=True)
    total = models.PositiveBigIntegerField(_("total (Rp)"))
    currency = models.CharField(max_length=3, default=CURRENCY, editable=False)
    language = models.CharField(_("bahasa"), max_length=5, default="id")
    checkout_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    checkout_url = models.URLField(max_length=2000, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, db_index=True)
    paid_at = models.DateTimeField(_("dibayar"), null=True, blank=True)
    courier = models.CharField(_("kurir"), max_length=60, blank=True)
    tracking_number = models.CharField(_("nomor resi"), max_length=60, blank=True)
    shipped_at = models.DateTimeField(_("dikirim"), null=True, blank=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("pesanan")
        verbose_name_plural = _("pesanan")
        ordering = ["-created_at"]
        permissions = [("view_all_orders", _("Dapat melihat pesanan semua IKM"))]

    def __str__(self):
        return self.reference or f"#{self.pk}"

    def save(self, *args, **kwargs):
        """The first save also gives the reference, ORD-<year>-<id>, in the same transaction."""
        save_with_reference(self, partial(super().save, *args, **kwargs), "ORD")

    @property
    def amount_minor(self):
        """The total in the provider's unit (rupiah × 100)."""
        return self.total * MINOR_UNITS_PER_RUPIAH

    @property
    def total_display(self):
        return format_rupiah(self.total)

    @property
    def address_lines(self):
        return [
            self.street,
            f"{self.district}, {self.city}",
            f"{self.province} {self.postal_code}",
        ]


class OrderLine(models.Model):
    """One product of an order, at the price the server charged when the order was placed."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(
        "catalog.ProductPage", null=True, on_delete=models.SET_NULL, related_name="order_lines"
    )
    title = models.CharField(_("produk"), max_length=255)
    sku = models.CharField(_("SKU"), max_length=40, blank=True)
    unit = models.CharField(_("satuan"), max_length=20, blank=True)
    unit_price = models.PositiveBigIntegerField(_("harga satuan (Rp)"))
    quantity = models.PositiveIntegerField(_("jumlah"))

    class Meta:
        verbose_name = _("baris pesanan")
        verbose_name_plural = _("baris pesanan")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.quantity} × {self.title}"

    @property
    def line_total(self):
        return self.unit_price * self.quantity

    @property
    def unit_price_display(self):
        return format_rupiah(self.unit_price)

    @property
    def line_total_display(self):
        return format_rupiah(self.line_total)


class PaymentEvent(models.Model):
    """A webhook event received from the payment provider, stored once by its id."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    order = models.ForeignKey(
        Order, null=True, blank=True, on_delete=models.SET_NULL, related_name="payment_events"
    )
    outcome = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("peristiwa pembayaran")
        verbose_name_plural = _("peristiwa pembayaran")
        ordering = ["received_at"]

    def __str__(self):
        return f"{self.type} {self.event_id}"


class OrderEmail(OutboxEmail):
    """One email about an order; written in the order's transaction, sent by a background task
    after the commit and retried when the mail server fails, so no order goes unannounced."""

    class Kind(models.TextChoices):
        BUYER_PAID = "buyer_paid", _("Tanda terima ke pembeli")
        OWNER_PAID = "owner_paid", _("Pesanan baru ke IKM")
        BUYER_OVERSOLD = "buyer_oversold", _("Stok habis, ke pembeli")
        OWNER_OVERSOLD = "owner_oversold", _("Stok habis, ke IKM")
        BUYER_SHIPPED = "buyer_shipped", _("Pengiriman ke pembeli")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("email pesanan")
        verbose_name_plural = _("email pesanan")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order} · {self.get_kind_display()}"
