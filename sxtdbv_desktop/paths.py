"""Where things live: the user's data folder and the bundled resources, frozen or from source."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SXTDBV Desktop"
APP_AUTHOR = "SoCongThuong"
DATABASE_NAME = "sxtdbv.sqlite"


def data_dir() -> Path:
    """The per-user data folder (on Windows %LOCALAPPDATA%\\SoCongThuong\\SXTDBV Desktop).

    `SXTDBV_DATA_DIR` overrides it, which tests and portable installs use. Never the install
    folder: upgrading or reinstalling the program must not touch the user's data.
    """
    override = os.environ.get("SXTDBV_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def default_database_path() -> Path:
    """The database opened when no `--db` is given."""
    return data_dir() / DATABASE_NAME


RESOURCES = Path(__file__).resolve().parent / "resources"
"""The files the program ships (plan data, fonts, icons, the user guide, their licences): package
data of `sxtdbv_desktop`, so one rule finds them from the source tree, from an installed wheel
and from the PyInstaller bundle, which gives every module a `__file__` inside its own folder
(`build.spec` puts them at `sxtdbv_desktop/resources` there)."""


def resources_dir() -> Path:
    """The folder of the program's own files, wherever the program runs from."""
    return RESOURCES


def resource_path(*parts: str) -> Path:
    """A file the program ships, e.g. `resource_path("plans", "dong-thap-2023.json")`."""
    return RESOURCES.joinpath(*parts)
