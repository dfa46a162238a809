"""Drawers of textiles: batik cloth, selendang, shirts, t-shirts, gamis and hijab."""

from PIL import Image, ImageDraw

from demo.pictures.base import (
    PALETTES,
    font,
    hex_rgb,
    mix,
    palette_colours,
    paste_masked,
    pattern,
    scaled,
    shadow,
)


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
