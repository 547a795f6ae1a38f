"""The colours of Momentum Lab: one place, shared by the window, exports and the map.

Colours are ``#rrggbb`` strings (what both Qt style sheets and pyqtgraph accept).
"""

from __future__ import annotations

from dataclasses import dataclass

#: One colour per pane, in pane order: ball, trail, loss curve and legend entry. Chosen
#: to be told apart from each other (CIE ΔE ≥ 66, and ≥ 36 for a deuteranope) and from
#: every band of the viridis contours (ΔE ≥ 35); drawn on a light halo (TRAIL_HALO) so
#: a trail reads on dark and bright bands alike. SGD red, momentum the dark heavy ball; the
#: fifth and sixth (Radford's six) also stand off the white loss plot and the cyan arrows.
BALL_COLOURS = ("#e63946", "#111111", "#e69f00", "#ff00ff", "#0044cc", "#ffaaee")
#: The light outline under every trail and ball (RGBA).
TRAIL_HALO = (255, 255, 255, 170)
#: Swarm mode: a ball's colour is that of the minimum it ends in (and of that minimum's star).
BASIN_COLOURS = ("#e63946", "#ffb703", "#06d6a0", "#4cc9f0", "#f15bb5", "#9b5de5", "#fee440",
                 "#00bbf9")
ELSEWHERE_COLOUR = "#bbbbbb"
DIVERGED_COLOUR = "#000000"
LEFT_COLOUR = "#1d3557"          # left the domain, still descending
#: The arrows: the force −α·g and the velocity p.
FORCE_COLOUR = "#ffffff"
VELOCITY_COLOUR = "#00d9ff"
#: A lesson's predicted path: white dashes on a dark halo — told apart from the solid
#: trails by the dashes, and readable on every viridis band (RGBA halo).
PREDICTION_COLOUR = "#ffffff"
PREDICTION_HALO = (0, 0, 0, 150)
#: A lesson's highlighted pane: the frame around it.
HIGHLIGHT_COLOUR = "#ff8c00"
#: Readout words: converged green, diverged red, stalled amber, left blue, running grey.
STATUS_COLOURS = {"converged": "#1b7f3b", "diverged": "#b00020", "stalled": "#a05a00",
                  "left": "#1d5fa8", "running": "#333333"}
#: The (α, μ) map: cells that never converged, and cells that diverged (RGBA).
MAP_NOT_CONVERGED = (200, 200, 200, 255)
MAP_DIVERGED = (90, 10, 20, 255)
#: The colour map of contour bands, the map's cells and the 3-D surface (pyqtgraph's name).
COLOUR_MAP = "viridis"


#: The same six on a dark slide: momentum's near-black heavy ball turns near-white, and
#: the fifth and sixth change to keep every pair (a deuteranope's eyes too) and every
#: viridis band apart, and each one off the dark surround (tests/model/test_theme.py).
DARK_BALL_COLOURS = ("#ff4d5e", "#f2f2f2", "#e69f00", "#ff00ff", "#2255ff", "#aa66aa")


@dataclass(frozen=True)
class Palette:
    """The colours of a whole picture: the window and light slides, or dark slides."""

    name: str
    background: str          # around and behind the plots
    text: str                # titles, the header, legends
    label: str               # axis text and the loss plot's cursor
    label_strong: str        # axis text in the high-contrast look
    balls: tuple[str, ...]   # one per pane: ball, trail, loss curve
    halo: tuple[int, int, int, int]   # under every trail and ball, and the dots' rims (RGBA)

    def ball(self, index: int) -> str:
        return self.balls[index % len(self.balls)]


LIGHT = Palette("light", "#ffffff", "#222222", "#444444", "#000000", BALL_COLOURS, TRAIL_HALO)
DARK = Palette("dark", "#16181d", "#eeeeee", "#c8c8c8", "#ffffff", DARK_BALL_COLOURS,
               (0, 0, 0, 170))
#: The backgrounds an export may have, by name (``export --background``).
PALETTES = {"light": LIGHT, "dark": DARK}


def ball_colour(index: int) -> str:
    """Pane ``index``'s colour (one per pane: six for six panes)."""
    return BALL_COLOURS[index % len(BALL_COLOURS)]


def basin_colour(label: int) -> str:
    """The colour of a swarm ball that ends in minimum ``label`` (−1 elsewhere, −2
    diverged, −3 left the domain)."""
    if label == -3:
        return LEFT_COLOUR
    if label == -2:
        return DIVERGED_COLOUR
    if label == -1:
        return ELSEWHERE_COLOUR
    return BASIN_COLOURS[label % len(BASIN_COLOURS)]


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#e63946"`` → ``(230, 57, 70)``."""
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
