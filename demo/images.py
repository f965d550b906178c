"""Abstract graphics for the demo content, drawn with Pillow when the command runs.

No image files are downloaded or committed: every picture is painted from a seed, so
the same title always yields the same pixels. They are our own graphics, so the
credits name the city's editorial team and nobody else.
"""

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900

OWN_WORK_SOURCE = "Stadt Wuppertal"
EDITORIAL_TEAM = "Smart-City-Redaktion"
CC_BY = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.de")


@dataclass(frozen=True)
class DemoImage:
    """What the media library needs to know about one generated graphic."""

    key: str
    title: str
    painter: str
    palette: tuple[str, ...]
    alt: str = ""
    # (x, y, width, height) of the part that crops must keep, in pixels.
    focal: tuple[int, int, int, int] | None = None
    decorative: bool = False
    author: str = ""
    source: str = OWN_WORK_SOURCE
    licence: tuple[str, str] = ("", "")

    @property
    def filename(self) -> str:
        return f"demo-{self.key}.jpg"


def _rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _background(top_left: str, bottom_right: str) -> Image.Image:
    """A diagonal gradient, built from Pillow's gradient masks to stay fast without numpy."""
    vertical = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    horizontal = Image.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT))
    mask = Image.blend(vertical, horizontal, 0.45)
    start = Image.new("RGB", (WIDTH, HEIGHT), _rgb(top_left))
    end = Image.new("RGB", (WIDTH, HEIGHT), _rgb(bottom_right))
    return Image.composite(end, start, mask).convert("RGBA")


def _with_alpha(colour: str, alpha: int) -> tuple[int, int, int, int]:
    return (*_rgb(colour), alpha)


def _paint_network(rng: random.Random, palette: tuple[str, ...]) -> Image.Image:
    """Points of light joined by fine lines: a city's connected places."""
    canvas = _background(palette[0], palette[1])
    overlay = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    nodes = [(rng.uniform(60, WIDTH - 60), rng.uniform(60, HEIGHT - 60)) for _ in range(46)]
    for index, (x1, y1) in enumerate(nodes):
        for x2, y2 in nodes[index + 1 :]:
            distance = math.dist((x1, y1), (x2, y2))
            if distance < 300:
                alpha = int(150 * (1 - distance / 300))
                draw.line((x1, y1, x2, y2), fill=_with_alpha(palette[2], alpha), width=2)
    glow = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    glow_draw = ImageDraw.Draw(glow)
    for x, y in nodes:
        radius = rng.uniform(6, 16)
        glow_draw.ellipse(
            (x - radius * 3, y - radius * 3, x + radius * 3, y + radius * 3),
            fill=_with_alpha(palette[3], 90),
        )
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_with_alpha(palette[3], 235))
    canvas.alpha_composite(glow.filter(ImageFilter.GaussianBlur(18)))
    canvas.alpha_composite(overlay)
    return canvas


def _paint_skyline(rng: random.Random, palette: tuple[str, ...]) -> Image.Image:
    """Layered blocks of houses under a low sun, with a rail line hung above the valley."""
    canvas = _background(palette[0], palette[1])
    sun = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    ImageDraw.Draw(sun).ellipse((1040, 170, 1340, 470), fill=_with_alpha(palette[4], 220))
    canvas.alpha_composite(sun.filter(ImageFilter.GaussianBlur(30)))
    for layer, (colour, alpha, base) in enumerate(((palette[2], 150, 560), (palette[3], 235, 690))):
        houses = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(houses)
        x = -20.0
        while x < WIDTH:
            width = rng.uniform(70, 160)
            top = base - rng.uniform(60, 260) + layer * 40
            draw.rectangle((x, top, x + width - 8, HEIGHT), fill=_with_alpha(colour, alpha))
            for window_y in range(int(top) + 24, HEIGHT - 40, 38):
                for window_x in range(int(x) + 16, int(x + width) - 30, 30):
                    if rng.random() < 0.28:
                        draw.rectangle(
                            (window_x, window_y, window_x + 12, window_y + 18),
                            fill=_with_alpha(palette[4], 200),
                        )
            x += width
        canvas.alpha_composite(houses)
    rail = ImageDraw.Draw(canvas)
    points = [(x, 300 + 40 * math.sin(x / 260)) for x in range(0, WIDTH + 20, 20)]
    rail.line(points, fill=_with_alpha(palette[4], 255), width=7)
    for x in range(100, WIDTH, 240):
        y = 300 + 40 * math.sin(x / 260)
        rail.line((x - 50, y + 160, x, y, x + 50, y + 160), fill=_with_alpha(palette[4], 200), width=5)
    return canvas


def _paint_waves(rng: random.Random, palette: tuple[str, ...]) -> Image.Image:
    """Bands of colour flowing across the picture, like a river through a valley."""
    canvas = _background(palette[0], palette[1])
    for band in range(7):
        layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        phase = rng.uniform(0, math.tau)
        amplitude = rng.uniform(30, 80)
        wavelength = rng.uniform(380, 720)
        base = 260 + band * 95
        points = [
            (x, base + amplitude * math.sin(x / wavelength * math.tau + phase))
            for x in range(0, WIDTH + 40, 40)
        ]
        colour = palette[2 + band % (len(palette) - 2)]
        ImageDraw.Draw(layer).polygon([*points, (WIDTH, HEIGHT), (0, HEIGHT)], fill=_with_alpha(colour, 70))
        canvas.alpha_composite(layer)
    return canvas


def _paint_bokeh(rng: random.Random, palette: tuple[str, ...]) -> Image.Image:
    """Soft discs of light, as in a hall with stage lights out of focus."""
    canvas = _background(palette[0], palette[1])
    soft = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(soft)
    for _ in range(60):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        radius = rng.uniform(30, 140)
        colour = rng.choice(palette[2:])
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=_with_alpha(colour, rng.randint(40, 110))
        )
    canvas.alpha_composite(soft.filter(ImageFilter.GaussianBlur(10)))
    sharp = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(sharp)
    for _ in range(18):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        radius = rng.uniform(4, 12)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_with_alpha(palette[-1], 220))
    canvas.alpha_composite(sharp)
    return canvas


def _paint_grid(rng: random.Random, palette: tuple[str, ...]) -> Image.Image:
    """A mosaic of tiles whose brightness rises and falls: data seen from a distance."""
    canvas = _background(palette[0], palette[1])
    tiles = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(tiles)
    cell = 50
    for row in range(HEIGHT // cell + 1):
        for column in range(WIDTH // cell + 1):
            wave = (math.sin(column / 4.5) + math.cos(row / 3.2)) / 2
            alpha = max(0, min(255, int(90 + 90 * wave + rng.uniform(-40, 40))))
            colour = palette[3] if rng.random() < 0.06 else palette[2]
            x, y = column * cell, row * cell
            draw.rounded_rectangle(
                (x + 6, y + 6, x + cell - 6, y + cell - 6), radius=8, fill=_with_alpha(colour, alpha)
            )
    canvas.alpha_composite(tiles)
    return canvas


def _paint_routes(rng: random.Random, palette: tuple[str, ...]) -> Image.Image:
    """Lines that wind across the picture and meet at stops: routes through the city."""
    canvas = _background(palette[0], palette[1])
    routes = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(routes)
    for index, colour in enumerate(palette[2:]):
        y = 150 + index * 190
        stops = []
        for x in range(-100, WIDTH + 300, 200):
            y = max(80, min(HEIGHT - 80, y + rng.uniform(-90, 90)))
            stops.append((x, y))
        # Cosine easing between the stops turns a jagged polyline into a calm curve.
        points = []
        for (x1, y1), (x2, y2) in zip(stops, stops[1:], strict=False):
            for step in range(10):
                eased = (1 - math.cos(step / 10 * math.pi)) / 2
                points.append((x1 + (x2 - x1) * step / 10, y1 + (y2 - y1) * eased))
        draw.line(points, fill=_with_alpha(colour, 230), width=14, joint="curve")
        for x, stop_y in stops[1:-1]:
            draw.ellipse((x - 16, stop_y - 16, x + 16, stop_y + 16), fill=(255, 255, 255, 240))
            draw.ellipse((x - 8, stop_y - 8, x + 8, stop_y + 8), fill=_with_alpha(colour, 255))
    canvas.alpha_composite(routes)
    return canvas


PAINTERS: dict[str, Callable[[random.Random, tuple[str, ...]], Image.Image]] = {
    "network": _paint_network,
    "skyline": _paint_skyline,
    "waves": _paint_waves,
    "bokeh": _paint_bokeh,
    "grid": _paint_grid,
    "routes": _paint_routes,
}


def render(image: DemoImage) -> bytes:
    """The JPEG bytes of a demo image; the key seeds the randomness, so output is stable."""
    picture = PAINTERS[image.painter](random.Random(image.key), image.palette)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="JPEG", quality=86, optimize=True)
    return buffer.getvalue()


IMAGES = [
    DemoImage(
        key="vernetzte-stadt",
        title="Vernetzte Stadt (Demo-Grafik)",
        painter="network",
        palette=("#0b3954", "#087e8b", "#bfd7ea", "#ffe66d"),
        alt=(
            "Abstrakte Grafik: gelbe Lichtpunkte auf blaugrünem Grund, "
            "durch feine Linien zu einem Netz verbunden."
        ),
        focal=(500, 200, 600, 500),
        author=EDITORIAL_TEAM,
        source="",
        licence=CC_BY,
    ),
    DemoImage(
        key="stadtsilhouette",
        title="Stadtsilhouette am Abend (Demo-Grafik)",
        painter="skyline",
        palette=("#2d1e4a", "#f28f3b", "#6b4f8c", "#2a1b3d", "#ffd275"),
        alt=(
            "Abstrakte Grafik: Häuserreihen vor einem orange-violetten Abendhimmel, "
            "darüber eine geschwungene Schwebebahnlinie."
        ),
        focal=(950, 150, 450, 400),
    ),
    DemoImage(
        key="livestream",
        title="Bühnenlicht beim Livestream (Demo-Grafik)",
        painter="bokeh",
        palette=("#1b1b3a", "#693668", "#a74482", "#f84aa7", "#ff3562", "#fff1d0"),
        alt="Abstrakte Grafik: unscharfe Lichtkreise in Rosa und Violett vor dunklem Hintergrund.",
    ),
    DemoImage(
        key="wupper",
        title="Wellen im Tal (Demo-Grafik)",
        painter="waves",
        palette=("#e0f2e9", "#9ad1d4", "#3a7d44", "#2e8b9a", "#1d4e89", "#7cb518"),
        alt="Abstrakte Grafik: sanft geschwungene Bänder in Grün- und Blautönen, die sich überlagern.",
        focal=(0, 350, 1600, 400),
    ),
    DemoImage(
        key="datenraster",
        title="Datenraster (Demo-Grafik)",
        painter="grid",
        palette=("#0d1b2a", "#1b263b", "#4cc9f0", "#f72585"),
        alt=(
            "Abstrakte Grafik: ein Raster aus hellblauen Kacheln unterschiedlicher Helligkeit, "
            "einzelne in Pink."
        ),
        author=EDITORIAL_TEAM,
        source="",
        licence=CC_BY,
    ),
    DemoImage(
        key="wege",
        title="Wege durch die Stadt (Demo-Grafik)",
        painter="routes",
        palette=("#f4f1de", "#e9edc9", "#e07a5f", "#3d405b", "#81b29a", "#f2cc8f"),
        alt="Abstrakte Grafik: vier farbige Linien wie Linien eines Netzplans, mit weißen Haltepunkten.",
    ),
    DemoImage(
        key="beteiligung",
        title="Viele Stimmen (Demo-Grafik)",
        painter="bokeh",
        palette=("#fefae0", "#e9c46a", "#2a9d8f", "#e76f51", "#264653", "#ffffff"),
        alt="Abstrakte Grafik: viele farbige, sich überlappende Kreise auf hellem, warmem Grund.",
    ),
    DemoImage(
        key="muster",
        title="Farbverlauf mit Wellen (dekorativ, Demo-Grafik)",
        painter="waves",
        palette=("#caf0f8", "#90e0ef", "#00b4d8", "#0077b6", "#03045e"),
        decorative=True,
    ),
]
