using System.Globalization;
using Autoscaler.Scaling.Explanations;

namespace Autoscaler.Scaling.Tests;

/// <summary>The reusable explanation buffer: lines, growth, reuse, invariant formatting.</summary>
public sealed class ExplanationWriterTests
{
    [Fact]
    public void Lines_hold_what_was_appended_between_line_ends()
    {
        var writer = new ExplanationWriter();
        writer.Append($"cpu: utilization {62.5:0.##}% vs {50}% (ratio {1.25:0.00})");
        writer.Append(" -> 7");
        writer.EndLine();
        writer.EndLine();
        writer.Append("combined: stay at 5");
        writer.EndLine();

        Assert.Equal(3, writer.LineCount);
        Assert.Equal(["cpu: utilization 62.5% vs 50% (ratio 1.25) -> 7", string.Empty, "combined: stay at 5"], writer.ToLines());
        Assert.Equal("combined: stay at 5", writer.Line(2).ToString());
    }

    [Fact]
    public void The_buffer_grows_past_its_capacity_and_past_eight_lines()
    {
        var writer = new ExplanationWriter(capacity: 16);
        var long1 = new string('x', 1000);
        for (var i = 0; i < 20; i++)
        {
            writer.Append($"{i}:{long1}");
            writer.EndLine();
        }

        Assert.Equal(20, writer.LineCount);
        Assert.Equal($"19:{long1}", writer.LineText(19));
        Assert.Equal($"0:{long1}", writer.LineText(0));
    }

    [Fact]
    public void Clear_starts_over_and_reuses_the_buffer()
    {
        var writer = new ExplanationWriter();
        writer.Append("first");
        writer.EndLine();
        writer.Clear();
        writer.Append("second");
        writer.EndLine();

        Assert.Equal(["second"], writer.ToLines());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Reading_a_line_that_does_not_exist_throws(int index)
    {
        var writer = new ExplanationWriter();
        writer.Append("only");
        writer.EndLine();

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.LineText(index));
    }

    [Fact]
    public void Values_use_the_invariant_culture_whatever_the_current_one()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var writer = new ExplanationWriter();
            writer.Append($"{1234.5:0.##} {0.5} {-3:+0;-0;0} {new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc):yyyy-MM-dd'T'HH:mm:ss'Z'}");
            writer.EndLine();

            Assert.Equal("1234.5 0.5 -3 2026-01-02T03:04:05Z", writer.LineText(0));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
