using Autoscaler.Silo.Api.Problems;

namespace Autoscaler.Integration.Tests.Api;

public sealed class JsonFieldPathTests
{
    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("$", "body")]
    [InlineData("$.replicas", "replicas")]
    [InlineData("$.target.min", "target.min")]
    [InlineData("$.metrics['cpu.p95']", "metrics.cpu.p95")]
    [InlineData("$[2].source", "[2].source")]
    [InlineData("$.samples[0].ts", "samples[0].ts")]
    public void Json_paths_become_field_names(string? path, string field) =>
        Assert.Equal(field, JsonFieldPath.ToFieldName(path));
}
