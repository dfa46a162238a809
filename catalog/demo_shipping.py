"""Shipping facts of the demo IKM (catalog/models/shipping.py): where each ships from, the
couriers or freight it uses and, for the export-ready ones, their terms. One small dict per
IKM, merged into the IKM by catalog/demo.py; English only where the text is not a name."""

JAWA_BARAT = "Jawa Barat"
PARCEL = "JNE, J&T, SiCepat, Pos Indonesia"

# IKM key: fields. IKM not listed keep the defaults (no shipping facts).
VENDORS = {
    "trusmi": {
        "ships_from": f"Plered, Kabupaten Cirebon, {JAWA_BARAT}",
        "couriers": f"{PARCEL}, DHL Express",
        "export_terms": "EXW Plered, FOB Tanjung Priok",
        "export_note": "Minimal 50 lembar per motif; dokumen ekspor dan SKA diurus IKM.",
        "export_note_en": "At least 50 pieces per motif; export documents and certificate of "
        "origin handled by the IKM.",
    },
    "putrapesisir": {"ships_from": f"Plered, Kabupaten Cirebon, {JAWA_BARAT}", "couriers": PARCEL},
    "rotan": {
        "ships_from": f"Tegalwangi, Kabupaten Cirebon, {JAWA_BARAT}",
        "couriers": "Dakota Cargo, Indah Cargo, forwarder laut",
        "couriers_en": "Dakota Cargo, Indah Cargo, sea freight forwarder",
        "export_terms": "FOB Cirebon, FOB Tanjung Priok",
        "export_note": "Minimal satu kontainer 20 kaki; fumigasi dan SVLK tersedia.",
        "export_note_en": "At least one 20-foot container; fumigation and SVLK available.",
    },
    "topeng": {"ships_from": f"Kabupaten Cirebon, {JAWA_BARAT}", "couriers": "JNE, Pos Indonesia"},
    "terasi": {"ships_from": f"Gebang, Kabupaten Cirebon, {JAWA_BARAT}", "couriers": "JNE, J&T"},
    "kerupuk": {
        "ships_from": f"Kabupaten Cirebon, {JAWA_BARAT}",
        "couriers": "JNE, J&T, Lalamove (Cirebon)",
    },
    "lukiskaca": {
        "ships_from": f"Gegesik, Kabupaten Cirebon, {JAWA_BARAT}",
        "couriers": "JNE (kayu pengaman), DHL Express",
        "couriers_en": "JNE (wooden crate), DHL Express",
        "export_terms": "EXW Gegesik, CIF atas permintaan",
        "export_note": "Dikemas peti kayu; pengiriman satuan ke luar negeri lewat DHL.",
        "export_note_en": "Packed in wooden crates; single pieces go abroad by DHL.",
    },
    "sirup": {"ships_from": f"Kota Cirebon, {JAWA_BARAT}", "couriers": "JNE, J&T, Indah Cargo"},
    "kaos": {"ships_from": f"Kota Cirebon, {JAWA_BARAT}", "couriers": PARCEL},
    "pesisircraft": {
        "ships_from": f"Kota Cirebon, {JAWA_BARAT}",
        "couriers": f"{PARCEL}, kargo udara",
        "couriers_en": f"{PARCEL}, air cargo",
        "export_terms": "FOB Cirebon",
        "export_note": "Minimal 300 tas campur model per pengiriman.",
        "export_note_en": "At least 300 bags of mixed models per shipment.",
    },
    "busana": {"ships_from": f"Kota Cirebon, {JAWA_BARAT}", "couriers": "JNE, J&T, SiCepat"},
    "krakatoa": {"ships_from": "Kota Cilegon, Banten", "couriers": "JNE, Pos Indonesia"},
    "logam": {
        "ships_from": "Kota Cilegon, Banten",
        "couriers": "Dakota Cargo, truk sendiri (Jabodetabek)",
        "couriers_en": "Dakota Cargo, own truck (Greater Jakarta)",
    },
    "gipang": {"ships_from": "Kota Cilegon, Banten", "couriers": "JNE, J&T"},
    "paoman": {"ships_from": f"Kabupaten Indramayu, {JAWA_BARAT}", "couriers": "JNE, J&T"},
}


def vendor_fields(key):
    return dict(VENDORS.get(key, {}))
