"""The Qt layer of SX&TDBV Desktop: windows, tabs, models and dialogs over the core."""
