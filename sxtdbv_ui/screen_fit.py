"""Windows that fit the screen they open on: office PCs have 1366×768 or 1280×720 screens, with
the taskbar taking 40 pixels, and a window whose buttons fall below the edge looks broken."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QWidget

FRAME = QSize(16, 40)
"""What a window's frame adds around it (Windows 10/11: borders and the title bar)."""

SMALL_SCREENS = (QSize(1366, 768), QSize(1280, 720))
"""The screens every window must fit, taskbar (40 px) included."""


def free_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary one) not taken by the taskbar."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(width: int, height: int, area: QRect) -> QSize:
    """`width`×`height`, or less so that the window and its frame stay inside `area`."""
    return QSize(
        min(width, area.width() - FRAME.width()), min(height, area.height() - FRAME.height())
    )


def fit_to_screen(widget: QWidget, width: int, height: int, area: QRect | None = None) -> QSize:
    """Give `widget` the size `width`×`height`, shrunk to fit its screen (or `area`)."""
    size = fitted_size(width, height, area or free_area(widget))
    widget.resize(size)
    return size


def compact(combo: QComboBox, characters: int = 40) -> QComboBox:
    """Keep a picker of long names (agencies, task groups) from widening its window: it is as
    wide as `characters`, and its list opens as wide as its items."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
