using System.Text.Json;
using Autoscaler.Ports.Actuation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// The <c>compose</c> actuator: <c>docker compose -f FILE -p PROJECT up -d --no-recreate --scale SERVICE=N SERVICE</c> to
/// scale, <c>docker compose -f FILE -p PROJECT ps --all --format json SERVICE</c> to observe (see <see cref="ComposeTarget"/>
/// for the binding). Scaling to the current count again is a no-op for Compose, which makes retried decisions harmless.
/// With the host guard on (<see cref="ComposeHostGuard"/>), a scale-out first reads the service and the host and adds only
/// the replicas that fit; the result then carries a <see cref="HostCapacityLimit"/>. Sizes are not changed from here: a
/// service's CPU and memory limits live in the compose file, which the autoscaler does not rewrite.
/// </summary>
public sealed class ComposeScaleTargetClient(
    ICommandRunner runner,
    IOptions<ComposeActuatorOptions> options,
    IHostCapacityReader host,
    ILogger<ComposeScaleTargetClient> logger) : IScaleTargetClient, IRestartTarget, IResizeTarget
{
    private readonly ComposeActuatorOptions _options = options.Value;

    /// <inheritdoc />
    public ActuatorKind Kind => ActuatorKind.Compose;

    /// <inheritdoc />
    public async Task<ScaleTargetResult> GetCapacityAsync(ScaleTargetRef binding, CancellationToken cancellationToken = default)
    {
        if (!ComposeTarget.TryParse(binding, out var target, out var error))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        return await ReadAsync(target, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScaleTargetResult> SetDesiredCapacityAsync(
        ScaleTargetRef binding,
        DesiredCapacityRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ComposeTarget.TryParse(binding, out var target, out var error)
            || !ComposeHostGuard.TryParse(binding, _options, out var guard, out error))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        if (request.DesiredCapacity < 0)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, "Desired capacity cannot be negative.", 0);
        }

        var (limit, stop) = guard.IsActive ? await GuardAsync(target, guard, request, cancellationToken) : (null, null);
        if (stop is not null)
        {
            return stop;
        }

        var desired = limit?.Granted ?? request.DesiredCapacity;
        var result = await RunAsync(
            target,
            ["up", "-d", "--no-recreate", "--scale", $"{target.Service}={desired}", target.Service],
            cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Decision {DecisionId}: compose scale of {Project}/{Service} failed: {Error}",
                request.DecisionId, target.Project, target.Service, Describe(result));
            return ScaleTargetResult.Failure(Classify(result), Describe(result));
        }

        logger.LogInformation("Decision {DecisionId}: compose service {Project}/{Service} scaled to {Desired}",
            request.DecisionId, target.Project, target.Service, desired);
        var observed = await ReadAsync(target, cancellationToken);
        var attempts = guard.IsActive ? 3 : 2; // the guard read the service first

        // The scale itself succeeded; if ps then fails, report what was set rather than a failure.
        return (observed.Succeeded ? observed with { Attempts = attempts } : ScaleTargetResult.Success(new ObservedCapacity(desired), attempts))
            with { HostLimit = limit };
    }

    // Reads the service and, for a scale-out, the host: the limit when only part fits, or the failure that stops the
    // scale-out (a host that cannot be read does not get replicas it may have no room for).
    private async Task<(HostCapacityLimit? Limit, ScaleTargetResult? Stop)> GuardAsync(
        ComposeTarget target, ComposeHostGuard guard, DesiredCapacityRequest request, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(target, cancellationToken);
        if (!current.Succeeded || current.Capacity!.Desired >= request.DesiredCapacity)
        {
            return (null, current.Succeeded ? null : current);
        }

        HostCapacityReading reading;
        try
        {
            reading = await host.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, "Compose host guard could not read the host's free capacity: " + ex.Message, 1));
        }

        var limit = guard.Limit(current.Capacity.Desired, request.DesiredCapacity, reading);
        if (limit is null)
        {
            return (null, null);
        }

        logger.LogWarning("Decision {DecisionId}: compose service {Project}/{Service}: {Limit}",
            request.DecisionId, target.Project, target.Service, limit.Explanation);
        return limit.Granted <= current.Capacity.Desired
            ? (null, current with { Attempts = 1, HostLimit = limit })
            : (limit, null);
    }

    /// <summary><c>docker compose -f FILE -p PROJECT restart SERVICE</c>, then the service is read back.</summary>
    public async Task<ScaleTargetResult> RestartAsync(ScaleTargetRef binding, string requestId, CancellationToken cancellationToken = default)
    {
        if (!ComposeTarget.TryParse(binding, out var target, out var error))
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Invalid, error, 0);
        }

        var result = await RunAsync(target, ["restart", target.Service], cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Restart {RequestId}: compose restart of {Project}/{Service} failed: {Error}",
                requestId, target.Project, target.Service, Describe(result));
            return ScaleTargetResult.Failure(Classify(result), Describe(result));
        }

        logger.LogInformation("Restart {RequestId}: compose service {Project}/{Service} restarted", requestId, target.Project, target.Service);
        var observed = await ReadAsync(target, cancellationToken);
        return observed.Succeeded ? observed with { Attempts = 2 } : observed;
    }

    /// <summary>How a failed command maps onto the port's error kinds (from Docker's messages; Compose has no error codes).</summary>
    public static ScaleTargetErrorKind Classify(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = result.StandardError;
        return result switch
        {
            { TimedOut: true } => ScaleTargetErrorKind.Transient,
            { FailedToStart: true } => ScaleTargetErrorKind.Invalid,
            _ when Contains(error, "no such service") || Contains(error, "no configuration file")
                   || Contains(error, "no such file or directory") => ScaleTargetErrorKind.NotFound,
            _ when Contains(error, "permission denied") => ScaleTargetErrorKind.Unauthorized,
            _ when Contains(error, "toomanyrequests") || Contains(error, "rate limit") => ScaleTargetErrorKind.Throttled,
            _ when Contains(error, "unknown flag") || Contains(error, "invalid") => ScaleTargetErrorKind.Invalid,
            _ => ScaleTargetErrorKind.Transient, // daemon unreachable, pull failures, port clashes: may pass
        };

        static bool Contains(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<ScaleTargetResult> ReadAsync(ComposeTarget target, CancellationToken cancellationToken)
    {
        var result = await RunAsync(target, ["ps", "--all", "--format", "json", target.Service], cancellationToken);
        if (!result.Succeeded)
        {
            return ScaleTargetResult.Failure(Classify(result), Describe(result));
        }

        try
        {
            return ScaleTargetResult.Success(ComposePsParser.Parse(result.StandardOutput, target.Service));
        }
        catch (JsonException ex)
        {
            return ScaleTargetResult.Failure(ScaleTargetErrorKind.Transient, "Unreadable 'docker compose ps' output: " + ex.Message);
        }
    }

    private Task<CommandResult> RunAsync(ComposeTarget target, IEnumerable<string> command, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new CommandRequest(
                _options.DockerPath,
                [.. target.ProjectArguments(), .. command],
                _options.CommandTimeout,
                target.WorkingDirectory ?? _options.WorkingDirectory),
            cancellationToken);

    private static string Describe(CommandResult result) => result switch
    {
        { TimedOut: true } => "docker compose timed out and was killed.",
        { FailedToStart: true } => result.StandardError,
        _ => $"docker compose exited with {result.ExitCode}: {FirstLine(result.StandardError)}",
    };

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;

    /// <summary>Refuses: a Compose service's CPU and memory limits are part of the compose file, so the file is where they change.</summary>
    public Task<ResizeResult> ResizeAsync(ScaleTargetRef binding, ResizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(ResizeResult.Unsupported(
            "Docker Compose takes a service's CPU and memory limits from the compose file: set deploy.resources.limits "
            + $"(cpus: '{request.Vcpu.ToString(System.Globalization.CultureInfo.InvariantCulture)}', memory: "
            + $"{Math.Round(request.MemoryGiB * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)}M) there and run 'docker compose up -d'."));
    }
}
