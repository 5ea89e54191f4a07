using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Tests.Conformance;
using GraphIntel.GraphQL.Validation;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary>
/// The engine's one document walk. Expected orders are graphql-js's <c>visit</c> of the same document (asked in one node
/// run for the class, tests/conformance/parse-oracle.mjs) without the nodes the walker leaves out by design: names,
/// descriptions, and the variable of a variable definition (graphql-js's own variable-usage walk skips definitions
/// too), each with its subtree; and the list and non-null wrappers of a type (its named type is visited). How
/// SkipChildren and Stop unwind is our own (the last two tests).
/// </summary>
public sealed class DocumentWalkerTests
{
    /// <summary>Records "enter Kind[:name]" / "leave Kind[:name]"; skips the children of the nodes <paramref name="skip"/> picks.</summary>
    private sealed class Recorder(Func<Node, bool>? skip = null) : ValidationVisitor
    {
        public List<string> Events { get; } = [];

        private VisitAction In(Node node)
        {
            Events.Add("enter " + Describe(node));
            return skip?.Invoke(node) == true ? VisitAction.SkipChildren : VisitAction.Continue;
        }

        private void Out(Node node) => Events.Add("leave " + Describe(node));

        private static string Describe(Node node) => node switch
        {
            FieldNode field => $"Field:{field.ResponseKey}",
            DirectiveNode directive => $"Directive:{directive.Name.Value}",
            NamedTypeNode type => $"NamedType:{type.Name.Value}",
            _ => node.Kind.ToString(),
        };

        public override VisitAction Enter(DocumentNode node) => In(node);
        public override void Leave(DocumentNode node) => Out(node);
        public override VisitAction Enter(OperationDefinitionNode node) => In(node);
        public override void Leave(OperationDefinitionNode node) => Out(node);
        public override VisitAction Enter(VariableDefinitionNode node) => In(node);
        public override void Leave(VariableDefinitionNode node) => Out(node);
        public override VisitAction Enter(VariableNode node) => In(node);
        public override VisitAction Enter(SelectionSetNode node) => In(node);
        public override void Leave(SelectionSetNode node) => Out(node);
        public override VisitAction Enter(FieldNode node) => In(node);
        public override void Leave(FieldNode node) => Out(node);
        public override VisitAction Enter(ArgumentNode node) => In(node);
        public override void Leave(ArgumentNode node) => Out(node);
        public override VisitAction Enter(FragmentSpreadNode node) => In(node);
        public override void Leave(FragmentSpreadNode node) => Out(node);
        public override VisitAction Enter(InlineFragmentNode node) => In(node);
        public override void Leave(InlineFragmentNode node) => Out(node);
        public override VisitAction Enter(FragmentDefinitionNode node) => In(node);
        public override void Leave(FragmentDefinitionNode node) => Out(node);
        public override VisitAction Enter(DirectiveNode node) => In(node);
        public override void Leave(DirectiveNode node) => Out(node);
        public override VisitAction Enter(NamedTypeNode node) => In(node);
        public override VisitAction Enter(ValueNode node) => In(node);
        public override void Leave(ValueNode node) => Out(node);
        public override VisitAction Enter(ObjectFieldNode node) => In(node);
        public override void Leave(ObjectFieldNode node) => Out(node);
        public override VisitAction EnterTypeSystem(Node node) => In(node);
        public override void LeaveTypeSystem(Node node) => Out(node);
    }

    private static readonly GraphqlJsAnswers GraphqlJs = new(
    [
        new ParseRequest("query Q($v: Int = 1) @d { alias: f(x: $v) @e { g } ...F ... on T { h } }", ParseRequest.Visit),
        new ParseRequest("fragment F on T @d { f(a: [1, { b: null }]) }", ParseRequest.Visit),
        new ParseRequest("\"d\" type T implements I { f(a: Int = 2): [S!] }", ParseRequest.Visit),
    ]);

    /// <summary>
    /// graphql-js's visit of <paramref name="document"/> as <see cref="Recorder"/> would record it, without what the walker
    /// leaves out by design (see the class summary) and the leave events Recorder does not record (Variable, NamedType).
    /// </summary>
    private static async Task<List<string>> GraphqlJsOrderAsync(string document)
    {
        var order = new List<string>();
        var skipped = 0; // depth inside a subtree the walker leaves out
        foreach (var e in (await GraphqlJs.ForAsync(new ParseRequest(document, ParseRequest.Visit))).Events!)
        {
            var leftOut = e.Kind == "Name" || e.Key == "description" || (e.Key == "variable" && e.Parent == "VariableDefinition");
            if (skipped > 0 || leftOut)
            {
                skipped += e.Event == "enter" ? 1 : -1;
                continue;
            }
            if (e.Kind is "ListType" or "NonNullType" || (e.Event == "leave" && e.Kind is "Variable" or "NamedType")) continue;
            order.Add($"{e.Event} {e.Kind}{(e.Name is null ? "" : ":" + e.Name)}");
        }
        return order;
    }

    private static void Walk(string document, params Recorder[] visitors) =>
        new DocumentWalker(new TypeInfo(Schema), visitors).Walk(Parser.Parse(document));

    [Fact]
    public async Task Visits_executable_nodes_in_graphql_js_key_order()
    {
        const string document = "query Q($v: Int = 1) @d { alias: f(x: $v) @e { g } ...F ... on T { h } }";
        var recorder = new Recorder();
        Walk(document, recorder);
        Assert.Equal(await GraphqlJsOrderAsync(document), recorder.Events);
    }

    [Fact]
    public async Task Visits_values_and_fragment_definitions_in_key_order()
    {
        const string document = "fragment F on T @d { f(a: [1, { b: null }]) }";
        var recorder = new Recorder();
        Walk(document, recorder);
        Assert.Equal(await GraphqlJsOrderAsync(document), recorder.Events);
    }

    [Fact]
    public async Task Visits_type_system_nodes_through_the_type_system_methods()
    {
        const string document = "\"d\" type T implements I { f(a: Int = 2): [S!] }";
        var recorder = new Recorder();
        Walk(document, recorder);
        Assert.Equal(await GraphqlJsOrderAsync(document), recorder.Events);
    }

    [Fact]
    public void SkipChildren_skips_the_subtree_and_its_leave_for_that_visitor_only()
    {
        var skipper = new Recorder(node => node is FieldNode { Name.Value: "a" });
        var full = new Recorder();
        Walk("{ a { x } b }", skipper, full);

        Assert.Equal(
            ["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field:a", "enter Field:b", "leave Field:b",
             "leave SelectionSet", "leave OperationDefinition", "leave Document"],
            skipper.Events);
        Assert.Contains("enter Field:x", full.Events);
        Assert.Contains("leave Field:a", full.Events);
        Assert.Equal("leave Document", full.Events[^1]);
    }

    [Fact]
    public void Stop_enters_no_further_node_and_unwinds_the_entered_ones()
    {
        var recorder = new Recorder();
        new DocumentWalker(new TypeInfo(Schema), [recorder], () => recorder.Events.Contains("enter Field:b"))
            .Walk(Parser.Parse("{ a b c }"));
        Assert.Equal(
            ["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field:a", "leave Field:a", "enter Field:b",
             "leave Field:b", "leave SelectionSet", "leave OperationDefinition", "leave Document"],
            recorder.Events);
    }
}
