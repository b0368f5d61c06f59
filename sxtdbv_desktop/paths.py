"""Where things live: the user's data folder and the bundled resources, frozen or from source."""

from __future__ import annotations

import os
import sys
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


def resources_dir() -> Path:
    """The `resources/` folder: beside the packages from source, in the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. `resource_path("plans", "dong-thap-2023.json")`."""
    return resources_dir().joinpath(*parts)
