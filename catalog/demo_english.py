"""English text for part of the demo catalog.

Every category and certificate type, some materials, some IKM and some products get English;
the rest stay Indonesian only, so the English site shows both translated text and the
Indonesian fallback (marked lang="id"), and English searches must reach Indonesian-only
products through the curators' synonym sets (rattan chair finds "Kursi Teras Rotan").
"""

import uuid

from django.utils.html import escape

# slug: (English name, English description or "")
CATEGORIES = {
    "batik": ("Batik", "Hand-drawn, stamped and printed batik from the coastal batik centres."),
    "batik-tulis": ("Hand-drawn batik", ""),
    "batik-cap": ("Stamped batik", ""),
    "batik-cetak": ("Printed batik", ""),
    "kerajinan": ("Crafts", "Handicrafts: masks, rattan, reverse glass paintings and metal."),
    "topeng": ("Masks", ""),
    "rotan": ("Rattan", ""),
    "lukisan-kaca": ("Reverse glass paintings", ""),
    "logam": ("Metalwork", ""),
    "makanan-olahan": ("Processed food", "Regional processed foods and drinks."),
    "sirup": ("Syrups", ""),
    "terasi": ("Shrimp paste", ""),
    "kerupuk": ("Crackers", ""),
    "emping": ("Melinjo crackers", ""),
    "kue-camilan": ("Cakes & snacks", ""),
    "fashion": ("Fashion", "Clothing in regional fabrics and motifs."),
    "kaos": ("T-shirts", ""),
    "busana-muslim": ("Muslim fashion", ""),
    "pakaian-batik": ("Batik clothing", ""),
    "aksesoris": ("Accessories", "Bags, jewellery and souvenirs."),
    "tas": ("Bags", ""),
    "perhiasan": ("Jewellery", ""),
    "suvenir": ("Souvenirs", ""),
}

CERTIFICATE_TYPES = {
    "halal": "Halal certificate",
    "p-irt": "P-IRT home industry food licence",
    "sni": "SNI (Indonesian National Standard)",
    "tkdn": "TKDN (local content)",
    "hki-merek": "Registered trademark",
    "bpom": "BPOM distribution permit",
    "batikmark": "Batikmark",
}

# Material slug: English name. The others stay Indonesian.
MATERIALS = {
    "sutra": "Silk",
    "pewarna-alam": "Natural dyes",
    "rotan-alam": "Natural rattan",
    "rotan-sintetis": "Synthetic rattan",
    "kaca": "Glass",
    "kuningan": "Brass",
    "perak": "Silver",
    "udang-rebon": "Small shrimp (rebon)",
}

# IKM key: (English summary, English story HTML, English monthly capacity)
VENDORS = {
    "trusmi": (
        "Trusmi hand-drawn batik since 1987: seven-shade mega mendung, wadasan and Singa Barong.",
        "<p>Sekar Kencana began in Ibu Siti Masitoh's house in Trusmi Kulon, where she learnt "
        "to draw with the <b>canting</b> from her grandmother. Today 34 craftspeople, most of "
        "them women from the neighbourhood, work in the workshop behind the house.</p>"
        "<p>Its hallmark is <i>mega mendung</i> in up to seven shades, built up with layer "
        "upon layer of wax resist. Each piece of hand-drawn batik takes three to six weeks.</p>",
        "400 pieces of hand-drawn batik",
    ),
    "topeng": (
        "Carved Cirebon masks of jaran wood for dancers, collectors and gifts.",
        "<p>A workshop of mask carvers who make the five Panca Wanda masks of the Cirebon mask "
        "dance, carved by hand and painted in the traditional colours.</p>",
        "",
    ),
}

# Product SKU: (English title, English summary, English description)
PRODUCTS = {
    "SK-BT-001": (
        "Hand-drawn Mega Mendung Batik Cloth, Blue Gradient",
        "Fine hand-drawn batik with the mega mendung cloud motif in seven shades of blue.",
        "The mega mendung clouds are waxed seven times so the blue shades from deep indigo to "
        "pale blue. One batik maker works on it for about five weeks.",
    ),
    "SK-BT-002": (
        "Hand-drawn Mega Mendung Batik Cloth, Maroon",
        "Classic mega mendung in maroon red, drawn by hand.",
        "Maroon is a favourite for kebaya cloth and formal shirts. The cloud motif is drawn "
        "freehand by the batik maker, without a printed pattern.",
    ),
    "TJ-ST-002": (
        "Synthetic Rattan Living Room Set 4+1",
        "Four chairs and a table woven from weatherproof synthetic rattan.",
        "A set for the living room or the terrace: synthetic rattan does not fade in the sun "
        "and is wiped clean with a damp cloth.",
    ),
    "TJ-LP-004": (
        "Round Rattan Pendant Lampshade, 50 cm",
        "A hand-woven round rattan lampshade that casts a soft patterned light.",
        "Woven from natural rattan over a round frame; fits a standard E27 lamp holder.",
    ),
    "PA-TP-001": (
        "Hand-carved Panji Mask of Jaran Wood",
        "The white Panji mask of the Cirebon mask dance, carved and painted by hand.",
        "Panji is the first of the five Panca Wanda characters: calm and refined. Carved from "
        "light jaran wood and finished with traditional paints.",
    ),
    "IK-SB-004": (
        "Cirebon Shrimp Paste Chilli Sambal, 150 g",
        "A ready-to-eat chilli sambal made with our own shrimp paste.",
        "Fresh chillies ground with roasted shrimp paste, garlic and palm sugar. Keeps for "
        "two weeks in the fridge once opened.",
    ),
    "TB-SR-003": (
        "Coco Pandan Syrup, 620 ml",
        "Coconut and pandan flavoured syrup from Cilegon.",
        "Mix one part syrup with four parts cold water or milk; lovely over shaved ice.",
    ),
}


def description_blocks_en(sku, text):
    """An English description in the same StreamField shape as the Indonesian one."""
    key = f"etalase-ikm/{sku}/en"
    return [
        {
            "type": "heading",
            "value": "About this product",
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key + "/h1")),
        },
        {
            "type": "paragraph",
            "value": f"<p>{escape(text)}</p>",
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key + "/p1")),
        },
    ]


def product_fields(sku):
    """The English fields of a demo product (empty for the Indonesian-only ones)."""
    if sku not in PRODUCTS:
        return {}
    title, summary, text = PRODUCTS[sku]
    return {
        "title_en": title,
        "summary_en": summary,
        "listing_summary_en": summary,
        "description_en": description_blocks_en(sku, text),
    }


def vendor_fields(key):
    if key not in VENDORS:
        return {}
    summary, story, capacity = VENDORS[key]
    return {"listing_summary_en": summary, "story_en": story, "monthly_capacity_en": capacity}
