using GraphIntel.GraphQL.Introspection;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// A validated schema (spec §3.3 "Schema"): root operation types, every named type reachable from them, and directives.
/// Build one with <see cref="SchemaBuilder"/>. Immutable and safe to share across requests.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = new();
    private readonly Dictionary<InterfaceType, IReadOnlyList<InterfaceType>> _interfaceImplementations = new();
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(NamedType, Type), ObjectType?> _clrTypeResolutions = new();

    internal Schema(
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description,
        SchemaDefinitionNode? astNode)
    {
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Types = types;
        Directives = directives;
        Description = description;
        AstNode = astNode;
        _typeMap = new Dictionary<string, NamedType>(types.Count, StringComparer.Ordinal);
        foreach (var type in types)
        {
            _typeMap[type.Name] = type;
        }
        _directives = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            _directives[directive.Name] = directive;
        }
        IndexPossibleTypes();
    }

    /// <summary>The query root type.</summary>
    public ObjectType QueryType { get; }

    /// <summary>The mutation root type, or null.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>The subscription root type, or null.</summary>
    public ObjectType? SubscriptionType { get; }

    /// <summary>The schema description, or null.</summary>
    public string? Description { get; }

    /// <summary>The schema definition it was built from, or null.</summary>
    public SchemaDefinitionNode? AstNode { get; }

    /// <summary>Every named type, including the introspection types, in graphql-js order.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    /// <summary>Every named type by name.</summary>
    public IReadOnlyDictionary<string, NamedType> TypeMap => _typeMap;

    /// <summary>The directives the schema supports (the specified ones included).</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>The named type called <paramref name="name"/>, or null.</summary>
    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    /// <summary>The directive called <paramref name="name"/> (without "@"), or null.</summary>
    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The root type of an operation type, or null when the schema does not support it.</summary>
    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types a value of an abstract type can be: union members, or objects implementing an interface.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        InterfaceType => _possibleTypes.GetValueOrDefault(abstractType) ?? [],
        ObjectType obj => [obj],
        _ => [],
    };

    /// <summary>The interfaces that implement <paramref name="iface"/>.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType iface) =>
        _interfaceImplementations.GetValueOrDefault(iface) ?? [];

    /// <summary>
    /// Whether <paramref name="maybeSubType"/> is a possible type of <paramref name="abstractType"/>: a union member,
    /// or an object or interface implementing the interface (graphql-js <c>isSubType</c>).
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) =>
        _subTypes.TryGetValue(abstractType, out var subTypes) && subTypes.Contains(maybeSubType);

    /// <summary>Whether a value of <paramref name="objectType"/> may appear where <paramref name="abstractType"/> is expected.</summary>
    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        ReferenceEquals(abstractType, objectType) || IsSubType(abstractType, objectType);

    /// <summary>
    /// The definition of a field of <paramref name="parentType"/> as selected in a document, including the meta fields
    /// <c>__typename</c> (on every composite type) and <c>__schema</c>/<c>__type</c> (on the query type) — graphql-js <c>getFieldDef</c>.
    /// </summary>
    public FieldDefinition? GetFieldDefinition(NamedType parentType, string fieldName)
    {
        if (fieldName.Length > 1 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == IntrospectionSchema.TypeNameField.Name && parentType.IsCompositeType)
            {
                return IntrospectionSchema.TypeNameField;
            }
            if (ReferenceEquals(parentType, QueryType))
            {
                if (fieldName == IntrospectionSchema.SchemaField.Name)
                {
                    return IntrospectionSchema.SchemaField;
                }
                if (fieldName == IntrospectionSchema.TypeField.Name)
                {
                    return IntrospectionSchema.TypeField;
                }
            }
        }
        return parentType is FieldsType fieldsType ? fieldsType.Fields[fieldName] : null;
    }

    /// <summary>The possible type of <paramref name="abstractType"/> bound (with BindType) to <paramref name="clrType"/> or a base of it; null when none.</summary>
    public ObjectType? ResolveClrType(NamedType abstractType, Type clrType) =>
        _clrTypeResolutions.GetOrAdd((abstractType, clrType), static (key, schema) =>
        {
            var (abstractType, clrType) = key;
            ObjectType? assignable = null;
            foreach (var possibleType in schema.GetPossibleTypes(abstractType))
            {
                if (possibleType.ClrType == clrType)
                {
                    return possibleType;
                }
                if (assignable is null && possibleType.ClrType is { } bound && bound.IsAssignableFrom(clrType))
                {
                    assignable = possibleType;
                }
            }
            return assignable;
        }, this);

    private void IndexPossibleTypes()
    {
        var objects = new Dictionary<InterfaceType, List<ObjectType>>();
        var interfaces = new Dictionary<InterfaceType, List<InterfaceType>>();
        foreach (var type in Types)
        {
            switch (type)
            {
                case UnionType union:
                    _subTypes[union] = new HashSet<NamedType>(union.Types);
                    break;
                case ObjectType obj:
                    foreach (var iface in obj.Interfaces)
                    {
                        Add(objects, iface, obj);
                    }
                    break;
                case InterfaceType inner:
                    foreach (var iface in inner.Interfaces)
                    {
                        Add(interfaces, iface, inner);
                    }
                    break;
            }
        }
        foreach (var type in Types)
        {
            if (type is InterfaceType iface)
            {
                var possible = objects.GetValueOrDefault(iface) ?? [];
                var implementations = interfaces.GetValueOrDefault(iface) ?? [];
                _possibleTypes[iface] = possible;
                _interfaceImplementations[iface] = implementations;
                var subTypes = new HashSet<NamedType>(possible);
                subTypes.UnionWith(implementations);
                _subTypes[iface] = subTypes;
            }
        }

        static void Add<T>(Dictionary<InterfaceType, List<T>> map, InterfaceType key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }
            list.Add(value);
        }
    }
}
