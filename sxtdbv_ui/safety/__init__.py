"""The window's side of keeping data safe: first start, damaged files, backups and restores,
the read-only explanation, the audit log viewer, and the crash handler.

Each piece is a standalone module with plain entry points; `startup` strings them together
for `sxtdbv_ui.app`:

- `startup.install_error_handling(app)`: rotating log, fault log, crash dialog.
- `startup.open_for_window(path)`: open with integrity check, automatic backup and writer lock;
  a damaged file gets the restore offer; a new file gets the first-start dialog.
- `read_only.SessionBanner(session)`: the read-only reason and warnings above the tabs.
- `startup.start_heartbeat(session, parent)`: keeps the writer lock fresh.
- Tệp menu: `backup_actions.backup_now`, `backup_actions.restore_backup`,
  `audit_viewer.show_audit_log`, `user_name.change_user_name`.
"""
