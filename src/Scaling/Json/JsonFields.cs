using System.Globalization;
using System.Text.Json;
using Autoscaler.Scaling.Model;
using Autoscaler.Scaling.Validation;

namespace Autoscaler.Scaling.Json;

/// <summary>
/// Strict reading of one JSON object: typed accessors that name the field path in every error, and a final check
/// (<see cref="Complete"/>) that fails on any field nobody asked for. Nested objects and arrays are read through
/// delegates so that their own check runs too. Every failure is a <see cref="ScalingInputException"/>.
/// </summary>
public sealed class JsonFields
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonFields(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    /// <summary>Path of this object (<c>policies[1]</c>); empty for the document root.</summary>
    public string Path { get; }

    /// <summary>Wraps <paramref name="element"/>, which must be an object without duplicate field names.</summary>
    public static JsonFields Open(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScalingInputException(path, $"must be an object, not {Describe(element.ValueKind)}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new ScalingInputException(FieldPath.Field(path, property.Name), "duplicate field");
            }
        }

        return new JsonFields(element, path);
    }

    /// <summary>The path of field <paramref name="name"/> of this object.</summary>
    public string PathOf(string name) => FieldPath.Field(Path, name);

    /// <summary>An error about field <paramref name="name"/>, to throw.</summary>
    public ScalingInputException Error(string name, string message) => new(PathOf(name), message);

    /// <summary>True when the field is present (even as null). Marks it read.</summary>
    public bool Has(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out _);
    }

    /// <summary>The object's field names in document order (reading them is up to the caller).</summary>
    public IReadOnlyList<string> Names() => [.. _element.EnumerateObject().Select(property => property.Name)];

    /// <summary>The field's raw JSON (for documents that carry JSON through, such as a tuner's policy templates); null when absent or null. Marks it read.</summary>
    public JsonElement? Raw(string name) => Get(name);

    /// <summary>A required string, non-empty.</summary>
    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Error(name, "is required");

    /// <summary>A string, or null when absent or null; empty strings are an error.</summary>
    public string? OptionalString(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(name, $"must be a string, not {Describe(value.ValueKind)}");
        }

        var text = value.GetString()!;
        return text.Length > 0 ? text : throw Error(name, "must not be empty");
    }

    /// <summary>A required finite number.</summary>
    public double RequiredNumber(string name) => OptionalNumber(name) ?? throw Error(name, "is required");

    /// <summary>A finite number, or null when absent or null.</summary>
    public double? OptionalNumber(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        return ReadNumber(value, PathOf(name));
    }

    /// <summary>A required integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int RequiredInt(string name, int min = int.MinValue, int max = int.MaxValue) =>
        OptionalInt(name, min, max) ?? throw Error(name, "is required");

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>], or null when absent or null.</summary>
    public int? OptionalInt(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        if (OptionalNumber(name) is not { } number)
        {
            return null;
        }

        if (number != Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
        {
            throw Error(name, $"must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}");
        }

        var whole = (int)number;
        if (whole < min || whole > max)
        {
            throw Error(name, RangeMessage(min, max, whole));
        }

        return whole;
    }

    /// <summary>A boolean, or null when absent or null.</summary>
    public bool? OptionalBool(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"must be true or false, not {Describe(value.ValueKind)}"),
        };
    }

    /// <summary>A required RFC 3339 UTC time.</summary>
    public DateTimeOffset RequiredTime(string name) => OptionalTime(name) ?? throw Error(name, "is required");

    /// <summary>An RFC 3339 UTC time (<c>2026-01-01T12:00:00Z</c>), or null when absent or null.</summary>
    public DateTimeOffset? OptionalTime(string name)
    {
        if (OptionalString(name) is not { } text)
        {
            return null;
        }

        return Rfc3339.TryParseUtc(text, out var time)
            ? time
            : throw Error(name, $"must be an RFC 3339 UTC time such as 2026-01-01T12:00:00Z, not \"{text}\"");
    }

    /// <summary>A required enum value; names match case-insensitively.</summary>
    public TEnum RequiredEnum<TEnum>(string name)
        where TEnum : struct, Enum =>
        OptionalEnum<TEnum>(name) ?? throw Error(name, $"is required (one of {string.Join(", ", Enum.GetNames<TEnum>())})");

    /// <summary>An enum value, or null when absent or null; names match case-insensitively, numbers are refused.</summary>
    public TEnum? OptionalEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (OptionalString(name) is not { } text)
        {
            return null;
        }

        foreach (var candidate in Enum.GetNames<TEnum>())
        {
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<TEnum>(candidate);
            }
        }

        throw Error(name, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, not \"{text}\"");
    }

    /// <summary>
    /// The raw value of field <paramref name="name"/>, or null when absent or null: for shapes the typed accessors do not
    /// cover (arrays of numbers and nulls, ...). The caller names the field in its own errors.
    /// </summary>
    public JsonElement? OptionalElement(string name) => Get(name);

    /// <summary>A required nested object, read by <paramref name="read"/>.</summary>
    public T RequiredObject<T>(string name, Func<JsonFields, T> read) =>
        Get(name) is { } value ? ReadObject(value, PathOf(name), read) : throw Error(name, "is required");

    /// <summary>A nested object read by <paramref name="read"/>, or default when absent or null.</summary>
    public T? OptionalObject<T>(string name, Func<JsonFields, T> read)
        where T : class =>
        Get(name) is { } value ? ReadObject(value, PathOf(name), read) : null;

    /// <summary>A required array of objects, each read by <paramref name="read"/>.</summary>
    public IReadOnlyList<T> RequiredArray<T>(string name, Func<JsonFields, T> read) =>
        OptionalArray(name, read) ?? throw Error(name, "is required");

    /// <summary>An array of objects, each read by <paramref name="read"/>; null when absent or null.</summary>
    public IReadOnlyList<T>? OptionalArray<T>(string name, Func<JsonFields, T> read)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, $"must be an array, not {Describe(value.ValueKind)}");
        }

        var items = new List<T>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add(ReadObject(item, FieldPath.Item(PathOf(name), index), read));
            index++;
        }

        return items;
    }

    /// <summary>An array of finite numbers; null when absent or null.</summary>
    public IReadOnlyList<double>? OptionalNumberArray(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, $"must be an array, not {Describe(value.ValueKind)}");
        }

        var items = new List<double>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add(ReadNumber(item, FieldPath.Item(PathOf(name), index)));
            index++;
        }

        return items;
    }

    /// <summary>
    /// An object used as a map (<c>metrics</c>): each field's value read by <paramref name="read"/> with its key. Keys
    /// keep their document order. Null when absent or null.
    /// </summary>
    public IReadOnlyDictionary<string, T>? OptionalMap<T>(string name, Func<string, JsonFields, T> read)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        var map = Open(value, PathOf(name));
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name.Length == 0)
            {
                throw Error(name, "keys must not be empty");
            }

            var itemPath = FieldPath.Field(map.Path, property.Name);
            result[property.Name] = ReadObject(property.Value, itemPath, fields => read(property.Name, fields));
        }

        return result;
    }

    /// <summary>A map of numbers (<c>{"queue": 0}</c>); null when absent or null.</summary>
    public IReadOnlyDictionary<string, double>? OptionalNumberMap(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        var map = Open(value, PathOf(name));
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            result[property.Name] = ReadNumber(property.Value, FieldPath.Field(map.Path, property.Name));
        }

        return result;
    }

    /// <summary>Fails on the first field of the object that no accessor asked for.</summary>
    public void Complete()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw Error(property.Name, "unknown field");
            }
        }
    }

    /// <summary>Opens <paramref name="element"/> at <paramref name="path"/>, reads it, then checks for unknown fields.</summary>
    public static T ReadObject<T>(JsonElement element, string path, Func<JsonFields, T> read)
    {
        var fields = Open(element, path);
        var result = read(fields);
        fields.Complete();
        return result;
    }

    private static double ReadNumber(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new ScalingInputException(path, $"must be a number, not {Describe(value.ValueKind)}");
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw new ScalingInputException(path, "must be a finite number");
        }

        return number;
    }

    private JsonElement? Get(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private static string RangeMessage(int min, int max, int value) =>
        (min, max) switch
        {
            (int.MinValue, _) => $"must be at most {max}, not {value}",
            (_, int.MaxValue) => $"must be at least {min}, not {value}",
            _ => $"must be between {min} and {max}, not {value}",
        };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
