using System.Buffers.Binary;

namespace NATS.NKeys;

/// <summary>
/// The NKey text forms: a public key is base32(prefix ‖ 32-byte key ‖ CRC16-LE); a seed is base32(two prefix bytes
/// carrying 'S' and the role ‖ 32-byte Ed25519 seed ‖ CRC16-LE).
/// </summary>
internal static class NKeyCodec
{
    public const int KeyLength = 32;
    private const int SeedRawLength = 2 + KeyLength + 2;
    private const int PublicRawLength = 1 + KeyLength + 2;

    public static string EncodePublic(PrefixByte role, ReadOnlySpan<byte> key)
    {
        Span<byte> raw = stackalloc byte[PublicRawLength];
        raw[0] = (byte)role;
        key.CopyTo(raw[1..]);
        BinaryPrimitives.WriteUInt16LittleEndian(raw[^2..], Crc16.Compute(raw[..^2]));
        return Base32.Encode(raw);
    }

    public static string EncodeSeed(PrefixByte role, ReadOnlySpan<byte> seed)
    {
        Span<byte> raw = stackalloc byte[SeedRawLength];
        raw[0] = (byte)((byte)PrefixByte.Seed | ((byte)role >> 5));
        raw[1] = (byte)(((byte)role & 31) << 3);
        seed.CopyTo(raw[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(raw[^2..], Crc16.Compute(raw[..^2]));
        var text = Base32.Encode(raw);
        raw.Clear();
        return text;
    }

    /// <summary>Decodes a seed into <paramref name="seed"/> (32 bytes) and returns the role of the key it seeds.</summary>
    public static PrefixByte DecodeSeed(ReadOnlySpan<char> text, Span<byte> seed)
    {
        Span<byte> raw = stackalloc byte[SeedRawLength];
        try
        {
            var length = Decode(text.Trim(), raw, "seed");
            if (length != SeedRawLength)
            {
                throw new NKeysException($"Invalid NKey seed: expected {SeedRawLength} decoded bytes, got {length}.");
            }

            if ((raw[0] & 0b1111_1000) != (byte)PrefixByte.Seed)
            {
                throw new NKeysException("Invalid NKey seed: it does not start with the seed prefix 'S'.");
            }

            var role = (PrefixByte)(((raw[0] & 0b111) << 5) | ((raw[1] & 0b1111_1000) >> 3));
            if (!IsPublicRole(role))
            {
                throw new NKeysException($"Invalid NKey seed: unknown key role byte {(byte)role}.");
            }

            raw.Slice(2, KeyLength).CopyTo(seed);
            return role;
        }
        finally
        {
            raw.Clear();
        }
    }

    /// <summary>Decodes a public key string, checking its checksum and role.</summary>
    public static (PrefixByte Role, byte[] Key) DecodePublic(ReadOnlySpan<char> text)
    {
        Span<byte> raw = stackalloc byte[PublicRawLength];
        var length = Decode(text.Trim(), raw, "public key");
        if (length != PublicRawLength)
        {
            throw new NKeysException($"Invalid NKey public key: expected {PublicRawLength} decoded bytes, got {length}.");
        }

        var role = (PrefixByte)raw[0];
        if (!IsPublicRole(role))
        {
            throw new NKeysException($"Invalid NKey public key: unknown key role byte {raw[0]}.");
        }

        return (role, raw.Slice(1, KeyLength).ToArray());
    }

    private static int Decode(ReadOnlySpan<char> text, Span<byte> raw, string what)
    {
        // One spare byte tells "too long" apart from "exactly right".
        Span<byte> buffer = stackalloc byte[raw.Length + 1];
        var length = Base32.Decode(text, buffer);
        if (length < 0)
        {
            throw new NKeysException($"Invalid NKey {what}: not canonical base32 (A-Z, 2-7).");
        }

        if (length != raw.Length)
        {
            buffer.Clear();
            return length;
        }

        var payload = buffer[..(length - 2)];
        var expected = BinaryPrimitives.ReadUInt16LittleEndian(buffer.Slice(length - 2, 2));
        if (Crc16.Compute(payload) != expected)
        {
            buffer.Clear();
            throw new NKeysException($"Invalid NKey {what}: checksum mismatch.");
        }

        buffer[..length].CopyTo(raw);
        buffer.Clear();
        return length;
    }

    private static bool IsPublicRole(PrefixByte role) => role is PrefixByte.Account or PrefixByte.Cluster or PrefixByte.Server
        or PrefixByte.Operator or PrefixByte.User or PrefixByte.Curve;
}
