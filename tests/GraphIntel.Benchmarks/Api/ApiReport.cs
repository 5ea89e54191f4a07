using System.Globalization;

namespace GraphIntel.Benchmarks.Api;

/// <summary>Prints the api benchmark's tables.</summary>
internal static class ApiReport
{
    public sealed record Row(string Case, string About, int ResponseBytes, OperationStats Stats);

    public sealed record JsonRow(string Writer, OperationStats Stats);

    public static void PrintExecution(IReadOnlyList<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine("execute (prepare from the document cache + execute; no JSON):");
        Console.WriteLine($"{"case",-14} {"response B",11} {"p50 µs",9} {"p99 µs",9} {"ops/s",10} {"B/op",10}");
        foreach (var (name, _, bytes, stats) in rows)
        {
            Console.WriteLine($"{name,-14} {N(bytes),11} {F(stats.P50Microseconds),9} {F(stats.P99Microseconds),9} {N(stats.OperationsPerSecond),10} {N(stats.BytesPerOperation),10}");
        }
        foreach (var row in rows) Console.WriteLine($"  {row.Case}: {row.About}");
    }

    public static void PrintJsonWriting(IReadOnlyList<JsonRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("JSON writing of the dashboard response into a reused buffer:");
        Console.WriteLine($"{"writer",-44} {"p50 µs",9} {"p99 µs",9} {"ops/s",11} {"B/op",8} {"vs first",9}");
        var ours = rows[0].Stats.OperationsPerSecond;
        foreach (var (writer, stats) in rows)
        {
            Console.WriteLine($"{writer,-44} {F(stats.P50Microseconds),9} {F(stats.P99Microseconds),9} {N(stats.OperationsPerSecond),11} {N(stats.BytesPerOperation),8} {(stats.OperationsPerSecond / ours).ToString("0.00", CultureInfo.InvariantCulture) + "x",9}");
        }
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
