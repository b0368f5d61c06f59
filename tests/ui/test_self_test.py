"""`--self-test`, run from source as CI runs it on the bundle: every check passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_and_leaves_no_data_behind(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SXTDBV_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "sxtdbv_desktop", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if line.startswith("[")] == [
        "[ĐẠT] Tài nguyên đi kèm",
        "[ĐẠT] Tệp dữ liệu mới và kế hoạch mặc định",
        "[ĐẠT] Cửa sổ chính với đủ các thẻ",
        "[ĐẠT] Tiếng Việt trong Qt",
        "[ĐẠT] Báo cáo tổng hợp (PDF)",
        "[ĐẠT] Biểu mẫu Excel",
    ]
    assert lines[-1] == "Tự kiểm tra: mọi mục đều đạt."
    assert list(tmp_path.iterdir()) == []  # its own temporary folder, not the user's data
