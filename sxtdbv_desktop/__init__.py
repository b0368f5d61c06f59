"""SX&TDBV Desktop core: the plan, its storage, consolidation, import/export and reports.

Nothing in this package imports Qt or names the Qt layer: that layer (the window, and the
program's entry point) imports the core, never the reverse.
"""

__version__ = "0.1.0"
