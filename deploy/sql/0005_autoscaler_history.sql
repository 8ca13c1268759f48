-- Scaling history: every decision and scale event, one row each, partitioned by calendar month (UTC) of "at" so that
-- retention drops whole partitions instead of deleting rows. Partitions are created on demand (and ahead of time by the
-- retention service) through scaling_history_ensure_partition.

-- Ids are unique across all partitions; a partitioned table can only enforce uniqueness together with its partition
-- key, so a small unpartitioned table claims each id. Appending a known id again changes nothing.
CREATE TABLE scaling_history_id
(
    id varchar(200) NOT NULL,
    at timestamptz  NOT NULL,

    CONSTRAINT pk_scaling_history_id PRIMARY KEY (id)
);

CREATE INDEX ix_scaling_history_id_at ON scaling_history_id (at);

CREATE TABLE scaling_history
(
    id            varchar(200) NOT NULL,
    target        varchar(200) NOT NULL,
    at            timestamptz  NOT NULL,
    kind          varchar(32)  NOT NULL,   -- decision | actuated | failed | rolled-back | manual
    from_capacity integer      NOT NULL,
    to_capacity   integer      NOT NULL,
    trigger       text         NOT NULL,
    actor         varchar(200) NOT NULL,   -- policy:NAME | schedule | manual | supervisor
    explanation   text[]       NOT NULL DEFAULT '{}',
    outcome       text         NULL,
    duration_ms   bigint       NULL,
    dry_run       boolean      NOT NULL DEFAULT false,

    CONSTRAINT pk_scaling_history PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

-- The history API reads one target's entries newest first, paging by (at, id).
CREATE INDEX ix_scaling_history_target_at ON scaling_history (target, at DESC, id DESC);

-- Creates the month's partition of p_at if it is missing; returns its name (scaling_history_YYYY_MM).
CREATE FUNCTION scaling_history_ensure_partition(p_at timestamptz) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
    month_start timestamp := date_trunc('month', p_at AT TIME ZONE 'UTC');
    partition   text      := 'scaling_history_' || to_char(month_start, 'YYYY_MM');
BEGIN
    IF to_regclass(partition) IS NULL THEN
        -- Writers of one month race to create its partition; the lock makes the loser find it created.
        PERFORM pg_advisory_xact_lock(hashtext('scaling_history_partitions'));
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF scaling_history FOR VALUES FROM (%L) TO (%L)',
            partition, month_start AT TIME ZONE 'UTC', (month_start + interval '1 month') AT TIME ZONE 'UTC');
    END IF;
    RETURN partition;
END
$fn$;

-- Drops every monthly partition that ends at or before p_cutoff, and the ids of the dropped months.
-- Returns how many entries went with them.
CREATE FUNCTION scaling_history_purge(p_cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $fn$
DECLARE
    child         record;
    month_end     timestamptz;
    dropped_until timestamptz;
    entries       bigint;
    removed       bigint := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('scaling_history_partitions'));
    FOR child IN
        SELECT c.relname
        FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'scaling_history'::regclass AND c.relname ~ '^scaling_history_[0-9]{4}_[0-9]{2}$'
        ORDER BY c.relname
    LOOP
        month_end := (to_date(substr(child.relname, 17), 'YYYY_MM') + interval '1 month') AT TIME ZONE 'UTC';
        IF month_end <= p_cutoff THEN
            EXECUTE format('SELECT count(*) FROM %I', child.relname) INTO entries;
            EXECUTE format('DROP TABLE %I', child.relname);
            removed := removed + entries;
            dropped_until := month_end;
        END IF;
    END LOOP;

    IF dropped_until IS NOT NULL THEN
        DELETE FROM scaling_history_id WHERE at < dropped_until;
    END IF;
    RETURN removed;
END
$fn$;
