"""Entry point of the standalone build: the window, or the `qbr` command-line program when
started under that name (qbr.exe on Windows, a link named qbr elsewhere)."""

import multiprocessing
import sys
from pathlib import Path

if __name__ == "__main__":
    # `qbr export deck --all-upcoming` builds decks in spawned processes, which start this
    # executable again: freeze_support() runs the worker there instead of the program.
    multiprocessing.freeze_support()
    if Path(sys.argv[0]).stem.lower() == "qbr":
        from qbr_desktop.cli import main
    else:
        from qbr_desktop.app import main
    raise SystemExit(main())
