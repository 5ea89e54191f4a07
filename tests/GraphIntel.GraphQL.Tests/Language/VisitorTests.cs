using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Tests.Language;

public sealed class VisitorTests
{
    /// <summary>Records "enter Kind[:value]" / "leave Kind" and answers with the action chosen by a callback.</summary>
    private sealed class Recorder(Func<Node, VisitorAction>? onEnter = null, Func<Node, VisitorAction>? onLeave = null) : IAstVisitor
    {
        public List<string> Events { get; } = [];

        public VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            Events.Add("enter " + Describe(node));
            return onEnter?.Invoke(node) ?? VisitorAction.Continue;
        }

        public VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            Events.Add("leave " + Describe(node));
            return onLeave?.Invoke(node) ?? VisitorAction.Continue;
        }

        private static string Describe(Node node) => node is NameNode name ? $"Name:{name.Value}" : node.Kind.ToString();
    }

    [Fact]
    public void Visits_children_in_graphql_js_QueryDocumentKeys_order()
    {
        var recorder = new Recorder();
        Assert.True(AstVisitor.Visit(Parser.Parse("query Q($v: Int = 1) @d { alias: f(x: $v) @e { g } }"), recorder));
        Assert.Equal(
            [
                "enter Document", "enter OperationDefinition", "enter Name:Q",
                "leave Name:Q", "enter VariableDefinition", "enter Variable", "enter Name:v", "leave Name:v", "leave Variable",
                "enter NamedType", "enter Name:Int", "leave Name:Int", "leave NamedType", "enter IntValue", "leave IntValue",
                "leave VariableDefinition", "enter Directive", "enter Name:d", "leave Name:d", "leave Directive",
                "enter SelectionSet", "enter Field", "enter Name:alias", "leave Name:alias", "enter Name:f", "leave Name:f",
                "enter Argument", "enter Name:x", "leave Name:x", "enter Variable", "enter Name:v", "leave Name:v",
                "leave Variable", "leave Argument", "enter Directive", "enter Name:e", "leave Name:e", "leave Directive",
                "enter SelectionSet", "enter Field", "enter Name:g", "leave Name:g", "leave Field", "leave SelectionSet",
                "leave Field", "leave SelectionSet", "leave OperationDefinition", "leave Document",
            ],
            recorder.Events);
    }

    [Fact]
    public void Visits_type_system_nodes_description_first()
    {
        var recorder = new Recorder();
        AstVisitor.Visit(Parser.Parse("\"d\" type T implements I { f(a: Int): [S!] }"), recorder);
        var entered = recorder.Events.Where(e => e.StartsWith("enter ", StringComparison.Ordinal)).Select(e => e[6..]);
        Assert.Equal(
            [
                "Document", "ObjectTypeDefinition", "StringValue", "Name:T", "NamedType", "Name:I", "FieldDefinition", "Name:f",
                "InputValueDefinition", "Name:a", "NamedType", "Name:Int", "ListType", "NonNullType", "NamedType", "Name:S",
            ],
            entered);
    }

    [Fact]
    public void SkipChildren_skips_the_subtree_and_its_leave()
    {
        var recorder = new Recorder(onEnter: n => n is FieldNode { Name.Value: "a" } ? VisitorAction.SkipChildren : VisitorAction.Continue);
        AstVisitor.Visit(Parser.Parse("{ a { x } b }"), recorder);
        Assert.DoesNotContain("enter Name:x", recorder.Events);
        Assert.DoesNotContain("enter Name:a", recorder.Events);
        Assert.Equal(1, recorder.Events.Count(e => e == "leave Field"));
        Assert.Contains("enter Name:b", recorder.Events);
    }

    [Fact]
    public void Break_stops_the_whole_walk()
    {
        var recorder = new Recorder(onEnter: n => n is NameNode { Value: "b" } ? VisitorAction.Break : VisitorAction.Continue);
        Assert.False(AstVisitor.Visit(Parser.Parse("{ a b c }"), recorder));
        Assert.Equal("enter Name:b", recorder.Events[^1]);
        Assert.DoesNotContain("enter Name:c", recorder.Events);
    }

    [Fact]
    public void Break_from_leave_stops_the_walk()
    {
        var recorder = new Recorder(onLeave: n => n is FieldNode ? VisitorAction.Break : VisitorAction.Continue);
        Assert.False(AstVisitor.Visit(Parser.Parse("{ a b }"), recorder));
        Assert.Equal("leave Field", recorder.Events[^1]);
        Assert.DoesNotContain("enter Name:b", recorder.Events);
    }

    private sealed class FieldPathCollector : AstVisitor
    {
        public List<string> Paths { get; } = [];

        protected override VisitorAction EnterField(FieldNode node)
        {
            var path = Ancestors.OfType<FieldNode>().Select(f => f.ResponseKey).Append(node.ResponseKey);
            Paths.Add(string.Join(".", path) + " in " + Parent!.Kind);
            return VisitorAction.Continue;
        }

        protected override VisitorAction EnterFragmentSpread(FragmentSpreadNode node) => VisitorAction.SkipChildren;
    }

    [Fact]
    public void Typed_visitor_gets_one_method_per_kind_with_ancestors_and_parent()
    {
        var collector = new FieldPathCollector();
        AstVisitor.Visit(Parser.Parse("{ a { b: c { d } ...F } }"), collector);
        Assert.Equal(["a in SelectionSet", "a.b in SelectionSet", "a.b.d in SelectionSet"], collector.Paths);
    }

    [Fact]
    public void Parallel_visitor_skips_and_breaks_per_visitor()
    {
        var skipper = new Recorder(onEnter: n => n is FieldNode { Name.Value: "a" } ? VisitorAction.SkipChildren : VisitorAction.Continue);
        var breaker = new Recorder(onEnter: n => n is NameNode { Value: "x" } ? VisitorAction.Break : VisitorAction.Continue);
        var full = new Recorder();
        Assert.True(AstVisitor.Visit(Parser.Parse("{ a { x } b }"), new ParallelVisitor([skipper, breaker, full])));

        Assert.DoesNotContain("enter Name:x", skipper.Events);
        Assert.Contains("enter Name:b", skipper.Events);
        Assert.Equal("enter Name:x", breaker.Events[^1]);
        Assert.Contains("enter Name:x", full.Events);
        Assert.Equal("leave Document", full.Events[^1]);
        Assert.Equal("leave Document", skipper.Events[^1]);
    }
}
