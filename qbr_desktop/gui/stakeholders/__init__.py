"""The Stakeholders tab: the map canvas, its editor and the coverage and attendance lists."""
