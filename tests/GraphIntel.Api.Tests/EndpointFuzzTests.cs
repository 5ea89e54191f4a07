using CsCheck;
using GraphIntel.Api.Tests.Support;
using GraphIntel.Testing.Fuzz;

namespace GraphIntel.Api.Tests;

/// <summary>
/// Property-based fuzzing of the whole GraphQL endpoint on the real API host (Kestrel, a real SQLite file, the curated
/// data set): generated and mutated requests (tests/Shared/Fuzz: documents from the grammar and from the README's
/// queries and the API's schema, wrongly shaped and byte-mutated JSON bodies, invalid UTF-8, odd media types,
/// encodings and Accept headers, broken GET query strings). Every request is answered — never with a 5xx — with a
/// JSON body (or an empty 4xx when Kestrel itself refuses an over-long URI), and every refusal carries GraphQL errors with messages.
/// </summary>
public sealed class EndpointFuzzTests(ApiHost api) : IClassFixture<ApiHost>
{
    private static readonly Gen<string> Documents = GraphQLDocumentGen.Any(FuzzCorpus.Documents());

    [Fact]
    public Task Any_request_is_answered_or_refused_cleanly_and_never_with_a_5xx() =>
        HttpRequestGen.Request(Documents).SampleAsync(async request => Holds(await EndpointProperties.AnsweredCleanly(api.Http, request)), iter: 1_500);

    private static void Holds(string? failure) => Assert.True(failure is null, failure);
}
