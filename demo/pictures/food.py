"""Drawers of processed food: syrup bottles, jars, terasi, crackers and gipang."""

import math

from PIL import ImageDraw

from demo.pictures.base import (
    SIRUP_COLOURS,
    font,
    hex_rgb,
    mix,
    shadow,
)


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
