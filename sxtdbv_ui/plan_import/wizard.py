"""The review of a plan read from a document, before anything is saved: the document's text
on the left, the draft on the right in three steps (what the plan is; its indicators; the
points to check), then "Lưu kế hoạch" saves it as a new plan of the data file."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard
from sqlite_utils import Database

from sxtdbv_desktop.plan_import.draft import Draft
from sxtdbv_desktop.plan_import.saving import (
    previous_indicators,
    previous_plan,
    propose_previous,
    save_draft,
)
from sxtdbv_ui import texts
from sxtdbv_ui.plan_import.flags_page import FlagsPage
from sxtdbv_ui.plan_import.header_page import HeaderPage
from sxtdbv_ui.plan_import.indicators_page import IndicatorsPage
from sxtdbv_ui.plan_import.source_view import SourceView
from sxtdbv_ui.screen_fit import fit_to_screen
from sxtdbv_ui.workspace import PLAN, Workspace

_BUTTONS = {
    QWizard.WizardButton.BackButton: "< Quay lại",
    QWizard.WizardButton.NextButton: "Tiếp >",
    QWizard.WizardButton.FinishButton: "Lưu kế hoạch",
    QWizard.WizardButton.CancelButton: texts.CANCEL,
}


class ReviewWizard(QWizard):
    """Review `draft` against its document; `new_plan_id` is set once it is saved."""

    def __init__(self, session: Workspace, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft = draft
        self.new_plan_id: int | None = None
        self.setWindowTitle(f"Nhập kế hoạch từ văn bản — {draft.source_name}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        for button, text in _BUTTONS.items():
            self.setButtonText(button, text)
        db: Database = session.db
        earlier = previous_plan(db, draft)
        propose_previous(db, draft)
        self.source = SourceView(draft.source_name, draft.source_text)
        self.source.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.setSideWidget(self.source)
        self.header_page = HeaderPage(draft, self.source)
        self.indicators_page = IndicatorsPage(
            draft, self.source, previous_indicators(db, draft), earlier.year if earlier else None
        )
        self.flags_page = FlagsPage(draft, self.source)
        for page in (self.header_page, self.indicators_page, self.flags_page):
            self.addPage(page)
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 210, 720)

    def accept(self) -> None:
        """Save the reviewed plan; on a refusal the wizard stays open with the reason."""
        created: list[int] = []
        accept_rest = self.flags_page.accept_rest.isChecked()
        saved = self.session.change(
            f"Nhập kế hoạch từ {self.draft.source_name}",
            lambda: created.append(
                save_draft(self.session.db, self.draft, accept_flagged=accept_rest)
            ),
            PLAN,
        )
        if saved and created:
            self.new_plan_id = created[0]
            super().accept()
