"""The synonym sets every installation starts with (search/migrations/0002), editable by
curators afterwards under "Sinonim pencarian".

English beside Indonesian names of every category of the catalog, and the words buyers type
for them, so an English or everyday search finds products written only in Indonesian. A set
that contains a word buyers also use alone ("kerajinan") makes that word find the set's
other terms too; the original words always keep their own matches (search/synonyms.py).
"""

NOTE = "Bawaan"

DEFAULT_SYNONYM_SETS = tuple(
    (terms, NOTE)
    for terms in (
        # Batik
        "batik tulis, hand drawn batik, handdrawn batik, hand painted batik",
        "batik cap, stamped batik, block printed batik",
        "batik cetak, printed batik",
        "selendang, shawl, shawls, scarf, scarves",
        "kain, cloth, fabric, fabrics, textile, textiles",
        "sutra, silk",
        "katun, cotton",
        "pewarna alam, pewarna alami, natural dye, natural dyes",
        # Crafts
        "kerajinan, craft, crafts, handicraft, handicrafts",
        "kerajinan tangan, handmade, hand made, buatan tangan, kerajinan",
        "topeng, mask, masks",
        "rotan, rattan",
        "anyaman, woven, weaving, wickerwork",
        "keranjang, basket, baskets",
        "kursi, chair, chairs",
        "meja, table, tables",
        "furnitur, furniture, mebel, meubel",
        "lukisan, painting, paintings",
        "lukisan kaca, glass painting, glass paintings, reverse glass painting",
        "kaca, glass",
        "kayu, wood, wooden",
        "logam, metal, metalwork",
        "besi, iron",
        "baja, steel",
        "pagar, fence, fences",
        "kuningan, brass",
        "perak, silver",
        "kulit, leather",
        "hiasan dinding, wall decoration, wall hanging",
        # Food and drink
        "makanan, food, foods",
        "makanan olahan, processed food, processed foods",
        "minuman, drink, drinks, beverage, beverages",
        "sirup, syrup, syrups",
        "terasi, shrimp paste",
        "udang, shrimp, shrimps, prawn, prawns",
        "kerupuk, krupuk, cracker, crackers",
        "keripik, kripik, chips",
        "emping, melinjo crackers, melinjo chips",
        "kue, cake, cakes, cookies",
        "camilan, cemilan, jajanan, snack, snacks",
        "ikan, fish",
        "sambal, chili sauce, chilli sauce",
        "kopi, coffee",
        "oleh oleh, souvenir, souvenirs, suvenir, cenderamata, buah tangan",
        # Fashion and accessories
        "fashion, busana, pakaian, clothing, clothes",
        "kaos, t shirt, t shirts, tshirt",
        "kemeja, shirt, shirts",
        "busana muslim, muslim fashion, muslim wear",
        "aksesoris, aksesori, accessories",
        "tas, bag, bags",
        "perhiasan, jewellery, jewelry",
        "sepatu, shoe, shoes",
        "dompet, wallet, wallets, purse",
    )
)
