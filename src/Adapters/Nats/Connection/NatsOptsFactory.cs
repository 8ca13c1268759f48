using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.NKeys;

namespace Autoscaler.Adapters.Nats.Connection;

/// <summary>Maps the product's <see cref="NatsOptions"/> onto the client's <see cref="NatsOpts"/>.</summary>
public static class NatsOptsFactory
{
    /// <summary>Builds client options; throws <see cref="InvalidOperationException"/> when NATS is disabled.</summary>
    public static NatsOpts Create(NatsOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            throw new InvalidOperationException("NATS is disabled (Nats:Url is empty).");
        }

        return NatsOpts.Default with
        {
            Url = options.Url!,
            Name = options.Name,
            AuthOpts = CreateAuth(options),
            ConnectTimeout = options.ConnectTimeout,
            CommandTimeout = options.CommandTimeout,
            ReconnectWaitMin = options.ReconnectWaitMin,
            ReconnectWaitMax = options.ReconnectWaitMax,
            ReconnectJitter = options.ReconnectJitter,
            MaxReconnectRetry = options.MaxReconnectRetry,
            RetryOnInitialConnect = options.RetryOnInitialConnect,
            LoggerFactory = loggerFactory ?? NatsOpts.Default.LoggerFactory,
        };
    }

    private static NatsAuthOpts CreateAuth(NatsOptions options)
    {
        switch (options.AuthMode)
        {
            case NatsAuthMode.Token:
                return NatsAuthOpts.Default with { Token = options.Token };
            case NatsAuthMode.UserPassword:
                return NatsAuthOpts.Default with { Username = options.User, Password = options.Password };
            case NatsAuthMode.NKey:
                var seed = NatsSeedReader.Read(options);
                using (var pair = KeyPair.FromSeed(seed))
                {
                    return NatsAuthOpts.Default with { Seed = seed, NKey = pair.GetPublicKey() };
                }

            default:
                return NatsAuthOpts.Default;
        }
    }
}
