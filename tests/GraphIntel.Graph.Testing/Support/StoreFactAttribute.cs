using Xunit.Abstractions;
using Xunit.Sdk;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// A <see cref="FactAttribute"/> for tests written once and run against several store backends (the conformance
/// suite). When the concrete test class carries <see cref="RequiresNeo4jAttribute"/> and no Neo4j is configured,
/// the test is reported skipped — never passed.
/// </summary>
[XunitTestCaseDiscoverer("GraphIntel.Graph.Testing.StoreFactDiscoverer", "GraphIntel.Graph.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The <see cref="StoreFactAttribute"/> counterpart of <see cref="TheoryAttribute"/>.</summary>
[XunitTestCaseDiscoverer("GraphIntel.Graph.Testing.StoreTheoryDiscoverer", "GraphIntel.Graph.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>Marks a test class whose tests need a Neo4j server (see <see cref="Neo4jTestServer"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresNeo4jAttribute : Attribute;

/// <summary>Why a test of this class cannot run here, or null when it can.</summary>
internal static class BackendAvailability
{
    public static string? SkipReason(ITestMethod method) =>
        method.TestClass.Class.GetCustomAttributes(typeof(RequiresNeo4jAttribute)).Any() && Neo4jTestServer.Url is null
            ? Neo4jTestServer.MissingReason
            : null;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var skip = BackendAvailability.SkipReason(testMethod);
        yield return new BackendTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}

public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var skip = BackendAvailability.SkipReason(testMethod);
        return skip is null
            ? base.Discover(discoveryOptions, testMethod, theoryAttribute)
            : [new BackendTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip)];
    }
}

/// <summary>A test case whose skip reason comes from the backend's availability rather than the attribute.</summary>
public sealed class BackendTestCase : XunitTestCase
{
    private string? _skip;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase() { }

    public BackendTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string? skip)
        : base(sink, display, options, method)
    {
        _skip = skip;
        SkipReason = skip;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => _skip ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("BackendSkip", _skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _skip = data.GetValue<string?>("BackendSkip");
        base.Deserialize(data);
    }
}
