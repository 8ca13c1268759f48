namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Fixed credentials: for tests and for hosts that resolve credentials themselves.</summary>
public sealed class StaticAwsCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    /// <inheritdoc />
    public Task<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
}
