"""Dialogs of the window: one module per dialog."""
