using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Grains.Interfaces;
using Autoscaler.Manifests;
using Autoscaler.Silo.Api.Problems;
using Autoscaler.Silo.Api.Routes;
using Autoscaler.Silo.Api.Routes.Models;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Autoscaler.Silo.ControlPlane.Fleet;

/// <summary>
/// Applies <see cref="FleetConfigurationOptions.ConfigPath"/> once the silo has joined its cluster, through the same
/// path as <c>POST /api/autoscaling/fleet</c>: unchanged targets are not written, so every silo of a cluster may apply
/// the same files at its start. Invalid files stop the start with one line naming the file, line, document and field.
/// </summary>
internal sealed partial class FleetConfigurationLoader(
    IOptions<FleetConfigurationOptions> options,
    IOptions<HttpJsonOptions> json,
    IGrainFactory grains,
    ILogger<FleetConfigurationLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ConfigPath is not { Length: > 0 } path)
        {
            return;
        }

        var fleet = FleetFiles.Of(ManifestReader.Read([path]));
        var spec = Map(fleet, options.Value.ConfigPrune);
        var result = await grains.GetGrain<IFleetGrain>(IFleetGrain.Key).ApplyAsync(spec);
        if (!result.Succeeded)
        {
            throw new ManifestException(fleet.Errors(result.Errors));
        }

        var view = FleetViews.Result(dryRun: false, result);
        LogApplied(logger, path, view.Summary["create"], view.Summary["update"], view.Summary["unchanged"], view.Summary["delete"]);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private FleetSpec Map(FleetFiles fleet, bool prune)
    {
        FleetRequest? request;
        try
        {
            request = fleet.Request(prune, dryRun: false).Deserialize<FleetRequest>(json.Value.SerializerOptions);
        }
        catch (JsonException error)
        {
            var field = JsonFieldPath.ToFieldName(error.Path);
            var message = error.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown field" : "malformed or of the wrong type";
            throw new ManifestException([new ManifestError(fleet.Locate(field), message)]);
        }

        var (spec, errors) = FleetRequestMapper.Map(request);
        return spec ?? throw new ManifestException(fleet.Errors(errors));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Configuration {Path} applied: {Created} created, {Updated} updated, {Unchanged} unchanged, {Deleted} deleted")]
    private static partial void LogApplied(ILogger logger, string path, int created, int updated, int unchanged, int deleted);
}
