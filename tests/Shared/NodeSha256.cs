using System.Diagnostics;
using System.Text;

namespace GraphIntel.Testing;

/// <summary>
/// SHA-256 as node's crypto computes it: an implementation apart from .NET's, the oracle for the hashes the server keys
/// persisted and trusted documents by.
/// </summary>
public static class NodeSha256
{
    /// <summary>The SHA-256 (lowercase hex) of each file's bytes, in the order given.</summary>
    public static async Task<string[]> OfFilesAsync(params string[] files)
    {
        const string script = "const c=require('crypto'),fs=require('fs');for(const f of process.argv.slice(1))console.log(c.createHash('sha256').update(fs.readFileSync(f)).digest('hex'))";
        var run = await ChildProcess.RunAsync(new ProcessStartInfo("node", ["-e", script, .. files]), TimeSpan.FromMinutes(1));
        if (run.ExitCode != 0) throw new InvalidOperationException("node could not hash the files: " + run);
        return run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The same for text, written to a temporary file as UTF-8 (no BOM) first.</summary>
    public static async Task<string> OfTextAsync(string text)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, text, new UTF8Encoding(false));
            return (await OfFilesAsync(file)).Single();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
