using Amazon.Runtime.Credentials;

namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>
/// The AWS SDK's default chain: environment variables, shared profile, ECS container credentials
/// (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>/<c>_RELATIVE_URI</c>), then EC2 instance metadata unless
/// <c>AWS_EC2_METADATA_DISABLED=true</c>. The SDK caches and refreshes temporary credentials itself.
/// </summary>
public sealed class DefaultChainAwsCredentialsProvider : IAwsCredentialsProvider
{
    /// <inheritdoc />
    public async Task<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var source = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).WaitAsync(cancellationToken);
            var immutable = await source.GetCredentialsAsync().WaitAsync(cancellationToken);
            return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new AwsCredentialsUnavailableException("No AWS credentials found in the default chain: " + ex.Message, ex);
        }
    }
}
