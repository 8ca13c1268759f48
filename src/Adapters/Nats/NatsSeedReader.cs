namespace Autoscaler.Adapters.Nats;

/// <summary>Reads the NKey seed from the options or from the seed file (the first line that looks like a seed).</summary>
internal static class NatsSeedReader
{
    public static string Read(NatsOptions options)
    {
        if (!string.IsNullOrEmpty(options.NKeySeed))
        {
            return options.NKeySeed.Trim();
        }

        foreach (var line in File.ReadLines(options.NKeySeedFile!))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('S') && trimmed.Length >= 58)
            {
                return trimmed;
            }
        }

        throw new IOException("the file contains no NKey seed line");
    }
}
