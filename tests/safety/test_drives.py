"""Warning when the data file lives on a network share or in a synced (OneDrive) folder.

The Windows decisions run here with the OS calls (GetDriveTypeW, GetFileAttributesW) replaced
by stand-ins; only a Windows machine can tell whether the real calls answer as assumed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sxtdbv_desktop import drives

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
//nas/chung /mnt/chung cifs rw,vers=3.0 0 0
nas:/export /mnt/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/chung/usb vfat rw 0 0
/dev/sdc1 /media/o\\040dia ext4 rw 0 0
"""

DRIVE_FIXED = 3


@pytest.mark.skipif(
    sys.platform == "win32", reason="/proc/mounts and POSIX paths: the Linux branch only"
)
@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/lan/sxtdbv.sqlite", "ext4"),
        ("/mnt/chung/so-ct/sxtdbv.sqlite", "cifs"),
        ("/mnt/chungkhac/sxtdbv.sqlite", "ext4"),
        ("/mnt/nfs/a/b.sqlite", "nfs4"),
        ("/mnt/chung/usb/sxtdbv.sqlite", "vfat"),
        ("/media/o dia/sxtdbv.sqlite", "ext4"),
    ],
)
def test_the_file_system_of_the_nearest_mount_is_found(
    tmp_path: Path, path: str, kind: str
) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS, encoding="utf-8")
    assert drives.mount_type(Path(path), mounts) == kind


def drive_types(**kinds: int) -> dict[str, int]:
    """What GetDriveTypeW answers for each root, e.g. drive_types(C=3, Z=4)."""
    return {f"{letter}:\\": kind for letter, kind in kinds.items()}


@pytest.mark.parametrize(
    ("path", "remote"),
    [
        (r"C:\Users\lan\AppData\Local\SoCongThuong\SXTDBV Desktop\sxtdbv.sqlite", False),
        (r"Z:\So CT\sxtdbv.sqlite", True),  # a drive letter mapped to a share
        (r"z:\So CT\sxtdbv.sqlite", True),
        (r"\\may-chu\chung\sxtdbv.sqlite", True),
        ("//may-chu/chung/sxtdbv.sqlite", True),
        (r"\\?\UNC\may-chu\chung\sxtdbv.sqlite", True),
        (r"\\?\C:\Users\lan\sxtdbv.sqlite", False),  # extended-length, local
        (r"\\?\Z:\So CT\sxtdbv.sqlite", True),
        (r"Q:\sxtdbv.sqlite", False),  # no such drive (DRIVE_NO_ROOT_DIR)
    ],
)
def test_the_windows_branch_tells_shares_from_local_drives(path: str, remote: bool) -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return drive_types(C=DRIVE_FIXED, Z=drives.DRIVE_REMOTE).get(root.upper(), 1)

    assert drives.windows_path_is_remote(path, drive_type) is remote
    assert all(root.endswith(":\\") for root in asked)  # GetDriveTypeW wants a root


ONEDRIVE = r"C:\Users\lan\OneDrive - So Cong Thuong"


@pytest.mark.parametrize(
    ("path", "synced"),
    [
        (ONEDRIVE + r"\Du lieu\sxtdbv.sqlite", True),
        (ONEDRIVE.upper() + r"\sxtdbv.sqlite", True),  # Windows paths ignore case
        (ONEDRIVE + "2\\sxtdbv.sqlite", False),  # a neighbour whose name starts the same
        (r"C:\Users\lan\AppData\Local\SoCongThuong\SXTDBV Desktop\sxtdbv.sqlite", False),
    ],
)
def test_the_onedrive_folders_count_as_synced(path: str, synced: bool) -> None:
    environ = {"OneDriveCommercial": ONEDRIVE, "OneDrive": ONEDRIVE}
    assert drives.windows_path_is_synced(path, lambda _: 0x20, environ) is synced


@pytest.mark.parametrize(
    "attribute",
    [
        drives.FILE_ATTRIBUTE_PINNED,
        drives.FILE_ATTRIBUTE_UNPINNED | drives.FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS,
        drives.FILE_ATTRIBUTE_RECALL_ON_OPEN,
        drives.FILE_ATTRIBUTE_OFFLINE,
    ],
)
def test_cloud_file_attributes_on_the_file_or_a_folder_above_count_as_synced(
    attribute: int,
) -> None:
    # Another provider (Dropbox, Box...) in a folder of its own, not named by any variable.
    path = r"D:\Dropbox\So CT\sxtdbv.sqlite"
    on_folder = {r"D:\Dropbox": 0x10 | attribute}  # FILE_ATTRIBUTE_DIRECTORY | ...
    assert drives.windows_path_is_synced(path, on_folder.get, {})
    on_file = {path: 0x20 | attribute}  # FILE_ATTRIBUTE_ARCHIVE | ...
    assert drives.windows_path_is_synced(path, on_file.get, {})


def test_a_plain_local_file_is_not_synced() -> None:
    path = r"C:\Users\lan\Documents\sxtdbv.sqlite"
    plain = {path: 0x20, r"C:\Users\lan\Documents": 0x10, r"C:\Users\lan": 0x10, "C:\\": 0x16}
    assert not drives.windows_path_is_synced(path, plain.get, {"OneDrive": ""})
    # A file not created yet (GetFileAttributesW fails: None) is judged by its folders.
    assert not drives.windows_path_is_synced(r"C:\Moi\sxtdbv.sqlite", lambda _: None, {})


def test_a_local_file_gets_no_warning(tmp_path: Path) -> None:
    assert drives.network_warning(tmp_path / "sxtdbv.sqlite") is None


def test_a_network_file_gets_a_vietnamese_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "is_network_path", lambda path: True)
    warning = drives.network_warning(Path("/mnt/chung/sxtdbv.sqlite"))
    assert warning is not None
    assert "thư mục dùng chung qua mạng" in warning


def test_a_synced_file_gets_a_vietnamese_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "is_synced_path", lambda path: True)
    warning = drives.network_warning(Path("sxtdbv.sqlite"))
    assert warning is not None
    assert "đồng bộ lên mạng (OneDrive" in warning
    assert "bản sao lưu" in warning


def test_the_windows_branch_is_taken_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """`is_network_path` and `is_synced_path` call the Windows decisions with the OS calls."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(drives, "_windows_full_path", lambda path: r"Z:\So CT\sxtdbv.sqlite")
    monkeypatch.setattr(drives, "_drive_type", lambda root: drives.DRIVE_REMOTE)
    monkeypatch.setattr(drives, "_file_attributes", lambda path: drives.FILE_ATTRIBUTE_PINNED)
    assert drives.is_network_path(Path("x"))
    assert drives.is_synced_path(Path("x"))
    monkeypatch.setattr(drives, "_drive_type", lambda root: DRIVE_FIXED)
    monkeypatch.setattr(drives, "_file_attributes", lambda path: 0x20)
    monkeypatch.delenv("OneDrive", raising=False)
    monkeypatch.delenv("OneDriveCommercial", raising=False)
    monkeypatch.delenv("OneDriveConsumer", raising=False)
    assert not drives.is_network_path(Path("x"))
    assert not drives.is_synced_path(Path("x"))
