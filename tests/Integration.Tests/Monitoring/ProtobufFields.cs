namespace Autoscaler.Integration.Tests.Monitoring;

/// <summary>
/// Reads the protobuf wire format field by field (no generated code: the OTLP protos are not served here). Enough for
/// the OTLP messages the tests inspect: varints, fixed 32/64-bit values and length-delimited fields.
/// </summary>
internal static class ProtobufFields
{
    /// <summary>Every field of <paramref name="message"/>: its number and, for length-delimited fields, its bytes.</summary>
    public static IEnumerable<(int Number, ReadOnlyMemory<byte> Bytes)> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    Varint(message.Span, ref position);
                    yield return (number, ReadOnlyMemory<byte>.Empty);
                    break;
                case 1:
                    yield return (number, message.Slice(position, 8));
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref position);
                    yield return (number, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return (number, message.Slice(position, 4));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"unsupported wire type {key & 7} at byte {position}");
            }
        }
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/>.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> All(ReadOnlyMemory<byte> message, int number) =>
        Read(message).Where(f => f.Number == number).Select(f => f.Bytes);

    /// <summary>The first length-delimited field numbered <paramref name="number"/>, or empty.</summary>
    public static ReadOnlyMemory<byte> First(ReadOnlyMemory<byte> message, int number) =>
        All(message, number).FirstOrDefault();

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("varint longer than 64 bits");
    }
}
