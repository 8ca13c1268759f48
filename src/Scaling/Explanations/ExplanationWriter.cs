using System.Globalization;
using System.Runtime.CompilerServices;

namespace Autoscaler.Scaling.Explanations;

/// <summary>
/// The text of one evaluation's explanation lines, written into one reusable buffer. Policies and the engine append
/// with interpolated strings (<see cref="ExplanationHandler"/>) that format straight into the buffer, so explaining
/// costs no allocation once the buffer has grown to fit; lines become strings only when someone reads them as strings.
/// </summary>
public sealed class ExplanationWriter
{
    private char[] _text;
    private int _length;
    private int[] _lineEnds = new int[8];
    private int _lineCount;

    /// <summary>Creates a writer with room for <paramref name="capacity"/> characters before it first grows.</summary>
    public ExplanationWriter(int capacity = 1024) => _text = new char[Math.Max(capacity, 64)];

    /// <summary>Completed lines.</summary>
    public int LineCount => _lineCount;

    /// <summary>Line <paramref name="index"/>, without copying.</summary>
    public ReadOnlySpan<char> Line(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _lineCount);
        var start = LineStart(index);
        return _text.AsSpan(start, _lineEnds[index] - start);
    }

    /// <summary>Line <paramref name="index"/> as a new string.</summary>
    public string LineText(int index) => new(Line(index));

    /// <summary>Every completed line as new strings, in order.</summary>
    public string[] ToLines()
    {
        var lines = new string[_lineCount];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = LineText(i);
        }

        return lines;
    }

    /// <summary>Forgets every line (the buffer is kept for the next evaluation).</summary>
    public void Clear()
    {
        _length = 0;
        _lineCount = 0;
    }

    /// <summary>Completes the open line; the next append starts a new one.</summary>
    public void EndLine()
    {
        if (_lineCount == _lineEnds.Length)
        {
            Array.Resize(ref _lineEnds, _lineEnds.Length * 2);
        }

        _lineEnds[_lineCount++] = _length;
    }

    /// <summary>Appends interpolated text, formatted with the invariant culture, to the open line.</summary>
    public void Append([InterpolatedStringHandlerArgument("")] ref ExplanationHandler text)
    {
        // The handler has already written into this writer; nothing is left to do.
    }

    /// <summary>Appends <paramref name="text"/> to the open line.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        _length += text.Length;
    }

    /// <summary>Appends a formatted value (invariant culture) to the open line.</summary>
    public void AppendValue<T>(T value, string? format = null)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_text.AsSpan(_length), out written, format, CultureInfo.InvariantCulture))
        {
            Grow(_text.Length);
        }

        _length += written;
    }

    private Span<char> Reserve(int count)
    {
        if (_text.Length - _length < count)
        {
            Grow(count);
        }

        return _text.AsSpan(_length, count);
    }

    private void Grow(int atLeast) => Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + atLeast));

    private int LineStart(int index) => index == 0 ? 0 : _lineEnds[index - 1];
}
