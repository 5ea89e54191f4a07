using System.Diagnostics;

namespace GraphIntel.Api.Tests.Support;

/// <summary>What one run of the real API process printed and how it ended.</summary>
public sealed record ApiProcessRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}

/// <summary>
/// Runs the built API (<c>dotnet exec GraphIntel.Api.dll</c> from the test's output folder, where the project
/// reference puts it) as its own process, with the environment of the test's choosing, in a temporary working folder.
/// </summary>
public static class ApiProcess
{
    private static string ApiDll => Path.Combine(AppContext.BaseDirectory, "GraphIntel.Api.dll");

    /// <summary>Starts the API; the caller ends it.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ApiDll);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GRAPHINTEL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["GRAPHINTEL_SEED"] = "false";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs the API until it exits by itself (a refusal to start), or fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<ApiProcessRun> RunToExitAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("graphintel-api-process-").FullName;
        try
        {
            using var process = Start(environment, workingDirectory);
            var run = await ChildProcess.WaitAsync(process, timeout ?? TimeSpan.FromSeconds(60), "the API (dotnet exec GraphIntel.Api.dll)");
            return new ApiProcessRun(run.ExitCode, run.Stdout, run.Stderr);
        }
        finally
        {
            try { Directory.Delete(workingDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
