using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api.Routes;

/// <summary>The template catalog over HTTP: list, expand with metric names, and the expansion validates as a policy file.</summary>
[Collection(RoutesCollection.Name)]
public sealed class TemplateRouteTests(RoutesSilo silo)
{
    [Fact]
    public async Task Templates_are_listed_and_expand_into_a_valid_policy_file()
    {
        using var client = silo.Client(TestKeys.Viewer);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/templates");
        var templates = list.GetProperty("templates").EnumerateArray().ToList();
        Assert.NotEmpty(templates);
        var template = templates.First(t => t.GetProperty("metricRoles").EnumerateObject().Any());
        var name = template.GetProperty("name").GetString()!;
        var role = template.GetProperty("metricRoles").EnumerateObject().First().Name;

        using var expanded = await client.PostAsJsonAsync($"/api/autoscaling/templates/{name}/expand", new { metrics = new Dictionary<string, string> { [role] = "my_metric" } });
        Assert.Equal(HttpStatusCode.OK, expanded.StatusCode);
        var file = await expanded.Content.ReadAsStringAsync();
        Assert.Contains("my_metric", file, StringComparison.Ordinal);

        using var validated = await client.PostAsync("/api/autoscaling/policies/validate", Bodies.Json(file));
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_names_metrics_and_an_unknown_template_is_404()
    {
        using var client = silo.Client(TestKeys.Viewer);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/autoscaling/templates");
        var name = list.GetProperty("templates")[0].GetProperty("name").GetString()!;

        using var badRole = await client.PostAsJsonAsync($"/api/autoscaling/templates/{name}/expand", new { metrics = new { noSuchRole = "x" } });
        using var unknown = await client.GetAsync("/api/autoscaling/templates/no-such-template");

        Assert.NotEmpty(Problem.ErrorsFor(await Problem.AssertAsync(badRole, 400), "metrics"));
        await Problem.AssertAsync(unknown, 404);
    }
}
