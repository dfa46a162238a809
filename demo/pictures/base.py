"""What every demo picture is drawn with: sizes, palettes, backdrops, batik motifs."""

import io
import math
import random

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
