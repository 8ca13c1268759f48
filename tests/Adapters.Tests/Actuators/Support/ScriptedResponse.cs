namespace Autoscaler.Adapters.Tests.Actuators.Support;

/// <summary>What the local server answers to one request.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", string ContentType = "application/json");
