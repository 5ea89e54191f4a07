// GraphIntel API: `dotnet run --project api/GraphIntel.Api` starts it on the embedded store (created, migrated and
// seeded on first start) at http://127.0.0.1:5000/graphql. Configuration: see README.md.
using GraphIntel.Api.Hosting;

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.UseDefaultUrl();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.AddGraphStore();
    builder.AddGraphIntelApi();
    app = builder.Build();
    app.MapGraphIntel(); // loads and validates the trusted documents, if any
}
catch (StartupConfigurationException e)
{
    // One line saying what to fix, exit code 1: no stack trace for a configuration mistake.
    Console.Error.WriteLine($"GraphIntel API cannot start: {e.Message}");
    return 1;
}
app.Run();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
