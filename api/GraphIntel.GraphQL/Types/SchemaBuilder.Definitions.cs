using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Introspection;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>From SDL definitions to types (graphql-js <c>buildASTSchema</c> / <c>extendSchemaImpl</c>).</summary>
public sealed partial class SchemaBuilder
{
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly List<TypeDefinitionNode> _typeDefinitions = [];
    private readonly Dictionary<string, List<TypeExtensionNode>> _typeExtensions = new(StringComparer.Ordinal);
    private readonly List<DirectiveDefinition> _directives = [];

    private Schema? BuildDefinitions(DocumentNode document)
    {
        SchemaDefinitionNode? schemaDefinition = null;
        var schemaExtensions = new List<SchemaExtensionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schemaNode:
                    if (schemaDefinition is not null)
                    {
                        Error("Must provide only one schema definition.", schemaNode);
                    }
                    schemaDefinition ??= schemaNode;
                    break;
                case SchemaExtensionNode extension:
                    schemaExtensions.Add(extension);
                    break;
            }
        }

        if (BuildTypeMap(document) is null)
        {
            return null;
        }

        // Root operation types: the schema definition and its extensions, else the conventional names.
        var roots = new Dictionary<OperationType, ObjectType>();
        var operationTypeNodes = new List<OperationTypeDefinitionNode>();
        if (schemaDefinition is not null)
        {
            operationTypeNodes.AddRange(schemaDefinition.OperationTypes);
        }
        foreach (var extension in schemaExtensions)
        {
            operationTypeNodes.AddRange(extension.OperationTypes);
        }
        if (schemaDefinition is null && schemaExtensions.Count == 0)
        {
            foreach (var (operation, name) in new[] { (OperationType.Query, "Query"), (OperationType.Mutation, "Mutation"), (OperationType.Subscription, "Subscription") })
            {
                if (_types.GetValueOrDefault(name) is ObjectType root)
                {
                    roots[operation] = root;
                }
            }
        }
        foreach (var node in operationTypeNodes)
        {
            var operationName = node.Operation.ToString();
            if (roots.ContainsKey(node.Operation))
            {
                Error($"There can be only one {operationName.ToLowerInvariant()} type in schema.", node);
                continue;
            }
            var type = ResolveNamedType(node.Type);
            if (type is null)
            {
                continue;
            }
            if (type is ObjectType objectType)
            {
                roots[node.Operation] = objectType;
            }
            else
            {
                Error(
                    node.Operation == OperationType.Query
                        ? $"Query root type must be Object type, it cannot be {type.Name}."
                        : $"{operationName} root type must be Object type if provided, it cannot be {type.Name}.",
                    node.Type);
            }
        }
        if (!roots.TryGetValue(OperationType.Query, out var queryType))
        {
            Error("Query root type must be provided.", schemaDefinition);
            return null;
        }

        var directives = new List<DirectiveDefinition>(_directives);
        foreach (var specified in BuiltInDirectives.All)
        {
            if (!directives.Exists(d => d.Name == specified.Name))
            {
                directives.Add(specified);
            }
        }

        var types = CollectTypes(
            queryType, roots.GetValueOrDefault(OperationType.Mutation), roots.GetValueOrDefault(OperationType.Subscription), directives);
        return new Schema(
            queryType,
            roots.GetValueOrDefault(OperationType.Mutation),
            roots.GetValueOrDefault(OperationType.Subscription),
            types,
            directives,
            schemaDefinition?.Description?.Value,
            schemaDefinition);
    }

    /// <summary>Creates every named type and directive of the document and fills them in; null when nothing could be built.</summary>
    private Dictionary<string, NamedType>? BuildTypeMap(DocumentNode document)
    {
        var directiveNodes = new List<DirectiveDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode typeNode:
                    if (_types.ContainsKey(typeNode.Name.Value))
                    {
                        Error($"There can be only one type named \"{typeNode.Name.Value}\".", typeNode.Name);
                        continue;
                    }
                    _types[typeNode.Name.Value] = CreateType(typeNode);
                    _typeDefinitions.Add(typeNode);
                    break;
                case TypeExtensionNode extension:
                    if (!_typeExtensions.TryGetValue(extension.Name.Value, out var list))
                    {
                        _typeExtensions[extension.Name.Value] = list = [];
                    }
                    list.Add(extension);
                    break;
                case DirectiveDefinitionNode directiveNode:
                    if (directiveNodes.Exists(d => d.Name.Value == directiveNode.Name.Value))
                    {
                        Error($"There can be only one directive named \"@{directiveNode.Name.Value}\".", directiveNode.Name);
                        continue;
                    }
                    directiveNodes.Add(directiveNode);
                    break;
                case ExecutableDefinitionNode executable:
                    Error("A schema document may contain only type system definitions; found an executable definition.", executable);
                    break;
            }
        }

        foreach (var (name, extensions) in _typeExtensions)
        {
            if (!_types.TryGetValue(name, out var extended))
            {
                if (BuiltInScalars.Get(name) is null)
                {
                    Error($"Cannot extend type \"{name}\" because it is not defined." + DidYouMeanType(name), extensions[0].Name);
                }
                continue;
            }
            foreach (var extension in extensions)
            {
                if (!ExtensionMatches(extended, extension))
                {
                    Error($"Cannot extend non-{KindDescription(extended)} type \"{name}\".", extension);
                }
            }
        }

        foreach (var node in _typeDefinitions)
        {
            FillType(_types[node.Name.Value], node, _typeExtensions.GetValueOrDefault(node.Name.Value) ?? []);
        }
        foreach (var node in directiveNodes)
        {
            _directives.Add(BuildDirective(node));
        }
        return _types;
    }

    private static NamedType CreateType(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        var description = node.Description?.Value;
        NamedType type = node switch
        {
            ScalarTypeDefinitionNode => BuiltInScalars.Get(name) ?? new ScalarType(name, PassThroughScalarCoercion.Instance, description),
            ObjectTypeDefinitionNode => new ObjectType(name, description),
            InterfaceTypeDefinitionNode => new InterfaceType(name, description),
            UnionTypeDefinitionNode => new UnionType(name, description),
            EnumTypeDefinitionNode => new EnumType(name, description),
            InputObjectTypeDefinitionNode => new InputObjectType(name, description),
            _ => throw new InvalidOperationException($"Unexpected type definition {node.Kind}."),
        };
        if (!(type is ScalarType scalar && scalar.IsSpecified))
        {
            type.AstNode = node;
        }
        return type;
    }

    private void FillType(NamedType type, TypeDefinitionNode node, List<TypeExtensionNode> extensions)
    {
        if (type is ScalarType { IsSpecified: true })
        {
            return;
        }
        type.ExtensionAstNodes = extensions;
        switch (type)
        {
            case ScalarType scalar:
                scalar.SpecifiedByUrl = SpecifiedByUrl(node.Directives);
                foreach (var extension in extensions)
                {
                    scalar.SpecifiedByUrl ??= SpecifiedByUrl(extension.Directives);
                }
                break;
            case FieldsType fieldsType:
                var interfaces = new List<InterfaceType>();
                var (interfaceNodes, fieldNodes) = node is ObjectTypeDefinitionNode o
                    ? (new List<NamedTypeNode>(o.Interfaces), new List<FieldDefinitionNode>(o.Fields))
                    : (new List<NamedTypeNode>(((InterfaceTypeDefinitionNode)node).Interfaces),
                        new List<FieldDefinitionNode>(((InterfaceTypeDefinitionNode)node).Fields));
                foreach (var extension in extensions)
                {
                    switch (extension)
                    {
                        case ObjectTypeExtensionNode objectExtension when fieldsType is ObjectType:
                            interfaceNodes.AddRange(objectExtension.Interfaces);
                            fieldNodes.AddRange(objectExtension.Fields);
                            break;
                        case InterfaceTypeExtensionNode i when fieldsType is InterfaceType:
                            interfaceNodes.AddRange(i.Interfaces);
                            fieldNodes.AddRange(i.Fields);
                            break;
                    }
                }
                foreach (var interfaceNode in interfaceNodes)
                {
                    var iface = ResolveNamedType(interfaceNode);
                    if (iface is InterfaceType interfaceType)
                    {
                        if (interfaces.Contains(interfaceType))
                        {
                            Error($"Type {type.Name} can only implement {iface.Name} once.", interfaceNode);
                            continue;
                        }
                        interfaces.Add(interfaceType);
                    }
                    else if (iface is not null)
                    {
                        Error($"Type {type.Name} must only implement Interface types, it cannot implement {iface.Name}.", interfaceNode);
                    }
                }
                fieldsType.Interfaces = interfaces;
                foreach (var fieldNode in fieldNodes)
                {
                    var field = BuildField(type.Name, fieldNode);
                    if (field is not null && !fieldsType.Fields.TryAdd(field))
                    {
                        Error($"Field \"{type.Name}.{field.Name}\" can only be defined once.", fieldNode.Name);
                    }
                }
                break;
            case UnionType union:
                var memberNodes = new List<NamedTypeNode>(((UnionTypeDefinitionNode)node).Types);
                foreach (var extension in extensions)
                {
                    if (extension is UnionTypeExtensionNode u)
                    {
                        memberNodes.AddRange(u.Types);
                    }
                }
                var members = new List<ObjectType>();
                foreach (var memberNode in memberNodes)
                {
                    var member = ResolveNamedType(memberNode);
                    if (member is ObjectType objectType)
                    {
                        if (members.Contains(objectType))
                        {
                            Error($"Union type {union.Name} can only include type {member.Name} once.", memberNode);
                            continue;
                        }
                        members.Add(objectType);
                    }
                    else if (member is not null)
                    {
                        Error($"Union type {union.Name} can only include Object types, it cannot include {member.Name}.", memberNode);
                    }
                }
                union.Types = members;
                break;
            case EnumType enumType:
                var valueNodes = new List<EnumValueDefinitionNode>(((EnumTypeDefinitionNode)node).Values);
                foreach (var extension in extensions)
                {
                    if (extension is EnumTypeExtensionNode e)
                    {
                        valueNodes.AddRange(e.Values);
                    }
                }
                foreach (var valueNode in valueNodes)
                {
                    var value = new EnumValueDefinition(valueNode.Name.Value, valueNode.Name.Value, valueNode.Description?.Value)
                    {
                        DeprecationReason = DeprecationReason(valueNode.Directives),
                        AstNode = valueNode,
                    };
                    if (!enumType.Values.TryAdd(value))
                    {
                        Error($"Enum value \"{enumType.Name}.{value.Name}\" can only be defined once.", valueNode.Name);
                    }
                }
                break;
            case InputObjectType inputType:
                var inputNodes = new List<InputValueDefinitionNode>(((InputObjectTypeDefinitionNode)node).Fields);
                inputType.IsOneOf = HasDirective(node.Directives, BuiltInDirectives.OneOf.Name);
                foreach (var extension in extensions)
                {
                    if (extension is InputObjectTypeExtensionNode i)
                    {
                        inputNodes.AddRange(i.Fields);
                        inputType.IsOneOf |= HasDirective(i.Directives, BuiltInDirectives.OneOf.Name);
                    }
                }
                foreach (var inputNode in inputNodes)
                {
                    var inputField = BuildInputValue(inputNode);
                    if (inputField is not null && !inputType.Fields.TryAdd(inputField))
                    {
                        Error($"Field \"{inputType.Name}.{inputField.Name}\" can only be defined once.", inputNode.Name);
                    }
                }
                break;
        }
    }

    private FieldDefinition? BuildField(string typeName, FieldDefinitionNode node)
    {
        var type = ResolveType(node.Type);
        if (type is null)
        {
            return null;
        }
        var field = new FieldDefinition(node.Name.Value, type, node.Description?.Value)
        {
            DeprecationReason = DeprecationReason(node.Directives),
            AstNode = node,
            Coordinate = typeName + "." + node.Name.Value,
        };
        field.Arguments = BuildArguments(node.Arguments, $"{typeName}.{node.Name.Value}");
        return field;
    }

    private DefinitionMap<InputValueDefinition> BuildArguments(IReadOnlyList<InputValueDefinitionNode> nodes, string owner)
    {
        if (nodes.Count == 0)
        {
            return DefinitionMap<InputValueDefinition>.Empty;
        }
        var arguments = new DefinitionMap<InputValueDefinition>(nodes.Count);
        foreach (var argumentNode in nodes)
        {
            var argument = BuildInputValue(argumentNode);
            if (argument is not null && !arguments.TryAdd(argument))
            {
                Error($"Argument \"{owner}({argument.Name}:)\" can only be defined once.", argumentNode.Name);
            }
        }
        return arguments;
    }

    private InputValueDefinition? BuildInputValue(InputValueDefinitionNode node)
    {
        var type = ResolveType(node.Type);
        if (type is null)
        {
            return null;
        }
        return new InputValueDefinition(node.Name.Value, type, node.Description?.Value)
        {
            DefaultValue = node.DefaultValue,
            DeprecationReason = DeprecationReason(node.Directives),
            AstNode = node,
        };
    }

    private DirectiveDefinition BuildDirective(DirectiveDefinitionNode node)
    {
        var locations = new List<DirectiveLocation>(node.Locations.Count);
        foreach (var locationNode in node.Locations)
        {
            if (DirectiveLocationNames.TryParse(locationNode.Value, out var location))
            {
                locations.Add(location);
            }
            else
            {
                Error($"Unexpected directive location \"{locationNode.Value}\".", locationNode);
            }
        }
        var directive = new DirectiveDefinition(node.Name.Value, node.Description?.Value, locations, node.Repeatable)
        {
            AstNode = node,
        };
        directive.Arguments = BuildArguments(node.Arguments, "@" + node.Name.Value);
        return directive;
    }

    private GraphQLType? ResolveType(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => ResolveType(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => ResolveType(list.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => ResolveNamedType(named),
        _ => null,
    };

    private NamedType? ResolveNamedType(NamedTypeNode node)
    {
        var name = node.Name.Value;
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }
        if (BuiltInScalars.Get(name) is { } scalar)
        {
            return scalar;
        }
        if (IntrospectionSchema.IsBuilt && IntrospectionSchema.GetType(name) is { } introspectionType)
        {
            return introspectionType;
        }
        Error($"Unknown type \"{name}\"." + DidYouMeanType(name), node);
        return null;
    }

    private string DidYouMeanType(string name)
    {
        var names = new List<string>(_types.Keys);
        foreach (var scalar in BuiltInScalars.All)
        {
            if (!_types.ContainsKey(scalar.Name))
            {
                names.Add(scalar.Name);
            }
        }
        return Suggestions.DidYouMean(Suggestions.List(name, names));
    }

    private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == name)
            {
                return true;
            }
        }
        return false;
    }

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != BuiltInDirectives.Deprecated.Name)
            {
                continue;
            }
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "reason" && argument.Value is StringValueNode reason)
                {
                    return reason.Value;
                }
            }
            return BuiltInDirectives.DefaultDeprecationReason;
        }
        return null;
    }

    private static string? SpecifiedByUrl(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != BuiltInDirectives.SpecifiedBy.Name)
            {
                continue;
            }
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "url" && argument.Value is StringValueNode url)
                {
                    return url.Value;
                }
            }
        }
        return null;
    }

    private static bool ExtensionMatches(NamedType type, TypeExtensionNode extension) => (type, extension) switch
    {
        (ScalarType, ScalarTypeExtensionNode) => true,
        (ObjectType, ObjectTypeExtensionNode) => true,
        (InterfaceType, InterfaceTypeExtensionNode) => true,
        (UnionType, UnionTypeExtensionNode) => true,
        (EnumType, EnumTypeExtensionNode) => true,
        (InputObjectType, InputObjectTypeExtensionNode) => true,
        _ => false,
    };

    private static string KindDescription(NamedType type) => type switch
    {
        ScalarType => "scalar",
        ObjectType => "object",
        InterfaceType => "interface",
        UnionType => "union",
        EnumType => "enum",
        _ => "input object",
    };
}
