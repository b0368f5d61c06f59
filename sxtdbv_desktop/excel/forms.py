"""Agency report forms out: one .xlsx per agency and period, named for a clerk to read.

`write_form` writes one agency's form, empty or pre-filled with an existing report (an agency
installation exports its own report this way); `write_forms` writes many with progress.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlite_utils import Database

from sxtdbv_desktop import installation
from sxtdbv_desktop.agencies import list_agencies
from sxtdbv_desktop.excel.form_data import FormData, collect_form
from sxtdbv_desktop.excel.form_writer import write_form_file
from sxtdbv_desktop.output_files import make_folder
from sxtdbv_desktop.reports import Report

Progress = Callable[[int, int, str], bool | None]
"""Called with (done, total, file name) after each file; returning False stops early."""


def written_text(count: int, folder: object, *, stopped: bool = False) -> str:
    """ "Đã tạo 23 biểu mẫu trong D:\\BieuMau."; "Đã dừng: đã tạo 5 …" when stopped early."""
    verb = "Đã dừng: đã tạo" if stopped else "Đã tạo"
    return f"{verb} {count} biểu mẫu trong {folder}."


def write_form(
    db: Database,
    plan_id: int,
    agency_id: int,
    target: Path,
    *,
    period_id: int | None = None,
    report: Report | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the agency's form into the folder `target` (under its standard name) or to the
    file `target`; pre-fill it from `report` if given. Returns the file written."""
    data = collect_form(db, plan_id, agency_id, period_id=period_id, report=report, today=today)
    path = target / data.file_name if target.is_dir() else target
    return write_form_file(data, path)


def collect_forms(
    db: Database,
    plan_id: int,
    agency_ids: Sequence[int] | None = None,
    *,
    period_id: int | None = None,
    today: dt.date | None = None,
) -> list[FormData]:
    """The empty forms of `agency_ids`, in plan order; by default every agency that must report
    (not the collective entries, the press and the associations, unless asked for by id), and
    on an agency installation its own agency only."""
    wanted = default_agencies(db, plan_id) if agency_ids is None else agency_ids
    return [collect_form(db, plan_id, a, period_id=period_id, today=today) for a in wanted]


def default_agencies(db: Database, plan_id: int) -> list[int]:
    """Whose forms are made when nobody says: the agencies that must report (an agency
    installation: its own)."""
    setup = installation.load(db)
    agencies = list_agencies(db, plan_id)
    if setup.is_agency:
        return [a.id for a in agencies if a.code == setup.agency_code]
    return [a.id for a in agencies if a.must_report]


def write_form_files(
    forms: Sequence[FormData], folder: Path, progress: Progress | None = None
) -> list[Path]:
    """Write `forms` into `folder`; needs no database, so it may run on a worker thread."""
    written = []
    for done, data in enumerate(forms, 1):
        written.append(write_form_file(data, folder / data.file_name))
        if progress is not None and progress(done, len(forms), data.file_name) is False:
            break
    return written


def write_forms(
    db: Database,
    plan_id: int,
    folder: Path,
    agency_ids: Sequence[int] | None = None,
    *,
    period_id: int | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the forms of `agency_ids` (see `collect_forms`) into `folder`; return the files."""
    make_folder(folder)
    forms = collect_forms(db, plan_id, agency_ids, period_id=period_id)
    return write_form_files(forms, folder, progress)
