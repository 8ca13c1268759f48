namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Supplies the credentials to sign the next request with (they may rotate between calls).</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Returns current credentials, or throws <see cref="AwsCredentialsUnavailableException"/>.</summary>
    public Task<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
