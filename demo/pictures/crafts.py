"""Drawers of crafts: topeng masks, rattan, trays and reverse glass paintings."""

import math

from PIL import Image, ImageDraw, ImageFilter

from demo.pictures.base import (
    SKIN,
    _cloud,
    hex_rgb,
    mix,
    paste_masked,
    scaled,
    shadow,
)

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
