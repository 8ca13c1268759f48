namespace Autoscaler.Integration.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class ProblemDetailsTests(ApiHostFixture fixture)
{
    private readonly ApiTestHost _host = fixture.Host;

    [Theory]
    [InlineData("""{ "replicas": "three", "reason": "x" }""", "replicas")]
    [InlineData("""{ "replicas": 3, "reason": 42 }""", "reason")]
    [InlineData("not json", "body")]
    public async Task Malformed_json_gets_400_naming_the_field(string json, string field)
    {
        using var client = _host.Client(TestKeys.Operator);

        using var response = await client.PostAsync("/api/probe/scale", AuthorizationTests.JsonContent(json));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.NotEmpty(Problem.ErrorsFor(problem, field));
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validation_helper_names_the_field()
    {
        using var client = _host.Client(TestKeys.Operator);

        using var response = await client.PostAsync("/api/probe/scale", AuthorizationTests.JsonContent("""{ "replicas": -1, "reason": "x" }"""));

        var problem = await Problem.AssertAsync(response, 400);
        Assert.Equal(["must be zero or more"], Problem.ErrorsFor(problem, "replicas"));
    }

    [Fact]
    public async Task A_wrong_media_type_gets_415_as_a_problem()
    {
        using var client = _host.Client(TestKeys.Operator);
        using var content = new StringContent("replicas=3", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync("/api/probe/scale", content);

        await Problem.AssertAsync(response, 415);
    }

    [Fact]
    public async Task An_exception_gets_500_without_message_or_stack_trace()
    {
        using var client = _host.Client(TestKeys.Viewer);

        using var response = await client.GetAsync("/api/probe/throw");

        var problem = await Problem.AssertAsync(response, 500);
        var text = problem.ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ProbeEndpoints", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        // The operator still finds it in the log, by trace id.
        Assert.Contains(_host.Logs.Lines, line => line.Contains(ProbeEndpoints.SecretMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_silo_leaving_the_cluster_gets_503_with_retry_after_not_500()
    {
        using var client = _host.Client(TestKeys.Viewer);

        using var response = await client.GetAsync("/api/probe/silo-leaving");

        var problem = await Problem.AssertAsync(response, 503);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("SiloUnavailableException", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_method_gets_405_as_a_problem()
    {
        using var client = _host.Client(TestKeys.Viewer);

        using var response = await client.DeleteAsync("/api/probe/read");

        await Problem.AssertAsync(response, 405);
    }
}
