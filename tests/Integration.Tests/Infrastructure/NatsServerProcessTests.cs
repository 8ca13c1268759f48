using System.Net;
using System.Net.Sockets;

using Autoscaler.Testing;

namespace Autoscaler.Integration.Tests.Infrastructure;

public sealed class NatsServerProcessTests
{
    [Fact]
    public async Task Starts_listens_on_loopback_and_restarts_on_the_same_port()
    {
        await using var server = await NatsServerProcess.StartAsync();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, server.Port);
        }

        await server.StopAsync();
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var refused = new TcpClient();
            await refused.ConnectAsync(IPAddress.Loopback, server.Port);
        });

        await server.StartAsync();
        using var again = new TcpClient();
        await again.ConnectAsync(IPAddress.Loopback, server.Port);
    }
}
