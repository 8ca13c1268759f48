using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class AuthenticationTests(ApiHostFixture fixture)
{
    private readonly ApiTestHost _host = fixture.Host;

    [Fact]
    public async Task No_credential_gets_401_with_a_bearer_challenge_and_a_problem()
    {
        using var client = _host.Client();
        using var response = await client.GetAsync("/api/probe/read");

        var problem = await Problem.AssertAsync(response, 401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Null(response.Headers.WwwAuthenticate.Single().Parameter);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_navigating_to_the_api_still_gets_a_complete_problem()
    {
        using var client = _host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/probe/read");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        using var response = await client.SendAsync(request);

        await Problem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task Wrong_key_gets_401_marked_invalid_token()
    {
        using var client = _host.Client(TestKeys.Wrong);
        using var response = await client.GetAsync("/api/probe/read");

        await Problem.AssertAsync(response, 401);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"invalid_token\"", challenge.Parameter);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("X-Api-Key")]
    public async Task A_valid_key_is_accepted_in_either_header(string header)
    {
        using var client = _host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/autoscaling/whoami");
        if (header == "Bearer")
        {
            request.Headers.Authorization = new("Bearer", TestKeys.Operator);
        }
        else
        {
            request.Headers.Add("X-Api-Key", TestKeys.Operator);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var who = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ops", who.GetProperty("name").GetString());
        Assert.Equal("operator", who.GetProperty("role").GetString());
        Assert.Equal("api-key", who.GetProperty("credential").GetString());
    }

    [Fact]
    public async Task The_query_string_is_not_a_credential()
    {
        using var client = _host.Client();
        using var response = await client.GetAsync($"/api/probe/read?access_token={TestKeys.Viewer}&api_key={TestKeys.Viewer}");

        await Problem.AssertAsync(response, 401);
    }

    [Fact]
    public async Task Api_responses_are_never_cached()
    {
        using var client = _host.Client(TestKeys.Viewer);
        using var response = await client.GetAsync("/api/probe/read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
