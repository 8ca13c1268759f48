namespace Autoscaler.Cli.Remote;

/// <summary>One message of a <c>text/event-stream</c>.</summary>
/// <param name="Event">The <c>event:</c> field (<c>message</c> when absent).</param>
/// <param name="Data">The <c>data:</c> lines joined with newlines.</param>
/// <param name="Id">The <c>id:</c> field, if any.</param>
public sealed record ServerSentEvent(string Event, string Data, string? Id);
