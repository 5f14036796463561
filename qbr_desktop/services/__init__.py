"""Use-cases shared by the window and the command line: one unit of work each, no Qt."""
