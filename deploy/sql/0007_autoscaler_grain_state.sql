-- Grain state of the autoscaler's own storage provider (PostgreSqlGrainStorage), which reads and writes many grains in
-- one statement. A grain's state is identified by (service, state name, grain id); version is the ETag: a write names
-- the version it read (or none, to create the row) and succeeds only if that is still the stored one. A cleared state
-- keeps its row (payload NULL) so its version sequence, and the ETag check, carry on.
-- States written by the previous provider stay in OrleansStorage: the provider reads a state missing here from there
-- once and copies it in with its version (docs/storage.md, "Upgrading").
CREATE TABLE autoscaler_grain_state
(
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_id    text        NOT NULL,
    payload     bytea       NULL,
    version     integer     NOT NULL,
    modified_on timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_id)
);
