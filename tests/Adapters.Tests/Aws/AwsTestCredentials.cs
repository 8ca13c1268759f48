namespace Autoscaler.Adapters.Tests.Aws;

/// <summary>The example key pair of AWS's SigV4 test suite, which every signed test request uses.</summary>
public static class AwsTestCredentials
{
    public const string AccessKeyId = "AKIDEXAMPLE";

    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
}
