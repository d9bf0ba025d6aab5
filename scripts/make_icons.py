"""Draw the skill's store icons (108x108 and 512x512 PNG) into the skill package.

    python scripts/make_icons.py [--out interaction_model/assets/images]

A twitch drawn as a pulse line across a neck-and-shoulders outline, white on deep teal, with
no text (Amazon rejects icons that are mostly words). Pure Python (zlib), drawn at four times the
size and averaged down for smooth edges, so the PNGs are the same bytes on every machine.
"""

from __future__ import annotations

import argparse
import math
import struct
import zlib
from pathlib import Path

SIZES = {"small": 108, "large": 512}
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "interaction_model" / "assets" / "images"
BACKGROUND_TOP = (0, 105, 120)
BACKGROUND_BOTTOM = (0, 60, 80)
INK = (255, 255, 255)
ACCENT = (255, 196, 61)
SCALE = 4  # supersampling


def _segment_distance(px: float, py: float, a: tuple[float, float], b: tuple[float, float]
                      ) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _shapes(u: float, v: float) -> tuple[int, int, int] | None:
    """The colour at (u, v) in a unit square, or None for the background."""
    # Rounded-square mask is applied by the store; keep the art inside a safe circle.
    head = ((u - 0.5) / 0.12) ** 2 + ((v - 0.28) / 0.145) ** 2 <= 1.0
    neck = 0.445 <= u <= 0.555 and 0.36 <= v <= 0.66
    shoulders = ((u - 0.5) / 0.40) ** 2 + ((v - 0.98) / 0.36) ** 2 <= 1.0 and v <= 0.88
    pulse = [(0.22, 0.52), (0.40, 0.52), (0.45, 0.44), (0.50, 0.60), (0.55, 0.40),
             (0.60, 0.56), (0.64, 0.52), (0.78, 0.52)]
    on_pulse = any(_segment_distance(u, v, pulse[i], pulse[i + 1]) <= 0.02
                   for i in range(len(pulse) - 1))
    if on_pulse:
        return ACCENT
    if head or neck or shoulders:
        return INK
    return None


def draw(size: int) -> bytes:
    big = size * SCALE
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0
        for x in range(size):
            total = [0, 0, 0]
            for sy in range(SCALE):
                for sx in range(SCALE):
                    u = (x * SCALE + sx + 0.5) / big
                    v = (y * SCALE + sy + 0.5) / big
                    colour = _shapes(u, v)
                    if colour is None:
                        colour = tuple(round(t + (b - t) * v) for t, b in
                                       zip(BACKGROUND_TOP, BACKGROUND_BOTTOM, strict=True))
                    for i in range(3):
                        total[i] += colour[i]
            row += bytes(round(c / (SCALE * SCALE)) for c in total)
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        path = args.out / f"icon-{size}.png"
        path.write_bytes(draw(size))
        print(f"wrote {path} ({name}, {size}x{size})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
