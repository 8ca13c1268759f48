using Autoscaler.Ingestion;
using Autoscaler.Ingestion.Dispatch;
using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Autoscaler.Silo.ControlPlane;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Api.Routes;

/// <summary>What a telemetry route is given: the target from the route, the request, and the ingestion services shared
/// with NATS.</summary>
internal readonly record struct TelemetryCall(
    string Target,
    HttpRequest Request,
    ObjectPool<TelemetryPayloadParser> Parsers,
    TelemetryDispatcher Dispatcher,
    TelemetryIngestionCounters Counters,
    TargetCatalog Catalog,
    IOptions<TelemetryIngestionOptions> Options,
    TimeProvider Clock,
    CancellationToken Cancellation);
