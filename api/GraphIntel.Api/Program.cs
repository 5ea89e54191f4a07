// GraphIntel API: `dotnet run --project api/GraphIntel.Api` starts it on the embedded store (created, migrated and
// seeded on first start) at http://127.0.0.1:5000/graphql. Configuration: see README.md.
using GraphIntel.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddGraphStore();
builder.AddGraphIntelApi();

var app = builder.Build();
app.MapGraphIntel();
app.Run();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
