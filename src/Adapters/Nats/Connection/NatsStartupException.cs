namespace Autoscaler.Adapters.Nats.Connection;

/// <summary>
/// The connection to NATS could not be established. <see cref="IsAuthenticationFailure"/> tells a rejected credential
/// (fix the configuration) from an unreachable server (retry or fix the URL). The message never contains a secret.
/// </summary>
public sealed class NatsStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NatsStartupException(string message, NatsAuthMode authMode, bool isAuthenticationFailure, Exception? innerException)
        : base(message, innerException)
    {
        AuthMode = authMode;
        IsAuthenticationFailure = isAuthenticationFailure;
    }

    /// <summary>Creates the exception with no detail.</summary>
    public NatsStartupException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NatsStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NatsStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The authentication mode that was configured.</summary>
    public NatsAuthMode AuthMode { get; }

    /// <summary>True when the server rejected the credentials (authorization violation / authentication expired).</summary>
    public bool IsAuthenticationFailure { get; }
}
