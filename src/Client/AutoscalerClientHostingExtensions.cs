using System.Net;
using Autoscaler.Grains.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Autoscaler.Client;

/// <summary>Adds the Autoscaler client to an application host.</summary>
public static class AutoscalerClientHostingExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql (the cluster's membership table is in PostgreSQL).</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Registers an Orleans client of the Autoscaler cluster (options from <c>Autoscaler:Client</c>, then
    /// <paramref name="configure"/>), the serializers the contracts need, and <see cref="IAutoscalerClient"/>. The client
    /// connects when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddAutoscalerClient(this IHostApplicationBuilder builder, Action<AutoscalerClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AutoscalerClientOptions();
        builder.Configuration.GetSection(AutoscalerClientOptions.Section).Bind(options);
        configure?.Invoke(options);

        builder.Services.AddOptions<AutoscalerClientOptions>()
            .BindConfiguration(AutoscalerClientOptions.Section)
            .Configure(o => configure?.Invoke(o));
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
            UseClustering(client, options);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IAutoscalerClient, AutoscalerClient>();
        return builder;
    }

    private static void UseClustering(IClientBuilder client, AutoscalerClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = options.ConnectionString;
            });
        }
        else if (options.GatewayEndpoints.Count > 0)
        {
            client.UseStaticClustering(options.GatewayEndpoints.Select(ParseEndpoint).ToArray());
        }
        else
        {
            client.UseLocalhostClustering(options.LocalhostGatewayPort, options.ServiceId, options.ClusterId);
        }
    }

    private static IPEndPoint ParseEndpoint(string text)
    {
        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port != 0)
        {
            return endpoint;
        }

        var separator = text.LastIndexOf(':');
        if (separator > 0 && int.TryParse(text[(separator + 1)..], out var port))
        {
            var address = Dns.GetHostAddresses(text[..separator]).FirstOrDefault()
                ?? throw new ArgumentException($"Autoscaler:Client:GatewayEndpoints: cannot resolve '{text}'");
            return new IPEndPoint(address, port);
        }

        throw new ArgumentException($"Autoscaler:Client:GatewayEndpoints: '{text}' is not host:port");
    }
}
