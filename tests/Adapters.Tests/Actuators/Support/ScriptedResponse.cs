namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>
/// What the local server answers to one request: <paramref name="Headers"/> are added to the response, and with a
/// <paramref name="Release"/> task the server holds the answer until it completes (a peer that does not answer yet).
/// </summary>
public sealed record ScriptedResponse(
    int Status,
    string Body = "",
    string ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null,
    Task? Release = null);
