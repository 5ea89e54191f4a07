using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>An enum type (spec §3.9 "Enums"). Values are the names unless bound to a CLR enum.</summary>
public sealed class EnumType : NamedType
{
    private Dictionary<object, EnumValueDefinition>? _byValue;

    internal EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    /// <inheritdoc />
    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The values, in definition order.</summary>
    public DefinitionMap<EnumValueDefinition> Values { get; } = new();

    /// <summary>The CLR enum bound with <c>SchemaBuilder.BindEnum&lt;T&gt;</c>, or null.</summary>
    public Type? ClrType { get; internal set; }

    /// <summary>The value named <paramref name="name"/>, or null.</summary>
    public EnumValueDefinition? GetValue(string name) => Values[name];

    /// <summary>Result coercion: the name of the value whose internal value is <paramref name="value"/> (a name string is accepted too).</summary>
    public string Serialize(object value)
    {
        var byValue = _byValue ??= BuildValueIndex();
        if (byValue.TryGetValue(value, out var definition) || (value is string s && Values.TryGetValue(s, out definition)))
        {
            return definition.Name;
        }
        throw BuiltInScalars.Error($"Enum \"{Name}\" cannot represent value: {Inspect.Value(value)}");
    }

    /// <summary>Input coercion of a variable value: a value name.</summary>
    public object ParseValue(object value)
    {
        if (value is not string name)
        {
            throw BuiltInScalars.Error($"Enum \"{Name}\" cannot represent non-string value: {Inspect.Value(value)}." + DidYouMean(Inspect.Value(value)));
        }
        if (!Values.TryGetValue(name, out var definition))
        {
            throw BuiltInScalars.Error($"Value \"{name}\" does not exist in \"{Name}\" enum." + DidYouMean(name));
        }
        return definition.Value;
    }

    /// <summary>Input coercion of a literal: an enum value name.</summary>
    public object ParseLiteral(ValueNode valueNode)
    {
        if (valueNode is not EnumValueNode enumValue)
        {
            var printed = Printer.Print(valueNode);
            throw BuiltInScalars.Error($"Enum \"{Name}\" cannot represent non-enum value: {printed}." + DidYouMean(printed), valueNode);
        }
        if (!Values.TryGetValue(enumValue.Value, out var definition))
        {
            throw BuiltInScalars.Error($"Value \"{enumValue.Value}\" does not exist in \"{Name}\" enum." + DidYouMean(enumValue.Value), valueNode);
        }
        return definition.Value;
    }

    private string DidYouMean(string unknown)
    {
        var names = new List<string>(Values.Count);
        foreach (var value in Values)
        {
            names.Add(value.Name);
        }
        return Suggestions.DidYouMean(Suggestions.List(unknown, names), "the enum value");
    }

    private Dictionary<object, EnumValueDefinition> BuildValueIndex()
    {
        var index = new Dictionary<object, EnumValueDefinition>(Values.Count);
        foreach (var value in Values)
        {
            index.TryAdd(value.Value, value);
        }
        return index;
    }
}
