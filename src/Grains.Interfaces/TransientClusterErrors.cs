using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Autoscaler.Grains.Interfaces;

/// <summary>
/// Which failures of a grain call are the cluster being busy or changing (a silo leaving in a rolling restart, a gateway
/// reconnecting, a call timing out while a grain moves), not a refusal: the same call may succeed a moment later. The
/// API answers them 503 with <c>Retry-After</c>; the client SDK retries them.
/// </summary>
public static class TransientClusterErrors
{
    /// <summary>True for <paramref name="error"/> (or what it wraps) being a transient cluster failure.</summary>
    public static bool IsTransient(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException
                or ConnectionFailedException or TimeoutException)
            {
                return true;
            }

            if (current is AggregateException { InnerExceptions.Count: 1 } single)
            {
                return IsTransient(single.InnerExceptions[0]);
            }
        }

        return false;
    }
}
