"""Drawers of metalwork and accessories: lanterns, bags, wallets, jewellery, key rings."""

import math

from PIL import ImageDraw

from demo.pictures.base import (
    _cloud,
    backdrop,
    mix,
    paste_masked,
    pattern,
    scaled,
    shadow,
)
from demo.pictures.crafts import _weave


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
