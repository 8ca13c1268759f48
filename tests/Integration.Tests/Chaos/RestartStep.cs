using System.Net;

namespace Autoscaler.Integration.Tests.Chaos;

/// <summary>How one silo's graceful stop went: how long it took, whether its event stream ended, its output, what the
/// staying silo's API answered meanwhile, and the SDK calls made through it (with any that failed).</summary>
internal sealed record RestartStep(
    TimeSpan Stopped,
    bool StreamEnded,
    string Output,
    List<(HttpStatusCode Status, bool RetryAfter)> Statuses,
    int SdkCalls,
    List<string> SdkFailures);
