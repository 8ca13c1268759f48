namespace NATS.NKeys;

/// <summary>CRC-16/XMODEM (polynomial 0x1021, initial value 0), the checksum appended to every encoded NKey.</summary>
internal static class Crc16
{
    private const ushort Polynomial = 0x1021;

    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 0x8000) != 0 ? (ushort)((value << 1) ^ Polynomial) : (ushort)(value << 1);
            }

            table[i] = value;
        }

        return table;
    }
}
