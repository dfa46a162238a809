"""Believable product, logo and cover pictures for the demo catalog, drawn with Pillow only.

Nothing is downloaded: every picture is drawn from simple shapes (batik motifs such as mega
mendung, kawung, wadasan and Krakatoa, a topeng mask, a rattan chair, bottles of sirup, blocks
of terasi, kerupuk, a t-shirt, a glass painting, metalwork, ...). Drawing is deterministic: the
same kind, options and seed string always give the same JPEG bytes.

    product_image("batik_cloth", "sekar-kencana-1", motif="megamendung", palette="biru")
    logo_image("Batik Tulis Sekar Kencana")
    cover_image("batik_cloth", "sekar-kencana", motif="megamendung", palette="biru")
"""

import io
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

PRODUCT_SIZE = (1200, 900)
COVER_SIZE = (1600, 600)
LOGO_SIZE = (400, 400)
JPEG_QUALITY = 82

# Colour families of Cirebon, Indramayu and Cilegon batik and crafts: darkest first.
PALETTES = {
    "biru": ["#14285a", "#1f4e8c", "#3f7cc0", "#86b5e0", "#dcecf8"],
    "merah": ["#5a0f14", "#8f1d22", "#c8392f", "#ef8a5b", "#fbe3cf"],
    "sogan": ["#3b2314", "#6b4225", "#a06a3b", "#d9ad74", "#f4e6c9"],
    "hijau": ["#11382b", "#1f6048", "#3e9168", "#9ccf9a", "#eaf6e1"],
    "ungu": ["#2c1740", "#52306e", "#8059a6", "#c1a4dd", "#f1e8f8"],
    "krakatoa": ["#17130f", "#4b1f12", "#b7361c", "#f08a24", "#f8d56b"],
    "pastel": ["#4b5d73", "#7d8fa8", "#e6a1a6", "#f4d2b5", "#fbf4ea"],
    "emas": ["#3a2a08", "#7a5a12", "#b8892a", "#e4c46a", "#fbf0cc"],
}

# Flat colours used by several drawers.
SKIN = {
    "putih": "#f3efe6",
    "merah_muda": "#f2b8b0",
    "jingga": "#f0a35e",
    "merah": "#b3261e",
    "coklat": "#8a4b2a",
    "hitam": "#2b2523",
}
SIRUP_COLOURS = {
    "pisang_susu": "#f6cfd6",
    "mangga": "#f39a1e",
    "cocopandan": "#e4587a",
    "jeruk_nipis": "#c9dd52",
    "frambozen": "#c2183b",
    "melon": "#7fcf6a",
    "leci": "#f5e8e0",
    "kopi": "#5a3519",
}


def hex_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    """A colour `t` of the way from a to b (both hex strings or RGB tuples)."""
    a = hex_rgb(a) if isinstance(a, str) else a
    b = hex_rgb(b) if isinstance(b, str) else b
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def palette_colours(name):
    """The RGB colours of a palette, darkest first (biru if the name is unknown)."""
    return [hex_rgb(c) for c in PALETTES.get(name, PALETTES["biru"])]


def font(size):
    return ImageFont.load_default(size=size)


def to_jpeg(image, quality=JPEG_QUALITY):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def rng_for(*parts):
    """A deterministic random generator seeded by a string (not for security)."""
    return random.Random("|".join(str(p) for p in parts))  # noqa: S311


# --------------------------------------------------------------------------------------------
# Backgrounds and helpers


def backdrop(size, top, bottom):
    """A vertical gradient, like a studio backdrop."""
    column = Image.linear_gradient("L").resize((1, 256), Image.Resampling.BILINEAR)
    column = ImageOps.colorize(column, mix(top, top, 0), mix(bottom, bottom, 0))
    return column.resize(size, Image.Resampling.BILINEAR)


def studio(size, rng, warm=True):
    """A light backdrop with a table edge: the look of a simple product photo."""
    w, h = size
    if warm:
        top, bottom = mix("#f6efe4", "#ffffff", rng.random() * 0.5), "#d8c8b0"
    else:
        top, bottom = mix("#eef2f5", "#ffffff", rng.random() * 0.5), "#b9c3cc"
    image = backdrop(size, top, bottom)
    draw = ImageDraw.Draw(image)
    table = round(h * 0.78)
    draw.rectangle((0, table, w, h), fill=mix(bottom, "#8c6a4a" if warm else "#7b8894", 0.35))
    draw.line((0, table, w, table), fill=mix(bottom, "#000000", 0.25), width=3)
    return image


def shadow(image, box, strength=90, blur=18):
    """A soft elliptical shadow under an object (blurred at a quarter of the size: faster)."""
    w, h = image.size
    small = Image.new("L", (max(1, w // 4), max(1, h // 4)), 0)
    ImageDraw.Draw(small).ellipse([c / 4 for c in box], fill=strength)
    small = small.filter(ImageFilter.BoxBlur(max(1, blur / 4)))
    image.paste((40, 30, 20), (0, 0), small.resize((w, h), Image.Resampling.BILINEAR))


def tiled(size, tile):
    canvas = Image.new("RGB", size)
    tw, th = tile.size
    for y in range(0, size[1], th):
        for x in range(0, size[0], tw):
            canvas.paste(tile, (x, y))
    return canvas


def paste_masked(image, fill_image, mask_draw_fn):
    """Paste `fill_image` (same size as image) through a mask drawn by `mask_draw_fn(draw)`."""
    mask = Image.new("L", image.size, 0)
    mask_draw_fn(ImageDraw.Draw(mask))
    image.paste(fill_image, (0, 0), mask)
    return mask


def scaled(points, w, h):
    return [(x * w, y * h) for x, y in points]


# --------------------------------------------------------------------------------------------
# Batik motifs: each returns a tile that repeats seamlessly enough for a demo.


def _cloud(draw, cx, cy, r, colours):
    """One mega mendung cloud: concentric bands of lobes from dark to light."""
    n = len(colours)
    for k, colour in enumerate(colours):
        s = r * (1 - k / (n + 0.6))
        for dx, dy, f in (
            (0, 0, 1.0),
            (-0.85, 0.35, 0.72),
            (0.85, 0.35, 0.72),
            (-1.45, 0.62, 0.45),
            (1.45, 0.62, 0.45),
        ):
            rr = s * f
            x, y = cx + dx * r, cy + dy * r
            draw.ellipse((x - rr, y - rr * 0.78, x + rr, y + rr * 0.78), fill=colour)


def motif_megamendung(colours, rng, scale=1.0):
    tw, th = round(300 * scale), round(220 * scale)
    tile = Image.new("RGB", (tw, th), colours[-1])
    draw = ImageDraw.Draw(tile)
    bands = [colours[0], colours[1], colours[2], colours[3], colours[4], colours[2], colours[-1]]
    for cx, cy in (
        (0.3, 0.38),
        (0.8, 0.86),
        (-0.2, 0.86),
        (0.8, -0.14),
        (-0.2, -0.14),
        (1.3, 0.38),
    ):
        _cloud(draw, cx * tw, cy * th, 62 * scale, bands)
    return tile


def motif_kawung(colours, rng, scale=1.0):
    t = round(120 * scale)
    tile = Image.new("RGB", (t, t), colours[-1])
    draw = ImageDraw.Draw(tile)
    r = t * 0.17
    for cx, cy in ((0, 0), (t, 0), (0, t), (t, t), (t / 2, t / 2)):
        for ang in (45, 135, 225, 315):
            a = math.radians(ang)
            x, y = cx + math.cos(a) * r, cy + math.sin(a) * r
            # An ellipse pointing at the centre, drawn as a rotated polygon.
            pts = []
            for i in range(20):
                u = 2 * math.pi * i / 20
                ex, ey = r * 0.9 * math.cos(u), r * 0.55 * math.sin(u)
                pts.append(
                    (
                        x + ex * math.cos(a) - ey * math.sin(a),
                        y + ex * math.sin(a) + ey * math.cos(a),
                    )
                )
            draw.polygon(pts, fill=colours[1], outline=colours[0])
            draw.ellipse(
                (x - 4 * scale, y - 4 * scale, x + 4 * scale, y + 4 * scale), fill=colours[3]
            )
        draw.ellipse(
            (cx - 6 * scale, cy - 6 * scale, cx + 6 * scale, cy + 6 * scale), fill=colours[2]
        )
    return tile


def motif_wadasan(colours, rng, scale=1.0):
    """Rock-like wadasan forms of Keraton Cirebon, in nested rounded shapes."""
    tw, th = round(260 * scale), round(200 * scale)
    tile = Image.new("RGB", (tw, th), colours[-1])
    draw = ImageDraw.Draw(tile)
    for cx, cy in (
        (0.25, 0.3),
        (0.75, 0.8),
        (-0.25, 0.8),
        (0.75, -0.2),
        (-0.25, -0.2),
        (1.25, 0.3),
    ):
        x, y = cx * tw, cy * th
        for k, colour in enumerate([colours[0], colours[2], colours[-1], colours[1], colours[3]]):
            s = (1 - k * 0.18) * 70 * scale
            draw.rounded_rectangle(
                (x - s * 1.3, y - s * 0.7, x + s * 1.3, y + s * 0.7),
                radius=max(2, round(s * 0.6)),
                fill=colour,
            )
    for _ in range(10):
        x, y = rng.random() * tw, rng.random() * th
        draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=colours[0])
    return tile


def motif_krakatoa(colours, rng, scale=1.0):
    """The Krakatau volcano over sea waves: the signature of Cilegon's Batik Krakatoa."""
    tw, th = round(280 * scale), round(220 * scale)
    tile = Image.new("RGB", (tw, th), colours[0])
    draw = ImageDraw.Draw(tile)
    base = th * 0.62
    draw.polygon(
        [(tw * 0.12, base), (tw * 0.42, th * 0.18), (tw * 0.58, th * 0.18), (tw * 0.88, base)],
        fill=colours[1],
    )
    draw.polygon(
        [(tw * 0.42, th * 0.18), (tw * 0.5, th * 0.36), (tw * 0.58, th * 0.18)], fill=colours[3]
    )
    for i in range(5):
        x = tw * (0.44 + 0.03 * i)
        draw.line(
            (x, th * 0.2, x - 18 * scale + 9 * i * scale, th * 0.02),
            fill=colours[3],
            width=max(2, round(4 * scale)),
        )
    draw.ellipse((tw * 0.45, th * 0.0, tw * 0.55, th * 0.08), fill=colours[4])
    for row in range(3):
        y = base + row * 22 * scale
        pts = [
            (x, y + math.sin(2 * math.pi * 3 * x / tw + row) * 7 * scale)
            for x in range(0, tw + 1, 4)
        ]
        draw.line(pts, fill=colours[2 + row % 2], width=max(2, round(5 * scale)))
    for _ in range(14):
        x, y = rng.random() * tw, rng.random() * th * 0.5
        draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill=colours[4])
    return tile


def motif_paoman(colours, rng, scale=1.0):
    """Indramayu's pesisir florals: flowers and leaves on a light ground."""
    t = round(180 * scale)
    tile = Image.new("RGB", (t, t), colours[-1])
    draw = ImageDraw.Draw(tile)
    leaf = mix(colours[1], "#2f6b3a", 0.6)
    for cx, cy in ((0.25, 0.25), (0.75, 0.75), (0.75, 0.25), (0.25, 0.75)):
        x, y = cx * t, cy * t
        big = (cx + cy) % 1 == 0.5
        r = (30 if big else 16) * scale
        for k in range(6):
            a = 2 * math.pi * k / 6
            px, py = x + math.cos(a) * r, y + math.sin(a) * r
            draw.ellipse(
                (px - r * 0.6, py - r * 0.6, px + r * 0.6, py + r * 0.6),
                fill=colours[2] if big else leaf,
            )
        draw.ellipse((x - r * 0.5, y - r * 0.5, x + r * 0.5, y + r * 0.5), fill=colours[0])
    for _ in range(16):
        x, y = rng.random() * t, rng.random() * t
        draw.ellipse((x - 2, y - 2, x + 2, y + 2), fill=colours[1])
    return tile


def motif_parang(colours, rng, scale=1.0):
    t = round(120 * scale)
    tile = Image.new("RGB", (t, t), colours[-1])
    draw = ImageDraw.Draw(tile)
    for k in range(-2, 3):
        off = k * t / 2
        draw.line((off, t, off + t, 0), fill=colours[1], width=round(18 * scale))
        draw.line((off, t, off + t, 0), fill=colours[3], width=round(5 * scale))
        for s in range(3):
            x = off + (s + 0.5) * t / 3
            y = t - (s + 0.5) * t / 3
            draw.ellipse(
                (x - 7 * scale, y - 7 * scale, x + 7 * scale, y + 7 * scale), fill=colours[0]
            )
    return tile


def motif_garis(colours, rng, scale=1.0):
    """A simple printed (cetak) stripe and dot pattern."""
    t = round(80 * scale)
    tile = Image.new("RGB", (t, t), colours[-1])
    draw = ImageDraw.Draw(tile)
    draw.rectangle((0, 0, t, t * 0.22), fill=colours[1])
    draw.rectangle((0, t * 0.5, t, t * 0.56), fill=colours[2])
    for x in range(0, t, round(20 * scale)):
        draw.ellipse((x + 4, t * 0.72, x + 14 * scale, t * 0.72 + 10 * scale), fill=colours[0])
    return tile


MOTIFS = {
    "megamendung": motif_megamendung,
    "kawung": motif_kawung,
    "wadasan": motif_wadasan,
    "krakatoa": motif_krakatoa,
    "paoman": motif_paoman,
    "parang": motif_parang,
    "garis": motif_garis,
}


def pattern(size, motif, palette_name, rng, scale=1.0):
    tile = MOTIFS.get(motif, motif_megamendung)(palette_colours(palette_name), rng, scale)
    return tiled(size, tile)


# --------------------------------------------------------------------------------------------
# Product drawers. Each takes the canvas, a seeded generator and the options of the picture.


def draw_batik_cloth(image, rng, motif="megamendung", palette="biru", **_):
    """A length of batik cloth laid on a table, with a fold at the front."""
    w, h = image.size
    quad = scaled([(0.1, 0.1), (0.9, 0.06), (0.94, 0.82), (0.06, 0.86)], w, h)
    shadow(image, (w * 0.06, h * 0.78, w * 0.96, h * 0.95), strength=70)
    cloth = pattern(image.size, motif, palette, rng)
    paste_masked(image, cloth, lambda d: d.polygon(quad, fill=255))
    draw = ImageDraw.Draw(image, "RGBA")
    fold = scaled([(0.06, 0.86), (0.94, 0.82), (0.93, 0.74), (0.07, 0.78)], w, h)
    draw.polygon(fold, fill=(0, 0, 0, 45))
    border = mix(PALETTES.get(palette, PALETTES["biru"])[0], "#000000", 0.2)
    draw.line([*quad, quad[0]], fill=(*border, 255), width=6)
    for k in range(3):
        x = w * (0.3 + 0.22 * k)
        draw.line((x, h * 0.08, x + w * 0.02, h * 0.84), fill=(255, 255, 255, 28), width=10)


def draw_selendang(image, rng, motif="megamendung", palette="merah", **_):
    """A long narrow scarf draped diagonally."""
    w, h = image.size
    band = scaled([(0.05, 0.55), (0.7, 0.05), (0.95, 0.3), (0.3, 0.92)], w, h)
    shadow(image, (w * 0.15, h * 0.75, w * 0.9, h * 0.97), strength=60)
    cloth = pattern(image.size, motif, palette, rng, scale=0.8)
    paste_masked(image, cloth, lambda d: d.polygon(band, fill=255))
    draw = ImageDraw.Draw(image)
    fringe = palette_colours(palette)[0]
    for t in range(0, 30):
        x0 = band[3][0] + (band[2][0] - band[3][0]) * t / 30
        y0 = band[3][1] + (band[2][1] - band[3][1]) * t / 30
        draw.line((x0, y0, x0 + 10, y0 + 26), fill=fringe, width=3)


def _shirt_outline(w, h):
    return scaled(
        [
            (0.38, 0.1),
            (0.45, 0.14),
            (0.55, 0.14),
            (0.62, 0.1),
            (0.8, 0.17),
            (0.9, 0.42),
            (0.8, 0.46),
            (0.74, 0.33),
            (0.74, 0.9),
            (0.26, 0.9),
            (0.26, 0.33),
            (0.2, 0.46),
            (0.1, 0.42),
            (0.2, 0.17),
        ],
        w,
        h,
    )


def draw_kemeja(image, rng, motif="megamendung", palette="biru", **_):
    """A batik shirt on a flat lay: collar, placket and buttons."""
    w, h = image.size
    outline = _shirt_outline(w, h)
    shadow(image, (w * 0.2, h * 0.84, w * 0.8, h * 0.97))
    cloth = pattern(image.size, motif, palette, rng, scale=0.7)
    paste_masked(image, cloth, lambda d: d.polygon(outline, fill=255))
    colours = palette_colours(palette)
    draw = ImageDraw.Draw(image)
    draw.line([*outline, outline[0]], fill=colours[0], width=5)
    draw.polygon(
        scaled([(0.45, 0.14), (0.5, 0.24), (0.55, 0.14), (0.5, 0.12)], w, h), fill=colours[0]
    )
    draw.polygon(
        scaled([(0.38, 0.1), (0.45, 0.14), (0.5, 0.24), (0.42, 0.2)], w, h), fill=colours[1]
    )
    draw.polygon(
        scaled([(0.62, 0.1), (0.55, 0.14), (0.5, 0.24), (0.58, 0.2)], w, h), fill=colours[1]
    )
    draw.line((w * 0.5, h * 0.24, w * 0.5, h * 0.9), fill=colours[0], width=4)
    for k in range(6):
        y = h * (0.3 + 0.1 * k)
        draw.ellipse((w * 0.5 - 7, y - 7, w * 0.5 + 7, y + 7), fill="#efe6d2", outline="#5b4a3a")


def draw_kaos(
    image, rng, colour="#1f2a44", print_text="CIREBON", motif="megamendung", palette="biru", **_
):
    """A cotton t-shirt with a screen print on the chest."""
    w, h = image.size
    outline = scaled(
        [
            (0.36, 0.1),
            (0.44, 0.13),
            (0.56, 0.13),
            (0.64, 0.1),
            (0.84, 0.2),
            (0.92, 0.36),
            (0.8, 0.42),
            (0.74, 0.34),
            (0.74, 0.9),
            (0.26, 0.9),
            (0.26, 0.34),
            (0.2, 0.42),
            (0.08, 0.36),
            (0.16, 0.2),
        ],
        w,
        h,
    )
    shadow(image, (w * 0.2, h * 0.84, w * 0.8, h * 0.97))
    draw = ImageDraw.Draw(image)
    draw.polygon(outline, fill=colour)
    draw.arc(
        (w * 0.42, h * 0.04, w * 0.58, h * 0.2), 10, 170, fill=mix(colour, "#000000", 0.3), width=8
    )
    # The print: a round badge with a motif and a word.
    cx, cy, r = w * 0.5, h * 0.45, min(w, h) * 0.15
    badge = pattern((round(2 * r), round(2 * r)), motif, palette, rng, scale=0.45)
    mask = Image.new("L", badge.size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, badge.size[0] - 1, badge.size[1] - 1), fill=255)
    image.paste(badge, (round(cx - r), round(cy - r)), mask)
    ink = "#f4efe4" if sum(hex_rgb(colour)) < 380 else "#1d1d1d"
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ink, width=6)
    size = max(12, round(h * 0.06))
    draw.text((cx, cy + r + size * 0.9), print_text, font=font(size), fill=ink, anchor="mm")


def draw_gamis(image, rng, motif="parang", palette="ungu", plain="#e9dccb", **_):
    """A long dress (gamis) with a batik panel skirt."""
    w, h = image.size
    body = scaled(
        [
            (0.42, 0.08),
            (0.58, 0.08),
            (0.66, 0.16),
            (0.76, 0.42),
            (0.7, 0.44),
            (0.64, 0.3),
            (0.74, 0.94),
            (0.26, 0.94),
            (0.36, 0.3),
            (0.3, 0.44),
            (0.24, 0.42),
            (0.34, 0.16),
        ],
        w,
        h,
    )
    draw = ImageDraw.Draw(image)
    draw.polygon(body, fill=plain)
    cloth = pattern(image.size, motif, palette, rng, scale=0.7)
    skirt = scaled([(0.33, 0.55), (0.67, 0.55), (0.74, 0.94), (0.26, 0.94)], w, h)
    paste_masked(image, cloth, lambda d: d.polygon(skirt, fill=255))
    draw.line([*body, body[0]], fill=mix(plain, "#000000", 0.35), width=4)
    draw.ellipse((w * 0.45, h * 0.06, w * 0.55, h * 0.13), fill=mix(plain, "#000000", 0.2))


def draw_hijab(image, rng, motif="megamendung", palette="pastel", **_):
    """A square scarf folded into a triangle."""
    w, h = image.size
    tri = scaled([(0.1, 0.2), (0.9, 0.2), (0.5, 0.9)], w, h)
    shadow(image, (w * 0.2, h * 0.78, w * 0.8, h * 0.95))
    cloth = pattern(image.size, motif, palette, rng, scale=0.6)
    paste_masked(image, cloth, lambda d: d.polygon(tri, fill=255))
    colours = palette_colours(palette)
    draw = ImageDraw.Draw(image)
    draw.line([*tri, tri[0]], fill=colours[1], width=10)


MASK_COLOURS = {
    "panji": ("putih", "#1b1b1b"),
    "samba": ("putih", "#2a1a12"),
    "rumyang": ("merah_muda", "#2a1a12"),
    "tumenggung": ("coklat", "#14100c"),
    "kelana": ("merah", "#120c08"),
}


def draw_topeng(image, rng, character="panji", **_):
    """A carved Cirebon mask (topeng) on a dark cloth: colour by character, gold ornaments."""
    w, h = image.size
    skin_name, line = MASK_COLOURS.get(character, MASK_COLOURS["panji"])
    skin = hex_rgb(SKIN[skin_name])
    cx, cy = w * rng.uniform(0.46, 0.54), h * rng.uniform(0.46, 0.5)
    rx, ry = min(w, h) * 0.3, min(w, h) * 0.4
    shadow(image, (cx - rx * 1.05, cy - ry * 0.9, cx + rx * 1.2, cy + ry * 1.15), 110, 24)
    draw = ImageDraw.Draw(image)
    draw.ellipse(
        (cx - rx, cy - ry, cx + rx, cy + ry), fill=skin, outline=mix(skin, line, 0.5), width=5
    )
    draw.chord(
        (cx - rx, cy - ry, cx + rx, cy + ry * 0.2), 180, 360, fill=mix(skin, "#ffffff", 0.12)
    )
    gold = hex_rgb("#c99a2e")
    for k in range(9):
        a = math.pi + math.pi * (k + 0.5) / 9
        x, y = cx + math.cos(a) * rx * 0.82, cy + math.sin(a) * ry * 0.82
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=gold, outline=line)
    # Eyes: narrow almond eyes for refined characters, round ones for the fierce.
    fierce = character in ("kelana", "tumenggung")
    for side in (-1, 1):
        ex, ey = cx + side * rx * 0.38, cy - ry * 0.1
        if fierce:
            draw.ellipse(
                (ex - rx * 0.16, ey - ry * 0.09, ex + rx * 0.16, ey + ry * 0.09),
                fill="#f7f3e8",
                outline=line,
                width=4,
            )
            draw.ellipse(
                (ex - rx * 0.06, ey - ry * 0.06, ex + rx * 0.06, ey + ry * 0.06), fill=line
            )
        else:
            draw.chord(
                (ex - rx * 0.17, ey - ry * 0.07, ex + rx * 0.17, ey + ry * 0.07), 0, 180, fill=line
            )
        draw.arc(
            (ex - rx * 0.22, ey - ry * 0.22, ex + rx * 0.22, ey + ry * 0.02),
            200,
            340,
            fill=line,
            width=6,
        )
    draw.polygon(
        [(cx, cy - ry * 0.05), (cx - rx * 0.1, cy + ry * 0.25), (cx + rx * 0.1, cy + ry * 0.25)],
        fill=mix(skin, line, 0.15),
    )
    mouth_y = cy + ry * 0.45
    if fierce:
        draw.chord(
            (cx - rx * 0.3, mouth_y - ry * 0.1, cx + rx * 0.3, mouth_y + ry * 0.12),
            0,
            180,
            fill="#7a1410",
        )
        for side in (-1, 1):
            draw.rectangle(
                (
                    cx + side * rx * 0.18 - 6,
                    mouth_y,
                    cx + side * rx * 0.18 + 6,
                    mouth_y + ry * 0.08,
                ),
                fill="#f7f3e8",
            )
        draw.arc(
            (cx - rx * 0.35, mouth_y - ry * 0.22, cx + rx * 0.35, mouth_y),
            200,
            340,
            fill=line,
            width=10,
        )
    else:
        draw.chord(
            (cx - rx * 0.16, mouth_y - ry * 0.05, cx + rx * 0.16, mouth_y + ry * 0.06),
            0,
            180,
            fill="#a3322a",
        )


def _weave(size, base, line, rng, step=18):
    """A diagonal woven texture, the look of rattan (rotan) or pandan weaving."""
    w, h = size
    weave = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(weave)
    dark = mix(base, line, 0.6)
    for k in range(-h, w + h, step):
        draw.line((k, 0, k + h, h), fill=dark, width=4)
        draw.line((k, h, k + h, 0), fill=mix(base, "#ffffff", 0.25), width=3)
    return weave


def draw_rotan_chair(image, rng, tone="#c89a5b", **_):
    """A rattan armchair: woven back and seat on a bent-cane frame."""
    w, h = image.size
    frame = mix(tone, "#3b2414", 0.45)
    shadow(image, (w * 0.2, h * 0.8, w * 0.82, h * 0.96), 90)
    weave = _weave(image.size, tone, frame, rng)
    back = (w * 0.28, h * 0.08, w * 0.72, h * 0.62)
    seat = (w * 0.22, h * 0.5, w * 0.78, h * 0.7)
    paste_masked(image, weave, lambda d: d.ellipse(back, fill=255))
    paste_masked(image, weave, lambda d: d.ellipse(seat, fill=255))
    draw = ImageDraw.Draw(image)
    draw.arc(back, 180, 360, fill=frame, width=16)
    draw.ellipse(seat, outline=frame, width=14)
    for x0, x1 in ((0.28, 0.24), (0.72, 0.76), (0.42, 0.4), (0.58, 0.6)):
        draw.line((w * x0, h * 0.66, w * x1, h * 0.9), fill=frame, width=16)
    for side in (-1, 1):
        x = w * (0.5 + side * 0.27)
        draw.arc((x - w * 0.08, h * 0.38, x + w * 0.08, h * 0.62), 180, 360, fill=frame, width=14)


def draw_rotan_basket(image, rng, tone="#caa067", **_):
    """A woven basket with handles."""
    w, h = image.size
    frame = mix(tone, "#3b2414", 0.45)
    shadow(image, (w * 0.22, h * 0.8, w * 0.8, h * 0.96), 90)
    body = scaled([(0.25, 0.3), (0.75, 0.3), (0.68, 0.88), (0.32, 0.88)], w, h)
    weave = Image.new("RGB", image.size, tone)
    wd = ImageDraw.Draw(weave)
    for y in range(0, h, 16):
        wd.line((0, y, w, y), fill=mix(tone, frame, 0.5), width=5)
    for x in range(0, w, 28):
        wd.line((x, 0, x, h), fill=mix(tone, "#ffffff", 0.2), width=3)
    paste_masked(image, weave, lambda d: d.polygon(body, fill=255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((w * 0.25, h * 0.26, w * 0.75, h * 0.34), outline=frame, width=12)
    for side in (-1, 1):
        x = w * (0.5 + side * 0.3)
        draw.arc((x - w * 0.06, h * 0.24, x + w * 0.06, h * 0.4), 180, 360, fill=frame, width=10)


def draw_rotan_lamp(image, rng, tone="#d3aa6d", **_):
    """A round woven lampshade hanging from a cord, lit from inside."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.line((w * 0.5, 0, w * 0.5, h * 0.2), fill="#3a3a3a", width=5)
    box = (w * 0.3, h * 0.18, w * 0.7, h * 0.78)
    glow = Image.new("L", image.size, 0)
    ImageDraw.Draw(glow).ellipse((w * 0.22, h * 0.1, w * 0.78, h * 0.86), fill=120)
    image.paste((255, 214, 140), (0, 0), glow.filter(ImageFilter.BoxBlur(30)))
    weave = _weave(image.size, tone, "#5a3a1a", rng, step=26)
    paste_masked(image, weave, lambda d: d.ellipse(box, fill=255))
    inner = Image.new("L", image.size, 0)
    ImageDraw.Draw(inner).ellipse((w * 0.4, h * 0.35, w * 0.6, h * 0.6), fill=110)
    image.paste((255, 236, 180), (0, 0), inner.filter(ImageFilter.BoxBlur(20)))


def draw_tray(image, rng, tone="#c79b5f", **_):
    """A woven oval tray seen from above."""
    w, h = image.size
    shadow(image, (w * 0.14, h * 0.3, w * 0.9, h * 0.92), 80)
    weave = _weave(image.size, tone, "#4a2e16", rng, step=22)
    box = (w * 0.12, h * 0.2, w * 0.88, h * 0.85)
    paste_masked(image, weave, lambda d: d.ellipse(box, fill=255))
    ImageDraw.Draw(image).ellipse(box, outline=mix(tone, "#3b2414", 0.5), width=22)


def _bottle(draw, x, y, bw, bh, liquid, label, cap="#b71c1c", text=""):
    neck = bw * 0.34
    draw.rounded_rectangle(
        (x, y + bh * 0.25, x + bw, y + bh),
        radius=round(bw * 0.22),
        fill=liquid,
        outline=mix(liquid, "#000000", 0.35),
        width=3,
    )
    draw.polygon(
        [
            (x + bw * 0.08, y + bh * 0.3),
            (x + bw / 2 - neck / 2, y + bh * 0.12),
            (x + bw / 2 + neck / 2, y + bh * 0.12),
            (x + bw * 0.92, y + bh * 0.3),
        ],
        fill=liquid,
    )
    draw.rectangle(
        (x + bw / 2 - neck / 2, y + bh * 0.04, x + bw / 2 + neck / 2, y + bh * 0.14),
        fill=mix(liquid, "#ffffff", 0.35),
    )
    draw.rectangle((x + bw / 2 - neck * 0.6, y, x + bw / 2 + neck * 0.6, y + bh * 0.06), fill=cap)
    draw.rectangle(
        (x + bw * 0.06, y + bh * 0.5, x + bw * 0.94, y + bh * 0.82),
        fill=label,
        outline=mix(label, "#000000", 0.4),
        width=2,
    )
    if text:
        draw.text(
            (x + bw / 2, y + bh * 0.66),
            text,
            font=font(max(10, round(bw * 0.16))),
            fill="#3a1a10",
            anchor="mm",
        )
    draw.line(
        (x + bw * 0.2, y + bh * 0.32, x + bw * 0.2, y + bh * 0.92),
        fill=mix(liquid, "#ffffff", 0.5),
        width=5,
    )


def draw_sirup(image, rng, flavours=("pisang_susu",), label="#f4e2b8", text="SIRUP", **_):
    """One to three bottles of sirup, each the colour of its flavour."""
    w, h = image.size
    n = len(flavours)
    bw, bh = w * 0.17, h * 0.72
    gap = w * 0.05
    total = n * bw + (n - 1) * gap
    shadow(image, (w / 2 - total / 2 - 30, h * 0.82, w / 2 + total / 2 + 30, h * 0.96), 90)
    draw = ImageDraw.Draw(image)
    for k, flavour in enumerate(flavours):
        x = w / 2 - total / 2 + k * (bw + gap)
        _bottle(draw, x, h * 0.14, bw, bh, SIRUP_COLOURS.get(flavour, "#f39a1e"), label, text=text)


def draw_jar(image, rng, contents="#8e2a1e", label="#fff3d6", text="SAMBAL", n=2, **_):
    """Glass jars of sambal or paste with a printed lid."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    jw, jh = w * 0.22, h * 0.45
    for k in range(n):
        x = w * 0.5 - (n * jw + (n - 1) * 30) / 2 + k * (jw + 30)
        y = h * 0.36
        shadow(image, (x - 10, y + jh - 20, x + jw + 10, y + jh + 30), 80, 12)
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle(
            (x, y, x + jw, y + jh),
            radius=24,
            fill=contents,
            outline=mix(contents, "#000000", 0.4),
            width=3,
        )
        draw.rectangle((x - 6, y - jh * 0.14, x + jw + 6, y + jh * 0.02), fill="#b5121b")
        draw.rectangle((x + 10, y + jh * 0.3, x + jw - 10, y + jh * 0.7), fill=label)
        draw.text(
            (x + jw / 2, y + jh / 2),
            text,
            font=font(max(10, round(jw * 0.12))),
            fill="#5a1a10",
            anchor="mm",
        )


def draw_terasi(image, rng, n=5, **_):
    """Blocks of shrimp paste (terasi) on a banana leaf, one cut open."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.ellipse((w * 0.08, h * 0.3, w * 0.92, h * 0.95), fill="#3f7a32")
    for k in range(12):
        x = w * (0.15 + 0.06 * k)
        draw.line((w * 0.5, h * 0.62, x, h * (0.34 if k % 2 else 0.92)), fill="#5c9a45", width=3)
    for k in range(n):
        bw, bh = w * 0.15, h * 0.16
        x = w * 0.2 + (k % 3) * bw * 1.1 + rng.uniform(-8, 8)
        y = h * 0.42 + (k // 3) * bh * 1.2 + rng.uniform(-8, 8)
        base = mix("#5b3a3d", "#7a4a3a", rng.random())
        draw.rounded_rectangle(
            (x, y, x + bw, y + bh), radius=10, fill=base, outline=mix(base, "#000000", 0.4), width=3
        )
        draw.rectangle((x + 6, y + 6, x + bw - 6, y + bh * 0.3), fill=mix(base, "#ffffff", 0.1))
        for _ in range(10):
            px, py = x + rng.random() * bw, y + rng.random() * bh
            draw.point((px, py), fill=mix(base, "#000000", 0.5))


def draw_crackers(image, rng, style="melarat", n=40, **_):
    """A plate of crackers: kerupuk melarat in candy colours, kerupuk udang, kerupuk kulit."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.ellipse((w * 0.1, h * 0.18, w * 0.9, h * 0.95), fill="#f5f1ea", outline="#cfc4b4", width=8)
    colours = {
        "melarat": ["#f6c3d0", "#f7e08a", "#ffffff", "#b9e3a8", "#f4a6a6"],
        "udang": ["#f3b27a", "#efa168", "#f7c896"],
        "kulit": ["#f1dcae", "#e9cc93", "#f6e7c8"],
        "emping": ["#d9c27a", "#cdb267", "#e4d08e"],
        "opak": ["#f4ecd8", "#eadfc4"],
    }.get(style, ["#f3b27a"])
    for _ in range(n):
        cx = w * 0.5 + rng.gauss(0, w * 0.14)
        cy = h * 0.56 + rng.gauss(0, h * 0.1)
        r = rng.uniform(0.05, 0.09) * w * (0.8 if style == "emping" else 1)
        colour = hex_rgb(rng.choice(colours))
        pts = []
        for i in range(14):
            a = 2 * math.pi * i / 14
            rr = r * rng.uniform(0.82, 1.08)
            pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr * 0.8))
        draw.polygon(pts, fill=colour, outline=mix(colour, "#6a4a2a", 0.35))
        if style in ("udang", "kulit", "opak"):
            for _ in range(4):
                px, py = cx + rng.uniform(-r, r) * 0.6, cy + rng.uniform(-r, r) * 0.5
                draw.ellipse((px - 4, py - 3, px + 4, py + 3), fill=mix(colour, "#000000", 0.15))


def draw_gipang(image, rng, colour="#f1e2c0", **_):
    """Bars of gipang (puffed rice brittle), some pink, stacked on paper."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    draw.rectangle(
        (w * 0.12, h * 0.3, w * 0.88, h * 0.92), fill="#efe7d6", outline="#c8bca6", width=4
    )
    for row in range(3):
        for col in range(4):
            base = hex_rgb("#f2b8c4" if (row + col) % 3 == 0 else colour)
            x = w * (0.16 + col * 0.18)
            y = h * (0.36 + row * 0.18)
            draw.rounded_rectangle(
                (x, y, x + w * 0.16, y + h * 0.15),
                radius=8,
                fill=base,
                outline=mix(base, "#7a5a2a", 0.4),
                width=2,
            )
            for _ in range(24):
                px = x + rng.random() * w * 0.16
                py = y + rng.random() * h * 0.15
                draw.ellipse((px - 3, py - 2, px + 3, py + 2), fill=mix(base, "#ffffff", 0.5))


LUKISAN_SUBJECTS = ("macan", "wayang", "kaligrafi", "kereta")


def draw_lukisan_kaca(image, rng, subject="wayang", **_):
    """A Cirebon glass painting: a carved frame, a black ground, gold lines and bright colour."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    fx0, fy0, fx1, fy1 = w * 0.16, h * 0.06, w * 0.84, h * 0.94
    draw.rectangle((fx0, fy0, fx1, fy1), fill="#6b3f1d")
    draw.rectangle((fx0 + 14, fy0 + 14, fx1 - 14, fy1 - 14), outline="#c99a2e", width=6)
    gx0, gy0, gx1, gy1 = fx0 + 40, fy0 + 40, fx1 - 40, fy1 - 40
    draw.rectangle((gx0, gy0, gx1, gy1), fill="#141018")
    cx, cy = (gx0 + gx1) / 2, (gy0 + gy1) / 2
    gold, red, green, blue = "#e2b64a", "#c8392f", "#3e9168", "#3f7cc0"
    # Mega mendung clouds in the corners, as glass painters often do.
    for x, y in (
        (gx0 + 50, gy0 + 40),
        (gx1 - 50, gy0 + 40),
        (gx0 + 50, gy1 - 40),
        (gx1 - 50, gy1 - 40),
    ):
        _cloud(draw, x, y, 26, [blue, "#86b5e0", "#dcecf8"])
    if subject == "macan":
        body = [
            (cx - 150, cy + 40),
            (cx - 90, cy - 60),
            (cx + 40, cy - 70),
            (cx + 130, cy - 120),
            (cx + 170, cy - 60),
            (cx + 120, cy + 20),
            (cx + 140, cy + 140),
            (cx + 90, cy + 140),
            (cx + 60, cy + 60),
            (cx - 60, cy + 70),
            (cx - 90, cy + 150),
            (cx - 140, cy + 150),
        ]
        draw.polygon(body, fill="#e08a24", outline=gold)
        for k in range(7):
            x = cx - 110 + 40 * k
            draw.arc((x - 30, cy - 60, x + 30, cy + 60), 250, 290, fill="#141018", width=10)
        draw.ellipse((cx + 130, cy - 100, cx + 146, cy - 84), fill="#141018")
    elif subject == "kaligrafi":
        for k in range(9):
            a0 = 20 * k
            r = 60 + 14 * k
            draw.arc(
                (cx - r, cy - r * 0.7, cx + r, cy + r * 0.7),
                a0,
                a0 + 200,
                fill=gold if k % 2 else "#f4efe4",
                width=7,
            )
        for k in range(5):
            draw.ellipse(
                (cx - 160 + 80 * k - 6, cy + 150, cx - 160 + 80 * k + 6, cy + 162), fill=gold
            )
    elif subject == "kereta":
        draw.rounded_rectangle(
            (cx - 160, cy - 20, cx + 160, cy + 90), radius=30, fill=red, outline=gold, width=6
        )
        for side in (-1, 1):
            draw.ellipse(
                (cx + side * 100 - 45, cy + 60, cx + side * 100 + 45, cy + 150),
                outline=gold,
                width=8,
            )
        draw.polygon(
            [(cx + 120, cy - 20), (cx + 200, cy - 130), (cx + 230, cy - 60), (cx + 170, cy)],
            fill=green,
            outline=gold,
        )
        draw.ellipse((cx + 195, cy - 120, cx + 215, cy - 100), fill=gold)
    else:  # wayang: a figure in profile with crown and long arms
        draw.polygon(
            [
                (cx - 20, cy - 170),
                (cx + 40, cy - 190),
                (cx + 60, cy - 120),
                (cx + 30, cy - 90),
                (cx - 10, cy - 100),
            ],
            fill=gold,
        )
        draw.ellipse((cx - 20, cy - 130, cx + 50, cy - 60), fill="#f0a35e", outline=gold, width=3)
        draw.polygon(
            [(cx - 30, cy - 60), (cx + 50, cy - 60), (cx + 70, cy + 170), (cx - 50, cy + 170)],
            fill=red,
            outline=gold,
        )
        draw.line((cx + 40, cy - 40, cx + 150, cy + 60), fill="#f0a35e", width=10)
        draw.line((cx - 20, cy - 40, cx - 130, cy + 40), fill="#f0a35e", width=10)
        draw.rectangle((cx - 50, cy + 60, cx + 70, cy + 90), fill=green)
        draw.line((cx + 10, cy + 170, cx + 10, cy + 220), fill="#8a6a3a", width=8)


def draw_logam(image, rng, item="lampu", metal="#3b3f45", **_):
    """Metalwork: a garden lantern, a laser-cut wall panel or a shelf bracket."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    hi = mix(metal, "#ffffff", 0.45)
    if item == "lampu":
        shadow(image, (w * 0.35, h * 0.85, w * 0.65, h * 0.96), 90)
        draw = ImageDraw.Draw(image)
        draw.rectangle((w * 0.485, h * 0.55, w * 0.515, h * 0.9), fill=metal)
        draw.rectangle((w * 0.42, h * 0.88, w * 0.58, h * 0.92), fill=metal)
        draw.polygon(
            [(w * 0.38, h * 0.2), (w * 0.62, h * 0.2), (w * 0.58, h * 0.55), (w * 0.42, h * 0.55)],
            fill="#f6dd92",
            outline=metal,
        )
        for k in range(5):
            x = w * (0.4 + 0.05 * k)
            draw.line(
                (x, h * 0.2, x + (w * 0.01 if k > 2 else -w * 0.01), h * 0.55), fill=metal, width=6
            )
        draw.polygon([(w * 0.34, h * 0.2), (w * 0.5, h * 0.08), (w * 0.66, h * 0.2)], fill=metal)
        draw.ellipse((w * 0.49, h * 0.04, w * 0.51, h * 0.08), fill=hi)
    elif item == "hiasan":
        cx, cy, r = w * 0.5, h * 0.48, min(w, h) * 0.4
        shadow(image, (cx - r, cy - r * 0.8, cx + r * 1.1, cy + r * 1.15), 80)
        draw = ImageDraw.Draw(image)
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=metal, outline=hi, width=6)
        bg = image.getpixel((5, 5))
        for ring in range(1, 4):
            rr = r * ring / 4
            for k in range(8 * ring):
                a = 2 * math.pi * k / (8 * ring) + ring * 0.2
                x, y = cx + math.cos(a) * rr, cy + math.sin(a) * rr
                s = r * 0.06
                draw.ellipse((x - s, y - s * 0.6, x + s, y + s * 0.6), fill=bg)
        _cloud(draw, cx, cy, r * 0.22, [hi, metal, hi])
    else:  # rak: a wall shelf on forged brackets
        draw.rectangle((w * 0.15, h * 0.35, w * 0.85, h * 0.41), fill="#8a5a34")
        draw.rectangle((w * 0.15, h * 0.65, w * 0.85, h * 0.71), fill="#8a5a34")
        for x in (0.22, 0.78):
            for y in (0.41, 0.71):
                draw.line((w * x, h * y, w * x, h * (y + 0.16)), fill=metal, width=12)
                draw.arc(
                    (w * x - 60, h * y - 10, w * x + 60, h * (y + 0.2)),
                    270,
                    360,
                    fill=metal,
                    width=10,
                )
        for k in range(4):
            x = w * (0.25 + 0.14 * k)
            colour = ["#c8392f", "#3e9168", "#e4c46a", "#3f7cc0"][k]
            draw.rectangle((x, h * 0.2, x + w * 0.08, h * 0.35), fill=colour)


def draw_tas(image, rng, motif="megamendung", palette="biru", tone="#b58a55", **_):
    """A handbag: a woven or leather body with a batik panel and two handles."""
    w, h = image.size
    shadow(image, (w * 0.2, h * 0.82, w * 0.82, h * 0.96), 90)
    body = scaled([(0.24, 0.36), (0.76, 0.36), (0.82, 0.88), (0.18, 0.88)], w, h)
    weave = _weave(image.size, tone, "#4a2e16", rng, step=20)
    paste_masked(image, weave, lambda d: d.polygon(body, fill=255))
    panel = scaled([(0.3, 0.5), (0.7, 0.5), (0.72, 0.72), (0.28, 0.72)], w, h)
    cloth = pattern(image.size, motif, palette, rng, scale=0.5)
    paste_masked(image, cloth, lambda d: d.polygon(panel, fill=255))
    draw = ImageDraw.Draw(image)
    handle = mix(tone, "#2a180a", 0.6)
    for side in (-1, 1):
        x = w * (0.5 + side * 0.14)
        draw.arc((x - w * 0.1, h * 0.12, x + w * 0.1, h * 0.6), 180, 360, fill=handle, width=14)
    draw.line([*body, body[0]], fill=handle, width=6)


def draw_dompet(image, rng, motif="megamendung", palette="merah", **_):
    """A zipped pouch in batik cloth."""
    w, h = image.size
    shadow(image, (w * 0.18, h * 0.72, w * 0.84, h * 0.9), 80)
    box = (w * 0.2, h * 0.3, w * 0.8, h * 0.78)
    cloth = pattern(image.size, motif, palette, rng, scale=0.6)
    paste_masked(image, cloth, lambda d: d.rounded_rectangle(box, radius=40, fill=255))
    draw = ImageDraw.Draw(image)
    draw.line((w * 0.22, h * 0.36, w * 0.78, h * 0.36), fill="#2b2b2b", width=10)
    for k in range(40):
        x = w * 0.22 + k * (w * 0.56 / 40)
        draw.line((x, h * 0.345, x, h * 0.375), fill="#c9c9c9", width=2)
    draw.rounded_rectangle((w * 0.74, h * 0.33, w * 0.79, h * 0.43), radius=6, fill="#c99a2e")


def draw_perhiasan(image, rng, item="kalung", metal="#c99a2e", stone="#1f4e8c", **_):
    """Jewellery on a dark velvet: a necklace with a mega mendung pendant, or a brooch."""
    w, h = image.size
    image.paste(backdrop(image.size, "#2a2a34", "#101014"), (0, 0))
    draw = ImageDraw.Draw(image)
    hi = mix(metal, "#ffffff", 0.5)
    if item == "kalung":
        for k in range(41):
            a = math.pi * (0.1 + 0.8 * k / 40)
            x, y = w * 0.5 + math.cos(a) * w * 0.32, h * 0.08 + math.sin(a) * h * 0.5
            draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=metal, outline=hi)
        _cloud(draw, w * 0.5, h * 0.68, 70, [metal, hi, stone, metal])
    elif item == "cincin":
        for k, cx in enumerate((0.38, 0.62)):
            draw.ellipse((w * cx - 110, h * 0.35, w * cx + 110, h * 0.8), outline=metal, width=24)
            draw.ellipse(
                (w * cx - 40, h * 0.26, w * cx + 40, h * 0.4),
                fill=stone if k else "#b3261e",
                outline=hi,
                width=6,
            )
    else:  # bros
        _cloud(draw, w * 0.5, h * 0.5, 150, [metal, hi, stone, metal, hi])
        draw.line((w * 0.3, h * 0.72, w * 0.72, h * 0.72), fill=hi, width=6)


def draw_gantungan(image, rng, charm="topeng", **_):
    """Key rings with small souvenir charms."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    for k in range(3):
        x = w * (0.25 + 0.25 * k)
        draw.ellipse((x - 40, h * 0.12, x + 40, h * 0.24), outline="#9aa0a6", width=8)
        draw.line((x, h * 0.24, x, h * 0.36), fill="#9aa0a6", width=5)
        colour = ["#f3efe6", "#f2b8b0", "#b3261e"][k]
        if charm == "topeng":
            draw.ellipse(
                (x - 70, h * 0.36, x + 70, h * 0.7), fill=colour, outline="#6b4225", width=4
            )
            for side in (-1, 1):
                draw.chord(
                    (x + side * 28 - 18, h * 0.48, x + side * 28 + 18, h * 0.53),
                    0,
                    180,
                    fill="#1b1b1b",
                )
            draw.chord((x - 18, h * 0.6, x + 18, h * 0.64), 0, 180, fill="#a3322a")
        else:
            _cloud(draw, x, h * 0.52, 55, ["#1f4e8c", "#3f7cc0", "#86b5e0", "#dcecf8"])


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
