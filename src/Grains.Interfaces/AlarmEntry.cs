namespace Autoscaler.Grains.Interfaces;

/// <summary>An alarm in the directory: its target and the alarms it reads (a composite's rule and suppressor).</summary>
/// <param name="Name">The alarm's name.</param>
/// <param name="Target">Its target, if any.</param>
/// <param name="Watches">Alarms whose state it reads.</param>
[GenerateSerializer, Immutable, Alias("autoscaler.AlarmEntry")]
public sealed record AlarmEntry(string Name, string? Target, IReadOnlyList<string> Watches);
