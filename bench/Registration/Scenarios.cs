using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Registration.Benchmarks;

/// <summary>The scenarios, each on a silo of its own (an empty database), all in one run so they compare.</summary>
internal static class Scenarios
{
    private const double GoalSeconds = 10;

    /// <summary>Today's path: one target at a time through the grains (register, then its policy), 32 in flight.</summary>
    public static async Task<RegistrationResult> PerTargetAsync(int count)
    {
        await using var silo = await RegistrationSilo.StartAsync();
        var retries = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var grain = silo.Cluster.GetGrain<IServiceGrain>(Fleet.Id("one", i));
            // Both calls are idempotent: a transient storage failure under load is retried (and counted), as a client would.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await grain.ConfigureAsync(Fleet.Definition(Fleet.Id("one", i)));
                    await grain.SetPolicyAsync(new PolicyDefinition("cpu", Fleet.CpuPolicy));
                    return;
                }
                catch (Exception error) when (attempt < 3)
                {
                    Interlocked.Increment(ref retries);
                    Console.Error.WriteLine($"per target: {Fleet.Id("one", i)} attempt {attempt} failed ({error.GetType().Name}); retrying");
                }
            }
        });
        watch.Stop();
        await VerifyAsync(silo, count);
        return Result($"per target (ConfigureAsync + SetPolicyAsync, 32 in flight): the baseline, {retries} retried", count, watch.Elapsed, goal: false);
    }

    /// <summary>One SDK call with the whole fleet, then the same call again (every target unchanged).</summary>
    public static async Task<IReadOnlyList<RegistrationResult>> SdkAsync(int count)
    {
        await using var silo = await RegistrationSilo.StartAsync();
        var specs = Fleet.Specs("sdk", count);
        var before = await DatabaseCounters.ReadAsync(silo.ConnectionString);
        var watch = Stopwatch.StartNew();
        var first = await silo.Sdk.RegisterTargetsAsync(specs);
        watch.Stop();
        var database = (await DatabaseCounters.ReadAsync(silo.ConnectionString)).PerTarget(before, count);
        Check(first, count, "create");
        await VerifyAsync(silo, count);
        var again = Stopwatch.StartNew();
        var second = await silo.Sdk.RegisterTargetsAsync(specs);
        again.Stop();
        Check(second, count, "unchanged");
        return
        [
            Result($"one SDK call (RegisterTargetsAsync); {database}", count, watch.Elapsed, goal: true),
            Result("the same call again (every target unchanged: read and compared, nothing written)", count, again.Elapsed, goal: false),
        ];
    }

    /// <summary>One REST call (<c>POST /api/autoscaling/fleet</c>) with the whole fleet, the way <c>autoscaler apply</c> sends it.</summary>
    public static async Task<RegistrationResult> RestAsync(int count)
    {
        await using var silo = await RegistrationSilo.StartAsync();
        var body = Fleet.Request("rest", count).ToJsonString();
        var watch = Stopwatch.StartNew();
        using var response = await silo.Http.PostAsync("/api/autoscaling/fleet", new StringContent(body, Encoding.UTF8, "application/json"));
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /fleet answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var summary = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("summary");
        if (summary.GetProperty("create").GetInt32() != count)
        {
            throw new InvalidOperationException($"expected {count} created, got {summary}");
        }

        await VerifyAsync(silo, count);
        return Result($"one REST call (POST /api/autoscaling/fleet, {body.Length / 1024} KiB body)", count, watch.Elapsed, goal: true);
    }

    /// <summary>Every target is in the directory and its scope, with its policy: the calls did what they claimed.</summary>
    private static async Task VerifyAsync(RegistrationSilo silo, int count)
    {
        var listed = await silo.Sdk.ListTargetsAsync();
        var scope = await silo.Sdk.GetSupervisorStatusAsync();
        if (listed.Count != count || scope.Targets.Count != count)
        {
            throw new InvalidOperationException($"expected {count} targets, the directory lists {listed.Count} and the supervisor {scope.Targets.Count}");
        }

        foreach (var id in listed.Keys.Where((_, i) => i % Math.Max(1, count / 20) == 0))
        {
            if ((await silo.Sdk.GetPoliciesAsync(id)).Count != 1)
            {
                throw new InvalidOperationException($"{id} has no policy");
            }
        }
    }

    private static void Check(FleetResult result, int count, string action)
    {
        var done = result.Changes.Count(c => c.Action == action);
        if (!result.Succeeded || done != count)
        {
            throw new InvalidOperationException($"expected {count} {action}, got {done} ({string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))})");
        }
    }

    private static RegistrationResult Result(string scenario, int count, TimeSpan elapsed, bool goal) => new(
        scenario,
        count,
        Math.Round(elapsed.TotalSeconds, 2),
        Math.Round(count / elapsed.TotalSeconds),
        goal ? $"{count:N0} targets in ≤ {GoalSeconds:0} s" : null,
        goal ? elapsed.TotalSeconds <= GoalSeconds : null,
        "real silo process on PostgreSQL (fsync off, loopback), durable mode: grain state, directory and supervisor in the database (no reminder per target since the keep-alive sweep); each target: simulated actuator, one policy");
}
