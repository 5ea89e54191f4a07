using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Types;

/// <summary>
/// Type system validation (spec §3): for each invalid schema, the problems graphql-js reports (its SDL validation, then
/// <c>validateSchema</c>; tests/conformance/schema-oracle.mjs, one node run for the class) are the ones we report.
/// </summary>
public sealed class SchemaValidatorTests
{
    /// <summary>Invalid schemas, each breaking the rules its comment names.</summary>
    public static TheoryData<string> InvalidSchemas =>
    [
        // Reserved names
        "type Query { __field: Int b: __Bad } type __Bad { a: Int }",
        // Fields must have output types and arguments input types
        "type Query { a: In b(x: Query): Int } input In { q: [Query] }",
        // Interface implementation is checked with covariance
        """
        type Query { a: A }
        interface Node { id: ID! related: Node other(x: Int): Int extra(y: String): Int }
        type A implements Node { id: ID related: A other: Int extra(y: Int, z: Int!): Int }
        """,
        // Missing interface fields and transitive interfaces
        "type Query { b: B } interface Base { id: ID } interface Mid implements Base { id: ID } type B implements Mid { x: Int }",
        // Union members must be objects
        "type Query { u: U } interface I { a: Int } type O implements I { a: Int } union U = O | I",
        // Types must not be empty
        "type Query { x: Empty e(i: In): E } type Empty enum E input In",
        // Non-null input cycles are rejected
        "type Query { f(a: A): Int } input A { b: B! } input B { a: A! ok: A }",
        // OneOf fields must be nullable without defaults
        "type Query { f(o: O): Int } input O @oneOf { a: Int! b: Int = 1 c: String }",
        // Required arguments cannot be deprecated
        "type Query { f(a: Int! @deprecated, b: Int! = 1 @deprecated, i: In): Int } input In { x: Int! @deprecated }",
        // Custom directives are validated
        "type Query { a: Int } directive @d(x: Query) on FIELD",
        // Directive uses must be defined, allowed and not repeated
        "type Query @deprecated { a: Int @foo b: Int @skip(if: true) c: Int @deprecated @deprecated d: Int @tag @tag } directive @tag repeatable on FIELD_DEFINITION",
    ];

    private const string ValidSchema = """
        type Query { node(id: ID!): Node search(by: By): [Result] }
        interface Node { id: ID! }
        interface Named implements Node { id: ID! name: String }
        type A implements Named & Node { id: ID! name: String! }
        union Result = A
        input By @oneOf { id: ID name: String }
        directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
        """;

    private static readonly Lazy<Task<Dictionary<string, IReadOnlyList<string>>>> GraphqlJs = new(async () =>
    {
        string[] sdls = [.. InvalidSchemas.Texts(), ValidSchema];
        var answers = await GraphqlJsProblems.ForAsync(sdls);
        return sdls.Zip(answers).ToDictionary(pair => pair.First, pair => pair.Second);
    });

    private static async Task<IReadOnlyList<string>> GraphqlJsProblemsAsync(string sdl) => (await GraphqlJs.Value)[sdl];

    private static IReadOnlyList<string> Problems(string sdl) =>
        Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl).UseDefaultFieldResolver().Build())
            .Errors.Select(e => e.Message).ToList();

    [Theory]
    [MemberData(nameof(InvalidSchemas))]
    public async Task Reports_the_problems_graphql_js_reports(string sdl)
    {
        var expected = await GraphqlJsProblemsAsync(sdl);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Problems(sdl));
    }

    [Fact]
    public async Task A_valid_schema_has_no_problems()
    {
        var schema = SchemaBuilder.FromSdl(ValidSchema).UseDefaultFieldResolver().Build();
        Assert.Empty(SchemaValidator.Validate(schema));
        Assert.Empty(await GraphqlJsProblemsAsync(ValidSchema));
        Assert.True(schema.IsSubType(schema.GetType("Node")!, schema.GetType("A")!));
        Assert.True(schema.IsSubType(schema.GetType("Node")!, schema.GetType("Named")!));
        Assert.Equal(["A"], schema.GetPossibleTypes(schema.GetType("Named")!).Select(t => t.Name));
        Assert.True(schema.GetDirective("tag")!.IsRepeatable);
    }
}
