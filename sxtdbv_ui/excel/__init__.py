"""The Excel features of the window, as plain functions the main window wires to its menus:

* `open_forms_dialog(parent, db, plan_id)` — Báo cáo → Tạo biểu mẫu;
* `import_files(parent, db, plan_id, paths=None)` — Báo cáo → Nhập báo cáo từ Excel, and files
  dropped on the window (`dropped_paths(mime)` picks the Excel files of a drag);
* `export_table(parent, db, plan_id, table, agency_id=None)` — Xuất Excel of a table.
"""

from sxtdbv_ui.excel.export_action import export_table
from sxtdbv_ui.excel.forms_dialog import FormsDialog, open_forms_dialog
from sxtdbv_ui.excel.import_flow import dropped_paths, import_files

__all__ = ["FormsDialog", "dropped_paths", "export_table", "import_files", "open_forms_dialog"]
