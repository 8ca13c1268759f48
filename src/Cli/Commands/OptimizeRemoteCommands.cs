using System.CommandLine;
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
        var command = new Command("recommendations", "List cost recommendation records (right-size, schedule, commitment, Spot) with their state.") { target, state };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var query = string.Join('&', new[] { ("target", parsed.GetValue(target)), ("state", parsed.GetValue(state)) }
                .Where(q => q.Item2 is not null).Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2!)}"));
            var result = await session.Api.SendJsonAsync(HttpMethod.Get, "optimize/recommendations" + (query.Length > 0 ? "?" + query : string.Empty), null, token);
            session.Write(result, table => table.Rows(TableWriter.Read(result, "recommendations"), ListColumns, empty: "no recommendations"));
        }, ct));
        return command;
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
        var command = new Command("recompute", "Recompute every target's cost recommendations now and list the open ones.");
        var remote = RemoteOptions.AddTo(command);
        command.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            var result = await session.Api.SendJsonAsync(HttpMethod.Post, "optimize/recompute", null, token);
            session.Write(result, table => table.Rows(TableWriter.Read(result, "recommendations"), ListColumns, empty: "no open recommendations"));
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
