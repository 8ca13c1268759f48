using Autoscaler.Adapters.Nats.Telemetry;

namespace Autoscaler.Adapters.Tests.Nats;

public sealed class TelemetrySubjectTests
{
    [Theory]
    [InlineData("telemetry.mistersmith-worker", TelemetrySubjectKind.Samples, "mistersmith-worker")]
    [InlineData("telemetry.Worker_2", TelemetrySubjectKind.Samples, "Worker_2")]
    [InlineData("telemetry.pool-a.lifecycle", TelemetrySubjectKind.Lifecycle, "pool-a")]
    [InlineData("telemetry.rejected", TelemetrySubjectKind.Rejected, "")]
    [InlineData("telemetry.lifecycle", TelemetrySubjectKind.Samples, "lifecycle")]
    [InlineData("telemetry.rejected.lifecycle", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry.a.b", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry.a.b.lifecycle", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry.", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetryx.a", TelemetrySubjectKind.Invalid, "")]
    [InlineData("other.a", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry.wörker", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry.a b", TelemetrySubjectKind.Invalid, "")]
    [InlineData("telemetry..lifecycle", TelemetrySubjectKind.Invalid, "")]
    public void Subjects_are_classified(string subject, TelemetrySubjectKind kind, string target)
    {
        var actual = TelemetrySubject.Parse(subject, "telemetry", out var parsed);

        Assert.Equal(kind, actual);
        Assert.Equal(target, parsed.ToString());
    }

    [Fact]
    public void Multi_token_prefix_works()
    {
        Assert.Equal(TelemetrySubjectKind.Samples, TelemetrySubject.Parse("prod.telemetry.api", "prod.telemetry", out var target));
        Assert.Equal("api", target.ToString());
    }
}
