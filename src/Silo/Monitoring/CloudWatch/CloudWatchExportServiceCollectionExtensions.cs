using Autoscaler.Adapters.Aws.CloudWatch;
using Autoscaler.Adapters.Aws.Hosting;
using Autoscaler.Adapters.Aws.Signing;
using Microsoft.Extensions.Options;

namespace Autoscaler.Silo.Monitoring.CloudWatch;

/// <summary>Registers the CloudWatch export when <c>Monitoring:CloudWatch:Enabled</c> is true.</summary>
public static class CloudWatchExportServiceCollectionExtensions
{
    /// <summary>The HTTP client's name.</summary>
    public const string HttpClientName = "cloudwatch-export";

    /// <summary>Adds the options (validated at start-up), the writer, the publisher and the export service.</summary>
    public static IServiceCollection AddAutoscalerCloudWatchExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CloudWatchExportOptions.Section);
        if (!section.GetValue<bool>(nameof(CloudWatchExportOptions.Enabled)))
        {
            return services;
        }

        services.AddOptions<CloudWatchExportOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Region), "Monitoring:CloudWatch:Region is required when the CloudWatch export is enabled.")
            .ValidateOnStart();
        services.AddAutoscalerAwsSigning();
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ICloudWatchMetricWriter>(sp =>
        {
            var export = sp.GetRequiredService<IOptions<CloudWatchExportOptions>>().Value;
            var client = new CloudWatchClientOptions
            {
                Region = export.Region!,
                ServiceUrl = export.ServiceUrl,
                MaxAttempts = export.MaxAttempts,
                BaseRetryDelay = export.BaseRetryDelay,
                MaxRetryDelay = export.MaxRetryDelay,
            };
            return new CloudWatchMetricWriter(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<IAwsRequestSigner>(), client,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new CloudWatchMetricPublisher(
            sp.GetRequiredService<ICloudWatchMetricWriter>(), sp.GetRequiredService<IOptions<CloudWatchExportOptions>>().Value.MaxBuffered,
            sp.GetRequiredService<ILogger<CloudWatchMetricPublisher>>()));
        services.AddHostedService<CloudWatchExportService>();
        return services;
    }
}
