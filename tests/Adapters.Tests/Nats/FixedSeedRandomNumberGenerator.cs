using System.Security.Cryptography;

namespace Autoscaler.Adapters.Tests.Nats;

/// <summary>Hands out the given bytes as "random" ones, so <c>KeyPair.CreatePair</c> builds a key from a known secret.</summary>
internal sealed class FixedSeedRandomNumberGenerator(byte[] secret) : RandomNumberGenerator
{
    public override void GetBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        secret.AsSpan(0, data.Length).CopyTo(data);
    }

    public override void GetBytes(Span<byte> data) => secret.AsSpan(0, data.Length).CopyTo(data);
}
