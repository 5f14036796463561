"""`python -m qbr_desktop` starts the desktop application."""

from qbr_desktop.app import main

raise SystemExit(main())
