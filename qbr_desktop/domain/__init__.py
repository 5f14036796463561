"""The QBR knowledge: pure rules and arithmetic, with no Qt, SQL or file I/O."""
