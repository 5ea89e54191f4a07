using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Parses_the_query_shorthand_as_an_anonymous_query()
    {
        var document = Parser.Parse("{ node }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Null(operation.Description);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Empty(operation.Directives);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("node", field.Name.Value);
        Assert.Equal("node", field.ResponseKey);
        Assert.Null(field.Alias);
        Assert.Empty(field.Arguments);
        Assert.Null(field.SelectionSet);
    }

    [Theory]
    [InlineData("query Q { a }", OperationType.Query)]
    [InlineData("mutation Q { a }", OperationType.Mutation)]
    [InlineData("subscription Q { a }", OperationType.Subscription)]
    public void Parses_each_operation_type(string text, OperationType expected)
    {
        var operation = Assert.IsType<OperationDefinitionNode>(Parser.Parse(text).Definitions[0]);
        Assert.Equal(expected, operation.Operation);
        Assert.Equal("Q", operation.Name!.Value);
    }

    [Fact]
    public void Parses_variable_definitions_with_types_defaults_directives_and_descriptions()
    {
        var operation = (OperationDefinitionNode)Parser.Parse(
            "query Q(\"the id\" $id: ID!, $ids: [ID!]! = [\"a\"] @dir(x: 1), $n: Int = null) { a }").Definitions[0];
        Assert.Equal(3, operation.VariableDefinitions.Count);

        var id = operation.VariableDefinitions[0];
        Assert.Equal("the id", id.Description!.Value);
        Assert.Equal("id", id.Variable.Name.Value);
        var idType = Assert.IsType<NonNullTypeNode>(id.Type);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(idType.Type).Name.Value);
        Assert.Null(id.DefaultValue);

        var ids = operation.VariableDefinitions[1];
        var list = Assert.IsType<ListTypeNode>(Assert.IsType<NonNullTypeNode>(ids.Type).Type);
        Assert.IsType<NonNullTypeNode>(list.Type);
        var defaultValue = Assert.IsType<ListValueNode>(ids.DefaultValue);
        Assert.Equal("a", Assert.IsType<StringValueNode>(Assert.Single(defaultValue.Values)).Value);
        var directive = Assert.Single(ids.Directives);
        Assert.Equal("dir", directive.Name.Value);
        Assert.Equal("x", Assert.Single(directive.Arguments).Name.Value);

        Assert.IsType<NullValueNode>(operation.VariableDefinitions[2].DefaultValue);
    }

    [Fact]
    public void Parses_aliases_arguments_directives_and_nested_selections()
    {
        var operation = (OperationDefinitionNode)Parser.Parse(
            "{ alias: field(a: 1, b: $v) @skip(if: true) @include(if: $c) { child } }").Definitions[0];
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal("alias", field.Alias!.Value);
        Assert.Equal("field", field.Name.Value);
        Assert.Equal("alias", field.ResponseKey);
        Assert.Equal(["a", "b"], field.Arguments.Select(a => a.Name.Value));
        Assert.Equal("1", Assert.IsType<IntValueNode>(field.Arguments[0].Value).Value);
        Assert.Equal("v", Assert.IsType<VariableNode>(field.Arguments[1].Value).Name.Value);
        Assert.Equal(["skip", "include"], field.Directives.Select(d => d.Name.Value));
        Assert.Equal("child", ((FieldNode)Assert.Single(field.SelectionSet!.Selections)).Name.Value);
    }

    [Fact]
    public void Parses_fragment_spreads_inline_fragments_and_fragment_definitions()
    {
        var document = Parser.Parse(
            "{ ...F @d ... on T { a } ... @include(if: true) { b } ... { c } } \"frag\" fragment F on T @e { x }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;

        var spread = Assert.IsType<FragmentSpreadNode>(selections[0]);
        Assert.Equal("F", spread.Name.Value);
        Assert.Equal("d", Assert.Single(spread.Directives).Name.Value);

        var typed = Assert.IsType<InlineFragmentNode>(selections[1]);
        Assert.Equal("T", typed.TypeCondition!.Name.Value);
        var withDirective = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Null(withDirective.TypeCondition);
        Assert.Single(withDirective.Directives);
        var bare = Assert.IsType<InlineFragmentNode>(selections[3]);
        Assert.Null(bare.TypeCondition);
        Assert.Empty(bare.Directives);

        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("frag", fragment.Description!.Value);
        Assert.Equal("F", fragment.Name.Value);
        Assert.Equal("T", fragment.TypeCondition.Name.Value);
        Assert.Equal("e", Assert.Single(fragment.Directives).Name.Value);
    }

    [Fact]
    public void Accepts_keywords_as_names_where_a_name_is_expected()
    {
        var document = Parser.Parse("query query($on: on) { fragment type: query(mutation: subscription) ... on on { on } } fragment type on on { a }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("query", operation.Name!.Value);
        Assert.Equal("fragment", ((FieldNode)operation.SelectionSet.Selections[0]).Name.Value);
        var field = (FieldNode)operation.SelectionSet.Selections[1];
        Assert.Equal("type", field.Alias!.Value);
        Assert.Equal("query", field.Name.Value);
        Assert.Equal("subscription", Assert.IsType<EnumValueNode>(field.Arguments[0].Value).Value);
        Assert.Equal("type", ((FragmentDefinitionNode)document.Definitions[1]).Name.Value);
    }

    [Fact]
    public void Parses_every_kind_of_value()
    {
        var value = Assert.IsType<ObjectValueNode>(Parser.ParseValue(
            "{int: -12, float: 1.5e3, string: \"s\\n\", block: \"\"\"  b\"\"\", t: true, f: false, n: null, e: RED, list: [1, [2]], obj: {}, v: $var}"));
        var fields = value.Fields.ToDictionary(f => f.Name.Value, f => f.Value);
        Assert.Equal("-12", Assert.IsType<IntValueNode>(fields["int"]).Value);
        Assert.Equal("1.5e3", Assert.IsType<FloatValueNode>(fields["float"]).Value);
        var text = Assert.IsType<StringValueNode>(fields["string"]);
        Assert.Equal("s\n", text.Value);
        Assert.False(text.Block);
        var block = Assert.IsType<StringValueNode>(fields["block"]);
        Assert.Equal("  b", block.Value);
        Assert.True(block.Block);
        Assert.True(Assert.IsType<BooleanValueNode>(fields["t"]).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(fields["f"]).Value);
        Assert.IsType<NullValueNode>(fields["n"]);
        Assert.Equal("RED", Assert.IsType<EnumValueNode>(fields["e"]).Value);
        var list = Assert.IsType<ListValueNode>(fields["list"]);
        Assert.IsType<ListValueNode>(list.Values[1]);
        Assert.Empty(Assert.IsType<ObjectValueNode>(fields["obj"]).Fields);
        Assert.Equal("var", Assert.IsType<VariableNode>(fields["v"]).Name.Value);
    }

    [Fact]
    public void ParseConstValue_and_ParseType_parse_standalone_input()
    {
        Assert.IsType<ListValueNode>(Parser.ParseConstValue("[1, \"two\", {three: THREE}]"));
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[String!]]!"));
        var outer = Assert.IsType<ListTypeNode>(type.Type);
        var inner = Assert.IsType<ListTypeNode>(outer.Type);
        Assert.Equal("String", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(inner.Type).Type).Name.Value);
    }

    [Fact]
    public void Records_offsets_and_start_line_and_column_for_every_node()
    {
        const string text = "query Q {\n  node(id: 4) {\n    ... on User { name }\n  }\n}";
        var source = new Source(text);
        var document = Parser.Parse(source);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var node = (FieldNode)operation.SelectionSet.Selections[0];
        var argument = node.Arguments[0];
        var fragment = (InlineFragmentNode)node.SelectionSet!.Selections[0];
        var name = (FieldNode)fragment.SelectionSet.Selections[0];

        AssertLocation(document, 0, text.Length, 0, 0);
        AssertLocation(operation, 0, text.Length, 1, 1);
        AssertLocation(operation.Name!, 6, 7, 1, 7);
        AssertLocation(operation.SelectionSet, 8, text.Length, 1, 9);
        AssertLocation(node, 12, 54, 2, 3);
        AssertLocation(argument, 17, 22, 2, 8);
        AssertLocation(argument.Value, 21, 22, 2, 12);
        AssertLocation(fragment, 30, 50, 3, 5);
        AssertLocation(fragment.TypeCondition!, 37, 41, 3, 12);
        AssertLocation(name, 44, 48, 3, 19);
        Assert.Same(source, name.Location!.Source);
        Assert.Equal("node(id: 4) {\n    ... on User { name }\n  }", text[node.Location!.Start..node.Location.End]);
    }

    [Fact]
    public void NoLocation_leaves_nodes_without_locations()
    {
        var document = Parser.Parse("{ a(b: [1]) }", new ParseOptions { NoLocation = true });
        Assert.Null(document.Location);
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Null(field.Location);
        Assert.Null(field.Arguments[0].Value.Location);
    }

    [Fact]
    public void Lists_are_never_null()
    {
        var field = (FieldNode)((OperationDefinitionNode)Parser.Parse("{ a }").Definitions[0]).SelectionSet.Selections[0];
        Assert.NotNull(field.Arguments);
        Assert.NotNull(field.Directives);
        var type = (ObjectTypeDefinitionNode)Parser.Parse("type T").Definitions[0];
        Assert.Empty(type.Interfaces);
        Assert.Empty(type.Fields);
        Assert.Empty(type.Directives);
    }

    [Fact]
    public void Parses_a_mixed_executable_and_type_system_document()
    {
        var document = Parser.Parse("type Query { a: Int } { a } extend type Query { b: Int }");
        Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.IsType<OperationDefinitionNode>(document.Definitions[1]);
        Assert.IsType<ObjectTypeExtensionNode>(document.Definitions[2]);
    }

    [Fact]
    public void Parses_the_kitchen_sink_documents()
    {
        var query = Parser.Parse(KitchenSink.Query);
        Assert.Equal(7, query.Definitions.Count);
        var schema = Parser.Parse(KitchenSink.Schema);
        Assert.Equal(39, schema.Definitions.Count);
    }

    private static void AssertLocation(Node node, int start, int end, int line, int column)
    {
        var location = node.Location!;
        Assert.Equal((start, end, line, column), (location.Start, location.End, location.Line, location.Column));
    }
}
