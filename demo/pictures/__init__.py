"""Believable product, logo and cover pictures for the demo catalog, drawn with Pillow only.

Nothing is downloaded: every picture is drawn from simple shapes (batik motifs such as mega
mendung, kawung, wadasan and Krakatoa, a topeng mask, a rattan chair, bottles of sirup, blocks
of terasi, kerupuk, a t-shirt, a glass painting, metalwork, ...). Drawing is deterministic: the
same kind, options and seed string always give the same JPEG bytes.

    product_image("batik_cloth", "sekar-kencana-1", motif="megamendung", palette="biru")
    logo_image("Batik Tulis Sekar Kencana")
    cover_image("batik_cloth", "sekar-kencana", motif="megamendung", palette="biru")
"""

import math
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageOps

from demo.pictures.accessories import (
    draw_dompet,
    draw_gantungan,
    draw_logam,
    draw_perhiasan,
    draw_tas,
)
from demo.pictures.base import (
    COVER_SIZE,
    LOGO_SIZE,
    PALETTES,
    PRODUCT_SIZE,
    backdrop,
    font,
    hex_rgb,
    mix,
    palette_colours,
    pattern,
    rng_for,
    studio,
    to_jpeg,
)
from demo.pictures.crafts import (
    draw_lukisan_kaca,
    draw_rotan_basket,
    draw_rotan_chair,
    draw_rotan_lamp,
    draw_topeng,
    draw_tray,
)
from demo.pictures.food import draw_crackers, draw_gipang, draw_jar, draw_sirup, draw_terasi
from demo.pictures.textiles import (
    draw_batik_cloth,
    draw_gamis,
    draw_hijab,
    draw_kaos,
    draw_kemeja,
    draw_selendang,
)


def draw_showcase(image, rng, kinds=(), seed="", **_):
    """A 2x2 grid of an IKM's products: the shelves of its showroom."""
    w, h = image.size
    image.paste((236, 229, 218), (0, 0, w, h))
    for k, (kind, options) in enumerate(list(kinds)[:4]):
        cell = (w // 2 - 24, h // 2 - 24)
        tile = render(kind, f"{seed}-{k}", size=cell, **options)
        image.paste(tile, ((k % 2) * (w // 2) + 12, (k // 2) * (h // 2) + 12))


DRAWERS: dict[str, Callable] = {
    "batik_cloth": draw_batik_cloth,
    "selendang": draw_selendang,
    "kemeja": draw_kemeja,
    "kaos": draw_kaos,
    "gamis": draw_gamis,
    "hijab": draw_hijab,
    "topeng": draw_topeng,
    "rotan_chair": draw_rotan_chair,
    "rotan_basket": draw_rotan_basket,
    "rotan_lamp": draw_rotan_lamp,
    "tray": draw_tray,
    "sirup": draw_sirup,
    "jar": draw_jar,
    "terasi": draw_terasi,
    "crackers": draw_crackers,
    "gipang": draw_gipang,
    "lukisan_kaca": draw_lukisan_kaca,
    "logam": draw_logam,
    "tas": draw_tas,
    "dompet": draw_dompet,
    "perhiasan": draw_perhiasan,
    "gantungan": draw_gantungan,
    "showcase": draw_showcase,
}

# Pictures on a dark cloth rather than a light studio backdrop.
_DARK_BACKDROP = {"topeng"}


def render(kind, seed, size=PRODUCT_SIZE, **options):
    """Draw one picture and return the PIL image."""
    rng = rng_for(kind, seed, sorted(options.items()))
    if kind in _DARK_BACKDROP:
        image = backdrop(size, mix("#3a2a22", "#22304a", rng.random() * 0.6), "#1a120e")
    else:
        image = studio(size, rng, warm=rng.random() < 0.7)
    DRAWERS.get(kind, draw_batik_cloth)(image, rng, seed=seed, **options)
    return image


# Views of one product: the whole product, a close-up, and a second shot from another angle.
VIEWS = ("utama", "detail", "samping")


def product_picture(kind, seed, view=0, size=PRODUCT_SIZE, **options):
    image = render(kind, seed, size=size, **options)
    if view % 3 == 1:
        # A close-up: the middle of the picture, enlarged.
        w, h = size
        box = (round(w * 0.25), round(h * 0.2), round(w * 0.75), round(h * 0.7))
        image = image.crop(box).resize(size, Image.Resampling.BILINEAR)
    elif view % 3 == 2:
        # Another shot: a different backdrop, the camera a little turned and closer.
        image = render(kind, f"{seed}-sudut", size=size, **options)
        image = image.rotate(-4, resample=Image.Resampling.BILINEAR)
        w, h = size
        image = image.crop((w // 10, h // 10, w - w // 10, h - h // 10)).resize(
            size, Image.Resampling.BILINEAR
        )
    return image


def product_image(kind, seed, view=0, size=PRODUCT_SIZE, **options):
    """JPEG bytes of a product picture: `view` 0 the whole product, 1 a close-up, 2 another shot."""
    return to_jpeg(product_picture(kind, seed, view=view, size=size, **options))


def initials(name, skip=("ikm", "cv", "pt", "ud", "sanggar", "rumah", "tjap", "cap")):
    words = [w for w in name.replace("&", " ").split() if w.lower() not in skip] or name.split()
    return "".join(w[0] for w in words[:2]).upper()


def logo_picture(name, seed=None, palette_name=None, size=LOGO_SIZE, text=None):
    """An IKM logo: initials (or `text`) in a circle, with a ring of dots in the IKM's colours."""
    rng = rng_for("logo", seed or name)
    colours = palette_colours(palette_name or rng.choice(sorted(PALETTES)))
    w, h = size
    image = Image.new("RGB", size, colours[-1])
    draw = ImageDraw.Draw(image)
    m = w * 0.06
    draw.ellipse((m, m, w - m, h - m), fill=colours[1], outline=colours[0], width=round(w * 0.03))
    inner = w * 0.17
    draw.ellipse((inner, inner, w - inner, h - inner), outline=colours[3], width=round(w * 0.012))
    for k in range(24):
        a = 2 * math.pi * k / 24
        r = w * 0.385
        x, y = w / 2 + math.cos(a) * r, h / 2 + math.sin(a) * r
        s = w * 0.012
        draw.ellipse((x - s, y - s, x + s, y + s), fill=colours[4])
    draw.text(
        (w / 2, h / 2),
        text or initials(name),
        font=font(round(h * 0.3)),
        fill=colours[4],
        anchor="mm",
    )
    return image


def logo_image(name, seed=None, palette_name=None, size=LOGO_SIZE, text=None):
    return to_jpeg(logo_picture(name, seed, palette_name, size, text), quality=88)


def cover_picture(kind, seed, size=COVER_SIZE, motif="megamendung", palette="biru", **options):
    """A wide banner: a batik band on the left, a product picture on the right."""
    w, h = size
    rng = rng_for("cover", kind, seed)
    colours = [hex_rgb(c) for c in PALETTES.get(palette, PALETTES["biru"])]
    image = pattern(size, motif, palette, rng, scale=1.1)
    shade = Image.linear_gradient("L").rotate(90, expand=True).resize(size)
    image = Image.composite(Image.new("RGB", size, colours[0]), image, shade)
    product = render(
        kind, seed, size=(round(h * 4 / 3), h), motif=motif, palette=palette, **options
    )
    mask = Image.new("L", product.size, 255)
    fade = Image.linear_gradient("L").rotate(90, expand=True).resize((h // 3, h))
    mask.paste(ImageOps.invert(fade), (0, 0))
    image.paste(product, (w - product.size[0], 0), mask)
    return image


def cover_image(kind, seed, size=COVER_SIZE, **options):
    return to_jpeg(cover_picture(kind, seed, size=size, **options))


def showcase_image(kinds, seed, size=PRODUCT_SIZE):
    """A 2x2 grid of pictures of `kinds`: [(kind, options), ...]."""
    return to_jpeg(render("showcase", seed, size=size, kinds=tuple(kinds)))
