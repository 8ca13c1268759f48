using Autoscaler.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Autoscaler.Integration.Tests.Client;

/// <summary><c>AddAutoscalerClient</c> hands the SDK's response timeout to the Orleans client (nothing is started).</summary>
public sealed class ClientHostingTests
{
    [Fact]
    public void The_response_timeout_defaults_to_orleans_thirty_seconds()
    {
        using var host = Build(null, null);

        Assert.Equal(TimeSpan.FromSeconds(30), host.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
    }

    [Fact]
    public void The_response_timeout_is_read_from_configuration_and_code_wins()
    {
        using var configured = Build("00:00:12", null);
        using var coded = Build("00:00:12", TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(12), configured.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), coded.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
    }

    private static IHost Build(string? configured, TimeSpan? coded)
    {
        var builder = Host.CreateApplicationBuilder();
        if (configured is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("Autoscaler:Client:ResponseTimeout", configured)]);
        }

        builder.AddAutoscalerClient(options =>
        {
            if (coded is { } timeout)
            {
                options.ResponseTimeout = timeout;
            }
        });
        return builder.Build();
    }
}
