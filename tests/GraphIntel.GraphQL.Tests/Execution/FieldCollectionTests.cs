using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;
using GraphIntel.GraphQL.Tests.Validation;

namespace GraphIntel.GraphQL.Tests.Execution;

/// <summary>
/// The engine's one CollectFields (spec §6.3.2 "Field Collection"), over graphql-js's validation test schema (Dog
/// implements Pet and Being; CatOrDog = Cat | Dog). Expectations follow the spec's algorithm step by step.
/// </summary>
public sealed class FieldCollectionTests
{
    /// <summary>The document's fragments; <c>@skip</c> on a selection leaves it out; <paramref name="budget"/> selection sets may be entered.</summary>
    private sealed class Collection(DocumentNode document, string typeName, int budget = int.MaxValue)
        : FieldCollection(ValidationHarness.Schema, (ObjectType)ValidationHarness.Schema.GetType(typeName)!)
    {
        private int _budget = budget;

        public int SelectionSetsEntered { get; private set; }

        protected override bool ShouldInclude(SelectionNode selection) => !selection.Directives.Any(d => d.Name.Value == "skip");

        protected override FragmentDefinitionNode? GetFragment(string name) =>
            document.Definitions.OfType<FragmentDefinitionNode>().FirstOrDefault(f => f.Name.Value == name);

        protected override bool CanEnter(SelectionSetNode selectionSet)
        {
            SelectionSetsEntered++;
            return _budget-- > 0;
        }
    }

    private static (Collection Collection, bool Completed) Collect(string document, string typeName = "Dog", int budget = int.MaxValue)
    {
        var parsed = Parser.Parse(document);
        var collection = new Collection(parsed, typeName, budget);
        var operation = parsed.Definitions.OfType<OperationDefinitionNode>().First();
        return (collection, collection.Collect(operation.SelectionSet));
    }

    // key=field@offset, offsets counted by hand in the document text.
    private static string[] Describe(FieldCollection collection) =>
        [.. collection.Groups.Select(g => g.Key + "=" + string.Join(",", g.Nodes.Select(n => n.Name.Value + "@" + n.Location!.Start)))];

    [Fact]
    public void Groups_fields_by_response_key_in_first_appearance_order()
    {
        var (collection, completed) = Collect("{ name a: nickname name b: name a: barkVolume }");
        Assert.True(completed);
        Assert.Equal(["name=name@2,name@19", "a=nickname@7,barkVolume@32", "b=name@24"], Describe(collection));
    }

    [Fact]
    public void Follows_fragments_whose_type_applies_to_the_object_type()
    {
        var (collection, _) = Collect(
            "{ ... { a: name } ... on Dog { b: name } ... on Pet { c: name } ... on CatOrDog { d: name } ... on Cat { e: name } ...H } "
            + "fragment H on Human { f: name }");
        Assert.Equal(["a", "b", "c", "d"], collection.Groups.Select(g => g.Key));
    }

    [Fact]
    public void Follows_each_fragment_name_once_and_skips_unknown_fragments()
    {
        var (collection, _) = Collect("{ ...F ... on Dog { ...F } ...Missing } fragment F on Dog { name }");
        Assert.Equal(["name=name@60"], Describe(collection));
        Assert.Single(collection.Groups[0].Nodes);
    }

    [Fact]
    public void Leaves_out_excluded_selections_and_their_fragments()
    {
        var (collection, _) = Collect("{ a: name @skip ... @skip { b: name } ...F @skip c: name } fragment F on Dog { d: name }");
        Assert.Equal(["c"], collection.Groups.Select(g => g.Key));
    }

    [Fact]
    public void A_refused_selection_set_stops_the_collection()
    {
        var (collection, completed) = Collect("{ a: name ... { b: name ... { c: name } } d: name }", budget: 2);
        Assert.False(completed);
        Assert.Equal(3, collection.SelectionSetsEntered);
        Assert.Equal(["a", "b"], collection.Groups.Select(g => g.Key));
    }
}
