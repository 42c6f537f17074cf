"""Draws resources/icon.png (512x512): a white case file with ruled lines on GOV.UK blue.
Run once; the PNG is committed. Pure Python so it needs nothing installed."""
import struct, zlib

W = H = 512
BLUE = (29, 112, 184, 255)
WHITE = (255, 255, 255, 255)
INK = (11, 12, 12, 255)
YELLOW = (255, 221, 0, 255)
CLEAR = (0, 0, 0, 0)

def pixel(x, y):
    # Rounded square background.
    r = 96
    cx = min(max(x, r), W - 1 - r)
    cy = min(max(y, r), H - 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return CLEAR
    # The sheet, with its top-right corner folded.
    left, top, right, bottom, fold = 136, 88, 376, 424, 64
    if left <= x <= right and top <= y <= bottom:
        if x - (right - fold) > y - top:
            return BLUE if x - (right - fold) > y - top + 6 else INK
        if 176 <= x <= 336 and any(l <= y <= l + 12 for l in (176, 224, 272)):
            return INK
        if 176 <= x <= 280 and 320 <= y <= 332:
            return INK
        if 296 <= x <= 352 and 344 <= y <= 400 and (x - 324) ** 2 + (y - 372) ** 2 <= 28 ** 2:
            return YELLOW
        return WHITE
    return BLUE

rows = b"".join(b"\x00" + b"".join(struct.pack("4B", *pixel(x, y)) for x in range(W)) for y in range(H))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
open("resources/icon.png", "wb").write(png)
