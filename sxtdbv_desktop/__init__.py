"""SX&TDBV Desktop core: the plan, its storage, consolidation, import/export and reports.

Nothing in this package imports Qt; the window lives in the top-level `ui` package.
"""

__version__ = "0.1.0"
