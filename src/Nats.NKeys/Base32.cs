namespace NATS.NKeys;

/// <summary>RFC 4648 base32 (alphabet A–Z, 2–7) without padding, as NKeys use it.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static int EncodedLength(int byteCount) => ((byteCount * 8) + 4) / 5;

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[EncodedLength(data.Length)];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }

    /// <summary>Decodes into <paramref name="destination"/>; returns the byte count, or -1 on a character outside
    /// the alphabet, too much input or non-zero trailing bits.</summary>
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int buffer = 0, bits = 0, count = 0;
        foreach (var c in text)
        {
            var value = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0)
            {
                return -1;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                if (count == destination.Length)
                {
                    return -1;
                }

                destination[count++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        // Leftover bits must be zero: otherwise two different strings would decode to the same key.
        return (buffer & ((1 << bits) - 1)) == 0 ? count : -1;
    }
}
