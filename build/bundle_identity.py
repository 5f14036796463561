"""What the standalone build says about itself: icon, Windows version resource, macOS
Info.plist. Used by qbr-desktop.spec (PyInstaller runs the spec with the Python that
builds, so this module runs there too: Linux, Windows under Wine, or macOS).

The icon is drawn from resources/icons/app.svg at build time, so the SVG stays the one
source: Qt's SVG renderer draws it at 256 px, and Pillow (already a dependency, through
matplotlib) writes the Windows .ico with the sizes Explorer asks for.
"""

from __future__ import annotations

import re
from pathlib import Path

ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
COMPANY = "QBR Desktop"
DESCRIPTION = "QBR Desktop: prepare and run Quarterly Business Reviews"
BUNDLE_IDENTIFIER = "org.qbr-desktop.app"


def version(root: Path) -> str:
    """__version__ of qbr_desktop, read from its source (nothing is imported)."""
    text = (root / "qbr_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if found is None:
        raise ValueError("qbr_desktop/__init__.py has no __version__")
    return found[1]


def version_numbers(text: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0): the four numbers a Windows version resource holds."""
    numbers = [int(part) for part in re.findall(r"\d+", text)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def icon_png(svg: Path, folder: Path) -> Path:
    """The SVG drawn at 256x256 with a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "qbr-desktop.png"
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")
    return target


def icon_ico(png: Path) -> Path:
    from PIL import Image

    target = png.with_suffix(".ico")
    with Image.open(png) as picture:
        picture.save(target, format="ICO", sizes=ICO_SIZES)
    return target


def windows_version_resource(text: str, executable: str, description: str):  # noqa: ANN201
    """The VERSIONINFO resource Explorer shows in a file's Properties > Details."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_numbers(text)
    strings = [("CompanyName", COMPANY), ("FileDescription", description),
               ("FileVersion", text), ("InternalName", executable.removesuffix(".exe")),
               ("OriginalFilename", executable), ("ProductName", "QBR Desktop"),
               ("ProductVersion", text), ("LegalCopyright", f"© {COMPANY}")]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo([vi.StringTable("040904B0", [vi.StringStruct(key, value)
                                                             for key, value in strings])]),
              vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])])])


def macos_info_plist(text: str) -> dict[str, object]:
    return {
        "CFBundleName": "QBR Desktop",
        "CFBundleDisplayName": "QBR Desktop",
        "CFBundleShortVersionString": text,
        "CFBundleVersion": text,
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": f"© {COMPANY}",
    }
