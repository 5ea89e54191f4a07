using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// The type system validation of spec §3 ("Type Validation" under each type), as graphql-js <c>validateSchema</c>,
/// with its messages: names, fields, arguments, interface implementation (including covariance and transitive
/// interfaces), union members, enum values, input objects (including non-null cycles and OneOf rules), directives.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Every problem found; empty when the schema is valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var context = new Context(schema);
        ValidateDirectives(context);
        ValidateTypes(context);
        return context.Errors;
    }

    private sealed class Context(Schema schema)
    {
        public Schema Schema { get; } = schema;

        public List<GraphQLError> Errors { get; } = [];

        public void Report(string message, Node? node)
        {
            Errors.Add(node is null ? new GraphQLError(message) : new GraphQLError(message, [node]));
        }
    }

    private static void ValidateDirectives(Context context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            if (directive.IsSpecified)
            {
                continue;
            }
            ValidateName(context, directive.Name, directive.AstNode?.Name);
            if (directive.Locations.Count == 0)
            {
                context.Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            }
            foreach (var argument in directive.Arguments)
            {
                ValidateName(context, argument.Name, argument.AstNode?.Name);
                if (!argument.Type.IsInputType)
                {
                    context.Report(
                        $"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                        argument.AstNode?.Type);
                }
                if (argument.Type is NonNullType && !argument.HasDefaultValue && argument.IsDeprecated)
                {
                    context.Report($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.", argument.AstNode);
                }
            }
        }
    }

    private static void ValidateTypes(Context context)
    {
        var cycleDetector = new InputObjectCycleDetector(context);
        foreach (var type in context.Schema.Types)
        {
            if (ReferenceEquals(Introspection.IntrospectionSchema.GetType(type.Name), type))
            {
                continue; // introspection types
            }
            if (type is ScalarType { IsSpecified: true })
            {
                continue;
            }
            ValidateName(context, type.Name, type.AstNode?.Name);
            switch (type)
            {
                case ObjectType or InterfaceType:
                    ValidateFields(context, (FieldsType)type);
                    ValidateInterfaces(context, (FieldsType)type);
                    break;
                case UnionType union:
                    if (union.Types.Count == 0)
                    {
                        context.Report($"Union type {union.Name} must define one or more member types.", union.AstNode);
                    }
                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        context.Report($"Enum type {enumType.Name} must define one or more values.", enumType.AstNode);
                    }
                    foreach (var value in enumType.Values)
                    {
                        ValidateName(context, value.Name, value.AstNode?.Name);
                        if (value.Name is "true" or "false" or "null")
                        {
                            context.Report($"Enum type {enumType.Name} cannot include value: {value.Name}.", value.AstNode);
                        }
                    }
                    break;
                case InputObjectType input:
                    ValidateInputFields(context, input);
                    cycleDetector.Check(input);
                    break;
            }
        }
    }

    private static void ValidateName(Context context, string name, Node? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            context.Report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private static void ValidateFields(Context context, FieldsType type)
    {
        if (type.Fields.Count == 0)
        {
            context.Report($"Type {type.Name} must define one or more fields.", type.AstNode);
        }
        foreach (var field in type.Fields)
        {
            ValidateName(context, field.Name, field.AstNode?.Name);
            if (!field.Type.IsOutputType)
            {
                context.Report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            }
            foreach (var argument in field.Arguments)
            {
                ValidateName(context, argument.Name, argument.AstNode?.Name);
                if (!argument.Type.IsInputType)
                {
                    context.Report(
                        $"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                        argument.AstNode?.Type);
                }
                if (argument.Type is NonNullType && !argument.HasDefaultValue && argument.IsDeprecated)
                {
                    context.Report($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.", argument.AstNode);
                }
            }
        }
    }

    private static void ValidateInterfaces(Context context, FieldsType type)
    {
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                context.Report($"Type {type.Name} cannot implement itself because it would create a circular reference.", type.AstNode);
                continue;
            }
            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Implements(transitive))
                {
                    context.Report(
                        ReferenceEquals(transitive, type)
                            ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                            : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                        type.AstNode);
                }
            }
            ValidateImplementation(context, type, iface);
        }
    }

    private static void ValidateImplementation(Context context, FieldsType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var fieldName = ifaceField.Name;
            if (type.Fields[fieldName] is not { } typeField)
            {
                context.Report($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it.", type.AstNode);
                continue;
            }
            if (!TypeComparators.IsTypeSubTypeOf(context.Schema, typeField.Type, ifaceField.Type))
            {
                context.Report(
                    $"Interface field {iface.Name}.{fieldName} expects type {ifaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                    typeField.AstNode?.Type);
            }
            foreach (var ifaceArg in ifaceField.Arguments)
            {
                if (typeField.Arguments[ifaceArg.Name] is not { } typeArg)
                {
                    context.Report(
                        $"Interface field argument {iface.Name}.{fieldName}({ifaceArg.Name}:) expected but {type.Name}.{fieldName} does not provide it.",
                        typeField.AstNode);
                    continue;
                }
                if (!GraphQLType.AreEqual(ifaceArg.Type, typeArg.Type))
                {
                    context.Report(
                        $"Interface field argument {iface.Name}.{fieldName}({ifaceArg.Name}:) expects type {ifaceArg.Type} but {type.Name}.{fieldName}({ifaceArg.Name}:) is type {typeArg.Type}.",
                        typeArg.AstNode?.Type);
                }
            }
            foreach (var typeArg in typeField.Arguments)
            {
                if (ifaceField.Arguments[typeArg.Name] is null && typeArg.Type is NonNullType && !typeArg.HasDefaultValue)
                {
                    context.Report(
                        $"Object field {type.Name}.{fieldName} includes required argument {typeArg.Name} that is missing from the Interface field {iface.Name}.{fieldName}.",
                        typeArg.AstNode);
                }
            }
        }
    }

    private static void ValidateInputFields(Context context, InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            context.Report($"Input Object type {input.Name} must define one or more fields.", input.AstNode);
        }
        foreach (var field in input.Fields)
        {
            ValidateName(context, field.Name, field.AstNode?.Name);
            if (!field.Type.IsInputType)
            {
                context.Report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            }
            if (field.Type is NonNullType && !field.HasDefaultValue && field.IsDeprecated)
            {
                context.Report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", field.AstNode);
            }
            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    context.Report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                }
                if (field.HasDefaultValue)
                {
                    context.Report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                }
            }
        }
    }

    /// <summary>Finds input objects that reference themselves through non-null fields (graphql-js <c>createInputObjectCircularRefsValidator</c>).</summary>
    private sealed class InputObjectCycleDetector(Context context)
    {
        private readonly HashSet<InputObjectType> _visited = [];
        private readonly List<InputValueDefinition> _path = [];
        private readonly Dictionary<InputObjectType, int> _pathIndex = [];

        public void Check(InputObjectType input)
        {
            if (!_visited.Add(input))
            {
                return;
            }
            _pathIndex[input] = _path.Count;
            foreach (var field in input.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _path.Add(field);
                    if (_pathIndex.TryGetValue(fieldType, out var cycleIndex))
                    {
                        var names = new List<string>();
                        var nodes = new List<Node>();
                        for (var i = cycleIndex; i < _path.Count; i++)
                        {
                            names.Add(_path[i].Name);
                            if (_path[i].AstNode is { } node)
                            {
                                nodes.Add(node);
                            }
                        }
                        context.Errors.Add(new GraphQLError(
                            $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join('.', names)}\".",
                            nodes));
                    }
                    else
                    {
                        Check(fieldType);
                    }
                    _path.RemoveAt(_path.Count - 1);
                }
            }
            _pathIndex.Remove(input);
        }
    }
}
