-- Run on a server that steppe-pg-recover recovered, once steppe runs on it
-- (docs/postgresql-recovery.md, "After the switch"):
--   sudo -u postgres psql -p 5433 -v ON_ERROR_STOP=1 -f deploy/postgresql/after-recovery.sql
-- then restart the server (systemctl restart postgresql@15-recovered).
-- It removes the recovery's settings from postgresql.auto.conf: archive_mode = off gives way to
-- the archiving configured in postgresql.conf/conf.d, and no old target is left for a later backup
-- of this server to carry. Each statement runs on its own (ALTER SYSTEM takes no transaction).
ALTER SYSTEM RESET restore_command;
ALTER SYSTEM RESET recovery_target;
ALTER SYSTEM RESET recovery_target_lsn;
ALTER SYSTEM RESET recovery_target_xid;
ALTER SYSTEM RESET recovery_target_time;
ALTER SYSTEM RESET recovery_target_name;
ALTER SYSTEM RESET recovery_target_action;
ALTER SYSTEM RESET archive_mode;
