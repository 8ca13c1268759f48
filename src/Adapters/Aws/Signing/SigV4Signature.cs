namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>Every intermediate of a SigV4 signature, so tests and logs can compare each step with AWS's.</summary>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization);
