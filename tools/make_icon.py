"""Draw the application icon (a white leaf on a green tile) and write PNG and ICO files.

Our own drawing, so no licence beyond the project's. Run: .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "sxtdbv_desktop" / "resources" / "icons"
SIZE = 512


def draw(size: int = SIZE) -> Image.Image:
    scale = size / 512
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle(
        (8 * scale, 8 * scale, 504 * scale, 504 * scale), radius=96 * scale, fill="#1E7B45"
    )
    leaf = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    leaf_pen = ImageDraw.Draw(leaf)
    leaf_pen.ellipse((150 * scale, 70 * scale, 362 * scale, 442 * scale), fill="white")
    leaf_pen.line(
        (256 * scale, 110 * scale, 256 * scale, 470 * scale), fill="#1E7B45", width=int(18 * scale)
    )
    for y in (180, 250, 320):
        leaf_pen.line(
            (256 * scale, (y + 70) * scale, 206 * scale, y * scale),
            fill="#1E7B45",
            width=int(12 * scale),
        )
        leaf_pen.line(
            (256 * scale, (y + 70) * scale, 306 * scale, y * scale),
            fill="#1E7B45",
            width=int(12 * scale),
        )
    leaf = leaf.rotate(-35, resample=Image.Resampling.BICUBIC, center=(size / 2, size / 2))
    image.alpha_composite(leaf)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "app.png")
    icon.save(OUT / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (256, 256)])
    print(f"Đã ghi {OUT / 'app.png'} và {OUT / 'app.ico'}")


if __name__ == "__main__":
    main()
