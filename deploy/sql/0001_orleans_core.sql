-- Orleans ADO.NET providers (Microsoft.Orleans.*.AdoNet 10.4.2) do not ship SQL: they read the statement for each
-- operation from this table by key at start-up. Later scripts add their keys here; a key may be replaced by a newer
-- script (ON CONFLICT ... DO UPDATE), which is how a query is fixed without touching the tables.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT pk_orleans_query PRIMARY KEY (QueryKey)
);
