"""Warning when the data file lives on a network share."""

from __future__ import annotations

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


def test_a_local_file_gets_no_warning(tmp_path: Path) -> None:
    assert drives.network_warning(tmp_path / "sxtdbv.sqlite") is None


def test_a_network_file_gets_a_vietnamese_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "is_network_path", lambda path: True)
    warning = drives.network_warning(Path("/mnt/chung/sxtdbv.sqlite"))
    assert warning is not None
    assert "thư mục dùng chung qua mạng" in warning
