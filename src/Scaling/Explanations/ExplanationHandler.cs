using System.Runtime.CompilerServices;

namespace Autoscaler.Scaling.Explanations;

/// <summary>
/// Formats an interpolated string straight into an <see cref="ExplanationWriter"/> (invariant culture): what lets
/// <c>writer.Append($"{name}: {value:0.##}")</c> explain without allocating.
/// </summary>
[InterpolatedStringHandler]
public readonly ref struct ExplanationHandler
{
    private readonly ExplanationWriter _writer;

    /// <summary>Called by the compiler for <see cref="ExplanationWriter.Append(ref ExplanationHandler)"/>.</summary>
    public ExplanationHandler(int literalLength, int formattedCount, ExplanationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => _writer.Append(value);

    /// <summary>Appends a string hole.</summary>
    public void AppendFormatted(string? value) => _writer.Append(value);

    /// <summary>Appends a span hole.</summary>
    public void AppendFormatted(ReadOnlySpan<char> value) => _writer.Append(value);

    /// <summary>Appends a formattable hole (numbers, times, enums) with an optional format.</summary>
    public void AppendFormatted<T>(T value, string? format = null)
        where T : ISpanFormattable => _writer.AppendValue(value, format);
}
