using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class TypeSystemParserTests
{
    private static T ParseSingle<T>(string text) where T : DefinitionNode =>
        Assert.IsType<T>(Assert.Single(Parser.Parse(text).Definitions));

    [Fact]
    public void Parses_a_schema_definition_with_description_and_directives()
    {
        var schema = ParseSingle<SchemaDefinitionNode>("\"the schema\" schema @d { query: Q mutation: M subscription: S }");
        Assert.Equal("the schema", schema.Description!.Value);
        Assert.Equal("d", Assert.Single(schema.Directives).Name.Value);
        Assert.Equal(
            [(OperationType.Query, "Q"), (OperationType.Mutation, "M"), (OperationType.Subscription, "S")],
            schema.OperationTypes.Select(o => (o.Operation, o.Type.Name.Value)));
    }

    [Fact]
    public void Parses_a_scalar_definition()
    {
        var scalar = ParseSingle<ScalarTypeDefinitionNode>("\"\"\"A date\"\"\" scalar Date @specifiedBy(url: \"https://example.org\")");
        Assert.Equal("A date", scalar.Description!.Value);
        Assert.True(scalar.Description.Block);
        Assert.Equal("Date", scalar.Name.Value);
        Assert.Equal("specifiedBy", Assert.Single(scalar.Directives).Name.Value);
    }

    [Fact]
    public void Parses_an_object_type_with_interfaces_fields_arguments_and_defaults()
    {
        var type = ParseSingle<ObjectTypeDefinitionNode>(
            "type Group implements & Node & Actor @key { \"the id\" id: ID! relations(\"max\" first: Int = 10 @d, kinds: [Kind!]): [Relation] @deprecated(reason: \"x\") }");
        Assert.Equal("Group", type.Name.Value);
        Assert.Equal(["Node", "Actor"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("key", Assert.Single(type.Directives).Name.Value);
        Assert.Equal(2, type.Fields.Count);
        Assert.Equal("the id", type.Fields[0].Description!.Value);
        var relations = type.Fields[1];
        Assert.Equal("relations", relations.Name.Value);
        Assert.IsType<ListTypeNode>(relations.Type);
        Assert.Equal("deprecated", Assert.Single(relations.Directives).Name.Value);
        var first = relations.Arguments[0];
        Assert.Equal("max", first.Description!.Value);
        Assert.Equal("first", first.Name.Value);
        Assert.Equal("10", Assert.IsType<IntValueNode>(first.DefaultValue).Value);
        Assert.Equal("d", Assert.Single(first.Directives).Name.Value);
        Assert.Null(relations.Arguments[1].DefaultValue);
    }

    [Fact]
    public void Parses_interfaces_implementing_interfaces()
    {
        var type = ParseSingle<InterfaceTypeDefinitionNode>("interface Actor implements Node & Named @d { id: ID! }");
        Assert.Equal(["Node", "Named"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Single(type.Fields);
        Assert.Single(type.Directives);
    }

    [Fact]
    public void Parses_unions_with_and_without_a_leading_pipe()
    {
        Assert.Equal(["A", "B"], ParseSingle<UnionTypeDefinitionNode>("union U = A | B").Types.Select(t => t.Name.Value));
        Assert.Equal(["A", "B"], ParseSingle<UnionTypeDefinitionNode>("union U @d = | A | B").Types.Select(t => t.Name.Value));
        Assert.Empty(ParseSingle<UnionTypeDefinitionNode>("union U").Types);
    }

    [Fact]
    public void Parses_enums_with_value_descriptions_and_directives()
    {
        var type = ParseSingle<EnumTypeDefinitionNode>("enum Kind { \"armed\" ARMED_GROUP @d STATE }");
        Assert.Equal(["ARMED_GROUP", "STATE"], type.Values.Select(v => v.Name.Value));
        Assert.Equal("armed", type.Values[0].Description!.Value);
        Assert.Single(type.Values[0].Directives);
    }

    [Fact]
    public void Parses_input_objects()
    {
        var type = ParseSingle<InputObjectTypeDefinitionNode>("input Filter { kind: Kind = STATE, names: [String!] = [\"a\"] @d }");
        Assert.Equal(["kind", "names"], type.Fields.Select(f => f.Name.Value));
        Assert.Equal("STATE", Assert.IsType<EnumValueNode>(type.Fields[0].DefaultValue).Value);
        Assert.Single(type.Fields[1].Directives);
    }

    [Fact]
    public void Parses_directive_definitions_with_repeatable_and_locations()
    {
        var directive = ParseSingle<DirectiveDefinitionNode>(
            "\"cost\" directive @cost(weight: Int = 1) repeatable on | FIELD_DEFINITION | OBJECT");
        Assert.Equal("cost", directive.Description!.Value);
        Assert.Equal("cost", directive.Name.Value);
        Assert.Equal("weight", Assert.Single(directive.Arguments).Name.Value);
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], directive.Locations.Select(l => l.Value));
        Assert.False(ParseSingle<DirectiveDefinitionNode>("directive @d on QUERY").Repeatable);
    }

    [Fact]
    public void Parses_every_extension()
    {
        var document = Parser.Parse("""
            extend schema @d { subscription: S }
            extend scalar Date @d
            extend type Group implements Node @d { extra: Int }
            extend interface Actor implements Node
            extend union U = C
            extend enum Kind { OTHER }
            extend input Filter { more: Int }
            """);
        var schema = Assert.IsType<SchemaExtensionNode>(document.Definitions[0]);
        Assert.Single(schema.Directives);
        Assert.Equal(OperationType.Subscription, Assert.Single(schema.OperationTypes).Operation);
        Assert.Equal("Date", Assert.IsType<ScalarTypeExtensionNode>(document.Definitions[1]).Name.Value);
        var type = Assert.IsType<ObjectTypeExtensionNode>(document.Definitions[2]);
        Assert.Equal(("Group", "Node", "extra"), (type.Name.Value, type.Interfaces[0].Name.Value, type.Fields[0].Name.Value));
        var actor = Assert.IsType<InterfaceTypeExtensionNode>(document.Definitions[3]);
        Assert.Empty(actor.Fields);
        Assert.Single(actor.Interfaces);
        Assert.Equal("C", Assert.Single(Assert.IsType<UnionTypeExtensionNode>(document.Definitions[4]).Types).Name.Value);
        Assert.Equal("OTHER", Assert.Single(Assert.IsType<EnumTypeExtensionNode>(document.Definitions[5]).Values).Name.Value);
        Assert.Equal("more", Assert.Single(Assert.IsType<InputObjectTypeExtensionNode>(document.Definitions[6]).Fields).Name.Value);
        Assert.All(document.Definitions, d => Assert.IsAssignableFrom<TypeSystemExtensionNode>(d));
        Assert.All(document.Definitions.Skip(1), d => Assert.IsAssignableFrom<TypeExtensionNode>(d));
    }

    [Fact]
    public void Definitions_have_the_common_base_classes()
    {
        var document = Parser.Parse("schema { query: Q } scalar S directive @d on FIELD type T { a: S } query { a } fragment F on T { a }");
        Assert.IsAssignableFrom<TypeSystemDefinitionNode>(document.Definitions[0]);
        Assert.IsAssignableFrom<TypeDefinitionNode>(document.Definitions[1]);
        Assert.IsAssignableFrom<TypeSystemDefinitionNode>(document.Definitions[2]);
        Assert.IsAssignableFrom<TypeDefinitionNode>(document.Definitions[3]);
        Assert.IsAssignableFrom<ExecutableDefinitionNode>(document.Definitions[4]);
        Assert.IsAssignableFrom<ExecutableDefinitionNode>(document.Definitions[5]);
    }
}
