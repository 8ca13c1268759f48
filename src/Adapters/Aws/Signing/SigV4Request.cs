namespace Autoscaler.Adapters.Aws.Signing;

/// <summary>
/// The parts of an HTTP request that Signature Version 4 covers. <see cref="Headers"/> are the headers to sign, names in
/// any case (they must include <c>host</c> and <c>x-amz-date</c>); repeated names are joined with commas as AWS specifies.
/// </summary>
public sealed record SigV4Request(
    string Method,
    Uri Uri,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadSha256Hex);
