using System.Globalization;
using System.Text.Json.Nodes;

namespace GraphIntel.Benchmarks.Engine;

/// <summary>Prints the engine benchmark's table: ops/s side by side and the ratios against graphql-js.</summary>
internal static class BenchmarkReport
{
    private const double Target = 3.0;

    public static void Print(
        IReadOnlyList<(string Case, EngineBenchmark.Measurement Uncached, EngineBenchmark.Measurement Cached, string ResultJson)> ours,
        IReadOnlyDictionary<string, GraphQLJsCase>? graphqlJs)
    {
        Console.WriteLine();
        Console.WriteLine($"{"case",-14} {"ours, no cache",15} {"ours, cached",13} {"graphql-js",11} {"js, exec only",14} {"no cache / js",14} {"cached / js",12} {"KB/op (nc/c)",14}");
        foreach (var (name, uncached, cached, resultJson) in ours)
        {
            var js = graphqlJs?.GetValueOrDefault(name);
            Console.WriteLine(string.Join(' ',
                $"{name,-14}",
                $"{Rate(uncached.OperationsPerSecond),15}",
                $"{Rate(cached.OperationsPerSecond),13}",
                $"{(js is null ? "-" : Rate(js.FullOperationsPerSecond)),11}",
                $"{(js is null ? "-" : Rate(js.ExecuteOperationsPerSecond)),14}",
                $"{(js is null ? "-" : Ratio(uncached.OperationsPerSecond / js.FullOperationsPerSecond)),14}",
                $"{(js is null ? "-" : Ratio(cached.OperationsPerSecond / js.FullOperationsPerSecond)),12}",
                $"{Kilobytes(uncached.BytesPerOperation)}/{Kilobytes(cached.BytesPerOperation),-6}"));
            if (js is not null && !JsonNode.DeepEquals(JsonNode.Parse(resultJson), JsonNode.Parse(js.ResultJson)))
            {
                var at = FirstDifference(resultJson, js.ResultJson);
                Console.WriteLine($"  warning: the responses differ at character {at}, so the engines did not do the same work:\n    ours:       …{Around(resultJson, at)}…\n    graphql-js: …{Around(js.ResultJson, at)}…");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"ratios are ops/s over graphql-js's parse + validate + execute ops/s; target {Target.ToString("0.#", CultureInfo.InvariantCulture)}x.");
        Console.WriteLine("\"js, exec only\" is graphql-js executing a pre-parsed, pre-validated document: the ceiling a document cache could reach in graphql-js.");
    }

    private static string Rate(double operationsPerSecond) => operationsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" + (ratio >= Target ? "" : " (<3x)");

    private static string Kilobytes(double bytes) => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture);

    private static int FirstDifference(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }
        return length;
    }

    private static string Around(string text, int index)
    {
        var start = Math.Max(0, index - 100);
        return text[start..Math.Min(text.Length, index + 100)];
    }
}
