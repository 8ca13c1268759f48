using Autoscaler.Ingestion.Monitoring;
using Autoscaler.Ingestion.Parsing;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// What both NATS transports (core and JetStream) do with a rejected message: count it by reason, republish it on
/// <c>{prefix}.rejected</c> when asked to, and log it at a sampled rate.
/// </summary>
internal sealed partial class TelemetryRejections
{
    private static readonly int ReasonCount = Enum.GetValues<TelemetryRejectionReason>().Length;
    private readonly NatsTelemetryOptions _options;
    private readonly TelemetryIngestionCounters _counters;
    private readonly LogSampler _log;
    private readonly ILogger _logger;

    public TelemetryRejections(NatsTelemetryOptions options, TelemetryIngestionCounters counters, TimeProvider clock, TimeSpan logInterval, ILogger logger)
    {
        _options = options;
        _counters = counters;
        _log = new LogSampler(clock, logInterval, ReasonCount);
        _logger = logger;
    }

    /// <summary>The rejection of a subject that is not <c>{prefix}.{target}</c> or <c>{prefix}.{target}.lifecycle</c>.</summary>
    public TelemetryRejection InvalidSubject => new(TelemetryRejectionReason.InvalidSubject,
        $"subject must be {_options.Prefix}.{{target}} or {_options.Prefix}.{{target}}.lifecycle with a target of letters, digits, '-' or '_'");

    public void Reject(string subject, ReadOnlySpan<byte> payload, TelemetryRejection rejection, RejectedMessagePublisher publisher)
    {
        _counters.Rejected(rejection);
        if (_options.RepublishRejected)
        {
            publisher.Enqueue(subject, payload, rejection);
        }

        if (_log.ShouldLog((int)rejection.Reason, out var suppressed))
        {
            LogRejected(_logger, subject, rejection.Reason, rejection.Message, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Rejected telemetry on {Subject}: {Reason}: {Detail} ({Suppressed} similar rejections not logged)")]
    private static partial void LogRejected(ILogger logger, string subject, TelemetryRejectionReason reason, string detail, long suppressed);
}
