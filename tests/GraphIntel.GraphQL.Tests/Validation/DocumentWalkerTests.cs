using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Validation;
using static GraphIntel.GraphQL.Tests.Validation.ValidationHarness;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary>
/// The engine's one document walk. Expected orders are graphql-js <c>QueryDocumentKeys</c> (16.x
/// <c>src/language/ast.ts</c>) with the nodes the walker leaves out by design: names, descriptions, and the variable
/// of a variable definition (graphql-js's own variable-usage walk skips definitions too).
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

    private static void Walk(string document, params Recorder[] visitors) =>
        new DocumentWalker(new TypeInfo(Schema), visitors).Walk(Parser.Parse(document));

    [Fact]
    public void Visits_executable_nodes_in_graphql_js_key_order()
    {
        var recorder = new Recorder();
        Walk("query Q($v: Int = 1) @d { alias: f(x: $v) @e { g } ...F ... on T { h } }", recorder);
        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition",
                "enter VariableDefinition", "enter NamedType:Int", "enter IntValue", "leave IntValue", "leave VariableDefinition",
                "enter Directive:d", "leave Directive:d",
                "enter SelectionSet", "enter Field:alias", "enter Argument", "enter Variable", "leave Argument",
                "enter Directive:e", "leave Directive:e",
                "enter SelectionSet", "enter Field:g", "leave Field:g", "leave SelectionSet", "leave Field:alias",
                "enter FragmentSpread", "leave FragmentSpread",
                "enter InlineFragment", "enter NamedType:T", "enter SelectionSet", "enter Field:h", "leave Field:h",
                "leave SelectionSet", "leave InlineFragment",
                "leave SelectionSet", "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Visits_values_and_fragment_definitions_in_key_order()
    {
        var recorder = new Recorder();
        Walk("fragment F on T @d { f(a: [1, { b: null }]) }", recorder);
        Assert.Equal(
            [
                "enter Document", "enter FragmentDefinition", "enter NamedType:T", "enter Directive:d", "leave Directive:d",
                "enter SelectionSet", "enter Field:f", "enter Argument", "enter ListValue", "enter IntValue", "leave IntValue",
                "enter ObjectValue", "enter ObjectField", "enter NullValue", "leave NullValue", "leave ObjectField",
                "leave ObjectValue", "leave ListValue", "leave Argument", "leave Field:f", "leave SelectionSet",
                "leave FragmentDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Visits_type_system_nodes_through_the_type_system_methods()
    {
        var recorder = new Recorder();
        Walk("\"d\" type T implements I { f(a: Int = 2): [S!] }", recorder);
        Assert.Equal(
            [
                "enter Document", "enter ObjectTypeDefinition", "enter NamedType:I", "enter FieldDefinition",
                "enter InputValueDefinition", "enter NamedType:Int", "enter IntValue", "leave IntValue", "leave InputValueDefinition",
                "enter NamedType:S", "leave FieldDefinition", "leave ObjectTypeDefinition", "leave Document",
            ],
            recorder.Events);
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
