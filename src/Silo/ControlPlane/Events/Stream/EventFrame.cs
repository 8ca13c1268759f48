namespace Autoscaler.Silo.ControlPlane.Events.Stream;

/// <summary>
/// One server-sent-events message, serialised once as UTF-8 and shared by every client that receives it.
/// <paramref name="Target"/> is the target it concerns (null for messages every client gets, such as a heartbeat).
/// </summary>
public sealed record EventFrame(string? Target, ReadOnlyMemory<byte> Bytes);
