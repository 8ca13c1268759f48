using System.Threading.Channels;
using Autoscaler.Ingestion.Parsing;
using NATS.Client.Core;

namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>
/// Republishes rejected messages on <c>{prefix}.rejected</c> from its own bounded queue, so the reader never waits on
/// a publish. The body is the original payload (truncated to the size limit); headers carry the reason:
/// <c>Autoscaler-Reject-Reason</c>, <c>Autoscaler-Reject-Message</c>, <c>Autoscaler-Subject</c>, <c>Autoscaler-Truncated</c>.
/// </summary>
internal sealed class RejectedMessagePublisher
{
    public const string ReasonHeader = "Autoscaler-Reject-Reason";
    public const string MessageHeader = "Autoscaler-Reject-Message";
    public const string SubjectHeader = "Autoscaler-Subject";
    public const string TruncatedHeader = "Autoscaler-Truncated";

    private readonly Channel<(string Subject, byte[] Payload, bool Truncated, TelemetryRejection Rejection)> _queue =
        Channel.CreateBounded<(string, byte[], bool, TelemetryRejection)>(new BoundedChannelOptions(1024) { SingleReader = true });

    private readonly INatsConnection _connection;
    private readonly string _rejectedSubject;
    private readonly int _maxBytes;
    private readonly NatsTelemetryCounters _counters;

    public RejectedMessagePublisher(INatsConnection connection, string prefix, int maxBytes, NatsTelemetryCounters counters)
    {
        _connection = connection;
        _rejectedSubject = $"{prefix}.{TelemetrySubject.RejectedToken}";
        _maxBytes = maxBytes;
        _counters = counters;
    }

    public void Enqueue(string subject, ReadOnlySpan<byte> payload, TelemetryRejection rejection)
    {
        var truncated = payload.Length > _maxBytes;
        var copy = (truncated ? payload[.._maxBytes] : payload).ToArray();
        if (!_queue.Writer.TryWrite((subject, copy, truncated, rejection)))
        {
            _counters.CountRepublishDropped();
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (subject, payload, truncated, rejection) in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                var headers = new NatsHeaders
                {
                    [ReasonHeader] = rejection.Reason.ToString(),
                    [MessageHeader] = HeaderSafe(rejection.Message),
                    [SubjectHeader] = HeaderSafe(subject),
                };
                if (truncated)
                {
                    headers[TruncatedHeader] = "true";
                }

                try
                {
                    await _connection.PublishAsync(_rejectedSubject, payload, headers, cancellationToken: cancellationToken);
                }
                catch (NatsException)
                {
                    // Best effort while NATS is down: the reject is still counted and logged.
                    _counters.CountRepublishDropped();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    // Header values are ASCII on the wire; the message may quote a client's metric name.
    private static string HeaderSafe(string value) =>
        string.Create(Math.Min(value.Length, 512), value, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= ' ' and <= '~' ? c : '?';
            }
        });
}
