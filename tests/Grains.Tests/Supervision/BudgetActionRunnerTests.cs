using Autoscaler.Grains.Interfaces;
using Autoscaler.Grains.Services.Reporting;
using Autoscaler.Grains.Supervision;
using Autoscaler.Grains.Supervision.Budget;
using Autoscaler.Grains.Tests.Infrastructure;
using Autoscaler.Grains.Tests.Services.Decisions;
using Autoscaler.Ports.Decisions;
using Autoscaler.Scaling.Supervision.Budget;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Grains.Tests.Supervision;

/// <summary>Budget actions without a cluster: thresholds fire once a period, maxes are lowered and restored through the
/// targets, everything is audited, and what fails waits in the state for the next check.</summary>
public sealed class BudgetActionRunnerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly SupervisorState _state = new();
    private readonly Limits _limits = new();
    private readonly ProtocolHarness.RecordingHistory _history = new();
    private readonly ProtocolHarness.RecordingEvents _events = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly List<int> _pendingAtCommit = [];

    public BudgetActionRunnerTests()
    {
        _state.Settings = SupervisorSettings.Default with
        {
            Limits = new SupervisorLimits(MonthlyBudget: 1000m, BudgetActions: [new(80, "notify"), new(95, "reduceMaxCapacity", 2)]),
        };
        _limits.Bounds["web"] = (1, 10);
        _limits.Bounds["worker"] = (2, 3);
        Forecast(500m);
    }

    [Fact]
    public async Task Below_every_threshold_nothing_happens()
    {
        Assert.Equal(0, await Runner().RunAsync(_clock.GetUtcNow()));

        Assert.Empty(_history.Entries);
        Assert.Empty(_notifier.Sent("budget-default"));
        Assert.Empty(_state.Budget.Fired);
    }

    [Fact]
    public async Task A_notify_threshold_fires_once_a_period_through_the_channels_and_is_audited_per_target()
    {
        Forecast(850m);
        var runner = Runner();

        await runner.RunAsync(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(5));
        await runner.RunAsync(_clock.GetUtcNow());

        var sent = Assert.Single(_notifier.Sent("budget-default"));
        Assert.Equal("warning", sent.Record.Severity);
        Assert.Contains("budget 80 % of 1000.00 reached", sent.Record.Reason, StringComparison.Ordinal);
        Assert.Equal(["web", "worker"], _history.Entries.Select(e => e.Target));
        Assert.All(_history.Entries, e => Assert.Equal((DecisionKind.Budget, "supervisor:default"), (e.Kind, e.Actor)));
        Assert.Equal(_history.Entries, _events.Published);
        Assert.Empty(_limits.Sets);
    }

    [Fact]
    public async Task A_reduce_threshold_lowers_each_max_by_its_step_never_below_min_and_the_next_period_restores_them()
    {
        Forecast(960m);
        var runner = Runner();

        await runner.RunAsync(_clock.GetUtcNow());
        await runner.RunAsync(_clock.GetUtcNow()); // same period: nothing again

        Assert.Equal([("web", 8), ("worker", 2)], _limits.Sets);
        Assert.Equal((8, 2), (_limits.Bounds["web"].Max, _limits.Bounds["worker"].Max));
        Assert.Equal(new Dictionary<string, int> { ["web"] = 10, ["worker"] = 3 }, _state.Budget.OriginalMax);
        var lowered = _history.Entries.Single(e => e.Target == "web" && e.Explanation[0].Contains("→ 8", StringComparison.Ordinal));
        Assert.Contains("budget 95 % reached", lowered.Explanation[0], StringComparison.Ordinal);
        Assert.Contains("max capacity 10 → 8", lowered.Explanation[0], StringComparison.Ordinal);
        Assert.Equal(2, _notifier.Sent("budget-default").Count); // the 80 % notice and the 95 % reduction

        Forecast(100m); // a new month starts with little spend
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 0, 1, 0, TimeSpan.Zero));
        await runner.RunAsync(_clock.GetUtcNow());

        Assert.Equal((10, 3), (_limits.Bounds["web"].Max, _limits.Bounds["worker"].Max));
        Assert.Empty(_state.Budget.OriginalMax);
        Assert.Empty(_state.Budget.Fired);
        Assert.Contains(_history.Entries, e => e.Target == "web" && e.Explanation[0].Contains("max capacity restored to 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Steps_are_written_to_the_state_before_they_are_carried_out()
    {
        Forecast(960m);

        await Runner().RunAsync(_clock.GetUtcNow());

        Assert.True(_pendingAtCommit[0] > 0);
        Assert.Equal(0, _pendingAtCommit[^1]);
    }

    [Fact]
    public async Task A_target_that_fails_is_retried_at_the_next_check_and_not_lowered_twice()
    {
        Forecast(960m);
        _limits.FailingSet.Add("worker");
        var runner = Runner();

        Assert.Equal(1, await runner.RunAsync(_clock.GetUtcNow()));
        Assert.Equal([("web", 8)], _limits.Sets);
        Assert.DoesNotContain(_history.Entries, e => e.Target == "worker" && e.Explanation[0].Contains("max capacity", StringComparison.Ordinal));

        _limits.FailingSet.Clear();
        _clock.Advance(BudgetActionRunner.CheckInterval);
        Assert.Equal(0, await runner.RunAsync(_clock.GetUtcNow()));

        Assert.Equal([("web", 8), ("worker", 2)], _limits.Sets);
        Assert.Single(_history.Entries, e => e.Target == "worker" && e.Explanation[0].Contains("max capacity 3 → 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_that_cannot_be_read_delays_the_whole_check_without_forgetting_it()
    {
        Forecast(960m);
        _limits.FailingRead = true;
        var runner = Runner();

        await runner.RunAsync(_clock.GetUtcNow());
        Assert.Empty(_state.Budget.Fired);
        Assert.Empty(_limits.Sets);

        _limits.FailingRead = false;
        await runner.RunAsync(_clock.GetUtcNow());
        Assert.Equal([("web", 8), ("worker", 2)], _limits.Sets);
    }

    [Fact]
    public async Task A_history_outage_keeps_the_step_and_the_next_check_audits_it_once()
    {
        Forecast(850m);
        _history.Failing = new InvalidOperationException("history store down");
        var runner = Runner();

        Assert.Equal(2, await runner.RunAsync(_clock.GetUtcNow()));
        Assert.Single(_notifier.Sent("budget-default"));

        _history.Failing = null;
        Assert.Equal(0, await runner.RunAsync(_clock.GetUtcNow()));
        Assert.Equal(["web", "worker"], _history.Entries.Select(e => e.Target));
        Assert.Single(_notifier.Sent("budget-default"));
    }

    [Fact]
    public async Task After_a_reactivation_the_persisted_state_neither_fires_again_nor_loses_a_step()
    {
        Forecast(960m);
        _limits.FailingSet.Add("worker");
        await Runner().RunAsync(_clock.GetUtcNow());
        var reloaded = _state.Copy(); // what a new activation reads
        _limits.FailingSet.Clear();

        var again = new BudgetActionRunner(() => "default", () => reloaded, () => Task.CompletedTask, _limits, _history, _events, new NoHub(),
            _notifier, NullLogger.Instance);
        Assert.Equal(0, await again.RunAsync(_clock.GetUtcNow()));

        Assert.Equal([("web", 8), ("worker", 2)], _limits.Sets);
        Assert.Equal(2, _notifier.Sent("budget-default").Count);
    }

    [Fact]
    public async Task A_target_no_longer_registered_is_skipped_and_forgotten()
    {
        Forecast(960m);
        _limits.Bounds.Remove("worker");

        Assert.Equal(0, await Runner().RunAsync(_clock.GetUtcNow()));

        Assert.Equal([("web", 8)], _limits.Sets);
        Assert.Equal(["web"], _state.Budget.OriginalMax.Keys);
    }

    [Theory]
    [InlineData(0, "notify", 0, "budgetActions[0].thresholdPercent")]
    [InlineData(80, "shout", 0, "budgetActions[0].action")]
    [InlineData(95, "reduceMaxCapacity", 0, "budgetActions[0].step")]
    public void Invalid_actions_name_their_field(double percent, string action, int step, string field)
    {
        var problems = BudgetActionSettings.Problems(new SupervisorLimits(MonthlyBudget: 1000m, BudgetActions: [new(percent, action, step)]));

        Assert.StartsWith(field + ": ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_without_a_monthly_budget_are_refused()
    {
        var problems = BudgetActionSettings.Problems(new SupervisorLimits(BudgetActions: [new(80, "notify")]));

        Assert.StartsWith("budgetActions: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    private void Forecast(decimal total)
    {
        _state.Targets["web"] = new TargetCapacityReport("web", 6, 0, 0.1m, total / 2);
        _state.Targets["worker"] = new TargetCapacityReport("worker", 3, 0, 0.1m, total / 2);
    }

    private BudgetActionRunner Runner() => new(() => "default", () => _state, () =>
    {
        _pendingAtCommit.Add(_state.Budget.Pending.Count);
        return Task.CompletedTask;
    }, _limits, _history, _events, new NoHub(), _notifier, NullLogger.Instance);

    private sealed class Limits : ITargetLimits
    {
        public Dictionary<string, (int Min, int Max)> Bounds { get; } = [];

        public HashSet<string> FailingSet { get; } = [];

        public bool FailingRead { get; set; }

        public List<(string, int)> Sets { get; } = [];

        public Task<BudgetTargetLimit?> ReadAsync(string target) => FailingRead
            ? throw new TimeoutException("silo unreachable")
            : Task.FromResult(Bounds.TryGetValue(target, out var b) ? new BudgetTargetLimit(target, b.Min, b.Max) : null);

        public Task<bool> SetMaxAsync(string target, int max)
        {
            if (FailingSet.Contains(target))
            {
                throw new TimeoutException($"{target} did not answer");
            }

            if (!Bounds.TryGetValue(target, out var bounds))
            {
                return Task.FromResult(false);
            }

            Bounds[target] = (bounds.Min, max);
            Sets.Add((target, max));
            return Task.FromResult(true);
        }
    }

    private sealed class NoHub : IDecisionFanout
    {
        public void PublishToHub(DecisionRecord record)
        {
        }

        public void RecordVote(string target, string policy, PolicyVote vote)
        {
        }
    }
}
