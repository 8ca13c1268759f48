using Autoscaler.Adapters.Sources.CloudWatch;

namespace Autoscaler.Adapters.Tests.Sources;

/// <summary>The text forms of a cloudWatch source's settings: <c>Dimensions</c> and <c>Statistic</c>.</summary>
public sealed class CloudWatchSettingsTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    [InlineData("ServiceName=worker", "ServiceName=worker")]
    [InlineData(" ClusterName = prod ,ServiceName=worker ", "ClusterName=prod|ServiceName=worker")]
    [InlineData("QueueName=jobs=high", "QueueName=jobs=high")] // only the first '=' splits
    [InlineData("InstanceId=i-0abc,instanceid=i-0def", "InstanceId=i-0abc|instanceid=i-0def")] // names are case-sensitive
    public void Dimensions_parse_into_name_value_pairs(string? text, string expected)
    {
        Assert.True(CloudWatchDimensionParser.TryParse(text, out var dimensions, out var error), error);

        Assert.Equal(expected, string.Join('|', dimensions.Select(d => $"{d.Name}={d.Value}")));
    }

    [Theory]
    [InlineData("ClusterName", "'ClusterName' has no '='")]
    [InlineData("ClusterName=prod,", "an empty pair (a stray comma?)")]
    [InlineData("=prod", "'=prod' has no name")]
    [InlineData("ClusterName= ", "'ClusterName' has no value")]
    [InlineData("ServiceName=a,ServiceName=b", "'ServiceName' appears twice")]
    public void Bad_dimensions_say_which_pair_is_wrong(string text, string expected)
    {
        Assert.False(CloudWatchDimensionParser.TryParse(text, out var dimensions, out var error));

        Assert.Equal(expected, error);
        Assert.Empty(dimensions);
    }

    [Fact]
    public void More_than_thirty_dimensions_are_refused()
    {
        var text = string.Join(',', Enumerable.Range(0, 31).Select(i => $"D{i}=v"));

        Assert.False(CloudWatchDimensionParser.TryParse(text, out _, out var error));

        Assert.Equal("31 dimensions; CloudWatch allows at most 30", error);
    }

    [Theory]
    [InlineData("Average", "Average")]
    [InlineData("average", "Average")]
    [InlineData(" SUM ", "Sum")]
    [InlineData("maximum", "Maximum")]
    [InlineData("Minimum", "Minimum")]
    [InlineData("samplecount", "SampleCount")]
    [InlineData("p99", "p99")]
    [InlineData("P99.9", "p99.9")]
    [InlineData("p99.99", "p99.99")]
    [InlineData("p0", "p0")]
    [InlineData("p100", "p100")]
    public void Statistics_are_accepted_in_any_case_and_sent_in_CloudWatchs_spelling(string text, string expected)
    {
        Assert.True(CloudWatchStatistic.TryNormalize(text, out var statistic));

        Assert.Equal(expected, statistic);
    }

    [Theory]
    [InlineData("Median")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("p101")]
    [InlineData("p99.999")]
    [InlineData("p")]
    [InlineData("99")]
    [InlineData("tm99")]
    public void Other_statistics_are_refused(string? text)
    {
        Assert.False(CloudWatchStatistic.TryNormalize(text, out _));
    }
}
