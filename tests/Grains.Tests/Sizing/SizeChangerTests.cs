using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Sizing;
using Autoscaler.Grains.Sizing.State;
using Autoscaler.Grains.Tests.Services.Decisions;
using Autoscaler.Ports.Actuation;
using Autoscaler.Ports.Decisions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Grains.Tests.Sizing;

/// <summary>A size change without a cluster: write-ahead before the platform call, outcomes, audit and the resume after a crash.</summary>
public sealed class SizeChangerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly TargetSizeState _state = new();
    private readonly List<string> _journal = [];
    private readonly ProtocolHarness.RecordingHistory _history = new();
    private readonly ProtocolHarness.RecordingEvents _events = new();
    private readonly Hub _hub = new();
    private readonly Resizer _resizer;

    public SizeChangerTests() => _resizer = new Resizer(_journal, _state);

    [Fact]
    public async Task An_applied_change_is_written_ahead_then_asked_then_recorded_audited_and_published()
    {
        var result = await Changer().ChangeAsync(Request(1, 2), Definition("simulated"), 4);

        Assert.Equal(SizeChangeOutcome.Applied, result.Outcome);
        Assert.Equal(("write pending web-size-1", "resize web-size-1 1/2"), (_journal[0], _journal[1]));
        Assert.Equal(new TargetSizeView(1, 2, "applied", _clock.GetUtcNow(), "user:ops"), result.Size);
        Assert.Equal("rev-1", result.Revision);
        Assert.Null(_state.Pending);
        var row = Assert.Single(_history.Entries);
        Assert.Equal((DecisionKind.Resized, 4, 4, "succeeded", "user:ops"), (row.Kind, row.From, row.To, row.Outcome, row.Actor));
        Assert.Contains("0.5 vCPU / 1 GiB (configured) → 1 vCPU / 2 GiB", row.Explanation[0], StringComparison.Ordinal);
        Assert.Equal("right-size", row.Explanation[1]);
        Assert.Equal(row, Assert.Single(_events.Published));
        Assert.Equal(row, Assert.Single(_hub.Published));
        Assert.Empty(_state.Outbox);
    }

    [Fact]
    public async Task A_failure_keeps_the_previous_size_and_is_audited_as_failed()
    {
        _resizer.Answer = ResizeResult.Failure(ScaleTargetErrorKind.Invalid, "ClientException: no Fargate configuration");

        var result = await Changer().ChangeAsync(Request(1, 2), Definition("simulated"), 4);

        Assert.Equal(SizeChangeOutcome.Failed, result.Outcome);
        Assert.Equal(new TargetSizeView(0.5, 1, "configured"), result.Size);
        Assert.Null(_state.Applied);
        Assert.Equal("failed", Assert.Single(_history.Entries).Outcome);
    }

    [Fact]
    public async Task A_dry_run_explains_without_calling_and_is_audited_as_a_dry_run()
    {
        var result = await Changer().ChangeAsync(Request(1, 2) with { DryRun = true }, Definition("simulated"), 4);

        Assert.Equal(SizeChangeOutcome.DryRun, result.Outcome);
        Assert.Contains("would ask the Simulated actuator", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_journal, j => j.StartsWith("resize", StringComparison.Ordinal));
        Assert.True(Assert.Single(_history.Entries).DryRun);
        Assert.Equal("configured", result.Size.Source);
    }

    [Theory]
    [InlineData(0, 2, "right-size", "vcpu")]
    [InlineData(double.NaN, 2, "right-size", "vcpu")]
    [InlineData(1, -1, "right-size", "memoryGiB")]
    [InlineData(1, 2, " ", "reason")]
    [InlineData(0.25, 3, "right-size", "memoryGiB")] // the settings' platform check
    public async Task Invalid_requests_name_the_field_and_change_nothing(double vcpu, double memory, string reason, string field)
    {
        var result = await Changer().ChangeAsync(Request(vcpu, memory) with { Reason = reason }, Definition("simulated"), 4);

        Assert.Equal(SizeChangeOutcome.Invalid, result.Outcome);
        Assert.StartsWith(field + ": ", result.Message, StringComparison.Ordinal);
        Assert.Empty(_journal);
        Assert.Empty(_history.Entries);
    }

    [Fact]
    public async Task An_unregistered_target_is_invalid_and_an_actuator_without_resize_is_not_supported()
    {
        var unregistered = await Changer().ChangeAsync(Request(1, 2), null, 0);
        var aurora = await Changer().ChangeAsync(Request(1, 2), Definition("aurora"), 4);

        Assert.Equal(SizeChangeOutcome.Invalid, unregistered.Outcome);
        Assert.Equal(SizeChangeOutcome.NotSupported, aurora.Outcome);
        Assert.Contains("Aurora actuator cannot change sizes", aurora.Message, StringComparison.Ordinal);
        Assert.Equal("not-actuated", Assert.Single(_history.Entries).Outcome);
    }

    [Fact]
    public async Task An_intent_left_by_a_crash_is_asked_again_with_the_same_request_id_before_anything_else()
    {
        _state.Sequence = 3;
        _state.Pending = new ResizeIntent("web-size-3", 2, 4, "user:ops", "right-size", _clock.GetUtcNow().AddMinutes(-2), 4);

        await Changer().ResolvePendingAsync(Definition("simulated"));

        Assert.Equal("resize web-size-3 2/4", _journal[0]);
        Assert.Null(_state.Pending);
        Assert.Equal((2.0, 4.0), (_state.Applied!.Vcpu, _state.Applied.MemoryGiB));
        var row = Assert.Single(_history.Entries);
        Assert.Equal("web-size-3", row.Id);
        Assert.Contains("asked again after a restart", row.Explanation[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_rows_wait_in_state_while_the_history_store_fails_and_are_stored_at_the_next_call()
    {
        _history.Failing = new IOException("history down");
        await Changer().ChangeAsync(Request(1, 2), Definition("simulated"), 4);
        Assert.Single(_state.Outbox);

        _history.Failing = null;
        await Changer().ChangeAsync(Request(2, 4), Definition("simulated"), 4);

        Assert.Empty(_state.Outbox);
        Assert.Equal(["web-size-1", "web-size-2"], _history.Entries.Select(e => e.Id));
    }

    private static SizeChangeRequest Request(double vcpu, double memoryGiB) => new(vcpu, memoryGiB, "user:ops", "right-size");

    private static TargetDefinition Definition(string kind) =>
        new("web", 1, 10, 2, new ActuatorBinding(kind, new Dictionary<string, string>()), 0.05m);

    private SizeChanger Changer() => new("web", _state, () =>
        {
            _journal.Add(_state.Pending is { } p ? $"write pending {p.RequestId}" : "write");
            return Task.CompletedTask;
        },
        new Factory(_resizer), new FargateSettings(), _history, _events, _hub, _clock, NullLogger.Instance);

    private sealed class Resizer(List<string> journal, TargetSizeState state) : IScaleTargetClient, IResizeTarget
    {
        public ResizeResult? Answer { get; set; }

        public ActuatorKind Kind => ActuatorKind.Simulated;

        public Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default)
        {
            Assert.NotNull(state.Pending); // the intent is durable before the platform hears of it
            journal.Add($"resize {request.RequestId} {request.Vcpu}/{request.MemoryGiB}");
            return Task.FromResult(Answer ?? ResizeResult.Applied("rev-1", "done"));
        }

        public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ScaleTargetResult> SetDesiredCapacityAsync(ScaleTargetRef binding, DesiredCapacityRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private sealed class Plain : IScaleTargetClient
    {
        public ActuatorKind Kind => ActuatorKind.Aurora;

        public Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ScaleTargetResult> SetDesiredCapacityAsync(ScaleTargetRef binding, DesiredCapacityRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private sealed class Factory(Resizer resizer) : IScaleTargetClientFactory
    {
        public IReadOnlyCollection<ActuatorKind> SupportedKinds => [ActuatorKind.Simulated, ActuatorKind.Aurora];

        public IScaleTargetClient GetClient(ScaleTargetRef binding) => binding.Kind == ActuatorKind.Aurora ? new Plain() : resizer;
    }

    private sealed class Hub : IDecisionFanout
    {
        public List<DecisionRecord> Published { get; } = [];

        public void PublishToHub(DecisionRecord record) => Published.Add(record);

        public void RecordVote(string target, string policy, PolicyVote vote)
        {
        }
    }

    // Configured 0.5 vCPU / 1 GiB; refuses 0.25 vCPU with 3 GiB as Fargate does.
    private sealed class FargateSettings : ITargetSizeSettings
    {
        public (double Vcpu, double MemoryGiB)? Configured(string targetId) => (0.5, 1);

        public (string Field, string Message)? Problem(string targetId, ActuatorKind kind, double vcpu, double memoryGiB) =>
            vcpu == 0.25 && memoryGiB > 2 ? ("memoryGiB", "3 GiB is not valid with 0.25 vCPU on Fargate") : null;
    }
}
