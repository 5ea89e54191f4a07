using GraphIntel.GraphQL.Introspection;

namespace GraphIntel.GraphQL.Types;

/// <summary>The order of <see cref="Schema.Types"/>, which introspection reports.</summary>
public sealed partial class SchemaBuilder
{
    /// <summary>The schema's types in graphql-js order (the <c>GraphQLSchema</c> constructor's <c>collectReferencedTypes</c>).</summary>
    private List<NamedType> CollectTypes(
        ObjectType query, ObjectType? mutation, ObjectType? subscription, List<DirectiveDefinition> directives)
    {
        var order = new List<NamedType>();
        var seen = new HashSet<NamedType>();
        foreach (var node in _typeDefinitions)
        {
            var type = _types[node.Name.Value];
            if (seen.Add(type))
            {
                order.Add(type);
            }
        }
        foreach (var node in _typeDefinitions)
        {
            var type = _types[node.Name.Value];
            seen.Remove(type);
            order.Remove(type);
            Collect(type);
        }
        Collect(query);
        if (mutation is not null)
        {
            Collect(mutation);
        }
        if (subscription is not null)
        {
            Collect(subscription);
        }
        foreach (var directive in directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Collect(argument.Type.GetNamedType());
            }
        }
        Collect(IntrospectionSchema.SchemaType);
        return order;

        void Collect(NamedType type)
        {
            if (!seen.Add(type))
            {
                return;
            }
            order.Add(type);
            switch (type)
            {
                case UnionType union:
                    foreach (var member in union.Types)
                    {
                        Collect(member);
                    }
                    break;
                case FieldsType fieldsType:
                    foreach (var iface in fieldsType.Interfaces)
                    {
                        Collect(iface);
                    }
                    foreach (var field in fieldsType.Fields)
                    {
                        Collect(field.Type.GetNamedType());
                        foreach (var argument in field.Arguments)
                        {
                            Collect(argument.Type.GetNamedType());
                        }
                    }
                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        Collect(field.Type.GetNamedType());
                    }
                    break;
            }
        }
    }
}
