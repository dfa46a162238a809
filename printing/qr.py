"""QR codes for print: a PNG data URI drawn by segno, one image pixel per module.

WeasyPrint scales the image to its box with `image-rendering: pixelated`, so the modules stay
sharp at any print resolution and the file carries a few hundred bytes per code.
"""

import base64
import io

import segno


def qr_data_uri(url):
    """The QR code of `url` (error correction M, quiet zone of 4 modules) as a PNG data URI."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
