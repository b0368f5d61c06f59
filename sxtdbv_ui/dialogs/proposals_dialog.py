"""Reviewing the proposed assignments: each task and indicator with the agencies proposed from
the plan's text and the wording each rests on; confirm them all, the selected one, or change it.

The plan's own appendix assigned the work and is not in the program's copy: the proposals count
for the forms at once; confirming them says the Sở has checked them (it is logged).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sxtdbv_desktop import proposals
from sxtdbv_desktop.proposals import Proposal
from sxtdbv_ui import msgbox, texts
from sxtdbv_ui.assignments import pick_indicator_reporters, pick_task_agencies
from sxtdbv_ui.models.proposals import ProposalModel
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.texts import html
from sxtdbv_ui.widgets.table_panel import TablePanel
from sxtdbv_ui.workspace import INDICATORS, TASKS, Workspace

INTRO = (
    "Mục V của Kế hoạch ghi «Chi tiết theo Phụ lục đính kèm», nhưng phụ lục phân công không có "
    "trong bản Kế hoạch của phần mềm. Các phân công dưới đây được đề xuất từ nội dung mục V và "
    "lời văn của từng nhiệm vụ, chỉ tiêu, kèm căn cứ. Đề xuất đã được dùng để tạo biểu mẫu; "
    "hãy đối chiếu với phụ lục, rồi xác nhận hoặc sửa."
)


class ProposalsDialog(QDialog):
    def __init__(self, session: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(texts.PROPOSALS)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.model = ProposalModel(session)
        self.model.load()
        self.panel = TablePanel(self.model, "Tìm nhiệm vụ, chỉ tiêu, cơ quan… (Ctrl+F)")
        self.panel.set_empty_text(proposals.NONE_PENDING)
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.evidence.setStyleSheet("color: #3c4043;")
        self.confirm_all = QPushButton("Xác nhận &tất cả")
        self.confirm_one = QPushButton("&Xác nhận mục đã chọn")
        self.change_one = QPushButton("&Sửa phân công…")
        self.confirm_all.clicked.connect(self._confirm_all)
        self.confirm_one.clicked.connect(self._confirm_selected)
        self.change_one.clicked.connect(self._change_selected)
        buttons = QHBoxLayout()
        for button in (self.confirm_all, self.confirm_one, self.change_one):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(texts.CLOSE)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.evidence)
        layout.addLayout(buttons)
        self.panel.view.selectionModel().currentRowChanged.connect(self._show_evidence)
        self.session.data_changed.connect(self._refresh)
        self.session.read_only_changed.connect(self._enable)
        self._show_evidence()
        self._enable()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 150, metrics.height() * 30)

    def _refresh(self, entities: frozenset[str]) -> None:
        if entities & self.model.entities:
            self.model.load()
            self._show_evidence()
            self._enable()

    def _enable(self) -> None:
        writable = not self.session.read_only
        has_rows = self.model.rowCount() > 0
        self.confirm_all.setEnabled(writable and has_rows)
        self.confirm_one.setEnabled(writable and has_rows)
        self.change_one.setEnabled(writable and has_rows)

    def _selected(self) -> Proposal | None:
        row = self.panel.current_row()
        return row if isinstance(row, Proposal) else None

    def _show_evidence(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self.evidence.setText("Chọn một dòng để xem đầy đủ căn cứ của đề xuất.")
            return
        lines = "<br>".join(html(str(b)) for b in chosen.bases)
        self.evidence.setText(f"<b>{html(chosen.reference)}</b> {html(chosen.text)}<br>{lines}")

    def _confirm_all(self) -> None:
        count = self.model.rowCount()
        question = (
            f"Xác nhận toàn bộ {count} mục phân công đề xuất?\n\nSau khi xác nhận, các phân "
            "công này là quyết định của Sở (được ghi vào nhật ký); vẫn sửa được ở thẻ Nhiệm vụ "
            "và thẻ Chỉ tiêu."
        )
        if not msgbox.ask(self, "Xác nhận đề xuất", question, yes="Xác nhận"):
            return
        db, plan_id = self.session.db, self.session.plan_id
        if not self.session.change(
            "Xác nhận phân công đề xuất", lambda: proposals.confirm(db, plan_id), TASKS, INDICATORS
        ):
            msgbox.warn(self, "Không xác nhận được", self.session.last_error)  # fmt: skip

    def _confirm_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        db, plan_id = self.session.db, self.session.plan_id
        text = f"Xác nhận phân công {chosen.reference}"
        if not self.session.change(
            text, lambda: proposals.confirm(db, plan_id, [chosen]), TASKS, INDICATORS
        ):
            msgbox.warn(self, "Không xác nhận được", self.session.last_error)

    def _change_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if chosen.kind == proposals.TASK:
            pick_task_agencies(self, self.session, chosen.item_id)
        else:
            pick_indicator_reporters(self, self.session, chosen.item_id)
