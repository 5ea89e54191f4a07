using System.Diagnostics;
using System.Text.Json;
using GraphIntel.GraphQL.Tests.Conformance;

namespace GraphIntel.GraphQL.Tests.Validation;

/// <summary>
/// graphql-js validating a document (with all its rules or one of them) against the validation test schema
/// (tests/conformance/validation/validate-oracle.mjs). One node process serves the whole test run (the rule tests ask
/// one document each, and node takes ~100 ms to start); each answer is awaited at most <see cref="AnswerTimeout"/>, past
/// which the process is killed and the test fails.
/// </summary>
internal static class GraphqlJsValidation
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static Process? _oracle;

    /// <summary>
    /// graphql-js's errors for <paramref name="query"/> under the rule named <paramref name="rule"/> (all of
    /// <c>specifiedRules</c> when null) with its error bound (<paramref name="maxErrors"/> when given), each as
    /// "message @ line:column …".
    /// </summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string? rule, string query, int? maxErrors = null)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (_oracle is null)
            {
                _oracle = await NodeRunner.StartScriptAsync(Path.Combine("validation", "validate-oracle.mjs"));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            }
            var request = new Dictionary<string, object?> { ["rule"] = rule, ["query"] = query };
            if (maxErrors is { } bound) request["maxErrors"] = bound;
            await _oracle.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request));
            await _oracle.StandardInput.FlushAsync();
            string? line;
            using (var deadline = new CancellationTokenSource(AnswerTimeout))
            {
                try
                {
                    line = await _oracle.StandardOutput.ReadLineAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    Stop();
                    throw new TimeoutException($"validate-oracle.mjs gave no answer within {AnswerTimeout} and was killed ({rule}: {query})");
                }
            }
            if (line is null)
            {
                Stop();
                throw new InvalidOperationException($"validate-oracle.mjs ended without answering ({rule}: {query})");
            }
            using var answer = JsonDocument.Parse(line);
            Assert.False(answer.RootElement.TryGetProperty("failure", out var failure), $"graphql-js failed on {rule}: {failure}\n{query}");
            return [.. answer.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString() + " @ " + string.Join(" ",
                e.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}")))];
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static void Stop()
    {
        var oracle = Interlocked.Exchange(ref _oracle, null);
        if (oracle is null) return;
        if (!oracle.HasExited) oracle.Kill(entireProcessTree: true);
        oracle.Dispose();
    }
}
