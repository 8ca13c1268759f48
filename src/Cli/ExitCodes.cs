namespace Autoscaler.Cli;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A runtime failure that is not the input's fault.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input or usage: nothing on standard output, a message naming the field on standard error.</summary>
    public const int InvalidInput = 2;

    /// <summary>The control plane refused the credential (401) or its role (403).</summary>
    public const int Unauthorized = 3;

    /// <summary>The target, policy or route does not exist (404).</summary>
    public const int NotFound = 4;

    /// <summary><c>diff --exit-code</c>: applying the files would change something.</summary>
    public const int Changes = 5;
}
