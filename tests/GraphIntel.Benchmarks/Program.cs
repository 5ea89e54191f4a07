// GraphIntel benchmarks. Each prints its numbers and ratios against a reference measured in the same run.
//   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- <benchmark> [options]
var benchmarks = new Dictionary<string, (string About, Func<string[], Task<int>> Run)>(StringComparer.OrdinalIgnoreCase)
{
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: GraphIntel.Benchmarks <benchmark> [options]");
    foreach (var (name, (about, _)) in benchmarks) Console.Error.WriteLine($"  {name,-8} {about}");
    return args.Length == 0 ? 0 : 2;
}
return await benchmark.Run(args[1..]);
