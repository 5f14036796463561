"""The Deck tab: choose and order the slides, check the deck, export it and share it."""
