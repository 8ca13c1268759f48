using System.CommandLine;
using System.Text.Json;
using Autoscaler.Cli.Remote;
using Spectre.Console;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler watch [--target ID] [--once] [--duration 5m]</c>: a live target table updated from the server-sent
/// scaling events (<c>/events</c>). With <c>--output json</c> it prints each event as one JSON line instead.
/// </summary>
public sealed class WatchCommand : ICliCommand
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var target = new Option<string?>("--target", "-t") { Description = "Only this target's events" };
        var once = new Option<bool>("--once") { Description = "Print the current table once and exit" };
        var duration = new Option<string?>("--duration", "-d") { Description = "Stop after this long, e.g. 30s or 10m (default: until Ctrl+C)" };
        var command = new Command("watch", "Watch targets live as scaling events arrive.") { target, once, duration };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var limit = parsed.GetValue(duration) is { } text ? Durations.Parse(text, "--duration") : (TimeSpan?)null;
            var filter = parsed.GetValue(target);
            var rows = new TargetRows(filter);
            var targets = await session.Api.ListTargetsAsync(token);
            rows.Load(TableWriter.Read(targets, "targets"));
            if (parsed.GetValue(once))
            {
                session.Write(targets, table => table.Console.Write(rows.Render()));
                return;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (limit is { } span)
            {
                stop.CancelAfter(span);
            }

            if (session.Format == OutputFormat.Json)
            {
                await StreamAsync(session.Api, filter, message =>
                {
                    session.Context.Output.WriteLine(message.Data.ReplaceLineEndings(" "));
                    session.Context.Output.Flush();
                }, stop.Token);
                return;
            }

            var console = TableWriter.CreateConsole(session.Context.Output);
            if (!console.Profile.Capabilities.Ansi)
            {
                // No cursor control (redirected output): the table once, a line per event, the table again at the end.
                console.Write(rows.Render());
                await StreamAsync(session.Api, filter, message =>
                {
                    if (rows.Apply(message) is { } line)
                    {
                        console.WriteLine(line);
                    }
                }, stop.Token);
                console.Write(rows.Render());
                return;
            }

            await console.Live(rows.Render()).StartAsync(async live => await StreamAsync(session.Api, filter, message =>
            {
                if (rows.Apply(message) is not null)
                {
                    live.UpdateTarget(rows.Render());
                    live.Refresh();
                }
            }, stop.Token));
        }, ct));
        return command;
    }

    /// <summary>Reads the event stream until <paramref name="stop"/>, reconnecting with back-off (1 s to 30 s) when the
    /// stream drops after it was open. A failure to connect the first time is the caller's error.</summary>
    private static async Task StreamAsync(AutoscalerApiClient api, string? target, Action<ServerSentEvent> onMessage, CancellationToken stop)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var connected = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var message in api.StreamEventsAsync(target, stop))
                {
                    connected = true;
                    backoff = TimeSpan.FromSeconds(1);
                    onMessage(message);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (connected && error is HttpRequestException or IOException)
            {
                // The stream dropped: reconnect below.
            }

            try
            {
                await Task.Delay(backoff, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <summary>The watched targets by id, updated from events.</summary>
    internal sealed class TargetRows(string? filter)
    {
        private static readonly string[] Columns = ["id", "status", "current", "min", "max", "last event", "at", "actor"];
        private readonly SortedDictionary<string, Row> _rows = new(StringComparer.Ordinal);

        public void Load(JsonElement targets)
        {
            if (targets.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var target in targets.EnumerateArray())
            {
                Upsert(target);
            }
        }

        /// <summary>Applies one message; returns a line describing it, or null when it changed nothing.</summary>
        public string? Apply(ServerSentEvent message)
        {
            JsonElement data;
            try
            {
                using var document = JsonDocument.Parse(message.Data);
                data = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }

            if (message.Event == "alarm")
            {
                // Alarm state changes share the stream; they are reported as lines, not table rows.
                return $"alarm {TableWriter.Cell(TableWriter.Read(data, "alarm"))}: {TableWriter.Cell(TableWriter.Read(data, "from"))} -> {TableWriter.Cell(TableWriter.Read(data, "to"))}";
            }

            if (message.Event == "dropped")
            {
                // The server's queue for this watcher overflowed: rows may be stale until their next event.
                return $"{TableWriter.Cell(TableWriter.Read(data, "dropped"))} events missed: this watcher fell behind the stream";
            }

            if (message.Event == "target")
            {
                Upsert(data);
                return $"target {TableWriter.Cell(TableWriter.Read(data, "id"))}: {TableWriter.Cell(TableWriter.Read(data, "status"))}";
            }

            var id = TableWriter.Read(data, "target").GetString();
            if (id is null || (filter is not null && id != filter))
            {
                return null;
            }

            var row = _rows.TryGetValue(id, out var known) ? known : new Row(id, "-", "-", "-", "-", "-", "-", "-");
            var kind = TableWriter.Cell(TableWriter.Read(data, "kind"));
            var to = TableWriter.Cell(TableWriter.Read(data, "to"));
            _rows[id] = row with
            {
                Current = kind is "actuated" or "manual" ? to : row.Current,
                LastEvent = $"{kind} {TableWriter.Cell(TableWriter.Read(data, "from"))}->{to}",
                At = TableWriter.Cell(TableWriter.Read(data, "at")),
                Actor = TableWriter.Cell(TableWriter.Read(data, "actor")),
            };
            return $"{id}: {_rows[id].LastEvent} by {_rows[id].Actor} at {_rows[id].At}";
        }

        public Table Render()
        {
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("targets") };
            foreach (var column in Columns)
            {
                table.AddColumn(column);
            }

            foreach (var row in _rows.Values)
            {
                table.AddRow(
                    new Text(row.Id), new Text(row.Status), new Text(row.Current), new Text(row.Min), new Text(row.Max),
                    new Text(row.LastEvent), new Text(row.At), new Text(row.Actor));
            }

            return table;
        }

        private void Upsert(JsonElement target)
        {
            var id = TableWriter.Read(target, "id").GetString();
            if (id is null || (filter is not null && id != filter))
            {
                return;
            }

            string Cell(string path) => TableWriter.Cell(TableWriter.Read(target, path));
            var last = TableWriter.Read(target, "lastDecision");
            _rows[id] = new Row(
                id, Cell("status"), Cell("current"), Cell("min"), Cell("max"),
                last.ValueKind == JsonValueKind.Object ? $"{Cell("lastDecision.kind")} {Cell("lastDecision.from")}->{Cell("lastDecision.to")}" : "-",
                Cell("lastDecision.at"), Cell("lastDecision.actor"));
        }

        private sealed record Row(string Id, string Status, string Current, string Min, string Max, string LastEvent, string At, string Actor);
    }
}
