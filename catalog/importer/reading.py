"""Reading a CSV or XLSX file into rows keyed by the English column names."""

import csv
import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .columns import canonical_column, normalise_header

MAX_ROWS = 5000


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _delimiter(text):
    """The separator of the header line: the one of , ; tab it has most of. (csv.Sniffer
    guesses from the whole sample and picks "," in a semicolon file whose prices are written
    "1,250,000".)"""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max(",;\t", key=header.count) if header else ","


def _raw_rows(data, filename):
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
            raise ValidationError(_("Berkas XLSX tidak dapat dibaca.")) from error
        sheet = workbook.worksheets[0]
        return ([_cell(v) for v in row] for row in sheet.iter_rows(values_only=True))
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        return (
            [_cell(v) for v in row]
            for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text))
        )
    raise ValidationError(_("Pilih berkas .csv atau .xlsx."))


def read_rows(data, filename):
    """(header, [(row number, {column: text})]) from CSV or XLSX bytes.

    `header` holds the English column name of each header cell people wrote ("Harga (Rp)",
    "NAMA PRODUK", "price_unit"), or the normalised header when it means no known column;
    rows are keyed by those names.
    """
    header = None
    rows = []
    for number, values in enumerate(_raw_rows(data, filename), start=1):
        if header is None:
            if any(values):
                header = [canonical_column(v) or normalise_header(v) for v in values]
            continue
        if not any(values):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(_("Paling banyak %(n)s baris per berkas.") % {"n": MAX_ROWS})
        rows.append((number, dict(zip(header, values, strict=False))))
    return header or [], rows
