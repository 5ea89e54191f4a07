using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// The small graph every store backend is tested on, built in code: two sources that disagree, a lineage chain
/// (UTO ← JA SPLIT_FROM; JA REBRANDED_AS TTT), disputed umbrella claims side by side (KIB under ISIS-K / under the
/// Taliban), a leadership succession with a gap and an overlap, partial dates of every precision, and enough
/// cross-links for several paths of different lengths (with one tie) between KIB and TTT.
/// </summary>
public static class ConformanceFixture
{
    public const string Alpha = "source/alpha";
    public const string Beta = "source/beta";

    public const string Uto = "org/uto";
    public const string Ja = "org/ja";
    public const string Ttt = "org/ttt";
    public const string IsisK = "org/isis-k";
    public const string IslamicState = "org/islamic-state";
    public const string Kib = "org/kib";
    public const string Taliban = "org/taliban";
    public const string Arsalan = "person/mahdi-arsalan";
    public const string Tabarov = "person/amriddin-tabarov";
    public const string Sharifov = "person/muhammad-sharifov";
    public const string Badakhshan = "place/badakhshan";

    public const string JaSplitFromUto = "rel/ja-split-from-uto";
    public const string JaRebrandedAsTtt = "rel/ja-rebranded-as-ttt";
    public const string KibUnderIsisK = "rel/kib-umbrella-isis-k";
    public const string KibUnderTaliban = "rel/kib-umbrella-taliban";
    public const string KibAlliedTaliban = "rel/kib-allied-taliban";
    public const string IsisKAffiliateOfIs = "rel/isis-k-affiliate-of-is";
    public const string ArsalanLeadsJa = "rel/arsalan-leads-ja";
    public const string ArsalanLeadsJaDisputed = "rel/arsalan-leads-ja-beta";
    public const string TabarovLeadsJa = "rel/tabarov-leads-ja";
    public const string JaInBadakhshan = "rel/ja-operates-in-badakhshan";
    public const string IsisKInBadakhshan = "rel/isis-k-operates-in-badakhshan";
    public const string SharifovMemberOfIsisK = "rel/sharifov-member-of-isis-k";
    public const string IsisKRivalOfTaliban = "rel/isis-k-rival-of-taliban";
    public const string TalibanHostsTtt = "rel/taliban-hosts-ttt";

    public const string IsisKEstimateAlpha = "est/isis-k-alpha";
    public const string IsisKEstimateUn = "est/isis-k-un";

    public static readonly WriteContext Context = new("conformance", "fixture", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static readonly Source AlphaSource = new(Alpha, "Alpha report on Tajik militancy", "Alpha Monitor", "A. Analyst",
        PartialDate.Parse("2022-03"), "https://example.org/alpha", """
        Jamaat Ansarullah split from the United Tajik Opposition in 2006.
        Jamaat Ansarullah, also known as JA, rebranded itself as Tehrik-e Taliban Tajikistan in 2021.
        Tehrik-e Taliban Tajikistan (TTT) announced its existence in 2021.
        The United Tajik Opposition was formed in 1992 and dissolved in 2000.
        Mahdi Arsalan led Jamaat Ansarullah from 2010 until he was killed in June 2014.
        Amriddin Tabarov took over Jamaat Ansarullah in 2015.
        Katibat Imam al-Bukhari, also written Khatiba Imam al-Buhari, operates under the umbrella of ISIS-Khorasan.
        ISIS-K, also called IS-K or ISIS Khorasan, is the Khorasan province of the Islamic State.
        The Islamic State declared its Khorasan province in January 2015.
        ISIS-K has nearly 6,000 fighters.
        Jamaat Ansarullah is active in Badakhshan, and ISIS-K operates in Badakhshan too.
        Badakhshan is a province in the north-east of Afghanistan.
        """);

    public static readonly Source BetaSource = new(Beta, "Beta field notes", null, null, null, null, """
        Katibat Imam al-Bukhari fights under the Taliban banner, not under ISIS-K.
        Katibat Imam al-Bukhari fights alongside the Taliban.
        The Taliban movement dominates Afghanistan.
        ISIS-K is a bitter rival of the Taliban.
        The Taliban have hosted Tehrik-e Taliban Tajikistan fighters since September 2021.
        Muhammad Sharifov, also known as Mohammad Sharipov, was a spokesman of ISIS-K.
        Mahdi Arsalan remained leader of Jamaat Ansarullah until 2015.
        UN monitors estimate ISIS-K at 4,000 to 6,000 fighters.
        """);

    public static Citation CiteAlpha(string quote, string? supports = null) => new(Alpha, quote, supports);
    public static Citation CiteBeta(string quote, string? supports = null) => new(Beta, quote, supports);

    public static IReadOnlyList<Entity> Entities =>
    [
        Org(Uto, "United Tajik Opposition", OrganizationKind.PoliticalMovement, [], CiteAlpha("The United Tajik Opposition was formed in 1992 and dissolved in 2000.", "founded"))
            with { Founded = PartialDate.Parse("1992"), Dissolved = PartialDate.Parse("2000") },
        Org(Ja, "Jamaat Ansarullah", OrganizationKind.ArmedGroup, ["JA"], CiteAlpha("Jamaat Ansarullah, also known as JA", "alias"))
            with { Founded = PartialDate.Parse("2006"), Description = "Tajik jihadist group" },
        Org(Ttt, "Tehrik-e Taliban Tajikistan", OrganizationKind.ArmedGroup, ["TTT"], CiteAlpha("Tehrik-e Taliban Tajikistan (TTT) announced its existence in 2021."))
            with { Founded = PartialDate.Parse("2021") },
        Org(IsisK, "Islamic State Khorasan Province", OrganizationKind.ArmedGroup, ["ISIS-K", "IS-K", "ISIS Khorasan", "ISIS-Khorasan"],
                CiteAlpha("ISIS-K, also called IS-K or ISIS Khorasan, is the Khorasan province of the Islamic State.", "alias"))
            with { Founded = PartialDate.Parse("2015-01") },
        Org(IslamicState, "Islamic State", OrganizationKind.ArmedGroup, [], CiteAlpha("The Islamic State declared its Khorasan province in January 2015.")),
        Org(Kib, "Katibat Imam al-Bukhari", OrganizationKind.ArmedGroup, ["Khatiba Imam al-Buhari"],
            CiteAlpha("Katibat Imam al-Bukhari, also written Khatiba Imam al-Buhari", "alias")),
        Org(Taliban, "Taliban", OrganizationKind.PoliticalMovement, [], CiteBeta("The Taliban movement dominates Afghanistan.")),
        new Entity(Arsalan, EntityKind.Person, "Mahdi Arsalan", [], [CiteAlpha("Mahdi Arsalan led Jamaat Ansarullah")]),
        new Entity(Tabarov, EntityKind.Person, "Amriddin Tabarov", [], [CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")]),
        new Entity(Sharifov, EntityKind.Person, "Muhammad Sharifov", ["Mohammad Sharipov"],
            [CiteBeta("Muhammad Sharifov, also known as Mohammad Sharipov,", "alias")]) { Description = "ISIS-K spokesman" },
        new Entity(Badakhshan, EntityKind.Place, "Badakhshan", [], [CiteAlpha("Badakhshan is a province in the north-east of Afghanistan.")]),
    ];

    public static IReadOnlyList<Relationship> Relationships =>
    [
        Rel(JaSplitFromUto, RelationshipType.SplitFrom, Ja, Uto, ("2006", null), CiteAlpha("Jamaat Ansarullah split from the United Tajik Opposition in 2006.")),
        Rel(JaRebrandedAsTtt, RelationshipType.RebrandedAs, Ja, Ttt, ("2021", null), CiteAlpha("rebranded itself as Tehrik-e Taliban Tajikistan in 2021")),
        Rel(KibUnderIsisK, RelationshipType.UnderUmbrellaOf, Kib, IsisK, Always, CiteAlpha("operates under the umbrella of ISIS-Khorasan"), ClaimStatus.Disputed),
        Rel(KibUnderTaliban, RelationshipType.UnderUmbrellaOf, Kib, Taliban, Always, CiteBeta("Katibat Imam al-Bukhari fights under the Taliban banner, not under ISIS-K."), ClaimStatus.Disputed),
        Rel(KibAlliedTaliban, RelationshipType.AlliedWith, Kib, Taliban, Always, CiteBeta("Katibat Imam al-Bukhari fights alongside the Taliban.")),
        Rel(IsisKAffiliateOfIs, RelationshipType.AffiliateOf, IsisK, IslamicState, ("2015-01", null), CiteAlpha("The Islamic State declared its Khorasan province in January 2015.")),
        Rel(ArsalanLeadsJa, RelationshipType.Leads, Arsalan, Ja, ("2010", "2014-06"), CiteAlpha("Mahdi Arsalan led Jamaat Ansarullah from 2010 until he was killed in June 2014."))
            with { Role = "emir", EndReason = "killed" },
        Rel(ArsalanLeadsJaDisputed, RelationshipType.Leads, Arsalan, Ja, ("2010", "2015"), CiteBeta("Mahdi Arsalan remained leader of Jamaat Ansarullah until 2015."), ClaimStatus.Disputed),
        Rel(TabarovLeadsJa, RelationshipType.Leads, Tabarov, Ja, ("2015", null), CiteAlpha("Amriddin Tabarov took over Jamaat Ansarullah in 2015.")),
        Rel(JaInBadakhshan, RelationshipType.OperatesIn, Ja, Badakhshan, Always, CiteAlpha("Jamaat Ansarullah is active in Badakhshan")),
        Rel(IsisKInBadakhshan, RelationshipType.OperatesIn, IsisK, Badakhshan, Always, CiteAlpha("ISIS-K operates in Badakhshan too")),
        Rel(SharifovMemberOfIsisK, RelationshipType.MemberOf, Sharifov, IsisK, Always, CiteBeta("was a spokesman of ISIS-K")),
        Rel(IsisKRivalOfTaliban, RelationshipType.RivalOf, IsisK, Taliban, Always, CiteBeta("ISIS-K is a bitter rival of the Taliban.")),
        Rel(TalibanHostsTtt, RelationshipType.Hosts, Taliban, Ttt, ("2021-09", null), CiteBeta("The Taliban have hosted Tehrik-e Taliban Tajikistan fighters since September 2021.")),
    ];

    public static IReadOnlyList<StrengthEstimate> StrengthEstimates =>
    [
        new(IsisKEstimateAlpha, IsisK, null, 6000, PartialDate.Parse("2022-03"), null, ClaimStatus.Asserted, [CiteAlpha("ISIS-K has nearly 6,000 fighters.")]),
        new(IsisKEstimateUn, IsisK, 4000, 6000, null, "UN monitors", ClaimStatus.Disputed, [CiteBeta("UN monitors estimate ISIS-K at 4,000 to 6,000 fighters.")])
            { Note = "range" },
    ];

    /// <summary>The whole fixture as one change set.</summary>
    public static ChangeSet WholeGraph => new()
    {
        Sources = [AlphaSource, BetaSource],
        Entities = Entities,
        Relationships = Relationships,
        StrengthEstimates = StrengthEstimates,
    };

    private static Validity Always => Validity.Unknown;

    private static Entity Org(string id, string name, OrganizationKind kind, string[] aliases, Citation citation) =>
        new(id, EntityKind.Organization, name, aliases, [citation]) { OrganizationKind = kind };

    private static Relationship Rel(string id, RelationshipType type, string from, string to, Validity validity, Citation citation,
        ClaimStatus status = ClaimStatus.Asserted) =>
        new(id, type, from, to, validity, status, [citation]);

    private static Relationship Rel(string id, RelationshipType type, string from, string to, (string? From, string? To) validity,
        Citation citation, ClaimStatus status = ClaimStatus.Asserted) =>
        Rel(id, type, from, to, Validity.Between(validity.From is null ? null : PartialDate.Parse(validity.From),
            validity.To is null ? null : PartialDate.Parse(validity.To)), citation, status);
}
