using System.Net.Sockets;
using Autoscaler.Grains.Interfaces;
using Npgsql;

namespace Autoscaler.Silo.Api.Problems;

/// <summary>
/// Failures a request meets while the cluster or its storage is briefly unavailable (a silo leaving in a rolling
/// restart, a grain moving, PostgreSQL restarting): the API answers them <c>503 Service Unavailable</c> with
/// <see cref="RetryAfterSeconds"/> rather than 500, because the same request is expected to succeed shortly.
/// </summary>
internal static class TransientFailures
{
    /// <summary>The <c>Retry-After</c> a transient failure is answered with.</summary>
    public const int RetryAfterSeconds = 2;

    /// <summary>True when <paramref name="error"/> is a transient cluster or storage failure.</summary>
    public static bool IsTransient(Exception error)
    {
        if (TransientClusterErrors.IsTransient(error))
        {
            return true;
        }

        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
