using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Sources;

/// <summary>Checks every source at start-up; each message names the key to fix (<c>Sources:N:Key</c>).</summary>
internal sealed class MetricSourcesOptionsValidator : IValidateOptions<MetricSourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricSourcesOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            Validate(options.Sources[i], $"{MetricSourcesOptions.SectionName}:{i}:", errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Validate(MetricSourceOptions source, string key, List<string> errors)
    {
        if (source.Kind is null)
        {
            errors.Add($"{key}Kind is required: prometheus or postgresql.");
        }

        Require(source.Target, key + "Target", "the scale target that receives the samples", errors);
        Require(source.Metric, key + "Metric", "the metric name the values are reported under", errors);
        Require(source.Query, key + "Query", source.Kind == MetricSourceKind.PostgreSql ? "the SQL query" : "the PromQL query", errors);
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

    private static void Require(string value, string key, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required: {what}.");
        }
    }
}
