"""Bundled resources: stylesheet, icons. Read through qbr_desktop.assets."""
