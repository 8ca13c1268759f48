using System.Runtime.CompilerServices;
using System.Text;

namespace Autoscaler.Cli.Remote;

/// <summary>Parses a <c>text/event-stream</c> (WHATWG server-sent events): fields per line, a blank line ends a message,
/// lines starting with ':' are comments (keep-alive pings).</summary>
public static class ServerSentEventReader
{
    /// <summary>The messages of <paramref name="reader"/> until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? eventName = null, id = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new ServerSentEvent(eventName ?? "message", data.ToString(), id);
                }

                eventName = null;
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
                case "id":
                    id = value;
                    break;
                default:
                    // retry and unknown fields change nothing the CLI uses.
                    break;
            }
        }
    }
}
