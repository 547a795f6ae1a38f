"""``momentum-lab snapshot``: the real window at a step, painted offscreen into a PNG."""

from __future__ import annotations

from typing import Callable

from app.model.scenario import Scenario

from .application import ensure_application
from .images import png_bytes
from .main_window import MainWindow


def window_png(scenario: Scenario | None, step: int, size: tuple[int, int], *,
               landscape: str | None = None, swarm: bool = False, views: bool = False,
               seeds: int = 0,
               progress: Callable[[int, int], object] | None = None) -> bytes:
    """The window on ``scenario`` (default: the seed lecture's) at ``step``, as PNG bytes.

    ``landscape`` replaces the scenario's (ScenarioError if it is bad); ``swarm`` turns
    swarm mode on; ``seeds`` many seeds (seeds 0..seeds−1); ``views`` opens the parameter map and the energy views.
    ``progress(done, steps)`` follows the computation of the steps before ``step`` (and
    may raise to stop it): it runs before anything is painted, outside Qt's calls.
    """
    app = ensure_application()
    window = MainWindow(scenario)
    try:
        window.resize(*size)
        window.show()
        if landscape:
            window.show_update(window.workspace.change(landscape=landscape, start=None,
                                                       domain=None))
        if swarm:
            window.qactions["swarm"].setChecked(True)
        if seeds:
            window.show_update(window.workspace.set_seeds(seeds))
        if views:
            window.qactions["map"].trigger()
            window.qactions["energy"].trigger()
        window.controller.comparison.ensure(step, progress=progress)
        window.controller.seek(step)
        app.processEvents()
        window.docks.parameter_map.wait()
        app.processEvents()
        window.docks.parameter_map.wait()
        app.processEvents()
        return png_bytes(window)
    finally:
        window.controller.shutdown()
        window.docks.parameter_map.shutdown()
        window.close()
        # Deleted at the next event loop turn, not whenever Python's garbage collector
        # reaches the window's reference cycles (a top-level widget deleted in the
        # middle of unrelated Qt work is how a long-lived process crashes).
        window.deleteLater()
