"""The offscreen platform gets the Windows fonts folder on Windows (the PySide6 wheel has no
fonts of its own), and is left alone elsewhere or when already chosen."""

from __future__ import annotations

from sxtdbv_ui import offscreen


def test_on_windows_the_offscreen_platform_reads_the_windows_fonts() -> None:
    env = {"WINDIR": "C:\\WINDOWS"}
    offscreen.prepare(env, "win32")
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["QT_QPA_FONTDIR"] == "C:\\WINDOWS\\Fonts"


def test_a_font_folder_or_platform_already_chosen_is_kept() -> None:
    env = {"QT_QPA_PLATFORM": "windows", "QT_QPA_FONTDIR": "D:\\Fonts", "WINDIR": "C:\\W"}
    offscreen.prepare(env, "win32")
    assert env == {"QT_QPA_PLATFORM": "windows", "QT_QPA_FONTDIR": "D:\\Fonts", "WINDIR": "C:\\W"}


def test_without_windir_the_usual_folder_is_assumed() -> None:
    assert offscreen.windows_fonts_dir({}) == "C:\\Windows\\Fonts"
    assert offscreen.windows_fonts_dir({"SystemRoot": "E:\\Win"}) == "E:\\Win\\Fonts"


def test_elsewhere_only_the_platform_is_set() -> None:
    env: dict[str, str] = {}
    offscreen.prepare(env, "linux")
    assert env == {"QT_QPA_PLATFORM": "offscreen"}
