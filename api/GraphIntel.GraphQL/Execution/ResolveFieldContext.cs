using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Execution;

/// <summary>The <see cref="IResolveFieldContext"/> of one field execution. Its path is made when a resolver asks for it.</summary>
internal sealed class ResolveFieldContext(Executor executor, FieldGroup group, object? source, PathRef path) : IResolveFieldContext
{
    private ResponsePath? _path;

    public object? Source { get; } = source;

    public IReadOnlyDictionary<string, object?> Arguments { get; set; } = ValueCoercion.Empty;

    public FieldDefinition FieldDefinition => group.Definition;

    public string FieldName => group.Definition.Name;

    public IReadOnlyList<FieldNode> FieldNodes => group.Nodes;

    public ObjectType ParentType => group.ParentType;

    public GraphQLType ReturnType => group.Definition.Type;

    public ResponsePath Path => _path ??= path.Materialize();

    public Schema Schema => executor.Schema;

    public OperationDefinitionNode Operation => executor.Operation;

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => executor.Fragments;

    public IReadOnlyDictionary<string, object?> Variables => executor.VariableValues;

    public object? RootValue => executor.RootValue;

    public IServiceProvider? RequestServices => executor.RequestServices;

    public IDictionary<string, object?> UserContext => executor.UserContext;

    public CancellationToken CancellationToken => executor.CancellationToken;

    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    public T GetArgument<T>(string name, T defaultValue = default!)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return defaultValue;
        }
        try
        {
            return (T)ArgumentConverter.Convert(value, typeof(T))!;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException(
                $"Argument \"{name}\" of {group.ParentType.Name}.{group.Definition.Name} holds a {value.GetType().Name}, which cannot be read as {typeof(T).Name}.", e);
        }
    }

    public DataLoader<TKey, TValue> GetDataLoader<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batchFunction)
        where TKey : notnull =>
        executor.DataLoaders.GetOrCreate(name, batchFunction);
}

/// <summary>Converts coerced argument values to the CLR types resolvers ask for.</summary>
internal static class ArgumentConverter
{
    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return null;
        }
        if (target.IsInstanceOfType(value))
        {
            return value;
        }
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum)
        {
            return value is string s ? Enum.Parse(underlying, s, ignoreCase: true) : Enum.ToObject(underlying, value);
        }
        if (value is object?[] items)
        {
            var elementType = ElementType(target) ?? throw new InvalidCastException();
            var array = Array.CreateInstance(elementType, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                array.SetValue(Convert(items[i], elementType), i);
            }
            if (target.IsAssignableFrom(array.GetType()))
            {
                return array;
            }
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType), items.Length)!;
            foreach (var item in array)
            {
                list.Add(item);
            }
            return target.IsInstanceOfType(list) ? list : throw new InvalidCastException();
        }
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying))
        {
            return System.Convert.ChangeType(value, underlying, System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidCastException();
    }

    private static Type? ElementType(Type target)
    {
        if (target.IsArray)
        {
            return target.GetElementType();
        }
        if (target.IsGenericType && target.GetGenericArguments() is [var argument])
        {
            return argument;
        }
        return target == typeof(object) ? typeof(object) : null;
    }
}
