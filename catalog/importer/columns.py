"""The spreadsheet's columns: the English names the code uses, and the Indonesian (and other)
headers people write, matched without regard to case, spaces or punctuation."""

import re

COLUMNS = (
    "ikm",
    "region",
    "sku",
    "name",
    "category",
    "subcategory",
    "description",
    "price",
    "price_unit",
    "min_order",
    "stock",
    "availability",
    "lead_time_days",
    "materials",
    "weight_grams",
    "length_cm",
    "width_cm",
    "height_cm",
    "tags",
    "image",
)
REQUIRED_COLUMNS = ("ikm", "name", "category")
# The Indonesian header of each column, as the template writes it.
INDONESIAN_HEADERS = {
    "ikm": "ikm",
    "region": "wilayah",
    "sku": "kode_produk",
    "name": "nama",
    "category": "kategori",
    "subcategory": "subkategori",
    "description": "deskripsi",
    "price": "harga",
    "price_unit": "satuan",
    "min_order": "minimal_pesan",
    "stock": "stok",
    "availability": "ketersediaan",
    "lead_time_days": "waktu_produksi_hari",
    "materials": "bahan",
    "weight_grams": "berat_gram",
    "length_cm": "panjang_cm",
    "width_cm": "lebar_cm",
    "height_cm": "tinggi_cm",
    "tags": "tag",
    "image": "foto",
}
# Other headers people write for the same column (after normalise_header).
OTHER_HEADERS = {
    "ikm": ["nama_ikm", "usaha", "nama_usaha", "pelaku_usaha", "umkm", "nama_umkm", "vendor"],
    "region": [
        "kabupaten_kota",
        "kota_kabupaten",
        "kab_kota",
        "kota",
        "kabupaten",
        "daerah",
        "lokasi",
    ],
    "sku": ["kode", "kode_barang", "sku_produk"],
    "name": ["nama_produk", "produk", "nama_barang", "product", "product_name"],
    "category": ["kategori_produk", "jenis", "jenis_produk"],
    "subcategory": ["sub_kategori", "sub_category"],
    "description": ["keterangan", "uraian", "deskripsi_produk"],
    "price": ["harga_rp", "harga_satuan", "harga_jual", "harga_rupiah"],
    "price_unit": ["unit", "satuan_harga", "per"],
    "min_order": [
        "minimal_pemesanan",
        "min_pesan",
        "minimal_order",
        "min_order_qty",
        "minimum_order",
        "moq",
        "pesan_minimal",
    ],
    "stock": ["jumlah_stok", "stok_tersedia"],
    "availability": ["status_stok", "status", "ketersediaan_stok"],
    "lead_time_days": [
        "waktu_produksi",
        "lama_produksi",
        "lama_produksi_hari",
        "lead_time",
        "waktu_pengerjaan_hari",
        "waktu_pengerjaan",
    ],
    "materials": ["bahan_baku", "material"],
    "weight_grams": ["berat", "berat_g", "berat_gr", "weight"],
    "length_cm": ["panjang", "length"],
    "width_cm": ["lebar", "width"],
    "height_cm": ["tinggi", "height"],
    "tags": ["tags", "kata_kunci", "label"],
    "image": ["gambar", "foto_produk", "images", "photo", "photos"],
}
HEADERS = {
    **{column: column for column in COLUMNS},
    **{header: column for column, header in INDONESIAN_HEADERS.items()},
    **{header: column for column, headers in OTHER_HEADERS.items() for header in headers},
}
EXAMPLE_ROW = {
    "ikm": "Batik Ibu Siti",
    "region": "Kabupaten Cirebon",
    "sku": "BTS-001",
    "name": "Batik Tulis Mega Mendung Biru",
    "category": "Batik",
    "subcategory": "Batik Tulis",
    "description": "Kain batik tulis katun primisima, pewarna alam.",
    "price": "Rp 450.000",
    "price_unit": "lembar",
    "min_order": "1",
    "stock": "12",
    "availability": "Stok tersedia",
    "lead_time_days": "",
    "materials": "Katun; Pewarna alam",
    "weight_grams": "350",
    "length_cm": "200",
    "width_cm": "115",
    "height_cm": "",
    "tags": "mega mendung, batik tulis",
    "image": "bts-001.jpg",
}
# Model field -> spreadsheet column, to put a model validation error in the right column.
FIELD_COLUMNS = {
    "title": "name",
    "sku": "sku",
    "category": "category",
    "price": "price",
    "price_unit": "price_unit",
    "min_order": "min_order",
    "stock": "stock",
    "availability": "availability",
    "lead_time_days": "lead_time_days",
    "weight_grams": "weight_grams",
    "length_cm": "length_cm",
    "width_cm": "width_cm",
    "height_cm": "height_cm",
}


def normalise_header(value):
    """ "Harga (Rp)" -> "harga_rp", " Nama  Produk " -> "nama_produk"."""
    return re.sub(r"[^a-z0-9]+", "_", str(value or "").strip().lower()).strip("_")


def canonical_column(header):
    """The English column a header means, or None; `header` is normalised first."""
    return HEADERS.get(normalise_header(header))
