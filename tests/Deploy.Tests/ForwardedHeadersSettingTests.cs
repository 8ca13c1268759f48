using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.Deploy.Tests;

/// <summary>
/// The ECS stack sets <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> so that the silos see callers' addresses behind
/// the load balancer (per-client rate limits, logs). ASP.NET Core reads it as the key <c>FORWARDEDHEADERS_ENABLED</c>
/// (the ASPNETCORE_ prefix stripped); this shows a host built as the silo's is honours it, on a real Kestrel.
/// </summary>
public sealed class ForwardedHeadersSettingTests
{
    /// <summary>The configuration key behind <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>.</summary>
    public const string Key = "FORWARDEDHEADERS_ENABLED";

    [Theory]
    [InlineData(true, "203.0.113.7")]
    [InlineData(false, "127.0.0.1")]
    public async Task The_switch_makes_the_caller_the_forwarded_address(bool enabled, string seen)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration[Key] = enabled ? "true" : "false";
        builder.Configuration["Urls"] = "http://127.0.0.1:0";
        await using var app = builder.Build();
        app.MapGet("/caller", (HttpContext context) => context.Connection.RemoteIpAddress?.MapToIPv4().ToString());
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, address + "/caller");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(seen, await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }
}
