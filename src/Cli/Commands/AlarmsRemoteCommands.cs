using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Alarms.Json;
using Autoscaler.Cli.Remote;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Cli.Commands;

/// <summary>The alarm commands against a running control plane: <c>list</c>, <c>get</c>, <c>apply</c>, <c>delete</c>,
/// <c>history</c>, <c>set-state</c>, <c>mute</c>, <c>unmute</c>, and <c>templates apply</c>.</summary>
internal static class AlarmsRemoteCommands
{
    private static readonly string[] ListColumns = ["name", "state", "severity", "kind", "target", "metric", "stateChangedAt", "reason"];
    private static readonly string[] HistoryColumns = ["at", "kind", "from", "to", "severity", "action", "outcome", "reason"];

    public static void AddTo(Command alarms, CliContext context)
    {
        var remote = RemoteOptions.AddTo(alarms);
        var target = new Option<string?>("--target", "-t") { Description = "Only the alarms of this target" };
        var state = new Option<string?>("--state") { Description = "Only alarms in this state (OK, ALARM, INSUFFICIENT_DATA)" };
        var list = new Command("list", "List alarms with their state, newest change and reason.") { target, state };
        list.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var query = string.Join('&', new[] { ("target", parsed.GetValue(target)), ("state", parsed.GetValue(state)) }
                .Where(q => q.Item2 is not null).Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2!)}"));
            var result = await session.Api.SendJsonAsync(HttpMethod.Get, "alarms" + (query.Length > 0 ? "?" + query : string.Empty), null, token);
            session.Write(result, table => table.Rows(TableWriter.Read(result, "alarms"), ListColumns, empty: "no alarms"));
        }, ct));

        alarms.Subcommands.Add(list);
        alarms.Subcommands.Add(Single(context, remote, "get", "Show one alarm: state, reason, definition.", HttpMethod.Get, string.Empty));
        alarms.Subcommands.Add(Single(context, remote, "delete", "Delete an alarm (refused while a composite watches it).", HttpMethod.Delete, string.Empty));
        alarms.Subcommands.Add(Single(context, remote, "unmute", "Remove every mute window of an alarm.", HttpMethod.Delete, "/mute"));
        alarms.Subcommands.Add(Apply(context, remote));
        alarms.Subcommands.Add(History(context, remote));
        alarms.Subcommands.Add(SetState(context, remote));
        alarms.Subcommands.Add(Mute(context, remote));
        alarms.Subcommands.First(c => c.Name == "templates").Subcommands.Add(TemplateApply(context, remote));
    }

    /// <summary><c>alarms templates apply NAME --target T</c>: creates a bundled set's alarms on the control plane.</summary>
    private static Command TemplateApply(CliContext context, RemoteOptions remote)
    {
        var name = new Argument<string>("name") { Description = "Alarm set name" };
        var target = new Option<string>("--target", "-t") { Description = "The target the set watches", Required = true };
        var prefix = new Option<string?>("--prefix") { Description = "Prepended to every alarm name (default: TARGET-)" };
        var metrics = new Option<string[]>("--metric", "-m") { Description = "Metric name for a role, as role=name (repeatable)" };
        var command = new Command("apply", "Create a bundled alarm set for a target on the control plane.") { name, target, prefix, metrics };
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            // Rendering offline first checks the name, the target and the roles before anything is sent.
            var template = parsed.GetValue(name)!;
            _ = AlarmsOfflineCommands.Render(template, parsed.GetValue(target)!, parsed.GetValue(prefix), parsed.GetValue(metrics) ?? []);
            var roles = new JsonObject();
            foreach (var argument in parsed.GetValue(metrics) ?? [])
            {
                var equals = argument.IndexOf('=', StringComparison.Ordinal);
                roles[argument[..equals]] = argument[(equals + 1)..];
            }

            var body = new JsonObject { ["target"] = parsed.GetValue(target), ["prefix"] = parsed.GetValue(prefix), ["metrics"] = roles };
            var result = await session.Api.SendJsonAsync(HttpMethod.Post, $"alarms/templates/{Uri.EscapeDataString(template)}/apply", body, token);
            session.Write(result, table => table.Rows(TableWriter.Read(result, "alarms"), ListColumns, empty: "no alarms"));
        }, ct));
        return command;
    }

    private static Command Single(CliContext context, RemoteOptions remote, string verb, string description, HttpMethod method, string suffix)
    {
        var name = new Argument<string>("name") { Description = "Alarm name" };
        var command = new Command(verb, description) { name };
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var alarm = parsed.GetValue(name)!;
            var result = await session.Api.SendJsonAsync(method, $"alarms/{Uri.EscapeDataString(alarm)}{suffix}", null, token);
            session.Write(result, table =>
            {
                if (result.ValueKind == JsonValueKind.Undefined)
                {
                    table.Line($"alarm {alarm}: {verb} done");
                }
                else
                {
                    table.Fields(result, alarm);
                }
            });
        }, ct));
        return command;
    }

    private static Command Apply(CliContext context, RemoteOptions remote)
    {
        var file = RemoteFiles.CreateOption("Alarm JSON, or a document with \"alarms\"");
        var command = new Command("apply", "Create or replace alarms from a file (validated offline first).") { file };
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var bytes = RemoteFiles.ReadBytes(parsed.GetValue(file)!, context);
            _ = AlarmDocuments.ReadFile(bytes);
            var root = RemoteFiles.ReadObject(bytes);
            var items = root["alarms"] is JsonArray array ? [.. array.Select(a => a!.AsObject())] : new[] { root };
            var applied = new JsonArray();
            foreach (var alarm in items)
            {
                var name = alarm["name"]!.GetValue<string>();
                var result = await session.Api.SendJsonAsync(HttpMethod.Put, $"alarms/{Uri.EscapeDataString(name)}", alarm.DeepClone(), token);
                applied.Add(JsonNode.Parse(result.GetRawText()));
            }

            var document = JsonSerializer.SerializeToElement(new JsonObject { ["alarms"] = applied });
            session.Write(document, table => table.Rows(TableWriter.Read(document, "alarms"), ListColumns));
        }, ct));
        return command;
    }

    private static Command History(CliContext context, RemoteOptions remote)
    {
        var name = new Argument<string>("name") { Description = "Alarm name" };
        var since = new Option<string?>("--since") { Description = "Only entries newer than this, e.g. 1h or 7d" };
        var limit = new Option<int>("--limit", "-n") { Description = "Most entries to show (1-500)", DefaultValueFactory = _ => 50 };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after a previous page (its nextCursor)" };
        var command = new Command("history", "An alarm's state changes and action outcomes, newest first.") { name, since, limit, cursor };
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var count = parsed.GetValue(limit);
            if (count is < 1 or > 500)
            {
                throw new RemoteInputException("--limit", "must be between 1 and 500");
            }

            var query = $"limit={count}";
            if (parsed.GetValue(since) is { } text)
            {
                var from = DateTimeOffset.UtcNow - Durations.Parse(text, "--since");
                query += "&from=" + Uri.EscapeDataString(from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            if (parsed.GetValue(cursor) is { } next)
            {
                query += "&cursor=" + Uri.EscapeDataString(next);
            }

            var result = await session.Api.SendJsonAsync(HttpMethod.Get, $"alarms/{Uri.EscapeDataString(parsed.GetValue(name)!)}/history?{query}", null, token);
            session.Write(result, table =>
            {
                table.Rows(TableWriter.Read(result, "entries"), HistoryColumns, empty: "no history");
                if (TableWriter.Read(result, "nextCursor") is { ValueKind: JsonValueKind.String } more)
                {
                    table.Line($"more: --cursor {more.GetString()}");
                }
            });
        }, ct));
        return command;
    }

    private static Command SetState(CliContext context, RemoteOptions remote)
    {
        var name = new Argument<string>("name") { Description = "Alarm name" };
        var state = new Argument<string>("state") { Description = "OK, ALARM or INSUFFICIENT_DATA" };
        var reason = new Option<string>("--reason", "-r") { Description = "Why (kept in the history)", Required = true };
        var command = new Command("set-state", "Set an alarm's state until its next evaluation, running the transition's actions (to test them).") { name, state, reason };
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var body = new JsonObject { ["state"] = parsed.GetValue(state), ["reason"] = parsed.GetValue(reason) };
            var result = await session.Api.SendJsonAsync(HttpMethod.Post, $"alarms/{Uri.EscapeDataString(parsed.GetValue(name)!)}/state", body, token);
            session.Write(result, table => table.Line($"alarm {parsed.GetValue(name)}: {TableWriter.Cell(TableWriter.Read(result, "state"))}"));
        }, ct));
        return command;
    }

    private static Command Mute(CliContext context, RemoteOptions remote)
    {
        var name = new Argument<string>("name") { Description = "Alarm name" };
        var duration = new Option<string>("--for") { Description = "How long, e.g. 30m or 2h", Required = true };
        var reason = new Option<string>("--reason", "-r") { Description = "Why (shown in the history)", Required = true };
        var command = new Command("mute", "Mute an alarm's actions for a while (transitions are still recorded).") { name, duration, reason };
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var until = DateTimeOffset.UtcNow + Durations.Parse(parsed.GetValue(duration)!, "--for");
            var body = new JsonObject { ["until"] = until.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ["reason"] = parsed.GetValue(reason) };
            var result = await session.Api.SendJsonAsync(HttpMethod.Post, $"alarms/{Uri.EscapeDataString(parsed.GetValue(name)!)}/mute", body, token);
            session.Write(result, table => table.Line($"alarm {parsed.GetValue(name)} muted until {until:u}"));
        }, ct));
        return command;
    }
}
