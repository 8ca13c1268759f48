using System.Net.Http.Json;
using System.Text.Json;

namespace Autoscaler.Integration.Tests.Api;

/// <summary>Reads and checks a problem+json response.</summary>
public static class Problem
{
    /// <summary>Asserts the response is problem+json with <paramref name="status"/> and the standard members, returns it.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.StartsWith("https://www.rfc-editor.org/rfc/", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, body.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("traceId").GetString()));
        return body;
    }

    /// <summary>The messages <c>errors</c> holds for <paramref name="field"/>.</summary>
    public static string[] ErrorsFor(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
