using Autoscaler.Adapters.Aws.Signing;

namespace Autoscaler.Adapters.Tests.Aws;

[Collection(EnvironmentVariableCollection.Name)]
public sealed class DefaultChainAwsCredentialsProviderTests
{
    [Fact]
    public async Task The_default_chain_reads_credentials_from_environment_variables()
    {
        var saved = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED" }
            .ToDictionary(name => name, Environment.GetEnvironmentVariable);
        try
        {
            // IMDS stays off whatever the caller set: the chain must never probe 169.254.169.254 here.
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret-from-environment-0123456789");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "token-from-environment");

            var credentials = await new DefaultChainAwsCredentialsProvider().GetCredentialsAsync(default);

            Assert.Equal(new AwsCredentials("AKIDFROMENVIRONMENT", "secret-from-environment-0123456789", "token-from-environment"), credentials);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
