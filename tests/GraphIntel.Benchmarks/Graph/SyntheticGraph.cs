using GraphIntel.Graph.Model;
using GraphIntel.Graph.Names;
using GraphIntel.Graph.Ontology;
using GraphIntel.Graph.Store;

namespace GraphIntel.Benchmarks.Graph;

/// <summary>How big a synthetic graph to make, and from which seed.</summary>
public sealed record SyntheticGraphOptions
{
    public int Entities { get; init; } = 100_000;
    public int Relationships { get; init; } = 1_000_000;
    public int Seed { get; init; } = 20_240_601;
    /// <summary>Entities per source document; each entity is introduced by one sentence of one source.</summary>
    public int EntitiesPerSource { get; init; } = 100;
}

/// <summary>
/// A deterministic (seeded) organizational graph shaped like the real one, at any size: organizations (60%), people
/// (30%) and places (10%) with transliterated names and spelling-variant aliases; a few umbrella bodies with many
/// affiliates, split and rebrand chains, leadership terms with successions, and a long tail of alliances, rivalries,
/// memberships and areas of operation whose endpoints follow a skewed (power-law-ish) degree distribution; partial
/// dates of every precision and a mix of claim statuses. Every record cites a sentence of a generated source text
/// that names it, so the whole graph passes <see cref="ChangeSetValidator"/>.
/// </summary>
public sealed class SyntheticGraph
{
    /// <summary>Transliteration syllables (Arabic, Persian, Pashto, Turkic): enough of them that names vary as real ones do.</summary>
    private static readonly string[] Syllables =
    [
        "ka", "ti", "bat", "jam", "at", "an", "sar", "ul", "lah", "tah", "rik", "ta", "li", "ban", "khor", "as",
        "is", "lam", "hiz", "bu", "kha", "ri", "tow", "hid", "ji", "had", "mu", "ja", "hi", "din", "fur", "qan",
        "nus", "rah", "sham", "dag", "he", "stan", "ba", "dakh", "shan", "ter", "mez", "kun", "duz", "faz", "ghor", "zab",
        "wa", "zir", "ab", "dul", "ra", "him", "sal", "man", "ye", "men", "qa", "sim", "nur", "ud", "daw", "lat",
        "mir", "za", "gul", "bad", "pak", "tia", "hel", "mand", "nan", "gar", "har", "kat", "wal", "jaw", "zjan", "sab",
        "fa", "riy", "mal", "ik", "sha", "rif", "bek", "tosh", "kent", "sur", "khan", "yar", "zai", "pur", "abad", "ghaz",
        "ni", "ko", "hat", "tar", "shir", "dar", "yo", "lu", "gan", "ob", "chor", "tep", "bol", "qal", "dev", "sol",
        "vakh", "rush", "tum", "nam", "ang", "sei", "fid", "ham", "zeh", "raf", "qub", "tul", "sef", "hok", "nad", "bey",
    ];
    private static readonly string[] OrganizationPrefixes = ["Katibat", "Jamaat", "Harakat", "Tehrik-e", "Jabhat", "Lashkar-e", "Ittehad", "Hizb"];
    private static readonly string[] FirstNames =
    [
        "Mahdi", "Muhammad", "Abdul", "Amriddin", "Shamil", "Sirojiddin", "Tohir", "Juma", "Usman", "Ilyas", "Farhod", "Rustam",
        "Bakhrom", "Salim", "Khalid", "Hafiz", "Nuriddin", "Dilshod", "Umar", "Yusuf", "Anvar", "Suhrob", "Ikrom", "Jamshed",
    ];
    private static readonly string[] SurnameEndings = ["ov", "i", "zai", "yar", "", "ev", "uddin"];
    private static readonly string[] PlaceEndings = ["abad", "stan", "kot", "shahr", "", "gul", "dara"];
    private static readonly string[] Roles = ["emir", "leader", "commander", "spokesman", "deputy emir"];
    private static readonly string[] EndReasons = ["killed", "captured", "replaced", "resigned", "defected"];

    private readonly Random _random;
    private readonly SyntheticGraphOptions _options;
    private readonly List<Source> _sources = [];
    private readonly List<Entity> _entities = [];
    private readonly List<Relationship> _relationships = [];
    private readonly Dictionary<string, Citation> _citationOf = new(StringComparer.Ordinal);
    private readonly HashSet<(EntityKind, string)> _names = [];
    private readonly List<string> _organizations = [];
    private readonly List<string> _people = [];
    private readonly List<string> _places = [];
    private int _umbrellaBodies;

    private SyntheticGraph(SyntheticGraphOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public ChangeSet ChangeSet { get; private set; } = new();
    public IReadOnlyList<string> OrganizationIds => _organizations;
    public IReadOnlyList<string> PersonIds => _people;
    public IReadOnlyList<string> PlaceIds => _places;
    public IReadOnlyList<Entity> Entities => _entities;

    public static SyntheticGraph Generate(SyntheticGraphOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Entities, 10);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Relationships);
        var graph = new SyntheticGraph(options);
        graph.Build();
        return graph;
    }

    /// <summary>A name with one letter changed in the middle: what a lookup with a small misspelling sends.</summary>
    public static string Misspell(string name, Random random)
    {
        var letters = Enumerable.Range(1, Math.Max(0, name.Length - 2)).Where(i => char.IsAsciiLetterLower(name[i])).ToList();
        if (letters.Count == 0) return name;
        var at = letters[random.Next(letters.Count)];
        var replacement = name[at] == 'a' ? 'e' : name[at] == 'e' ? 'a' : name[at] == 'o' ? 'u' : 'a';
        return string.Concat(name.AsSpan(0, at), replacement.ToString(), name.AsSpan(at + 1));
    }

    private void Build()
    {
        var organizations = _options.Entities * 6 / 10;
        var people = _options.Entities * 3 / 10;
        var places = _options.Entities - organizations - people;
        _umbrellaBodies = Math.Max(1, organizations / 50);

        var texts = new List<List<string>>();
        for (var i = 0; i < organizations; i++) AddOrganization(i, texts);
        for (var i = 0; i < people; i++) AddPerson(i, texts);
        for (var i = 0; i < places; i++) AddPlace(i, texts);
        for (var s = 0; s < texts.Count; s++)
        {
            _sources.Add(new Source(SourceId(s), $"Synthetic report {s}", "Synthetic Monitor", null,
                new PartialDate(2015 + s % 10, 1 + s % 12), null, string.Join('\n', texts[s])));
        }

        AddLineage();
        AddLeadership();
        while (_relationships.Count < _options.Relationships) AddTie();
        if (_relationships.Count > _options.Relationships) _relationships.RemoveRange(_options.Relationships, _relationships.Count - _options.Relationships);

        // As the data set reader does: each fact carries the lifecycle end (a dissolution, a successor) the store would
        // derive on write, so the graph is what a store holds after loading it, and loading it again changes nothing.
        ChangeSet = new ChangeSet { Sources = _sources, Entities = _entities, Relationships = Lifecycles.Derive(_entities, _relationships) };
    }

    private string SourceId(int s) => $"source/s{s}";

    /// <summary>Registers the sentence that introduces an entity and returns the citation of it.</summary>
    private Citation Introduce(string id, string sentence, List<List<string>> texts)
    {
        var source = _entities.Count / _options.EntitiesPerSource;
        while (texts.Count <= source) texts.Add([]);
        texts[source].Add(sentence);
        var citation = new Citation(SourceId(source), sentence);
        _citationOf[id] = citation;
        return citation;
    }

    private void AddOrganization(int i, List<List<string>> texts)
    {
        var id = $"org/o{i}";
        string name;
        do
        {
            var prefix = OrganizationPrefixes[_random.Next(OrganizationPrefixes.Length)];
            var article = _random.Next(3) == 0 ? "al-" : "";
            name = $"{prefix} {Word(2)} {article}{Word(2 + _random.Next(2))}";
        } while (!Claim(EntityKind.Organization, name));
        var aliases = Aliases(EntityKind.Organization, name);
        var kind = i < _umbrellaBodies ? OrganizationKind.ArmedGroup : (OrganizationKind)Weighted([70, 8, 7, 3, 8, 4]);
        var founded = _random.Next(10) < 7 ? RandomDate(1970, 2022) : (PartialDate?)null;
        var dissolved = founded is { } f && _random.Next(10) == 0 ? RandomDate(Math.Min(f.Year + 1, 2024), 2024) : (PartialDate?)null;
        var citation = Introduce(id, $"{name}{AlsoKnownAs(aliases)} is reported to be active in the region.", texts);
        _entities.Add(new Entity(id, EntityKind.Organization, name, aliases, [citation])
        {
            OrganizationKind = kind, Founded = founded, Dissolved = dissolved,
        });
        _organizations.Add(id);
    }

    private void AddPerson(int i, List<List<string>> texts)
    {
        var id = $"person/p{i}";
        string name;
        do
        {
            name = $"{FirstNames[_random.Next(FirstNames.Length)]} {Word(2)}{SurnameEndings[_random.Next(SurnameEndings.Length)]}";
        } while (!Claim(EntityKind.Person, name));
        var aliases = Aliases(EntityKind.Person, name);
        var citation = Introduce(id, $"{name}{AlsoKnownAs(aliases)} was named in the report.", texts);
        _entities.Add(new Entity(id, EntityKind.Person, name, aliases, [citation]));
        _people.Add(id);
    }

    private void AddPlace(int i, List<List<string>> texts)
    {
        var id = $"place/l{i}";
        string name;
        do
        {
            name = $"{Word(2)}{PlaceEndings[_random.Next(PlaceEndings.Length)]}";
        } while (!Claim(EntityKind.Place, name));
        var citation = Introduce(id, $"{name} is a district in the region.", texts);
        _entities.Add(new Entity(id, EntityKind.Place, name, [], [citation]));
        _places.Add(id);
    }

    /// <summary>Spelling variants as sources write them (a vowel shifted, "kh" for "k"), kept only when unclaimed.</summary>
    private string[] Aliases(EntityKind kind, string name)
    {
        var aliases = new List<string>();
        foreach (var variant in new[] { name.Replace('u', 'o'), name.Replace("k", "kh"), name.Replace("al-", "") })
        {
            if (aliases.Count < 2 && variant != name && _random.Next(2) == 0 && Claim(kind, variant)) aliases.Add(variant);
        }
        return [.. aliases];
    }

    private static string AlsoKnownAs(string[] aliases) => aliases.Length == 0 ? "" : $" (also {string.Join(", ", aliases)})";

    private bool Claim(EntityKind kind, string name) => _names.Add((kind, NameNormalizer.Fold(name)));

    private void AddLineage()
    {
        var count = _organizations.Count;
        for (var i = _umbrellaBodies; i < count && _relationships.Count < _options.Relationships; i++)
        {
            var org = _organizations[i];
            if (_random.Next(10) < 3)
                AddRelationship(RelationshipType.UnderUmbrellaOf, org, _organizations[Skewed(_umbrellaBodies)], ClaimStatus.Asserted);
            if (_random.Next(10) == 0)
                AddRelationship(RelationshipType.SplitFrom, org, _organizations[Recent(i)], ClaimStatus.Asserted);
            if (_random.Next(20) == 0)
                AddRelationship(RelationshipType.RebrandedAs, _organizations[Recent(i)], org, ClaimStatus.Asserted);
            if (_random.Next(100) == 0)
                AddRelationship(RelationshipType.MergedInto, _organizations[Recent(i)], org, ClaimStatus.Asserted);
            if (_random.Next(50) == 0)
                AddRelationship(RelationshipType.AffiliateOf, org, _organizations[Skewed(_umbrellaBodies)], ClaimStatus.Asserted);
        }
    }

    private void AddLeadership()
    {
        foreach (var person in _people)
        {
            if (_relationships.Count >= _options.Relationships) return;
            if (_random.Next(2) != 0) continue;
            var from = _random.Next(1990, 2022);
            var to = _random.Next(3) == 0 ? (int?)null : from + _random.Next(0, 8);
            var validity = Validity.Between(RandomDate(from, from), to is { } t ? RandomDate(t, t) : null);
            var leads = new Relationship($"rel/r{_relationships.Count}", RelationshipType.Leads, person, _organizations[Skewed(_organizations.Count)],
                validity, RandomStatus(), [_citationOf[person]])
            {
                Role = Roles[_random.Next(Roles.Length)],
                EndReason = to is null ? null : EndReasons[_random.Next(EndReasons.Length)],
            };
            if (leads.Validity.Problem() is null) _relationships.Add(leads);
        }
    }

    private void AddTie()
    {
        var type = (RelationshipType)new[]
        {
            (int)RelationshipType.AlliedWith, (int)RelationshipType.CooperatesWith, (int)RelationshipType.RivalOf, (int)RelationshipType.Supports,
            (int)RelationshipType.MemberOf, (int)RelationshipType.OperatesIn, (int)RelationshipType.BasedIn, (int)RelationshipType.Hosts,
            (int)RelationshipType.Designated, (int)RelationshipType.Founded,
        }[Weighted([15, 15, 10, 10, 15, 15, 5, 5, 5, 5])];
        var (fromKinds, toKinds) = GraphOntology.Endpoints[type];
        var from = Pick(fromKinds);
        var to = Pick(toKinds);
        if (from != to) AddRelationship(type, from, to, RandomStatus());
    }

    private string Pick(EntityKind[] kinds)
    {
        var pool = kinds[_random.Next(kinds.Length)] switch
        {
            EntityKind.Organization => _organizations,
            EntityKind.Person => _people,
            _ => _places,
        };
        return pool[_random.Next(2) == 0 ? Skewed(pool.Count) : _random.Next(pool.Count)];
    }

    private void AddRelationship(RelationshipType type, string from, string to, ClaimStatus status)
    {
        if (from == to) return;
        var validity = _random.Next(10) < 4 ? Validity.Unknown : RandomValidity();
        _relationships.Add(new Relationship($"rel/r{_relationships.Count}", type, from, to, validity, status, [_citationOf[from]]));
    }

    private Validity RandomValidity()
    {
        var from = RandomDate(1985, 2020);
        if (_random.Next(2) == 0) return Validity.Between(from, null);
        var to = RandomDate(from.Year + 1, Math.Max(from.Year + 1, 2024));
        return Validity.Between(from, to);
    }

    private PartialDate RandomDate(int fromYear, int toYear)
    {
        var year = _random.Next(fromYear, toYear + 1);
        return _random.Next(3) switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, _random.Next(1, 13)),
            _ => new PartialDate(year, _random.Next(1, 13), _random.Next(1, 29)),
        };
    }

    private ClaimStatus RandomStatus() => (ClaimStatus)Weighted([90, 7, 2, 1]);

    /// <summary>An index in [0, count) biased towards 0: low indexes become the hubs.</summary>
    private int Skewed(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 2.5)));

    /// <summary>An organization created shortly before <paramref name="i"/>: predecessors in split and rebrand chains.</summary>
    private int Recent(int i) => Math.Max(0, i - 1 - _random.Next(Math.Min(i, 500)));

    private int Weighted(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    private string Word(int syllables)
    {
        var word = string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[_random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
