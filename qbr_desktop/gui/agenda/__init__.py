"""The meeting tab: agenda builder, the running timer with its presenter view, follow-up."""
