using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Checking;

/// <summary>Every id a fact names exists, and each relationship type connects the kinds of entity it may.</summary>
internal static class ReferenceChecks
{
    public static void Check(DatasetDrafts drafts, DatasetIndex index, ICollection<DatasetProblem> problems)
    {
        foreach (var r in drafts.Relationships)
        {
            var from = index.ResolveEntity(r.From, r.FieldNames.From, r.Label, problems);
            var to = index.ResolveEntity(r.To, r.FieldNames.To, r.Label, problems);
            if (r.Type is { } type && from is not null && to is not null &&
                GraphOntology.CheckEndpoints(type, from.Kind, to.Kind) is { } why)
            {
                problems.Add(new DatasetProblem(r.At, $"{r.Label}: {why}"));
            }
        }
        foreach (var e in drafts.Estimates)
        {
            var organization = index.ResolveEntity(e.Organization, "organization", e.Label, problems);
            if (organization is not null && organization.Kind != EntityKind.Organization)
            {
                problems.Add(new DatasetProblem(e.Organization!.Value.At,
                    $"{e.Label}: organization: '{e.Organization.Value.Value}' is a {DatasetText.KindName(organization.Kind)}, not an organization"));
            }
        }
        foreach (var a in drafts.Aliases)
            index.ResolveEntity(a.Entity, "entity", a.Label, problems);
    }
}
