namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>No credential source in the chain produced credentials.</summary>
public sealed class AwsCredentialsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsCredentialsUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
