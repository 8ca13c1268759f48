using System.Buffers;
using System.IO.Pipelines;

namespace Autoscaler.Silo.ControlPlane.Events.Stream;

/// <summary>
/// The single writer of one connection: the preamble, then, each time frames are queued, all of them in one write and
/// one flush. A client whose socket is slow holds only its own writer (its queue drops the oldest frames meanwhile).
/// </summary>
public static class EventStreamWriter
{
    /// <summary>Writes until <paramref name="cancellationToken"/> fires, the feed closes or the reader leaves.</summary>
    public static async Task RunAsync(EventStreamFeed feed, PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(EventFrames.Preamble.Span);
        if ((await output.FlushAsync(cancellationToken)).IsCompleted)
        {
            return;
        }

        while (await feed.WaitAsync(cancellationToken))
        {
            if (feed.Drain(output) > 0 && (await output.FlushAsync(cancellationToken)).IsCompleted)
            {
                return;
            }
        }
    }
}
