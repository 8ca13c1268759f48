namespace Autoscaler.Adapters.Nats.Telemetry;

/// <summary>Parses <c>{prefix}.{target}</c> and <c>{prefix}.{target}.lifecycle</c>; a target id is letters, digits, '-' and '_'.</summary>
public static class TelemetrySubject
{
    /// <summary>The token after the prefix that carries republished rejects; never a target id.</summary>
    public const string RejectedToken = "rejected";

    private const string LifecycleSuffix = ".lifecycle";

    /// <summary>Classifies <paramref name="subject"/>; for samples and lifecycle, <paramref name="target"/> is the target id.</summary>
    public static TelemetrySubjectKind Parse(ReadOnlySpan<char> subject, ReadOnlySpan<char> prefix, out ReadOnlySpan<char> target)
    {
        target = default;
        if (subject.Length <= prefix.Length + 1 || !subject.StartsWith(prefix, StringComparison.Ordinal) || subject[prefix.Length] != '.')
        {
            return TelemetrySubjectKind.Invalid;
        }

        var rest = subject[(prefix.Length + 1)..];
        var kind = TelemetrySubjectKind.Samples;
        if (rest.EndsWith(LifecycleSuffix, StringComparison.Ordinal))
        {
            rest = rest[..^LifecycleSuffix.Length];
            kind = TelemetrySubjectKind.Lifecycle;
        }

        if (!IsValidTarget(rest))
        {
            return TelemetrySubjectKind.Invalid;
        }

        if (rest.SequenceEqual(RejectedToken))
        {
            return kind == TelemetrySubjectKind.Samples ? TelemetrySubjectKind.Rejected : TelemetrySubjectKind.Invalid;
        }

        target = rest;
        return kind;
    }

    /// <summary>True for a non-empty id of ASCII letters, digits, '-' and '_' (at most 128 characters).</summary>
    public static bool IsValidTarget(ReadOnlySpan<char> target)
    {
        if (target.IsEmpty || target.Length > 128)
        {
            return false;
        }

        foreach (var c in target)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
