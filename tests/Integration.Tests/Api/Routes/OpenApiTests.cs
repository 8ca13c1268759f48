using System.Net;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The OpenAPI document and the Scalar page are public and describe every route.</summary>
[Collection(RoutesCollection.Name)]
public sealed class OpenApiTests(RoutesSilo silo)
{
    [Fact]
    public async Task The_openapi_document_lists_the_routes()
    {
        using var client = silo.Client();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[]
                 {
                     "/api/autoscaling/status", "/api/autoscaling/enable", "/api/autoscaling/targets", "/api/autoscaling/targets/{id}",
                     "/api/autoscaling/targets/{id}/policies", "/api/autoscaling/targets/{id}/policies/{name}",
                     "/api/autoscaling/targets/{id}/scale", "/api/autoscaling/targets/{id}/metrics", "/api/autoscaling/targets/{id}/evaluate",
                     "/api/autoscaling/targets/{id}/enabled", "/api/autoscaling/history/{target}", "/api/autoscaling/recommendations",
                     "/api/autoscaling/costs", "/api/autoscaling/supervisor", "/api/autoscaling/policies/validate", "/api/autoscaling/simulate",
                     "/api/autoscaling/events", "/api/telemetry/{target}", "/api/autoscaling/templates", "/api/autoscaling/templates/{name}/expand",
                 })
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_bearer_and_api_key_authentication()
    {
        using var client = silo.Client();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var apiKey = schemes.GetProperty("apiKey");
        Assert.Equal("apiKey", apiKey.GetProperty("type").GetString());
        Assert.Equal("header", apiKey.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", apiKey.GetProperty("name").GetString());
        var required = document.RootElement.GetProperty("security").EnumerateArray()
            .SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["bearer", "apiKey"], required);
    }

    [Fact]
    public async Task The_scalar_reference_page_is_served()
    {
        using var client = silo.Client();

        using var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_orleans_dashboard_needs_a_credential()
    {
        using var anonymous = silo.Client();
        using var viewer = silo.Client(TestKeys.Viewer);

        using var refused = await anonymous.GetAsync("/dashboard/");
        using var shown = await viewer.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
