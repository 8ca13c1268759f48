namespace Autoscaler.Adapters.Nats;

/// <summary>How the client authenticates to the NATS server.</summary>
public enum NatsAuthMode
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary>A shared token (<c>Nats:Token</c>).</summary>
    Token,

    /// <summary>User name and password (<c>Nats:User</c>, <c>Nats:Password</c>).</summary>
    UserPassword,

    /// <summary>An NKey user seed that signs the server's nonce (<c>Nats:NKeySeed</c> or <c>Nats:NKeySeedFile</c>).</summary>
    NKey,
}
