-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2.
-- One version row per cluster (DeploymentId = ClusterId): every membership change bumps it, and a writer must name the
-- version it read, which is how Orleans gets optimistic concurrency on the whole table.
CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleans_membership_version PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port, generation). Deleting a cluster's version row removes its silos.
CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150)  NOT NULL,
    Address      varchar(45)   NOT NULL,
    Port         integer       NOT NULL,
    Generation   integer       NOT NULL,
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NOT NULL DEFAULT 0,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamptz   NOT NULL,
    IAmAliveTime timestamptz   NOT NULL,

    CONSTRAINT pk_orleans_membership PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT fk_orleans_membership_version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Statements, by the key the provider asks for. Parameters (@Name) and result column names are the provider's contract.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the cluster's version row once; returns 1 when this call created it, 0 when it already existed.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created;
$q$),

-- Adds a silo row only if the caller saw the current version; the version update is first so that it takes the row
-- lock that serialises all membership writers of the cluster. Returns 1 on success, 0 on a lost race.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable AS v
    SET Version = v.Version + 1, Timestamp = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable AS m
          WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address
            AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING v.DeploymentId
), added AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT b.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped AS b
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM added;
$q$),

-- Changes a silo row only if the caller saw the current version and the row exists. Returns 1 or 0.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable AS v
    SET Version = v.Version + 1, Timestamp = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND EXISTS (
          SELECT 1 FROM OrleansMembershipTable AS m
          WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address
            AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING v.DeploymentId
), changed AS (
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped AS b
    WHERE m.DeploymentId = b.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM changed;
$q$),

-- The liveness heartbeat: deliberately outside the version protocol (Orleans does not bump the version for it).
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$),

-- One silo plus the table version; the outer join returns the version even when the silo has no row yet.
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Every silo of the cluster plus the table version.
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Removes a whole cluster; its silo rows go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),

-- Gateways for clients: silos in the given status (Active) that expose a gateway port.
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$),

-- Forgets silos that stopped heart-beating before the cut-off and are not active.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
