"""A bare PySide6 window with six tabs: the yardstick `bench_startup.py` measures the program's
start-up against. Same Qt modules as the program's first window, same probe: it prints
"shown <time>" once the window is shown, then quits.

    QT_QPA_PLATFORM=offscreen python benchmarks/bare_window.py
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

TABS = ("Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Kinh phí", "Báo cáo đơn vị", "Cơ quan")


def _report_shown(app: QApplication) -> None:
    print(f"shown {time.time():.3f}", flush=True)
    app.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    tabs = QTabWidget()
    for title in TABS:
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: _report_shown(app))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
