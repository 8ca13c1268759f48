namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>An AWS access key pair, with the session token of temporary credentials when there is one.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Never prints the secret or the token: credentials end up in logs through string interpolation.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
