"""Widgets shared by the tabs and dialogs."""
