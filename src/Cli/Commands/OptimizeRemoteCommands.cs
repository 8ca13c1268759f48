using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// The cost recommendation records of a running control plane: <c>optimize recommendations [--target] [--state]</c>,
/// <c>optimize apply ID [--reason] [--dry-run]</c>, <c>optimize dismiss ID --reason</c> and <c>optimize recompute</c>.
/// </summary>
internal static class OptimizeRemoteCommands
{
    private static readonly string[] ListColumns = ["id", "target", "kind", "state", "monthlySavings", "riskPercent", "confidenceDays", "summary"];
    private static readonly string[] States = ["open", "applied", "dismissed", "superseded"];

    public static void AddTo(Command optimize, CliContext context)
    {
        optimize.Subcommands.Add(List(context));
        optimize.Subcommands.Add(Apply(context));
        optimize.Subcommands.Add(Dismiss(context));
        optimize.Subcommands.Add(Recompute(context));
    }

    private static Command List(CliContext context)
    {
        var target = new Option<string?>("--target", "-t") { Description = "Only this target's recommendations" };
        var state = new Option<string?>("--state") { Description = "Only recommendations in this state (open, applied, dismissed, superseded)" };
        state.AcceptOnlyFromAmong(States);
        var limit = new Option<int?>("--limit") { Description = "Records per page (1-1000; the server's default: 100)" };
        var offset = new Option<int?>("--offset") { Description = "Records to skip (the next page starts at offset + limit)" };
        var command = new Command("recommendations", "List cost recommendation records (right-size, schedule, commitment, Spot) with their state, newest first, a page at a time.")
        {
            target, state, limit, offset,
        };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var query = string.Join('&', new[]
                {
                    ("target", parsed.GetValue(target)), ("state", parsed.GetValue(state)),
                    ("limit", parsed.GetValue(limit)?.ToString(CultureInfo.InvariantCulture)), ("offset", parsed.GetValue(offset)?.ToString(CultureInfo.InvariantCulture)),
                }
                .Where(q => q.Item2 is not null).Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2!)}"));
            var result = await session.Api.SendJsonAsync(HttpMethod.Get, "optimize/recommendations" + (query.Length > 0 ? "?" + query : string.Empty), null, token);
            session.Write(result, table =>
            {
                table.Rows(TableWriter.Read(result, "recommendations"), ListColumns, empty: "no recommendations");
                PageLine(table, result);
            });
        }, ct));
        return command;
    }

    /// <summary>"records 1-100 of 22,014: --offset 100 for the next page" when the page is not all of them.</summary>
    private static void PageLine(TableWriter table, JsonElement result)
    {
        var count = result.GetProperty("recommendations").GetArrayLength();
        var total = result.GetProperty("total").GetInt32();
        var offset = result.GetProperty("offset").GetInt32();
        if (count < total)
        {
            var next = offset + count < total ? $": --offset {offset + count} for the next page" : string.Empty;
            table.Line(string.Create(CultureInfo.InvariantCulture, $"records {(count == 0 ? offset : offset + 1)}-{offset + count} of {total:N0}{next}"));
        }
    }

    private static Command Apply(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Recommendation id (rec-...)" };
        var reason = new Option<string?>("--reason", "-r") { Description = "Why (kept with the record and, for a size change, in its audit)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and explain only; the record stays open" };
        var command = new Command("apply", "Apply an open cost recommendation: a size change, a scheduled policy, or a recorded purchase.") { id, reason, dryRun };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var body = new JsonObject { ["reason"] = parsed.GetValue(reason), ["dryRun"] = parsed.GetValue(dryRun) };
            await SendAsync(session, parsed.GetValue(id)!, "apply", body, token);
        }, ct));
        return command;
    }

    private static Command Dismiss(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Recommendation id (rec-...)" };
        var reason = new Option<string>("--reason", "-r") { Description = "Why (required; the same proposal is not raised again)", Required = true };
        var command = new Command("dismiss", "Dismiss an open cost recommendation, saying why.") { id, reason };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, (session, token) =>
            SendAsync(session, parsed.GetValue(id)!, "dismiss", new JsonObject { ["reason"] = parsed.GetValue(reason) }, token), ct));
        return command;
    }

    private static Command Recompute(CliContext context)
    {
        var command = new Command("recompute", "Recompute every target's cost recommendations now (minutes for a large fleet); say what changed and list the first open ones.");
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var result = await session.Api.RecomputeRecommendationsAsync(token);
            session.Write(result, table =>
            {
                table.Fields(result.GetProperty("recompute"), "recompute");
                table.Rows(TableWriter.Read(result, "recommendations"), ListColumns, empty: "no open recommendations");
                PageLine(table, result);
            });
        }, ct));
        return command;
    }

    private static async Task SendAsync(RemoteSession session, string id, string verb, JsonObject body, CancellationToken token)
    {
        var result = await session.Api.SendJsonAsync(HttpMethod.Post, $"optimize/recommendations/{Uri.EscapeDataString(id)}/{verb}", body, token);
        session.Write(result, table =>
        {
            table.Line($"{id}: {result.GetProperty("outcome").GetString()}: {result.GetProperty("message").GetString()}");
            table.Fields(result.GetProperty("recommendation"), id);
        });
    }
}
