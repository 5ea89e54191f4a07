using Xunit.Abstractions;
using Xunit.Sdk;

namespace GraphIntel.Api.Tests.Browser;

/// <summary>
/// A <see cref="FactAttribute"/> for tests that drive a real Chromium. When the browser or the npm packages of
/// tests/browser are missing, the test is reported skipped with the reason — never passed.
/// </summary>
[XunitTestCaseDiscoverer("GraphIntel.Api.Tests.Browser.BrowserFactDiscoverer", "GraphIntel.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute;

public sealed class BrowserFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new BrowserTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, GraphiQLBrowser.MissingReason);
    }
}

/// <summary>A test case whose skip reason comes from the machine (is there a browser?) rather than the attribute.</summary>
public sealed class BrowserTestCase : XunitTestCase
{
    private string? _missing;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BrowserTestCase() { }

    public BrowserTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string? missing)
        : base(sink, display, options, method)
    {
        _missing = missing;
        SkipReason = missing;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => _missing ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("BrowserMissing", _missing);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _missing = data.GetValue<string?>("BrowserMissing");
        base.Deserialize(data);
    }
}
