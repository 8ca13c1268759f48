using Newtonsoft.Json.Serialization;

namespace Autoscaler.Silo.Hosting;

/// <summary>
/// Orleans' JSON grain storage records each collection's runtime type. C# collection expressions make compiler-generated
/// types (<c>&lt;&gt;z__ReadOnlyArray&lt;T&gt;</c>, <c>&lt;&gt;z__ReadOnlySingleElementList&lt;T&gt;</c>, ...) that the serializer
/// writes but cannot construct when reading, so a grain whose state held one failed to activate (a target registered
/// and reloaded before its first evaluation, for one). This binder writes such a type as <see cref="List{T}"/> and reads
/// one back as <see cref="List{T}"/>, rows written before it included; every other type goes to the binder it wraps.
/// </summary>
internal sealed class StableCollectionTypeBinder(ISerializationBinder inner) : ISerializationBinder
{
    private const string CompilerGenerated = "<>z__";

    private static readonly string ListName = typeof(List<>).FullName!;
    private static readonly string? ListAssembly = typeof(List<>).Assembly.GetName().Name;

    /// <inheritdoc />
    public Type BindToType(string? assemblyName, string typeName)
    {
        // "<>z__ReadOnlySingleElementList`1[[Element, Assembly]]" in a row written before: read it as List`1[[Element, Assembly]].
        if (typeName.StartsWith(CompilerGenerated, StringComparison.Ordinal) && typeName.IndexOf("`1[", StringComparison.Ordinal) is var arity and > 0)
        {
            return inner.BindToType(ListAssembly, ListName + typeName[(arity + 2)..]);
        }

        return inner.BindToType(assemblyName, typeName);
    }

    /// <inheritdoc />
    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
        inner.BindToName(Stable(serializedType), out assemblyName, out typeName);

    /// <summary>The type to record in place of <paramref name="type"/>.</summary>
    public static Type Stable(Type type) =>
        type.Name.StartsWith(CompilerGenerated, StringComparison.Ordinal) && type.IsGenericType && type.GetGenericArguments() is [var element]
            ? typeof(List<>).MakeGenericType(element)
            : type;
}
