"""Before opening a window: is there a display, and are Qt's system libraries installed?

Qt's own message for a missing library is a wall of plugin errors ending in an abort.
``make run`` calls this first, and the app calls it before creating the window, so a
user on a bare Debian/Ubuntu sees instead which packages to install::

    sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 ...

The check runs ``ldd`` on Qt's xcb platform plugin (the real list of what it links to)
and tries to load ``libxcb-cursor``, which Qt ≥ 6.5 opens at run time.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Shared library → the Debian/Ubuntu package that ships it.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

#: What the README lists: everything a real window needs on a bare Debian/Ubuntu.
README_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                   "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1",
                   "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3")

RUNTIME_LOADED = ("libxcb-cursor.so.0",)


def _qt_dir() -> Path | None:
    """Qt's folder inside the PySide6 package, found without importing Qt."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt"


def missing_libraries() -> list[str]:
    """Shared libraries Qt's xcb platform plugin needs but cannot find."""
    qt = _qt_dir()
    missing: list[str] = []
    if qt is None or shutil.which("ldd") is None:
        return missing
    for binary in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"):
        if not binary.exists():
            continue
        try:
            result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True,
                                    timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        for line in result.stdout.splitlines():
            if "not found" in line:
                name = line.split("=>")[0].strip()
                if name not in missing:
                    missing.append(name)
    for name in RUNTIME_LOADED:
        try:
            ctypes.CDLL(name)
        except OSError:
            if name not in missing:
                missing.append(name)
    return missing


def package_for(library: str) -> str:
    return DEBIAN_PACKAGES.get(library, library.split(".so")[0])


def problems() -> list[str]:
    """Human sentences describing why a real window cannot open; empty if it can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return []
    if _qt_dir() is None:
        return ["PySide6 is not installed: run `make run` (it installs everything)."]
    if not sys.platform.startswith("linux") or platform.startswith("wayland"):
        return []
    found: list[str] = []
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        found.append("No display: DISPLAY is not set. Run on a desktop, over `ssh -X`, or "
                     "under a virtual screen: `xvfb-run make run` (apt-get install xvfb).")
    missing = missing_libraries()
    if missing:
        packages = " ".join(dict.fromkeys(package_for(lib) for lib in missing))
        found.append(f"Qt's window system plugin is missing {', '.join(missing)}. "
                     f"Install them with: sudo apt-get install {packages}")
    return found


def main() -> int:
    issues = problems()
    for issue in issues:
        print(f"momentum-lab: {issue}", file=sys.stderr)
    if issues:
        print("momentum-lab: (the command line works without a window: "
              "`momentum-lab run --help`)", file=sys.stderr)
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
