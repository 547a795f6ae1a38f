"""How big and how bold the window draws: the zoom and the high-contrast look (no Qt).

For a room, not a laptop: Ctrl++ / Ctrl+− step the zoom through :data:`ZOOM_LEVELS`
(Ctrl+0 back to 1), and every font, line, ball and marker scales with it — text by the
zoom, lines and markers too, so a trail two pixels wide at 100 % is five at 250 %. The
high-contrast look, for washed-out projectors, makes lines and trails thicker again
(:data:`CONTRAST_LINES`), markers a little larger and labels black instead of grey.

A :class:`Look` is the one source of every size the views draw with; tests check the
sizes here, the views only apply them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .theme import PALETTES, Palette
from .translation import translate

ZOOM_LEVELS = (0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
CONTRAST_LINES = 1.6       # line widths in the high-contrast look
CONTRAST_MARKERS = 1.25    # ball, star and × sizes in the high-contrast look


@dataclass(frozen=True)
class Look:
    """The zoom (a factor, one of :data:`ZOOM_LEVELS`), whether the look is high contrast,
    and the background (a name of :data:`app.model.theme.PALETTES`: an export's dark slide)."""

    zoom: float = 1.0
    high_contrast: bool = False
    background: str = "light"

    @property
    def palette(self) -> Palette:
        return PALETTES[self.background]

    def ball_colour(self, index: int) -> str:
        """Pane ``index``'s colour on this background."""
        return self.palette.ball(index)

    def text(self, points: float) -> float:
        """A font size in points at this zoom."""
        return points * self.zoom

    def line(self, width: float) -> float:
        """A line width in pixels (trails, arrows, contour lines, loss curves)."""
        return width * self.zoom * (CONTRAST_LINES if self.high_contrast else 1.0)

    def marker(self, size: float) -> float:
        """A marker size in pixels (the ball, the minima's stars, the start's ×)."""
        return size * self.zoom * (CONTRAST_MARKERS if self.high_contrast else 1.0)

    @property
    def label_colour(self) -> str:
        """Readouts and axis text: grey normally, black (white on a dark slide) for a
        projector."""
        return self.palette.label_strong if self.high_contrast else self.palette.label


def _nearest(zoom: float) -> int:
    return min(range(len(ZOOM_LEVELS)), key=lambda i: abs(ZOOM_LEVELS[i] - zoom))


def zoom_in(zoom: float) -> float:
    """The next zoom level up (the largest stays)."""
    return ZOOM_LEVELS[min(_nearest(zoom) + 1, len(ZOOM_LEVELS) - 1)]


def zoom_out(zoom: float) -> float:
    """The next zoom level down (the smallest stays)."""
    return ZOOM_LEVELS[max(_nearest(zoom) - 1, 0)]


def parse_zoom(value) -> float:
    """A remembered zoom read back: one of :data:`ZOOM_LEVELS`, else ValueError."""
    zoom = float(value)
    if zoom not in ZOOM_LEVELS:
        raise ValueError(translate("errors", "zoom must be one of {levels}, got {value}").format(
            levels=", ".join(map(str, ZOOM_LEVELS)), value=repr(value)))
    return zoom


#: The export size every frame's fonts, lines and balls are drawn for at zoom 1.
EXPORT_BASE_SIZE = (1200, 500)


def export_look(size: tuple[int, int], background: str = "light") -> Look:
    """The look of an exported frame of ``size`` pixels: the in-app zoom a frame that much
    larger than :data:`EXPORT_BASE_SIZE` needs so its text and lines take the same share
    of the picture (the smaller of the two ratios, in quarter steps, 1 to 3). A
    1920×1080 slide draws at 1.5: axis labels a projector's back row can read, where at
    zoom 1 they were a tenth of a line on the screen; 1200×500 and smaller stay at 1.

    >>> [export_look(size).zoom for size in ((1200, 500), (1280, 720), (1920, 1080), (3840, 2160))]
    [1.0, 1.0, 1.5, 3.0]
    """
    ratio = min(size[0] / EXPORT_BASE_SIZE[0], size[1] / EXPORT_BASE_SIZE[1])
    return Look(zoom=min(3.0, max(1.0, round(ratio * 4) / 4)), background=background)

