"""QBR Desktop: prepare and run Quarterly Business Reviews from a local portfolio."""

__version__ = "0.1.0"
APP_NAME = "QBR Desktop"
ORGANIZATION = "QBR Desktop"
