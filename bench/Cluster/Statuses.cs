using Autoscaler.Client;

namespace Autoscaler.Cluster.Benchmarks;

/// <summary>Every target's status read once (64 calls in flight): how many evaluated since a moment, how many decided.</summary>
internal static class Statuses
{
    public sealed record Pass(int Read, int EvaluatedSince, int Decided, int Failed, double Seconds);

    public static async Task<Pass> ReadAsync(IAutoscalerClient sdk, IReadOnlyList<string> targets, DateTimeOffset since)
    {
        int evaluated = 0, decided = 0, failed = 0, read = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, token) =>
        {
            try
            {
                var status = await sdk.GetStatusAsync(id, token);
                Interlocked.Increment(ref read);
                if (status.LastEvaluation >= since)
                {
                    Interlocked.Increment(ref evaluated);
                }

                if (status.LastDecision is not null)
                {
                    Interlocked.Increment(ref decided);
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                Interlocked.Increment(ref failed);
            }
        });
        return new Pass(read, evaluated, decided, failed, Math.Round(watch.Elapsed.TotalSeconds, 1));
    }
}
