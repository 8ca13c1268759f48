using System.Text.RegularExpressions;
using Autoscaler.Ports.Actuation;

namespace Autoscaler.Adapters.Actuators.Compose;

/// <summary>
/// A Compose service from binding settings: <c>file</c> (one or more compose files separated by <c>;</c>),
/// <c>project</c>, <c>service</c>, optional <c>workingDirectory</c>. Names are checked so that none can be read as a flag.
/// </summary>
public sealed partial record ComposeTarget(IReadOnlyList<string> Files, string Project, string Service, string? WorkingDirectory)
{
    /// <summary>Arguments common to every command: <c>compose -f FILE... -p PROJECT</c>.</summary>
    public IEnumerable<string> ProjectArguments()
    {
        yield return "compose";
        foreach (var file in Files)
        {
            yield return "-f";
            yield return file;
        }

        yield return "-p";
        yield return Project;
    }

    /// <summary>Parses and validates the binding; the error says which setting is wrong.</summary>
    public static bool TryParse(ScaleTargetRef binding, out ComposeTarget target, out string error)
    {
        ArgumentNullException.ThrowIfNull(binding);
        target = null!;
        var files = (binding.Setting("file") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var project = binding.Setting("project");
        var service = binding.Setting("service");
        error = files.Length == 0 || files.Any(f => f.StartsWith('-')) ? "'file' must name compose file(s), separated by ';'"
            : project is null || !ProjectName().IsMatch(project) ? "'project' must be lower-case letters, digits, '-' or '_'"
            : service is null || !ServiceName().IsMatch(service) ? "'service' must be letters, digits, '.', '-' or '_'"
            : string.Empty;
        if (error.Length > 0)
        {
            error = $"Compose binding of target {binding.TargetId}: {error}.";
            return false;
        }

        target = new ComposeTarget(files, project!, service!, binding.Setting("workingDirectory"));
        return true;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex ProjectName();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex ServiceName();
}
