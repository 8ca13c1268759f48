using System.Collections.Concurrent;
using Autoscaler.Ports.Alarms;

namespace Autoscaler.Grains.Tests.Infrastructure;

/// <summary>The grain tests' notifier: records every request; a URL containing "fail" fails, a routed request reaches
/// one channel per severity (<c>oncall-critical</c>, ...).</summary>
public sealed class RecordingNotifier : IAlarmNotifier
{
    private readonly ConcurrentQueue<NotificationRequest> _sent = new();

    public IReadOnlyList<NotificationRequest> Sent(string alarm) => [.. _sent.Where(r => r.Record.Alarm == alarm)];

    public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        _sent.Enqueue(request);
        var destination = request.Url ?? request.Subject ?? request.Channel ?? $"oncall-{request.Record.Severity}";
        IReadOnlyList<NotificationOutcome> outcome = [new(destination, !destination.Contains("fail", StringComparison.Ordinal), "HTTP 500")];
        return Task.FromResult(outcome);
    }
}
