"""A soft chime for the meeting's two-minute mark and the end of a section.

Qt's multimedia module would add tens of megabytes to the standalone build for two short
sounds, so the chime is a small WAV written once and played by what the system already has:
winsound on Windows, afplay on macOS, PipeWire, PulseAudio or ALSA's player on Linux (the
system bell when none is there).
"""

from __future__ import annotations

import math
import shutil
import struct
import sys
import wave
from pathlib import Path

from PySide6.QtCore import QProcess, QStandardPaths
from PySide6.QtWidgets import QApplication

RATE = 22_050
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


def chime_file() -> Path:
    """A half-second two-note chime with soft attack and decay, written once to the cache."""
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation) or Path.home() / ".cache")
    path = folder / "meeting-chime.wav"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    frames = bytearray()
    for note, length in ((659.25, 0.22), (880.0, 0.38)):  # E5 then A5
        count = int(RATE * length)
        for n in range(count):
            envelope = min(1.0, n / (RATE * 0.02)) * math.exp(-4.0 * n / count)
            sample = 0.25 * envelope * math.sin(2 * math.pi * note * n / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    partial = path.with_suffix(".part")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    partial.replace(path)
    return path


def play_chime() -> None:
    """Play without waiting: the meeting window never blocks on sound."""
    try:
        path = chime_file()
    except OSError:
        QApplication.beep()
        return
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        return
    player = "afplay" if sys.platform == "darwin" else next(
        (name for name in LINUX_PLAYERS if shutil.which(name)), None)
    if player is None or not QProcess.startDetached(player, [str(path)])[0]:
        QApplication.beep()
