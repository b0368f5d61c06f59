"""The Windows packaging checked where no Windows runs it: installer.iss, what build.spec leaves
out of the bundle, and the workflow itself (its constraints: tests/test_constraints.py)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

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
    block = re.search(r"#ifdef SignToolName\n(.*?)^#endif", text, re.DOTALL | re.MULTILINE)
    assert block is not None
    assert 'SignTool={#SignToolName} {#GetEnv("SXTDBV_SIGN_COMMAND")}' in block.group(1)
    assert "SignedUninstaller=yes" in block.group(1)
    assert text.count("SignTool=") == 1  # never unconditionally


def bundle_filter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_filter", ROOT / "packaging" / "bundle_filter.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "dest",
    [
        r"PySide6\translations\qtbase_de.qm",  # Windows: directly under PySide6
        r"PySide6\translations\qt_help_zh_TW.qm",
        "PySide6/Qt/translations/qtbase_de.qm",  # Linux
        r"PySide6\opengl32sw.dll",
        r"PySide6\d3dcompiler_47.dll",
        r"PySide6\plugins\imageformats\qjpeg.dll",
        r"PySide6\plugins\platforms\qminimal.dll",
        r"PySide6\plugins\generic\qtuiotouchplugin.dll",
        r"PySide6\plugins\tls\qschannelbackend.dll",
        r"PySide6\plugins\networkinformation\qnetworklistmanager.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        r"babel\locale-data\de.dat",
        r"docx\templates\default-docx-template\word\styles.xml",
        "docx/templates/default-docx-template/[Content_Types].xml",
        "libstdc++.so.6",  # Linux: the system's, as the PySide6 wheels assume
        "libglib-2.0.so.0",
        "libX11.so.6",
    ],
)
def test_the_bundle_leaves_out_what_the_program_never_uses(dest: str) -> None:
    assert not bundle_filter().keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        r"PySide6\plugins\platforms\qwindows.dll",
        r"PySide6\plugins\platforms\qoffscreen.dll",  # the self-test
        r"PySide6\plugins\imageformats\qico.dll",
        r"PySide6\plugins\styles\qmodernwindowsstyle.dll",
        r"PySide6\Qt6Pdf.dll",
        r"PySide6\Qt6PrintSupport.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libX11-xcb.so.1",  # not the system policy's
        "libxcb.so.1",
        r"babel\locale-data\vi.dat",
        r"babel\locale-data\root.dat",
        r"sxtdbv_desktop\resources\plans\dong-thap-2023.json",
        r"docx\templates\default.docx",  # python-docx starts every document from it
        "docx/templates/default-header.xml",
        "docx/templates/default-styles.xml",
    ],
)
def test_the_bundle_keeps_what_the_program_needs(dest: str) -> None:
    assert bundle_filter().keep(dest)


def workflow_steps() -> list[str]:
    """The steps of .github/workflows/windows.yml, each as its text (no YAML library here)."""
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    steps = re.split(r"^      - ", text.split("    steps:\n", 1)[1], flags=re.MULTILINE)
    return [step for step in steps if step.strip()]


def test_the_workflow_packs_the_bundle_it_built_once_and_self_tested() -> None:
    steps = workflow_steps()

    def index(marker: str) -> int:
        (found,) = [i for i, step in enumerate(steps) if marker in step]
        return found

    built = index("dev.py bundle --no-self-test")
    signed = index("name: Sign the bundle's programs")
    tested = index("sxtdbv-desktop.exe --self-test 2>&1 |\n")
    measured = index("bench startup --no-build")
    packed = index("& $env:ISCC")
    installed = index("Start-Process -Wait -PassThru -FilePath $setup")
    assert built < signed < tested < measured < packed < installed
    assert sum("dev.py bundle" in step for step in steps) == 1  # never rebuilt
    assert not any("--clean" in step for step in steps)


def test_every_workflow_step_checks_its_exit_code_and_keeps_its_log() -> None:
    for step in workflow_steps():
        if "shell: bash" in step:  # GitHub runs bash with -eo pipefail
            assert re.search(r"2>&1 \|\s+tee logs/", step), step
        if "shell: pwsh" in step:
            for line in step.splitlines():
                native = re.match(r"\s*(& |choco )", line)
                if native:
                    assert "$LASTEXITCODE" in step, line
                    assert "Tee-Object" in line or "Tee-Object" in step, line
            for line in step.splitlines():
                if "Start-Process" in line and ("unins000.exe" in line or "$setup" in line):
                    assert "/LOG=" in line and "-PassThru" in line, line
            if "Start-Process -Wait -PassThru" in step:
                assert "$p.ExitCode -ne 0" in step
    logs = [step for step in workflow_steps() if "name: SXTDBV-Desktop-logs" in step]
    assert len(logs) == 1 and "if: always()" in logs[0]


def test_the_installed_program_is_tested_as_on_an_office_pc() -> None:
    (install,) = [step for step in workflow_steps() if "/VERYSILENT" in step]
    assert install.index("Remove-Item Env:PYTHONUTF8") < install.index("--self-test")
    (bundle,) = [step for step in workflow_steps() if "name: Self-test of the bundle" in step]
    assert "env -u PYTHONUTF8" in bundle
