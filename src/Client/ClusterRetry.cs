using Autoscaler.Grains.Interfaces;

namespace Autoscaler.Client;

/// <summary>
/// Retries a grain call that failed in a way the cluster recovers from on its own (<see cref="TransientClusterErrors"/>:
/// a silo leaving during a rolling restart, a gateway reconnecting): at most <see cref="AutoscalerClientOptions.MaxAttempts"/>
/// attempts, waiting <see cref="AutoscalerClientOptions.RetryDelay"/> and then twice as long each time (with jitter, at
/// most <see cref="AutoscalerClientOptions.MaxRetryDelay"/>). Any other failure, and the last transient one, reach the caller.
/// </summary>
internal sealed class ClusterRetry(AutoscalerClientOptions options, TimeProvider clock)
{
    /// <summary>Runs <paramref name="call"/> until it succeeds, fails for good or the attempts are used up.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var delay = options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(cancellationToken);
            }
            catch (Exception error) when (attempt < options.MaxAttempts && TransientClusterErrors.IsTransient(error)
                                          && !cancellationToken.IsCancellationRequested)
            {
                var jittered = delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
                await Task.Delay(jittered, clock, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>Runs a call without a result (see <see cref="RunAsync{T}(Func{Task{T}}, CancellationToken)"/>).</summary>
    public Task RunAsync(Func<Task> call, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await call();
            return true;
        }, cancellationToken);
}
