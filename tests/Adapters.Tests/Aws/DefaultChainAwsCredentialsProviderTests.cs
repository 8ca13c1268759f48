using Autoscaler.Adapters.Aws.Signing;
using Autoscaler.Adapters.Tests.Actuators.Support;

namespace Autoscaler.Adapters.Tests.Aws;

/// <summary>The AWS SDK's default chain, steered by environment variables only; instance metadata is always disabled.</summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class DefaultChainAwsCredentialsProviderTests : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED", "AWS_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE",
    ];

    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public DefaultChainAwsCredentialsProviderTests()
    {
        foreach (var name in Variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        // Whatever the caller set: the chain must never probe 169.254.169.254 here, nor read a developer's ~/.aws.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var missing = Path.Combine(Path.GetTempPath(), "autoscaler-no-aws-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(missing, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(missing, "config"));
    }

    [Fact]
    public async Task Environment_variables_come_first()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret-from-environment-0123456789");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "token-from-environment");

        var credentials = await new DefaultChainAwsCredentialsProvider().GetCredentialsAsync(default);

        Assert.Equal(new AwsCredentials("AKIDFROMENVIRONMENT", "secret-from-environment-0123456789", "token-from-environment"), credentials);
    }

    [Fact]
    public async Task On_ECS_the_task_role_credentials_come_from_the_container_credentials_endpoint()
    {
        await using var endpoint = await ScriptedHttpServer.StartAsync(_ => new ScriptedResponse(200,
            $$"""{"AccessKeyId":"ASIATASKROLE","SecretAccessKey":"task-role-secret","Token":"task-role-token","Expiration":"{{DateTime.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}}"}"""));
        Environment.SetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI", new Uri(endpoint.BaseUri, "v2/credentials").ToString());
        Environment.SetEnvironmentVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-auth-token");

        var credentials = await new DefaultChainAwsCredentialsProvider().GetCredentialsAsync(default);

        Assert.Equal(new AwsCredentials("ASIATASKROLE", "task-role-secret", "task-role-token"), credentials);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("/v2/credentials", request.Path);
        Assert.Equal("container-auth-token", request.Header("authorization"));
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
