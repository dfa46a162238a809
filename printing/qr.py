"""QR codes for print: one pixel per module, drawn without smoothing (`image-rendering:
pixelated` in the print CSS), so each module is a sharp square at any printer resolution.

Error correction M and the 4-module quiet zone the QR standard asks for are part of the
image, so a layout that reserves the image's box reserves the quiet zone too. A bitmap rather
than SVG because WeasyPrint parses an SVG path in Python: 100 labels took twice as long.
"""

import base64
import io

import segno

QUIET_ZONE_MODULES = 4


def qr_png_data_uri(url):
    """The QR code of `url` as a 1-bit PNG data URI, one pixel per module."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="png", scale=1, border=QUIET_ZONE_MODULES
    )
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
