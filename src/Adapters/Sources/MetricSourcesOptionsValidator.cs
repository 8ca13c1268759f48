using System.Globalization;
using System.Text.RegularExpressions;
using Autoscaler.Adapters.Sources.CloudWatch;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Sources;

/// <summary>Checks every source at start-up; each message names the key to fix (<c>Sources:N:Key</c>).</summary>
internal sealed partial class MetricSourcesOptionsValidator : IValidateOptions<MetricSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricSourcesOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            Validate(source, $"{MetricSourcesOptions.SectionName}:{source.Key ?? i.ToString(CultureInfo.InvariantCulture)}:", errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Validate(MetricSourceOptions source, string key, List<string> errors)
    {
        if (source.Kind is null)
        {
            errors.Add($"{key}Kind is required: prometheus, postgresql or cloudWatch.");
        }

        Require(source.Target, key + "Target", "the scale target that receives the samples", errors);
        Require(source.Metric, key + "Metric", "the metric name the values are reported under", errors);
        if (source.Kind != MetricSourceKind.CloudWatch)
        {
            Require(source.Query, key + "Query", source.Kind == MetricSourceKind.PostgreSql ? "the SQL query" : "the PromQL query", errors);
        }

        if (source.Metric.Any(char.IsWhiteSpace))
        {
            errors.Add($"{key}Metric '{source.Metric}' must not contain whitespace.");
        }

        if (source.Kind == MetricSourceKind.Prometheus)
        {
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{key}Url is required for a prometheus source: the server's http(s) base URL, e.g. http://127.0.0.1:9090.");
            }

            Require(source.InstanceLabel, key + "InstanceLabel", "the series label that names the instance", errors);
        }

        if (source.Kind == MetricSourceKind.PostgreSql && string.IsNullOrWhiteSpace(source.ConnectionString))
        {
            errors.Add($"{key}ConnectionString is required for a postgresql source when ConnectionStrings:{MetricSourcesOptions.DefaultConnectionStringName} is not set.");
        }

        if (source.Kind == MetricSourceKind.CloudWatch)
        {
            ValidateCloudWatch(source, key, errors);
        }

        if (source.Interval <= TimeSpan.Zero)
        {
            errors.Add($"{key}Interval must be positive (was {source.Interval}).");
        }

        if (source.Timeout <= TimeSpan.Zero || source.Timeout > source.Interval)
        {
            errors.Add($"{key}Timeout must be positive and at most {key}Interval (was {source.Timeout}, interval {source.Interval}).");
        }

        if (source.StaleAfterFailures < 0)
        {
            errors.Add($"{key}StaleAfterFailures must be 0 or more (was {source.StaleAfterFailures}).");
        }

        if (source.Jitter is { } jitter && (jitter < TimeSpan.Zero || jitter > source.Interval))
        {
            errors.Add($"{key}Jitter must be between 0 and {key}Interval (was {jitter}).");
        }
    }

    private static void ValidateCloudWatch(MetricSourceOptions source, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(source.Region))
        {
            errors.Add($"{key}Region is required for a cloudWatch source (or set AWS_REGION): the AWS region, e.g. eu-west-1.");
        }
        else if (!RegionName().IsMatch(source.Region))
        {
            errors.Add($"{key}Region '{source.Region}' is not an AWS region name such as eu-west-1.");
        }

        if (!string.IsNullOrWhiteSpace(source.Url)
            && (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{key}Url '{source.Url}' must be an http(s) URL: the CloudWatch endpoint override (leave it unset for AWS).");
        }

        if (source.PeriodSeconds is not (1 or 5 or 10 or 20 or 30) && (source.PeriodSeconds <= 0 || source.PeriodSeconds % 60 != 0))
        {
            errors.Add($"{key}PeriodSeconds must be 1, 5, 10, 20, 30 or a multiple of 60 (was {source.PeriodSeconds}).");
        }

        var metricKeys = $"{key}Namespace/MetricName/Dimensions";
        if (!string.IsNullOrWhiteSpace(source.Query))
        {
            if (!string.IsNullOrWhiteSpace(source.Namespace) || !string.IsNullOrWhiteSpace(source.MetricName) || !string.IsNullOrWhiteSpace(source.Dimensions))
            {
                errors.Add($"{key}Query (a CloudWatch expression) and {metricKeys} exclude each other: configure one or the other.");
            }

            return;
        }

        Require(source.Namespace ?? string.Empty, key + "Namespace",
            $"the CloudWatch namespace, e.g. AWS/ECS (or set {key}Query to a CloudWatch expression)", errors);
        Require(source.MetricName ?? string.Empty, key + "MetricName",
            $"the CloudWatch metric name, e.g. CPUUtilization (or set {key}Query to a CloudWatch expression)", errors);
        if (!CloudWatchStatistic.TryNormalize(source.Statistic, out _))
        {
            errors.Add($"{key}Statistic '{source.Statistic}' is not a CloudWatch statistic: {CloudWatchStatistic.Allowed}.");
        }

        if (!CloudWatchDimensionParser.TryParse(source.Dimensions, out _, out var error))
        {
            errors.Add($"{key}Dimensions '{source.Dimensions}' must be Name=Value pairs separated by commas: {error}.");
        }
    }

    private static void Require(string value, string key, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required: {what}.");
        }
    }

    // eu-west-1, us-gov-west-1, cn-north-1, ap-southeast-2: it becomes part of the endpoint's host name.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
