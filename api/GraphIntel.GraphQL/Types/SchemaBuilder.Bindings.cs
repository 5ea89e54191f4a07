using System.Reflection;
using GraphIntel.GraphQL.Execution;

namespace GraphIntel.GraphQL.Types;

/// <summary>Binding resolvers, CLR types, scalars and type resolvers to the built types, checked both ways.</summary>
public sealed partial class SchemaBuilder
{
    private void ApplyBindings(Schema schema)
    {
        foreach (var (typeName, clrType) in _typeBindings)
        {
            if (BoundType<ObjectType>(schema, typeName, $"BindType<{clrType.Name}>(\"{typeName}\")", "an object type") is { } objectType)
            {
                if (objectType.ClrType is not null && objectType.ClrType != clrType)
                {
                    Error($"BindType<{clrType.Name}>(\"{typeName}\"): type \"{typeName}\" is already bound to {objectType.ClrType.Name}.", objectType.AstNode);
                }
                objectType.ClrType = clrType;
            }
        }
        foreach (var (typeName, check) in _isTypeOfChecks)
        {
            if (BoundType<ObjectType>(schema, typeName, $"BindIsTypeOf(\"{typeName}\")", "an object type") is { } objectType)
            {
                objectType.IsTypeOf = check;
            }
        }
        foreach (var (typeName, coercion) in _scalarBindings)
        {
            if (BoundType<ScalarType>(schema, typeName, $"BindScalar(\"{typeName}\")", "a scalar type") is { } scalar)
            {
                if (scalar.IsSpecified)
                {
                    Error($"BindScalar(\"{typeName}\"): the built-in scalar {typeName} cannot be rebound.");
                    continue;
                }
                scalar.Coercion = coercion;
            }
        }
        foreach (var (typeName, resolver) in _typeResolvers)
        {
            switch (schema.GetType(typeName))
            {
                case InterfaceType iface: iface.ResolveType = resolver; break;
                case UnionType union: union.ResolveType = resolver; break;
                case null: Error($"BindTypeResolver(\"{typeName}\"): type \"{typeName}\" is not defined in the schema." + DidYouMeanType(typeName)); break;
                case var other: Error($"BindTypeResolver(\"{typeName}\"): type \"{typeName}\" is {Article(other)}; type resolvers bind to interfaces and unions.", other.AstNode); break;
            }
        }
        foreach (var (typeName, clrEnum) in _enumBindings)
        {
            if (BoundType<EnumType>(schema, typeName, $"BindEnum<{clrEnum.Name}>(\"{typeName}\")", "an enum type") is { } enumType)
            {
                BindEnumValues(enumType, clrEnum);
            }
        }
        foreach (var (typeName, fieldName, resolver, sourceGetter) in _resolvers)
        {
            var call = $"BindResolver(\"{typeName}\", \"{fieldName}\")";
            if (BoundType<ObjectType>(schema, typeName, call, "an object type") is not { } objectType)
            {
                continue;
            }
            if (objectType.Fields[fieldName] is not { } field)
            {
                var names = new List<string>(objectType.Fields.Count);
                foreach (var f in objectType.Fields)
                {
                    names.Add(f.Name);
                }
                Error($"{call}: field \"{typeName}.{fieldName}\" is not defined in the schema." + Suggestions.DidYouMean(Suggestions.List(fieldName, names)), objectType.AstNode);
                continue;
            }
            if (field.Resolver is not null)
            {
                Error($"{call}: field \"{typeName}.{fieldName}\" already has a resolver.", field.AstNode);
                continue;
            }
            field.Resolver = resolver;
            field.SourceGetter = sourceGetter;
        }
        foreach (var (typeName, fieldName, subscriber) in _subscribers)
        {
            var call = $"BindSubscriber(\"{typeName}\", \"{fieldName}\")";
            if (BoundType<ObjectType>(schema, typeName, call, "an object type") is not { } objectType)
            {
                continue;
            }
            if (objectType != schema.SubscriptionType)
            {
                Error($"{call}: type \"{typeName}\" is not the subscription root type; only its fields have source streams.", objectType.AstNode);
                continue;
            }
            if (objectType.Fields[fieldName] is not { } field)
            {
                Error($"{call}: field \"{typeName}.{fieldName}\" is not defined in the schema.", objectType.AstNode);
                continue;
            }
            if (field.Subscriber is not null)
            {
                Error($"{call}: field \"{typeName}.{fieldName}\" already has a subscriber.", field.AstNode);
                continue;
            }
            field.Subscriber = subscriber;
        }
        if (schema.SubscriptionType is { } subscriptionType)
        {
            BindSubscriptionDefaults(subscriptionType);
        }

        foreach (var type in schema.Types)
        {
            if (type is ObjectType objectType && !type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                BindPropertyResolvers(objectType);
            }
        }
        CoerceDefaultValues(schema);
    }

    // A subscription root field maps each event to its value with its resolver; without one, the value is the event
    // itself. Its source stream comes from its subscriber; without one (graphql-js's default) the entry of the root value
    // named like the field, only under UseDefaultFieldResolver.
    private void BindSubscriptionDefaults(ObjectType type)
    {
        foreach (var field in type.Fields)
        {
            if (field.Subscriber is null)
            {
                if (_useDefaultFieldResolver)
                {
                    field.Subscriber = DefaultFieldResolver.Resolve;
                }
                else
                {
                    Error($"Subscription field \"{type.Name}.{field.Name}\" has no source stream: bind one with BindSubscriber(\"{type.Name}\", \"{field.Name}\", …).", field.AstNode);
                }
            }
            else if (field.Resolver is null && !_useDefaultFieldResolver
                && (type.ClrType is null || FindProperty(type.ClrType, field.Name) is null))
            {
                field.Resolver = static context => new ValueTask<object?>(context.Source);
            }
        }
    }

    private void BindPropertyResolvers(ObjectType type)
    {
        foreach (var field in type.Fields)
        {
            if (field.Resolver is not null)
            {
                continue;
            }
            if (type.ClrType is { } clrType && FindProperty(clrType, field.Name) is { } property)
            {
                field.Resolver = PropertyResolver.For(property);
                field.SourceGetter = PropertyResolver.SourceGetterFor(property);
            }
            else if (_useDefaultFieldResolver)
            {
                field.Resolver = DefaultFieldResolver.Resolve;
            }
            else
            {
                var hint = type.ClrType is null
                    ? $"bind one with BindResolver(\"{type.Name}\", \"{field.Name}\", …) or bind a CLR type with a \"{field.Name}\" property with BindType<T>(\"{type.Name}\")"
                    : $"{type.ClrType.Name} (bound with BindType) has no property \"{field.Name}\"; add one or bind a resolver with BindResolver(\"{type.Name}\", \"{field.Name}\", …)";
                Error($"Field \"{type.Name}.{field.Name}\" has no resolver: {hint}.", field.AstNode);
            }
        }
    }

    private static PropertyInfo? FindProperty(Type clrType, string name)
    {
        var property = clrType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null && name.Contains('_'))
        {
            property = clrType.GetProperty(name.Replace("_", ""), BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        }
        return property is { CanRead: true } && property.GetIndexParameters().Length == 0 ? property : null;
    }

    private void BindEnumValues(EnumType enumType, Type clrEnum)
    {
        enumType.ClrType = clrEnum;
        var members = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in Enum.GetValues(clrEnum))
        {
            members[Normalize(member.ToString()!)] = member;
        }
        foreach (var value in enumType.Values)
        {
            if (members.TryGetValue(Normalize(value.Name), out var member))
            {
                value.Value = member;
            }
            else
            {
                Error($"BindEnum<{clrEnum.Name}>(\"{enumType.Name}\"): enum value {enumType.Name}.{value.Name} has no member in {clrEnum.Name}.", value.AstNode);
            }
        }

        static string Normalize(string name) => name.Replace("_", "");
    }

    private void CoerceDefaultValues(Schema schema)
    {
        foreach (var type in schema.Types)
        {
            switch (type)
            {
                case FieldsType fieldsType:
                    foreach (var field in fieldsType.Fields)
                    {
                        foreach (var argument in field.Arguments)
                        {
                            CoerceDefaultValue(argument, $"{type.Name}.{field.Name}({argument.Name}:)");
                        }
                    }
                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        CoerceDefaultValue(field, $"{type.Name}.{field.Name}");
                    }
                    break;
            }
        }
        foreach (var directive in schema.Directives)
        {
            if (directive.IsSpecified)
            {
                continue;
            }
            foreach (var argument in directive.Arguments)
            {
                CoerceDefaultValue(argument, $"@{directive.Name}({argument.Name}:)");
            }
        }
    }

    private void CoerceDefaultValue(InputValueDefinition value, string coordinate)
    {
        if (value.DefaultValue is not { } literal || !value.Type.IsInputType)
        {
            return;
        }
        if (ValueCoercion.TryValueFromAst(literal, value.Type, null, out var coerced))
        {
            value.CoercedDefaultValue = coerced;
        }
        else
        {
            Error($"The default value of {coordinate} is not a valid {value.Type} value: {Language.Printer.Print(literal)}.", literal);
        }
    }

    private T? BoundType<T>(Schema schema, string typeName, string call, string expected)
        where T : NamedType
    {
        switch (schema.GetType(typeName))
        {
            case T type:
                return type;
            case null:
                Error($"{call}: type \"{typeName}\" is not defined in the schema." + DidYouMeanType(typeName));
                return null;
            case var other:
                Error($"{call}: type \"{typeName}\" is {Article(other)}, not {expected}.", other.AstNode);
                return null;
        }
    }

    private static string Article(NamedType type) => type switch
    {
        ScalarType => "a scalar type",
        ObjectType => "an object type",
        InterfaceType => "an interface type",
        UnionType => "a union type",
        EnumType => "an enum type",
        _ => "an input object type",
    };
}
