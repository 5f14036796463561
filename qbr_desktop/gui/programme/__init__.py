"""The QBR programme in the window: the review card and the programme view."""
