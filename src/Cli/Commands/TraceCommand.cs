using System.CommandLine;
using System.Globalization;
using Autoscaler.Cli.Remote;

namespace Autoscaler.Cli.Commands;

/// <summary>
/// <c>autoscaler trace export TARGET [--since 7d | --from T] [--to T]</c>: what a live target recorded (hourly demand, the
/// capacity that ran, its policies) as a demand-mode <c>simulate</c> input on standard output, to backtest other policies
/// on the target's own traffic (<c>autoscaler simulate --input trace.json</c>, <c>autoscaler tune</c>).
/// </summary>
public sealed class TraceCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var target = new Argument<string>("target") { Description = "Target id" };
        var since = new Option<string?>("--since") { Description = "Start this long ago, e.g. 24h or 7d (default 7d)" };
        var from = new Option<string?>("--from") { Description = "Start time (RFC 3339); instead of --since" };
        var to = new Option<string?>("--to") { Description = "End time (RFC 3339; default now)" };
        var export = new Command("export", "Export a target's recorded demand and capacity as a simulate input.") { target, since, from, to };
        var remote = RemoteOptions.AddTo(export);
        export.SetAction((parsed, ct) => RemoteRunner.RunAsync(context, parsed, remote, async (session, token) =>
        {
            if (parsed.GetValue(since) is not null && parsed.GetValue(from) is not null)
            {
                throw new RemoteInputException("--since", "give --since or --from, not both");
            }

            var start = parsed.GetValue(since) is { } text ? DateTimeOffset.UtcNow - Durations.Parse(text, "--since") : Time(parsed.GetValue(from), "--from");
            var trace = await session.Api.GetTraceAsync(parsed.GetValue(target)!, start, Time(parsed.GetValue(to), "--to"), token);
            context.Output.Write(JsonOutput.Render(writer => trace.WriteTo(writer)));
        }, ct));
        return new Command("trace", "Recorded demand of live targets, for backtests.") { export };
    }

    private static DateTimeOffset? Time(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new RemoteInputException(option, $"'{text}' is not a time (RFC 3339, e.g. 2026-03-02T00:00:00Z)");
}
