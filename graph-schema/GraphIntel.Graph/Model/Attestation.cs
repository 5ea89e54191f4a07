namespace GraphIntel.Graph.Model;

/// <summary>
/// A source's word that a fact held at some moment within <see cref="Date"/>'s span: "in 2017", or the document's
/// own date where it speaks in the present tense. Attestations are evidence, not identity: the same fact attested by
/// two sources is one fact with two attestations.
/// </summary>
public sealed record Attestation(PartialDate Date, string SourceId);
