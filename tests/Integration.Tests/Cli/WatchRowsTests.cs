using Autoscaler.Cli.Commands;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Integration.Tests.Cli;

/// <summary><c>autoscaler watch</c>'s reading of the stream's messages, without a server.</summary>
public sealed class WatchRowsTests
{
    [Fact]
    public void A_dropped_message_says_how_many_events_the_watcher_missed_and_changes_no_row()
    {
        var rows = new WatchCommand.TargetRows(null);

        var line = rows.Apply(new ServerSentEvent("dropped", """{"dropped":42}""", null));

        Assert.Equal("42 events missed: this watcher fell behind the stream", line);
        Assert.Null(rows.Apply(new ServerSentEvent("dropped", "not json", null)));
    }
}
