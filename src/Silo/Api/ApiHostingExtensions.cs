using System.Text.Json.Serialization;
using Autoscaler.Ingestion;
using Autoscaler.Silo.Api.Routes;
using Autoscaler.Silo.Api.Routes.Alarms;
using Autoscaler.Silo.Api.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace Autoscaler.Silo.Api;

/// <summary>The REST API under <c>/api/autoscaling</c>, HTTP telemetry, the OpenAPI document (<c>/openapi/v1.json</c>),
/// its reference page (<c>/scalar</c>) and the Orleans dashboard (<c>/dashboard</c>).</summary>
public static class ApiHostingExtensions
{
    /// <summary>The REST API's root.</summary>
    public const string Root = "/api/autoscaling";

    /// <summary>Registers what the routes need: strict JSON bodies (camelCase; unknown fields are an error naming the
    /// field), the OpenAPI document and the telemetry parser pool.</summary>
    public static IServiceCollection AddAutoscalerApi(this IServiceCollection services)
    {
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Optimization.CostOptimizationOptions>().BindConfiguration(Optimization.CostOptimizationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<Optimization.CostOptimizationOptions>, Optimization.CostOptimizationValidation>();
        services.AddSingleton<Grains.Sizing.ITargetSizeSettings, Optimization.ConfiguredTargetSizes>();
        services.AddSingleton<Grains.Sizing.IInstancePricing, Optimization.ConfiguredInstancePricing>();
        Optimization.RecommendationsHostingExtensions.AddAutoscalerRecommendations(services);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSecuritySchemes>());
        services.TryAddSingleton<ObjectPoolProvider, DefaultObjectPoolProvider>();
        services.AddSingleton(sp => sp.GetRequiredService<ObjectPoolProvider>().Create(
            new TelemetryParserPolicy(sp.GetRequiredService<IOptions<TelemetryIngestionOptions>>().Value)));
        return services;
    }

    /// <summary>Maps every route. The OpenAPI document and the Scalar page are public: they describe the routes and hold
    /// no data. The Orleans dashboard needs a viewer (header credential or the dashboard cookie, see SECURITY.md).</summary>
    public static WebApplication MapAutoscalerApi(this WebApplication app)
    {
        var api = app.MapGroup(Root);
        StatusEndpoints.Map(api);
        TargetsEndpoints.Map(api);
        PoliciesEndpoints.Map(api);
        ScaleEndpoints.Map(api);
        MetricsEndpoints.Map(api);
        TraceEndpoints.Map(api);
        OptimizeEndpoints.Map(api);
        SizeEndpoints.Map(api);
        RecommendationEndpoints.Map(api);
        HistoryEndpoints.Map(api);
        InsightsEndpoints.Map(api);
        EngineEndpoints.Map(api);
        TemplatesEndpoints.Map(api);
        FleetEndpoints.Map(api);
        EventsEndpoints.Map(api);
        AlarmsEndpoints.Map(api);
        TelemetryEndpoints.Map(app);

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapOrleansDashboard(routePrefix: ApiPaths.OrleansDashboard.Value!);
        return app;
    }
}
