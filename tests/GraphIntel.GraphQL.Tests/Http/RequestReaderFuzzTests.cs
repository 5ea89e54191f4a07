using CsCheck;
using GraphIntel.GraphQL.Tests.Language;
using GraphIntel.Testing.Fuzz;

namespace GraphIntel.GraphQL.Tests.Http;

/// <summary>
/// Property-based fuzzing of the GraphQL-over-HTTP request reader in process (CsCheck; generators in tests/Shared/Fuzz):
/// well-formed, wrongly shaped and byte-mutated bodies (invalid UTF-8 of every kind, truncations, BOMs, deep JSON),
/// odd media types and charsets, and GET query strings, carrying generated and mutated documents. The reader reads
/// the parameters or refuses with a 4xx and a message; it never throws. (The whole endpoint over the real API host:
/// GraphIntel.Api.Tests' EndpointFuzzTests.)
/// </summary>
public sealed class RequestReaderFuzzTests
{
    private static readonly Gen<string> Documents = GraphQLDocumentGen.Any(FuzzCorpus.Documents(KitchenSink.Query));

    [Fact]
    public Task Any_request_is_read_or_refused_with_a_4xx_and_never_throws() =>
        HttpRequestGen.Request(Documents).SampleAsync(async request => Holds(await RequestReaderProperties.ReadsOrRefusesWithA4xx(request)), iter: 4_000);

    private static void Holds(string? failure) => Assert.True(failure is null, failure);
}
