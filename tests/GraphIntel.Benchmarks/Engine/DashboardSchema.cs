using System.Text.Json;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.Benchmarks.Engine;

/// <summary>
/// The benchmark schema (dashboard.graphql) over dashboard-data.json, bound to C# resolvers that do what
/// graphql-js-bench.mjs's resolvers do: property reads, id lookups in dictionaries, one computed object.
/// </summary>
internal static class DashboardSchema
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
    };

    public static Schema Build(string folder)
    {
        var data = JsonSerializer.Deserialize<DashboardData>(File.ReadAllText(Path.Combine(folder, "dashboard-data.json")), JsonOptions)
            ?? throw new InvalidDataException("dashboard-data.json holds null.");
        var people = data.People.ToDictionary(p => p.Id);
        var projects = data.Projects.ToDictionary(p => p.Id);

        return SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(folder, "dashboard.graphql")), "dashboard.graphql")
            .BindType<DashboardData>("Dashboard")
            .BindType<PersonData>("Person")
            .BindType<ProjectData>("Project")
            .BindType<MilestoneData>("Milestone")
            .BindType<AlertData>("Alert")
            .BindType<StatsData>("Stats")
            .BindResolver("Query", "dashboard", _ => data)
            .BindResolver("Query", "project", c => projects.GetValueOrDefault((string)c.Arguments["id"]!))
            .BindResolver("Dashboard", "owner", c => people[((DashboardData)c.Source!).Owner])
            .BindResolver("Dashboard", "stats", _ => StatsData.Compute(data))
            .BindResolver("Dashboard", "projects", c => ((DashboardData)c.Source!).Projects.Take(First(c)).ToList())
            .BindResolver("Dashboard", "alerts", c => ((DashboardData)c.Source!).Alerts.Take(First(c)).ToList())
            .BindResolver("Project", "owner", c => people[((ProjectData)c.Source!).Owner])
            .BindResolver("Alert", "project", c => ((AlertData)c.Source!).Project is { } id ? projects[id] : null)
            .Build();
    }

    private static int First(GraphQL.Execution.IResolveFieldContext context) =>
        Convert.ToInt32(context.Arguments["first"], System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record DashboardData(
    string Title, string GeneratedAt, string Owner, List<PersonData> People, List<ProjectData> Projects, List<AlertData> Alerts);

internal sealed record PersonData(string Id, string Name, string? Email, string? Title);

internal sealed record MilestoneData(string Id, string Title, string? Due, bool Done);

internal sealed record ProjectData(
    string Id, string Name, string Status, double? Budget, double Progress, List<string> Tags, string Owner, List<MilestoneData> Milestones);

internal sealed record AlertData(string Id, string Message, string Severity, bool Acknowledged, string? Project);

internal sealed record StatsData(
    int ProjectCount, int ActiveCount, int BlockedCount, int DoneCount, double TotalBudget, double AverageProgress, int OpenAlerts, int CriticalAlerts)
{
    public static StatsData Compute(DashboardData data)
    {
        int active = 0, blocked = 0, done = 0, open = 0, critical = 0;
        double budget = 0, progress = 0;
        foreach (var project in data.Projects)
        {
            switch (project.Status)
            {
                case "ACTIVE": active++; break;
                case "BLOCKED": blocked++; break;
                case "DONE": done++; break;
            }
            budget += project.Budget ?? 0;
            progress += project.Progress;
        }
        foreach (var alert in data.Alerts)
        {
            if (!alert.Acknowledged)
            {
                open++;
            }
            if (alert.Severity == "CRITICAL")
            {
                critical++;
            }
        }
        return new StatsData(data.Projects.Count, active, blocked, done, budget, progress / data.Projects.Count, open, critical);
    }
}
