using System.Reflection;
using System.Reflection.Emit;

namespace Autoscaler.Scaling.Tests.Layering;

/// <summary>
/// Every type a type refers to: its base type, interfaces, attributes, fields, properties, events, method signatures,
/// locals and the types and members its method bodies name (read from the IL's metadata tokens). Compiler-generated
/// nested types (closures, state machines) count as their declaring type, as the source does.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The types <paramref name="type"/> refers to (unwrapped: arrays, by-refs, pointers and generic arguments).</summary>
    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? referenced)
        {
            if (referenced is null)
            {
                return;
            }

            if (referenced.HasElementType)
            {
                Add(referenced.GetElementType());
                return;
            }

            if (referenced.IsGenericParameter)
            {
                return;
            }

            if (referenced.IsGenericType && !referenced.IsGenericTypeDefinition)
            {
                foreach (var argument in referenced.GetGenericArguments())
                {
                    Add(argument);
                }

                referenced = referenced.GetGenericTypeDefinition();
            }

            found.Add(referenced);
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }

        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add(attribute.AttributeType);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            Add(@event.EventHandlerType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var referenced in BodyReferences(method))
            {
                Add(referenced);
            }
        }

        return found;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, position);
                    foreach (var referenced in Resolve(method.Module, token, typeArguments, methodArguments))
                    {
                        yield return referenced;
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        var member = module.ResolveMember(token, typeArguments, methodArguments);
        switch (member)
        {
            case Type referenced:
                yield return referenced;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase called:
                yield return called.DeclaringType!;
                if (called is MethodInfo info)
                {
                    yield return info.ReturnType;
                    if (info.IsGenericMethod)
                    {
                        foreach (var argument in info.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }
                }

                foreach (var parameter in called.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
