"""The import template people download: Indonesian headers, an example row, and in the XLSX a
help sheet (*Petunjuk*) and drop-downs for the coded columns (units, availability)."""

import csv
import io

from django.utils.translation import gettext as _

from catalog.models import ProductPage, Unit

from .columns import COLUMNS, EXAMPLE_ROW, INDONESIAN_HEADERS


def template_headers():
    return [INDONESIAN_HEADERS[c] for c in COLUMNS]


def column_help():
    """(header, required, what to write) for every column."""
    return [
        ("ikm", True, _("Nama IKM persis seperti terdaftar.")),
        ("wilayah", False, _("Kabupaten/kota IKM, misalnya Kabupaten Cirebon (untuk IKM baru).")),
        ("kode_produk", False, _("Kode produk (SKU) milik IKM; dipakai untuk memperbarui produk.")),
        ("nama", True, _("Nama produk.")),
        ("kategori", True, _("Kategori, misalnya Batik.")),
        ("subkategori", False, _("Subkategori di bawah kategori, misalnya Batik Tulis.")),
        ("deskripsi", False, _("Deskripsi singkat produk.")),
        ("harga", False, _("Harga rupiah: 1.750.000, Rp 1.750.000 atau 1750000.")),
        ("satuan", False, _("Satuan penjualan, pilih dari daftar (pcs, lembar, toples, ...).")),
        ("minimal_pesan", False, _("Jumlah pemesanan paling sedikit (bilangan bulat).")),
        ("stok", False, _("Jumlah stok; wajib bila ketersediaan Stok tersedia.")),
        ("ketersediaan", False, _("Stok tersedia, Pre-order atau Dibuat sesuai pesanan.")),
        ("waktu_produksi_hari", False, _("Hari produksi; wajib untuk pre-order atau pesanan.")),
        ("bahan", False, _("Bahan, dipisah titik koma: Katun; Pewarna alam.")),
        ("berat_gram", False, _("Berat dalam gram.")),
        ("panjang_cm", False, _("Panjang dalam cm.")),
        ("lebar_cm", False, _("Lebar dalam cm.")),
        ("tinggi_cm", False, _("Tinggi dalam cm.")),
        ("tag", False, _("Kata kunci, dipisah koma.")),
        ("foto", False, _("Nama berkas foto di dalam zip, dipisah titik koma.")),
    ]


def template_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(template_headers())
    writer.writerow([EXAMPLE_ROW[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx():
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Produk"
    sheet.append(template_headers())
    sheet.append([EXAMPLE_ROW[c] for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    # The lists the drop-downs offer, on their own sheet (a list longer than 255 characters
    # cannot be written inline in a validation).
    lists = workbook.create_sheet("Daftar")
    units = [name for _code, name in Unit.choices()]
    availability = [str(label) for _code, label in ProductPage.Availability.choices]
    lists.append([_("Satuan"), _("Ketersediaan")])
    for n in range(max(len(units), len(availability))):
        lists.append(
            [
                units[n] if n < len(units) else None,
                availability[n] if n < len(availability) else None,
            ]
        )
    for column, values, letter in (
        ("price_unit", units, "A"),
        ("availability", availability, "B"),
    ):
        target = get_column_letter(COLUMNS.index(column) + 1)
        validation = DataValidation(
            type="list",
            formula1=f"=Daftar!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=False,  # other spellings are understood too
        )
        validation.add(f"{target}2:{target}5001")
        sheet.add_data_validation(validation)
    help_sheet = workbook.create_sheet("Petunjuk")
    help_sheet.append([_("Kolom"), _("Wajib"), _("Isi")])
    for header, required, text in column_help():
        help_sheet.append([header, _("ya") if required else "", text])
    help_sheet.append([])
    help_sheet.append(
        [_("Judul kolom boleh bahasa Inggris atau Indonesia, huruf besar atau kecil.")]
    )
    help_sheet.column_dimensions["C"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
