using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Types;

/// <summary>Type system validation (spec §3, graphql-js <c>validateSchema</c> messages).</summary>
public sealed class SchemaValidatorTests
{
    private static IReadOnlyList<string> Problems(string sdl) =>
        Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl).UseDefaultFieldResolver().Build())
            .Errors.Select(e => e.Message).ToList();

    [Fact]
    public void Reserved_names()
    {
        Assert.Equal(
            ["Name \"__field\" must not begin with \"__\", which is reserved by GraphQL introspection.",
             "Name \"__Bad\" must not begin with \"__\", which is reserved by GraphQL introspection."],
            Problems("type Query { __field: Int b: __Bad } type __Bad { a: Int }"));
    }

    [Fact]
    public void Fields_must_have_output_types_and_arguments_input_types()
    {
        Assert.Equal(
            ["The type of Query.a must be Output Type but got: In.",
             "The type of Query.b(x:) must be Input Type but got: Query.",
             "The type of In.q must be Input Type but got: [Query]."],
            Problems("type Query { a: In b(x: Query): Int } input In { q: [Query] }"));
    }

    [Fact]
    public void Interface_implementation_is_checked_with_covariance()
    {
        var problems = Problems("""
            type Query { a: A }
            interface Node { id: ID! related: Node other(x: Int): Int extra(y: String): Int }
            type A implements Node { id: ID related: A other: Int extra(y: Int, z: Int!): Int }
            """);
        Assert.Equal(
            [
                "Interface field Node.id expects type ID! but A.id is type ID.",
                "Interface field argument Node.other(x:) expected but A.other does not provide it.",
                "Interface field argument Node.extra(y:) expects type String but A.extra(y:) is type Int.",
                "Object field A.extra includes required argument z that is missing from the Interface field Node.extra.",
            ],
            problems);
    }

    [Fact]
    public void Missing_interface_fields_and_transitive_interfaces()
    {
        Assert.Equal(
            ["Type B must implement Base because it is implemented by Mid.",
             "Interface field Mid.id expected but B does not provide it."],
            Problems("type Query { b: B } interface Base { id: ID } interface Mid implements Base { id: ID } type B implements Mid { x: Int }"));
    }

    [Fact]
    public void Union_members_must_be_objects()
    {
        Assert.Equal(
            ["Union type U can only include Object types, it cannot include I."],
            Problems("type Query { u: U } interface I { a: Int } type O implements I { a: Int } union U = O | I"));
    }

    [Fact]
    public void Types_must_not_be_empty()
    {
        Assert.Equal(
            ["Type Empty must define one or more fields.",
             "Enum type E must define one or more values.",
             "Input Object type In must define one or more fields."],
            Problems("type Query { x: Empty e(i: In): E } type Empty enum E input In"));
    }

    [Fact]
    public void Non_null_input_cycles_are_rejected()
    {
        Assert.Equal(
            ["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\"."],
            Problems("type Query { f(a: A): Int } input A { b: B! } input B { a: A! ok: A }"));
    }

    [Fact]
    public void OneOf_fields_must_be_nullable_without_defaults()
    {
        Assert.Equal(
            ["OneOf input field O.a must be nullable.", "OneOf input field O.b cannot have a default value."],
            Problems("type Query { f(o: O): Int } input O @oneOf { a: Int! b: Int = 1 c: String }"));
    }

    [Fact]
    public void Required_arguments_cannot_be_deprecated()
    {
        Assert.Equal(
            ["Required argument Query.f(a:) cannot be deprecated.", "Required input field In.x cannot be deprecated."],
            Problems("type Query { f(a: Int! @deprecated, b: Int! = 1 @deprecated, i: In): Int } input In { x: Int! @deprecated }"));
    }

    [Fact]
    public void Custom_directives_are_validated()
    {
        Assert.Equal(
            ["The type of @d(x:) must be Input Type but got: Query."],
            Problems("type Query { a: Int } directive @d(x: Query) on FIELD"));
    }

    [Fact]
    public void A_valid_schema_has_no_problems()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { node(id: ID!): Node search(by: By): [Result] }
            interface Node { id: ID! }
            interface Named implements Node { id: ID! name: String }
            type A implements Named & Node { id: ID! name: String! }
            union Result = A
            input By @oneOf { id: ID name: String }
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
            """).UseDefaultFieldResolver().Build();
        Assert.Empty(SchemaValidator.Validate(schema));
        Assert.True(schema.IsSubType(schema.GetType("Node")!, schema.GetType("A")!));
        Assert.True(schema.IsSubType(schema.GetType("Node")!, schema.GetType("Named")!));
        Assert.Equal(["A"], schema.GetPossibleTypes(schema.GetType("Named")!).Select(t => t.Name));
        Assert.True(schema.GetDirective("tag")!.IsRepeatable);
    }

    [Fact]
    public void Directive_uses_must_be_defined_allowed_and_not_repeated()
    {
        Assert.Equal(
            [
                "Directive \"@deprecated\" may not be used on OBJECT.",
                "Unknown directive \"@foo\".",
                "Directive \"@skip\" may not be used on FIELD_DEFINITION.",
                "The directive \"@deprecated\" can only be used once at this location.",
            ],
            Problems("type Query @deprecated { a: Int @foo b: Int @skip(if: true) c: Int @deprecated @deprecated d: Int @tag @tag } directive @tag repeatable on FIELD_DEFINITION"));
    }
}
