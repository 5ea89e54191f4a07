using System.Diagnostics;
using System.Globalization;
using CsCheck;
using GraphIntel.Api.Hosting;
using GraphIntel.GraphQL.Tests.Language;
using GraphIntel.Testing.Fuzz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphIntel.Benchmarks.Fuzz;

/// <summary>
/// The long mode of the fuzz tests: the same generators and properties as ParserFuzzTests, RequestReaderFuzzTests and
/// EndpointFuzzTests (tests/Shared/Fuzz), for as many cases as asked, counting failures instead of stopping at the
/// first. Prints cases, seconds, cases/s and failures (with the first few), and, as the reference measured in the same
/// run, how fast the generator alone makes the cases (so the share of time spent checking the property — the code under
/// test, and for valid documents also printing, re-parsing and comparing the trees — is visible).
///   dotnet run -c Release --project tests/GraphIntel.Benchmarks -- fuzz [--cases N] [--target parser|reader|http|all]
///       [--http-cases N] [--threads N]
/// Defaults: 1,000,000 cases on the parser and on the reader, 20,000 over HTTP (the real API in process on Kestrel over
/// a seeded SQLite file); all targets. Exit code 1 when any failure was found.
/// </summary>
internal static class FuzzBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = Option(args, "--cases", 1_000_000);
        var httpCases = Option(args, "--http-cases", Math.Min(cases, 20_000));
        var threads = Option(args, "--threads", Environment.ProcessorCount);
        var target = OptionText(args, "--target") ?? "all";
        Console.WriteLine($"fuzz: {cases:N0} cases (parser, reader), {httpCases:N0} over HTTP, {threads} threads, {Environment.ProcessorCount} cores; CsCheck generators of tests/Shared/Fuzz");

        var corpus = FuzzCorpus.Documents(KitchenSink.Query, KitchenSink.Schema);
        var documents = GraphQLDocumentGen.Any(corpus);
        var failures = 0L;

        if (target is "all" or "parser")
        {
            failures += Run("parser: generated valid documents parse and round-trip", GraphQLDocumentGen.ValidDocument, cases / 4, threads, ParserProperties.ParsesAndRoundTrips);
            failures += Run("parser: any document (valid, mutated corpus, deep) parses or fails with a located syntax error", documents, cases - cases / 4, threads, ParserProperties.ParsesOrFailsWithALocatedSyntaxError);
        }
        if (target is "all" or "reader")
        {
            failures += Run("reader: any request is read or refused with a 4xx (in process)", HttpRequestGen.Request(documents), cases, threads,
                request => RequestReaderProperties.ReadsOrRefusesWithA4xx(request).GetAwaiter().GetResult());
        }
        if (target is "all" or "http")
        {
            failures += await RunHttpAsync(HttpRequestGen.Request(documents), httpCases, threads);
        }
        Console.WriteLine($"failures found: {failures:N0}");
        return failures == 0 ? 0 : 1;
    }

    private static long Run<T>(string title, Gen<T> gen, long cases, int threads, Func<T, string?> property)
    {
        var reference = Measure(gen, Math.Max(1, cases / 10), threads, _ => null).Rate;
        var (seconds, rate, failures, examples) = Measure(gen, cases, threads, property);
        Report(title, cases, seconds, rate, failures, examples, reference);
        return failures;
    }

    private static (double Seconds, double Rate, long Failures, List<string> Examples) Measure<T>(Gen<T> gen, long cases, int threads, Func<T, string?> property)
    {
        var failures = 0L;
        var examples = new List<string>();
        var clock = Stopwatch.StartNew();
        gen.Sample(value =>
        {
            string? failure;
            try { failure = property(value); }
            catch (Exception e) { failure = $"{e.GetType().Name}: {e.Message}"; }
            if (failure is null) return;
            Interlocked.Increment(ref failures);
            lock (examples) if (examples.Count < 5) examples.Add(failure + "\n      case: " + Shorten(value?.ToString()));
        }, iter: cases, threads: threads);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, cases / seconds, failures, examples);
    }

    private static async Task<long> RunHttpAsync(Gen<FuzzRequest> gen, long cases, int threads)
    {
        await using var api = await InProcessApi.StartAsync();
        var failures = 0L;
        var examples = new List<string>();
        var clock = Stopwatch.StartNew();
        await gen.SampleAsync(async request =>
        {
            string? failure;
            try { failure = await EndpointProperties.AnsweredCleanly(api.Http, request); }
            catch (Exception e) { failure = $"{e.GetType().Name}: {e.Message}"; }
            if (failure is null) return;
            Interlocked.Increment(ref failures);
            lock (examples) if (examples.Count < 5) examples.Add(Shorten(failure) + "\n      case: " + Shorten(request.ToString()));
        }, iter: cases, threads: threads);
        var seconds = clock.Elapsed.TotalSeconds;
        Report("http: any request to the real API (Kestrel, seeded SQLite) is answered cleanly, never a 5xx", cases, seconds, cases / seconds, failures, examples, reference: null);
        return failures;
    }

    private static void Report(string title, long cases, double seconds, double rate, long failures, List<string> examples, double? reference)
    {
        Console.WriteLine(title);
        var share = reference is { } r ? $"; generation alone {r:N0} cases/s, so {Math.Max(0, 1 - rate / r):P0} of the time is checking the property" : "";
        Console.WriteLine($"  {cases:N0} cases in {seconds:N1} s: {rate:N0} cases/s{share}; failures: {failures:N0}");
        foreach (var example in examples) Console.WriteLine("    " + example);
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 400 ? text : text[..400] + "…";

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The API composed as Program.cs composes it, listening on a free loopback port, over a seeded temporary data directory.</summary>
    private sealed class InProcessApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly string _dataDirectory;

        private InProcessApi(WebApplication app, string dataDirectory, HttpClient http)
        {
            _app = app;
            _dataDirectory = dataDirectory;
            Http = http;
        }

        public HttpClient Http { get; }

        public static async Task<InProcessApi> StartAsync()
        {
            var dataDirectory = Path.Combine(Path.GetTempPath(), "graphintel-fuzz-" + Guid.NewGuid().ToString("N"));
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration["GraphStore:Embedded:DataDirectory"] = dataDirectory;
            builder.Configuration["GraphIntel:Startup:SeedDirectory"] = RepoPaths.Root;
            builder.Logging.SetMinimumLevel(LogLevel.Critical);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.AddGraphStore();
            builder.AddGraphIntelApi();
            var app = builder.Build();
            app.MapGraphIntel();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new InProcessApi(app, dataDirectory, new HttpClient { BaseAddress = new Uri(address) });
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
