"""The Windows packaging read as text (no Windows here to run it): installer.iss, the
constraints the workflow installs, and the workflow itself."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer.iss"


def installer_settings() -> dict[str, str]:
    text = INSTALLER.read_text(encoding="utf-8-sig")
    return dict(re.findall(r"^(\w+)=(.*)$", text, re.MULTILINE))


def test_the_installer_script_is_utf8_with_a_byte_order_mark() -> None:
    # Inno Setup before 6.3 reads a script without one in the ANSI code page.
    data = INSTALLER.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "AppPublisher=Sở Công Thương" in data.decode("utf-8-sig")
    assert (ROOT / "packaging" / "Vietnamese.isl").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_installer_needs_the_inno_setup_its_messages_are_written_for() -> None:
    text = INSTALLER.read_text(encoding="utf-8-sig")
    assert "#if VER < EncodeVer(6, 5, 0)" in text
    assert "6.5.0+" in (ROOT / "packaging" / "Vietnamese.isl").read_text(encoding="utf-8-sig")


def test_the_installer_refuses_windows_older_than_qt_supports() -> None:
    assert installer_settings()["MinVersion"] == "10.0.17763"  # Windows 10 1809, Qt 6's minimum


def test_the_installer_is_signed_only_when_a_sign_tool_is_given() -> None:
    text = INSTALLER.read_text(encoding="utf-8-sig")
    block = re.search(r"#ifdef SignToolName\n(.*?)#endif", text, re.DOTALL)
    assert block is not None
    assert "SignTool={#SignToolName}" in block.group(1)
    assert "SignedUninstaller=yes" in block.group(1)
    assert text.count("SignTool=") == 1  # never unconditionally
