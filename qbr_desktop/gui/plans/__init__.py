"""The preparation plan of a review: its timeline, its task list and the upcoming reviews."""
