-- Alarm history: every state change and every action of every alarm, as CloudWatch's alarm history keeps them, for at
-- least 14 days (PostgreSql:AlarmHistoryRetentionDays). Alarms record changes, not evaluations, so the volume is small next to
-- scaling_history: one table, keyset paging by (alarm, at, id), retention by deleting what is older than the window.

CREATE TABLE alarm_history
(
    id         varchar(300) NOT NULL,
    alarm      varchar(128) NOT NULL,
    target     varchar(128) NULL,
    at         timestamptz  NOT NULL,
    kind       varchar(16)  NOT NULL,   -- state | action
    severity   varchar(16)  NOT NULL,   -- critical | warning | info
    from_state varchar(32)  NOT NULL,   -- OK | ALARM | INSUFFICIENT_DATA
    to_state   varchar(32)  NOT NULL,
    reason     text         NOT NULL,
    action     text         NULL,       -- for kind = action: what ran (notify ..., scale ..., restart ...)
    outcome    text         NULL,       -- for kind = action: succeeded | failed: ... | cooldown: ... | muted: ... | dry-run: ...

    CONSTRAINT pk_alarm_history PRIMARY KEY (id)
);

-- The history API reads one alarm's entries newest first, paging by (at, id); retention deletes by time.
CREATE INDEX ix_alarm_history_alarm_at ON alarm_history (alarm, at DESC, id DESC);
CREATE INDEX ix_alarm_history_at ON alarm_history (at);
