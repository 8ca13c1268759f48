using Autoscaler.Ports.History;

namespace Autoscaler.Adapters.PostgreSql.History;

/// <summary>The stored spelling of each <see cref="ScalingHistoryKind"/> (stable: rows outlive code renames).</summary>
internal static class ScalingHistoryKindNames
{
    public static string ToName(ScalingHistoryKind kind) => kind switch
    {
        ScalingHistoryKind.Decision => "decision",
        ScalingHistoryKind.Actuated => "actuated",
        ScalingHistoryKind.Failed => "failed",
        ScalingHistoryKind.RolledBack => "rolled-back",
        ScalingHistoryKind.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown scaling history kind"),
    };

    public static ScalingHistoryKind FromName(string name) => name switch
    {
        "decision" => ScalingHistoryKind.Decision,
        "actuated" => ScalingHistoryKind.Actuated,
        "failed" => ScalingHistoryKind.Failed,
        "rolled-back" => ScalingHistoryKind.RolledBack,
        "manual" => ScalingHistoryKind.Manual,
        _ => throw new InvalidDataException($"unknown scaling history kind '{name}' in the database"),
    };
}
