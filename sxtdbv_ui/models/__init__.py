"""Qt item models over the core: one module per table the window shows."""
