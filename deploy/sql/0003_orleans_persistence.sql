-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.2, which stores the serialized state as bytes only.
-- A grain is identified by (service, grain type, grain id); the two hashes are what Orleans computes and lead the
-- index. Version is the ETag: every write must name the version it read.
CREATE TABLE OrleansStorage
(
    ServiceId              varchar(150) NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL,

    -- NULLS NOT DISTINCT (PostgreSQL 15+): a grain without key extension is still one row, so two activations racing
    -- to create the first state cannot both succeed.
    CONSTRAINT uq_orleans_storage_grain UNIQUE NULLS NOT DISTINCT
        (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Reads the state; no row means "never written".
('ReadFromStorageKey', $q$
SELECT PayloadBinary, ModifiedOn, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- Writes the state. With a version: update only if it is still current. Without one: create the first row (the unique
-- constraint turns a concurrent creation into a no-op). Returns the new version, or NULL when the write lost, which
-- Orleans reports as an InconsistentStateException.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL
      AND ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
), created AS (
    INSERT INTO OrleansStorage
        (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString,
         PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeString, @GrainIdExtensionString,
           @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM created LIMIT 1) AS NewGrainStateVersion;
$q$),

-- Clears the state but keeps the row and its version sequence; returns the new version.
('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
$q$),

-- Removes the row (DeleteStateOnClear = true). Orleans treats a returned value equal to the ETag it sent as a conflict,
-- so success returns the version the row would have had next.
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
