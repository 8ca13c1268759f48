using Autoscaler.Alarms.Actions;
using Autoscaler.Alarms.Model;

namespace Autoscaler.Alarms.Json;

/// <summary>The document names of the engine's enums that are not their C# names.</summary>
public static class EnumNames
{
    /// <summary><c>missing</c>, <c>ignore</c>, <c>breaching</c>, <c>notBreaching</c>.</summary>
    public static string Name(MissingDataTreatment treatment) => treatment switch
    {
        MissingDataTreatment.Ignore => "ignore",
        MissingDataTreatment.Breaching => "breaching",
        MissingDataTreatment.NotBreaching => "notBreaching",
        _ => "missing",
    };

    /// <summary>Parses a <c>treatMissingData</c> name (exact, as CloudWatch spells them).</summary>
    public static MissingDataTreatment? ParseTreatment(string text) => text switch
    {
        "missing" => MissingDataTreatment.Missing,
        "ignore" => MissingDataTreatment.Ignore,
        "breaching" => MissingDataTreatment.Breaching,
        "notBreaching" => MissingDataTreatment.NotBreaching,
        _ => null,
    };

    /// <summary><c>info</c>, <c>warning</c>, <c>critical</c>.</summary>
    public static string Name(AlarmSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary><c>signed</c>, <c>slack</c>, <c>teams</c>.</summary>
    public static string Name(NotifyFormat format) => format.ToString().ToLowerInvariant();
}
