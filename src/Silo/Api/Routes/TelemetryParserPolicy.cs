using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Parsing;
using Microsoft.Extensions.ObjectPool;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>Pools telemetry parsers: a parser is not thread-safe, and its name cache pays off when reused.</summary>
internal sealed class TelemetryParserPolicy(TelemetryIngestionOptions options) : PooledObjectPolicy<TelemetryPayloadParser>
{
    public override TelemetryPayloadParser Create() => new(options);

    public override bool Return(TelemetryPayloadParser obj) => true;
}
