using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Autoscaler.Cli.Remote;

/// <summary>Renders JSON documents as Spectre.Console tables on a <see cref="TextWriter"/> (ANSI only on a terminal).</summary>
public sealed class TableWriter
{
    private readonly IAnsiConsole _console;

    /// <summary>A writer on <paramref name="output"/>.</summary>
    public TableWriter(TextWriter output)
    {
        _console = CreateConsole(output);
    }

    /// <summary>The console tables are written to (for live displays).</summary>
    public IAnsiConsole Console => _console;

    /// <summary>Creates a console on <paramref name="output"/>: the terminal's capabilities on the real console, plain
    /// text and a wide line elsewhere (redirected output, tests).</summary>
    public static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    /// <summary>One line of text.</summary>
    public void Line(string text) => _console.WriteLine(text);

    /// <summary>The scalar fields of <paramref name="document"/> (nested objects flattened as <c>a.b</c>) as a two-column table.</summary>
    public void Fields(JsonElement document, string? title = null)
    {
        var table = new Table { Border = TableBorder.Rounded }.AddColumn("field").AddColumn("value");
        if (title is not null)
        {
            table.Title = new TableTitle(title);
        }

        foreach (var (name, value) in Flatten(document, prefix: null))
        {
            table.AddRow(new Text(name), new Text(value));
        }

        _console.Write(table);
    }

    /// <summary>The items of <paramref name="items"/> as rows, one column per path (<c>lastDecision.kind</c> reads nested fields).</summary>
    public void Rows(JsonElement items, IReadOnlyList<string> columns, string? title = null, string empty = "(none)")
    {
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            _console.WriteLine(title is null ? empty : $"{title}: {empty}");
            return;
        }

        _console.Write(BuildTable(items.EnumerateArray(), columns, title));
    }

    /// <summary>A table of <paramref name="items"/> (for live displays).</summary>
    public static Table BuildTable(IEnumerable<JsonElement> items, IReadOnlyList<string> columns, string? title = null)
    {
        var table = new Table { Border = TableBorder.Rounded };
        if (title is not null)
        {
            table.Title = new TableTitle(title);
        }

        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var item in items)
        {
            table.AddRow(columns.Select(column => (IRenderable)new Text(Cell(Read(item, column)))).ToArray());
        }

        return table;
    }

    /// <summary>The value at a dotted path of <paramref name="item"/> (Undefined when absent).</summary>
    public static JsonElement Read(JsonElement item, string path)
    {
        var current = item;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return default;
            }
        }

        return current;
    }

    /// <summary>A cell's text: scalars as written, string arrays joined, other structures as compact JSON.</summary>
    public static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "-",
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            string.Join("; ", value.EnumerateArray().Select(v => v.GetString())),
        JsonValueKind.Array => value.GetArrayLength().ToString(CultureInfo.InvariantCulture) + " item(s)",
        _ => value.GetRawText(),
    };

    private static IEnumerable<(string Name, string Value)> Flatten(JsonElement element, string? prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var nested in Flatten(property.Value, name))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return (name, Cell(property.Value));
            }
        }
    }
}
