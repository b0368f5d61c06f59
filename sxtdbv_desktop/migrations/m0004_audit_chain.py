# ruff: noqa: E501
"""Migration 0004: the audit log chained by hash, and accepted reports that cannot be deleted.

Each audit row gets a link in `audit_chain`: the SHA-256 of the previous link and the row's
fields (`audit.chain_hash`, the SQL function `sxtdbv_audit_hash`), written by a trigger as the
row is logged; the rows logged before this migration are linked here, oldest first. A row
changed or deleted in the middle of the log, outside the program, then breaks the chain
(`audit.chain_break`). The chain is append-only like the log. A report that was accepted can
no longer be deleted, not even by deleting its agency (a cascade), until it is reopened.

Frozen: the SQL below is exactly what this migration executes. Never edit it once shipped.
"""

STATEMENTS = (
    """CREATE TABLE audit_chain (
    log_id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL
) STRICT""",
    """INSERT INTO audit_chain (log_id, hash)
WITH RECURSIVE link(log_id, hash) AS (
  SELECT id, sxtdbv_audit_hash(NULL, id, at, os_user, user_name, action, entity, entity_key, field, old_value, new_value)
  FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)
  UNION ALL
  SELECT l.id, sxtdbv_audit_hash(link.hash, l.id, l.at, l.os_user, l.user_name, l.action, l.entity, l.entity_key, l.field, l.old_value, l.new_value)
  FROM link JOIN audit_log l ON l.id = (SELECT min(id) FROM audit_log WHERE id > link.log_id)
)
SELECT log_id, hash FROM link""",
    "CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN INSERT OR REPLACE INTO audit_chain (log_id, hash) VALUES (NEW.id, sxtdbv_audit_hash((SELECT hash FROM audit_chain ORDER BY log_id DESC LIMIT 1), NEW.id, NEW.at, NEW.os_user, NEW.user_name, NEW.action, NEW.entity, NEW.entity_key, NEW.field, NEW.old_value, NEW.new_value)); END",
    "CREATE TRIGGER guard_audit_chain_update BEFORE UPDATE ON audit_chain WHEN 1 BEGIN SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm: không được sửa hay xóa.'); END",
    "CREATE TRIGGER guard_audit_chain_delete BEFORE DELETE ON audit_chain WHEN 1 BEGIN SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm: không được sửa hay xóa.'); END",
    "CREATE TRIGGER guard_audit_chain_insert BEFORE INSERT ON audit_chain WHEN NEW.log_id IS NOT (SELECT max(id) FROM audit_log) BEGIN SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm: không được sửa hay xóa.'); END",
    "CREATE TRIGGER guard_reports_delete_accepted BEFORE DELETE ON reports WHEN OLD.status = 'accepted' BEGIN SELECT RAISE(ABORT, 'Báo cáo đã được chấp nhận nên không thể xóa, kể cả khi xóa cơ quan của báo cáo. Muốn xóa, hãy mở lại báo cáo trước (thao tác này được ghi vào nhật ký).'); END",
)
