namespace Autoscaler.Ports.Telemetry;

/// <summary>
/// Thrown by an <see cref="ITelemetrySink"/> that refuses a delivery for good (the target is not registered, the samples
/// are not acceptable): trying again would not help, so the pipeline does not retry it. Any other exception is taken as
/// transient (a grain reactivating, a silo leaving, storage restarting) and the delivery is retried for a bounded time.
/// </summary>
public sealed class TelemetryDeliveryRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelemetryDeliveryRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TelemetryDeliveryRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TelemetryDeliveryRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
