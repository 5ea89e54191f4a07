namespace GraphIntel.Graph.Store;

/// <summary>
/// How many records the store holds and how long its lists run: what a reader's cost is estimated from (the API
/// prices a list a query can't bound by the typical and the longest such list in the data). Counts include every
/// status, retracted facts too.
/// </summary>
/// <param name="Sources">How many sources.</param>
/// <param name="Entities">How many entities (organizations, people, places).</param>
/// <param name="Organizations">How many organizations.</param>
/// <param name="Relationships">How many relationships.</param>
/// <param name="StrengthEstimates">How many strength estimates.</param>
/// <param name="Citations">How many citations (of entities, relationships and estimates).</param>
/// <param name="MaxCitationsPerSource">The most citations of one source.</param>
/// <param name="MaxCitationsPerRecord">The most citations of one entity, relationship or strength estimate.</param>
/// <param name="MaxRelationshipsPerEntity">The most relationships at one entity (outgoing and incoming).</param>
/// <param name="MaxEstimatesPerOrganization">The most strength estimates of one organization.</param>
/// <param name="MaxSourceTextLength">The longest source text, in characters (UTF-16 code units).</param>
public sealed record StoreCardinalities(
    int Sources,
    int Entities,
    int Organizations,
    int Relationships,
    int StrengthEstimates,
    int Citations,
    int MaxCitationsPerSource,
    int MaxCitationsPerRecord,
    int MaxRelationshipsPerEntity,
    int MaxEstimatesPerOrganization,
    long MaxSourceTextLength);
