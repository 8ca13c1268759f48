using Newtonsoft.Json.Serialization;

namespace Autoscaler.Grains.Storage;

/// <summary>
/// Resolves the type names that Orleans' JSON grain storage records with every value, so that stored rows keep loading
/// as the code moves on:
/// <list type="bullet">
/// <item>C# collection expressions make compiler-generated types (<c>&lt;&gt;z__ReadOnlyArray&lt;T&gt;</c>, ...) that the
/// serializer writes but cannot construct when reading: such a type is written as <see cref="List{T}"/> and read back as
/// one, rows written before included.</item>
/// <item>Types stored by earlier versions (<see cref="LegacyStateTypes"/>) read as their grain-owned successors, also
/// inside generic arguments and arrays (<c>List`1[[Autoscaler.Scaling.Recommendation, Autoscaler.Scaling]]</c>).</item>
/// </list>
/// Every other name goes to the binder it wraps.
/// </summary>
public sealed class GrainStateTypeBinder(ISerializationBinder inner) : ISerializationBinder
{
    private const string CompilerGenerated = "<>z__";

    private static readonly string ListName = typeof(List<>).FullName!;
    private static readonly string? ListAssembly = typeof(List<>).Assembly.GetName().Name;

    /// <inheritdoc />
    public Type BindToType(string? assemblyName, string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);

        // "<>z__ReadOnlySingleElementList`1[[Element, Assembly]]" in a row written before: read it as List`1[[Element, Assembly]].
        if (typeName.StartsWith(CompilerGenerated, StringComparison.Ordinal) && typeName.IndexOf("`1[", StringComparison.Ordinal) is var arity and > 0)
        {
            return inner.BindToType(ListAssembly, ListName + RenameArguments(typeName[(arity + 2)..]));
        }

        var array = typeName.EndsWith("[]", StringComparison.Ordinal);
        var element = array ? typeName[..^2] : typeName;
        if (LegacyStateTypes.ByName.TryGetValue($"{element}, {assemblyName}", out var successor))
        {
            return array ? successor.MakeArrayType() : successor;
        }

        return inner.BindToType(assemblyName, RenameArguments(typeName));
    }

    /// <inheritdoc />
    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
        inner.BindToName(Stable(serializedType), out assemblyName, out typeName);

    /// <summary>The type to record in place of <paramref name="type"/>.</summary>
    public static Type Stable(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Name.StartsWith(CompilerGenerated, StringComparison.Ordinal) && type.IsGenericType && type.GetGenericArguments() is [var element]
            ? typeof(List<>).MakeGenericType(element)
            : type;
    }

    // "[[Autoscaler.Scaling.Recommendation, Autoscaler.Scaling]]" → "[[Autoscaler.Grains...RecommendationSnapshot, Autoscaler.Grains]]".
    private static string RenameArguments(string typeName)
    {
        if (!typeName.Contains("[[", StringComparison.Ordinal))
        {
            return typeName;
        }

        foreach (var (stored, successor) in LegacyStateTypes.ByName)
        {
            typeName = typeName.Replace($"[{stored}]", $"[{successor.FullName}, {successor.Assembly.GetName().Name}]", StringComparison.Ordinal);
        }

        return typeName;
    }
}
