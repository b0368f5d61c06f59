"""`tools/dev.py test`: quick sizes on every core by default, full sizes with coverage for CI
(`.ci/run` and the Windows workflow); its closing line of timings."""

from __future__ import annotations

from tests import sizes
from tests.test_constraints import ROOT, dev


def test_a_quick_run_uses_every_core_and_a_full_run_measures_coverage() -> None:
    assert dev.pytest_options(False, []) == ["-n", "auto", "--dist", "loadscope"]
    assert dev.pytest_options(False, ["-x", "tests/ui"]) == ["-n", "auto", "--dist", "loadscope"]
    assert dev.pytest_options(True, []) == ["--cov", "--cov-report=term"]


def test_a_run_that_chooses_its_processes_gets_no_workers() -> None:
    for args in (["-n", "0"], ["--numprocesses=3"], ["--pdb"], ["-p", "no:xdist"]):
        assert dev.pytest_options(False, args) == [], args


def test_the_closing_line_gives_each_step_and_the_total() -> None:
    line = dev.timing_line([("ruff", 0.44), ("mypy", 2.5), ("pytest", 81.04)], "rút gọn")
    assert line == "Thời gian (cỡ rút gọn): ruff 0,4 s; mypy 2,5 s; pytest 81,0 s; tổng 84,0 s"


def test_ci_and_the_windows_workflow_run_the_full_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 tools/dev.py test --full" in ci
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "python tools/dev.py test --full " in workflow
    assert "dev.py test " not in workflow.replace("dev.py test --full", "")


def test_the_sizes_follow_the_switch_dev_py_sets() -> None:
    assert sizes.VARIABLE == dev.TEST_SIZE
