using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;
using GraphIntel.GraphQL.Validation;
using GraphIntel.GraphQL.Validation.Limits;

namespace GraphIntel.GraphQL.Tests.Validation.Limits;

/// <summary>
/// <see cref="MaxCostRule"/> with an <see cref="IFieldCostEstimator"/>: lists the query can't bound are sized by what the
/// schema's owner knows of its data, large values cost by their size, and a change of estimates reaches cached
/// documents. Expected costs are worked out by hand in each test's comment.
/// </summary>
public sealed class CostEstimatorTests
{
    private static readonly Schema Library = SchemaBuilder.FromSdl("""
        type Query { sources: [Source!]! search(first: Int = 7): [Source!]! }
        type Source { title: String! text: String! citations: [Citation!]! }
        type Citation { quote: String! source: Source! }
        """).UseDefaultFieldResolver().Build();

    /// <summary>Estimates from a table, "Type.field" → estimate, with a version that advances on every change.</summary>
    private sealed class TableEstimator : IFieldCostEstimator
    {
        private readonly Dictionary<string, FieldCostEstimate> _table = new(StringComparer.Ordinal);
        private long _version;

        public long Version => _version;

        public TableEstimator Set(string coordinate, FieldCostEstimate estimate)
        {
            _table[coordinate] = estimate;
            _version++;
            return this;
        }

        public FieldCostEstimate? Estimate(NamedType parentType, FieldDefinition field) =>
            _table.TryGetValue(parentType.Name + "." + field.Name, out var estimate) ? estimate : null;
    }

    private static long Cost(string query, IFieldCostEstimator? estimator, int defaultListSize = 10)
    {
        var error = Assert.Single(DocumentValidator.Validate(Library, Parser.Parse(query),
            [new MaxCostRule(new CostOptions { MaxCost = 0, DefaultListSize = defaultListSize, Estimator = estimator })]));
        return (long)error.Extensions!["value"]!;
    }

    [Fact]
    public void A_list_the_query_cant_bound_is_as_long_as_the_estimate_says()
    {
        // sources: 5 (the longest list is all of them). Each source's citations: mean 2, longest 10, so over 5 sources
        // min(5 × 10, ⌈5 × 2 + (10 − 2)⌉) = 18 quotes. Cost: 1 (sources) + 5 (citations) + 18 (quote) = 24.
        var estimator = new TableEstimator()
            .Set("Query.sources", new FieldCostEstimate(MaxListSize: 5))
            .Set("Source.citations", new FieldCostEstimate(ListSize: 2, MaxListSize: 10));

        Assert.Equal(24, Cost("{ sources { citations { quote } } }", estimator));
        // One source: its list may be the longest. 1 (sources) ... with sources at 1: 1 + 1 + min(10, ⌈2 + 8⌉) = 12.
        estimator.Set("Query.sources", new FieldCostEstimate(MaxListSize: 1));
        Assert.Equal(12, Cost("{ sources { citations { quote } } }", estimator));
    }

    [Fact]
    public void Without_an_estimate_a_list_is_the_default_size()
    {
        // 1 + 10 (citations, once per source) + 10 × 10 (quote) = 111.
        Assert.Equal(111, Cost("{ sources { citations { quote } } }", new TableEstimator()));
        Assert.Equal(111, Cost("{ sources { citations { quote } } }", null));
    }

    [Fact]
    public void A_large_value_costs_what_the_estimate_says_each_time_it_is_resolved()
    {
        // sources: 3; text costs 50, title 1: 1 + 3 × 50 + 3 × 1 = 154.
        var estimator = new TableEstimator()
            .Set("Query.sources", new FieldCostEstimate(MaxListSize: 3))
            .Set("Source.text", new FieldCostEstimate(Cost: 50));

        Assert.Equal(154, Cost("{ sources { text title } }", estimator));
    }

    [Fact]
    public void A_size_arguments_default_in_the_schema_sizes_the_list()
    {
        // search(first: Int = 7): 1 + 7 × 1 = 8; with first: 2, 1 + 2 = 3.
        Assert.Equal(8, Cost("{ search { title } }", null));
        Assert.Equal(3, Cost("{ search(first: 2) { title } }", null));
    }

    [Fact]
    public void A_cached_document_is_priced_again_when_the_estimates_change()
    {
        var estimator = new TableEstimator().Set("Query.sources", new FieldCostEstimate(MaxListSize: 5));
        var service = new GraphQLService(Library, new GraphQLServiceOptions
        {
            ExtraValidationRules = [new MaxCostRule(new CostOptions { MaxCost = 100, Estimator = estimator })],
            ValidationVersion = () => estimator.Version,
        });
        var request = new GraphQLRequest { Query = "{ sources { title } }" }; // 1 + 5 = 6

        Assert.True(service.Prepare(request).IsValid);
        Assert.True(service.Prepare(request).IsValid); // from the document cache

        estimator.Set("Query.sources", new FieldCostEstimate(MaxListSize: 200)); // 1 + 200 = 201
        var refused = service.Prepare(request);

        var error = Assert.Single(refused.Errors!);
        Assert.Equal("Query cost 201 exceeds the maximum allowed cost of 100.", error.Message);
    }
}
