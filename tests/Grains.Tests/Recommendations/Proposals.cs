using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Grains.Tests.Recommendations;

/// <summary>Recommendation records for the tests.</summary>
internal static class Proposals
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static RecommendationRecord RightSize(string target, double vcpu, double memoryGiB) =>
        Record($"rec-{target}-rs-{vcpu}-{memoryGiB}", target, RecommendationKinds.RightSize, $$"""{"vcpu":{{vcpu}},"memoryGiB":{{memoryGiB}}}""");

    public static RecommendationRecord Schedule(string target, int quietMinimum) =>
        Record($"rec-{target}-schedule-{quietMinimum}", target, RecommendationKinds.Schedule,
            $$"""{"name":"optimizer-schedule","type":"scheduled","actions":[{"name":"daily-00","schedule":"cron(0 0 * * ? *)","minCapacity":{{quietMinimum}}},{"name":"daily-08","schedule":"cron(0 8 * * ? *)","minCapacity":4}]}""");

    public static RecommendationRecord Commitment(string target, int instances) =>
        Record($"rec-{target}-commit-{instances}", target, RecommendationKinds.Commitment, $$"""{"committedInstances":{{instances}}}""");

    private static RecommendationRecord Record(string id, string target, string kind, string proposal) =>
        new(id, target, kind, RecommendationStates.Open, $"{kind} for {target}", ["because"], 12.5, 50, 37.5, 0, 14, proposal, null, At);
}
