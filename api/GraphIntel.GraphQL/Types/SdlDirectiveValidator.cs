using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// Directive uses in SDL (spec §3.13): each directive is defined, allowed at its location, and used at most once
/// there unless repeatable — graphql-js's <c>KnownDirectives</c> and <c>UniqueDirectivesPerLocation</c> for SDL.
/// </summary>
internal static class SdlDirectiveValidator
{
    public static IEnumerable<GraphQLError> Validate(DocumentNode document, IReadOnlyList<DirectiveDefinition> directives)
    {
        var known = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            known[directive.Name] = directive;
        }
        var errors = new List<GraphQLError>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    Check(schema.Directives, DirectiveLocation.Schema);
                    break;
                case SchemaExtensionNode schemaExtension:
                    Check(schemaExtension.Directives, DirectiveLocation.Schema);
                    break;
                case TypeDefinitionNode type:
                    Check(type.Directives, LocationOf(type.Kind));
                    CheckMembers(type);
                    break;
                case TypeExtensionNode extension:
                    Check(extension.Directives, LocationOf(extension.Kind));
                    CheckMembers(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    CheckInputValues(directive.Arguments, DirectiveLocation.ArgumentDefinition);
                    break;
            }
        }
        return errors;

        void CheckMembers(Node type)
        {
            var (fields, values, inputFields) = type switch
            {
                ObjectTypeDefinitionNode o => (o.Fields, null, null),
                ObjectTypeExtensionNode o => (o.Fields, null, null),
                InterfaceTypeDefinitionNode i => (i.Fields, null, null),
                InterfaceTypeExtensionNode i => (i.Fields, null, null),
                EnumTypeDefinitionNode e => (null, e.Values, null),
                EnumTypeExtensionNode e => (null, e.Values, null),
                InputObjectTypeDefinitionNode i => (null, null, i.Fields),
                InputObjectTypeExtensionNode i => (null, null, i.Fields),
                _ => ((IReadOnlyList<FieldDefinitionNode>?)null, (IReadOnlyList<EnumValueDefinitionNode>?)null, (IReadOnlyList<InputValueDefinitionNode>?)null),
            };
            foreach (var field in fields ?? [])
            {
                Check(field.Directives, DirectiveLocation.FieldDefinition);
                CheckInputValues(field.Arguments, DirectiveLocation.ArgumentDefinition);
            }
            foreach (var value in values ?? [])
            {
                Check(value.Directives, DirectiveLocation.EnumValue);
            }
            CheckInputValues(inputFields ?? [], DirectiveLocation.InputFieldDefinition);
        }

        void CheckInputValues(IReadOnlyList<InputValueDefinitionNode> inputValues, DirectiveLocation location)
        {
            foreach (var inputValue in inputValues)
            {
                Check(inputValue.Directives, location);
            }
        }

        void Check(IReadOnlyList<DirectiveNode> uses, DirectiveLocation location)
        {
            HashSet<string>? seen = null;
            foreach (var use in uses)
            {
                var name = use.Name.Value;
                if (!known.TryGetValue(name, out var directive))
                {
                    errors.Add(new GraphQLError($"Unknown directive \"@{name}\".", [use]));
                    continue;
                }
                if (!Contains(directive.Locations, location))
                {
                    errors.Add(new GraphQLError($"Directive \"@{name}\" may not be used on {location.ToName()}.", [use]));
                }
                if (!directive.IsRepeatable && !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                {
                    errors.Add(new GraphQLError($"The directive \"@{name}\" can only be used once at this location.", [use]));
                }
            }
        }
    }

    private static bool Contains(IReadOnlyList<DirectiveLocation> locations, DirectiveLocation location)
    {
        foreach (var candidate in locations)
        {
            if (candidate == location)
            {
                return true;
            }
        }
        return false;
    }

    private static DirectiveLocation LocationOf(NodeKind kind) => kind switch
    {
        NodeKind.ScalarTypeDefinition or NodeKind.ScalarTypeExtension => DirectiveLocation.Scalar,
        NodeKind.ObjectTypeDefinition or NodeKind.ObjectTypeExtension => DirectiveLocation.Object,
        NodeKind.InterfaceTypeDefinition or NodeKind.InterfaceTypeExtension => DirectiveLocation.Interface,
        NodeKind.UnionTypeDefinition or NodeKind.UnionTypeExtension => DirectiveLocation.Union,
        NodeKind.EnumTypeDefinition or NodeKind.EnumTypeExtension => DirectiveLocation.Enum,
        _ => DirectiveLocation.InputObject,
    };
}
