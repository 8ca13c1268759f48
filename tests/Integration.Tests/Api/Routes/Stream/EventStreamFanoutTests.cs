using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Autoscaler.Ports.Decisions;
using Autoscaler.Silo.ControlPlane.Events.Stream;

namespace Autoscaler.Integration.Tests.Api.Routes.Stream;

/// <summary>
/// The event stream's fan-out without a server: order per client, a stuck client that delays no one else and loses
/// only its own oldest frames (and is told how many), bounded queues, the target filter and the heartbeat. Every wait
/// is on an explicit signal (data arriving in a pipe), bounded by a timeout; nothing sleeps.
/// </summary>
public sealed class EventStreamFanoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_client_gets_every_frame_once_in_publication_order_while_frames_are_still_being_published()
    {
        var fanout = new EventStreamFanout();
        using var first = fanout.Subscribe(null, 4096);
        using var second = fanout.Subscribe(null, 4096);
        await using var a = Connection.Start(first, new Pipe());
        await using var b = Connection.Start(second, new Pipe());

        var publisher = Task.Run(() =>
        {
            for (var i = 1; i <= 2000; i++)
            {
                fanout.Publish(Frame("t", i));
            }
        });

        foreach (var connection in new[] { a, b })
        {
            var text = await connection.ReadUntilAsync("n=2000\n");
            Assert.Equal(Enumerable.Range(1, 2000), Numbers(text));
        }

        await publisher;
        Assert.Equal(0, first.Dropped);
    }

    [Fact]
    public async Task A_client_whose_socket_is_stuck_delays_no_one_keeps_its_newest_frames_and_is_told_how_many_it_lost()
    {
        var fanout = new EventStreamFanout();
        using var stuckFeed = fanout.Subscribe(null, 16);
        using var fastFeed = fanout.Subscribe(null, 16);
        // The stuck client's socket reads the preamble, then stops reading: with 16 bytes unread its writer's flush waits.
        var stuckPipe = new Pipe(new PipeOptions(pauseWriterThreshold: 16, resumeWriterThreshold: 8, useSynchronizationContext: false));
        await using var stuck = Connection.Start(stuckFeed, stuckPipe);
        await using var fast = Connection.Start(fastFeed, new Pipe());
        await stuck.ReadUntilAsync(": connected\n\n");
        stuck.Consuming = false;

        fanout.Publish(Frame("t", 1));
        // Frame 1 reached the stuck socket and stays unread: its writer now waits in the flush.
        await stuck.ReadUntilAsync("n=1\n");
        // Frames far more than the fast client's queue: it keeps up only because its writer is not held by the other.
        for (var i = 2; i <= 500; i++)
        {
            fanout.Publish(Frame("t", i));
            if (i % 8 == 0)
            {
                await fast.ReadUntilAsync($"n={i}\n");
            }
        }

        Assert.Equal(Enumerable.Range(1, 500), Numbers(await fast.ReadUntilAsync("n=500\n")));
        Assert.Equal(0, fastFeed.Dropped);
        // The stuck client's queue is bounded: it holds the newest 16 frames; the ones before them that its writer had
        // not taken before its flush stopped (frame 1, and at most a few more) are dropped and counted.
        Assert.Equal(16, stuckFeed.Queued);
        var dropped = stuckFeed.Dropped;

        stuck.Consuming = true;
        var text = await stuck.ReadUntilAsync("n=500\n");
        var numbers = Numbers(text);
        var taken = numbers.Length - 16;
        Assert.Equal(Enumerable.Range(1, taken), numbers[..taken]);
        Assert.Equal(Enumerable.Range(485, 16), numbers[taken..]);
        Assert.Equal(500 - 16 - taken, dropped);
        Assert.Contains($"\n\nevent: dropped\ndata: {{\"dropped\":{dropped}}}\n\nid: t-485\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_that_never_reads_holds_at_most_its_capacity_and_the_publisher_never_waits()
    {
        var fanout = new EventStreamFanout();
        using var idle = fanout.Subscribe(null, 8);
        var frame = Frame("t", 1);

        for (var i = 0; i < 10_000; i++)
        {
            fanout.Publish(frame);
        }

        Assert.Equal(8, idle.Queued);
        Assert.Equal(9_992, idle.Dropped);
    }

    [Fact]
    public void A_client_following_one_target_gets_only_its_frames_and_frames_for_everyone()
    {
        var fanout = new EventStreamFanout();
        using var onlyB = fanout.Subscribe("b", 16);
        using var all = fanout.Subscribe(null, 16);

        fanout.Publish(Frame("a", 1));
        fanout.Publish(Frame("b", 2));
        fanout.Publish(EventFrames.Ping);

        Assert.Equal("id: b-2\ndata: n=2\n\n: ping\n\n", Drain(onlyB));
        Assert.Equal([1, 2], Numbers(Drain(all)));
    }

    [Fact]
    public void The_heartbeat_goes_only_to_clients_with_nothing_queued()
    {
        var fanout = new EventStreamFanout();
        using var busy = fanout.Subscribe(null, 16);
        using var idle = fanout.Subscribe("other", 16);
        fanout.Publish(Frame("t", 1));

        fanout.Heartbeat();

        Assert.Equal(1, busy.Queued);
        Assert.Equal(": ping\n\n", Drain(idle));
    }

    [Fact]
    public async Task A_client_that_left_gets_nothing_more_and_its_feed_is_closed()
    {
        var fanout = new EventStreamFanout();
        var left = fanout.Subscribe(null, 16);
        left.Dispose();

        fanout.Publish(Frame("t", 1));

        Assert.Equal(0, fanout.Count);
        Assert.False(await left.WaitAsync(CancellationToken.None));
    }

    [Fact]
    public void A_scaling_frame_is_one_message_with_one_data_line_whatever_the_explanation_holds()
    {
        var record = new DecisionRecord("web-7", "web", DateTimeOffset.UnixEpoch, DecisionKind.Actuated, 2, 3, "policy:cpu", false, null,
            ["line one\nline two", "quote \" and \r return"]);

        var text = Encoding.UTF8.GetString(EventFrames.Scaling(record).Bytes.Span);

        Assert.StartsWith("id: web-7:actuated\nevent: scaling\ndata: {", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n\n", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Count(c => c == '\n'));
        Assert.Single(text.Split('\n'), l => l.StartsWith("data: ", StringComparison.Ordinal));
    }

    private static EventFrame Frame(string target, int n) => new(target, Encoding.UTF8.GetBytes($"id: {target}-{n}\ndata: n={n}\n\n"));

    private static string Drain(EventStreamFeed feed)
    {
        var output = new ArrayBufferWriter<byte>();
        feed.Drain(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static int[] Numbers(string text) =>
        [.. text.Split('\n').Where(l => l.StartsWith("data: n=", StringComparison.Ordinal)).Select(l => int.Parse(l[8..], System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A feed's writer on a pipe standing for the socket; the test reads the pipe's other end, consuming what
    /// it reads (a socket that drains) or not (a stuck socket: the writer's flush waits once the pipe holds enough).</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly Pipe _pipe;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _writer;
        private string _consumed = string.Empty;

        private Connection(EventStreamFeed feed, Pipe pipe)
        {
            _pipe = pipe;
            _writer = EventStreamWriter.RunAsync(feed, pipe.Writer, _stop.Token);
        }

        /// <summary>Whether what is read is also consumed.</summary>
        public bool Consuming { get; set; } = true;

        public static Connection Start(EventStreamFeed feed, Pipe pipe) => new(feed, pipe);

        /// <summary>Everything read so far, once it contains <paramref name="marker"/>; bounded.</summary>
        public async Task<string> ReadUntilAsync(string marker)
        {
            using var timeout = new CancellationTokenSource(Bound);
            while (true)
            {
                var result = await _pipe.Reader.ReadAsync(timeout.Token);
                var text = _consumed + Encoding.UTF8.GetString(result.Buffer);
                if (Consuming)
                {
                    _consumed = text;
                    _pipe.Reader.AdvanceTo(result.Buffer.End);
                }
                else
                {
                    _pipe.Reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                }

                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return text;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _writer;
            }
            catch (OperationCanceledException)
            {
                // Stopped by the test.
            }

            _stop.Dispose();
        }
    }
}
