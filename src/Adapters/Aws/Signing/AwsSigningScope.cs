namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Where a signature is valid: an AWS region and a signing service name (e.g. <c>ecs</c>).</summary>
public sealed record AwsSigningScope(string Region, string Service);
