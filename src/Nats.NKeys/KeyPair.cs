namespace NATS.NKeys;

/// <summary>Placeholder until implemented.</summary>
public sealed class KeyPair
{
}
