namespace NATS.NKeys;

/// <summary>An NKey string that cannot be decoded (bad base32, checksum, prefix or length).</summary>
public sealed class NKeysException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong with the key (never the key itself).</summary>
    public NKeysException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public NKeysException()
    {
    }

    /// <summary>Creates the exception wrapping a cause.</summary>
    public NKeysException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
