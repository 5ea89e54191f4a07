using System.Text.Json;
using GraphIntel.Api.Tests.Support;

namespace GraphIntel.Api.Tests;

/// <summary>
/// The API over a small data set of its own (one document, three events, two facts), loaded at start-up through the
/// real data-set reader into the real store: read the expected answers off <see cref="Document"/>.
/// </summary>
public sealed class EventsHost : ApiHost
{
    public const string Document = """
        The Taliban have been rivals of ISIS-K since 2015.
        ISIS-K operates in Nangarhar.
        In 2019 Taliban fighters raided an ISIS-K camp in Nangarhar, according to local officials.
        On 26 August 2021 a suicide bomber of ISIS-K attacked Kabul airport, killing 170 civilians and 13 US service members; ISIS-K claimed the attack.
        ISIS-K once held a meeting of its commanders in Nangarhar.
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "graphintel-events-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphIntel:Startup:SeedDirectory"] = _root,
    };

    public override Task InitializeAsync()
    {
        Write("seed/sources/doc.txt", Document);
        Write("seed/sources/sources.yaml", """
            - id: source/doc
              file: doc.txt
              title: A document on ISIS-K
            """);
        Write("seed/data/entities/base.yaml", """
            organizations:
              - id: org/isis-k
                name: ISIS-K
                organizationKind: ARMED_GROUP
                citations: [{source: source/doc, quote: "ISIS-K operates in Nangarhar."}]
              - id: org/taliban
                name: Taliban
                organizationKind: ARMED_GROUP
                citations: [{source: source/doc, quote: "The Taliban have been rivals of ISIS-K since 2015."}]
            places:
              - id: place/nangarhar
                name: Nangarhar
                citations: [{source: source/doc, quote: "ISIS-K operates in Nangarhar."}]
              - id: place/kabul
                name: Kabul
                citations: [{source: source/doc, quote: "ISIS-K attacked Kabul airport"}]
            """);
        Write("seed/data/facts/base.yaml", """
            relationships:
              - type: RIVAL_OF
                from: org/taliban
                to: org/isis-k
                validFrom: "2015"
                citations: [{source: source/doc, quote: "The Taliban have been rivals of ISIS-K since 2015."}]
              - type: OPERATES_IN
                from: org/isis-k
                to: place/nangarhar
                citations: [{source: source/doc, quote: "ISIS-K operates in Nangarhar."}]
            """);
        Write("seed/data/events/base.yaml", """
            events:
              - id: event/kabul-airport-bombing
                name: Kabul airport bombing
                kind: ATTACK
                date: "2021-08-26"
                places: [{place: place/kabul}]
                participants:
                  - entity: org/isis-k
                    role: PERPETRATOR
                    attribution: CLAIMED
                casualties:
                  - kind: KILLED
                    min: 170
                    max: 170
                    of: civilians
                    citations: [{source: source/doc, quote: "airport, killing 170 civilians"}]
                  - kind: KILLED
                    min: 13
                    max: 13
                    of: US service members
                    citations: [{source: source/doc, quote: "13 US service members"}]
                citations:
                  - source: source/doc
                    quote: "On 26 August 2021 a suicide bomber of ISIS-K attacked Kabul airport"
              - id: event/nangarhar-camp-raid
                name: Raid on an ISIS-K camp in Nangarhar
                kind: RAID
                date: "2019"
                places: [{place: place/nangarhar}]
                participants:
                  - entity: org/taliban
                    role: PERPETRATOR
                    attribution: ATTRIBUTED
                  - entity: org/isis-k
                    role: TARGET
                citations:
                  - source: source/doc
                    quote: "In 2019 Taliban fighters raided an ISIS-K camp in Nangarhar, according to local officials."
              - id: event/isis-k-commanders-meeting
                name: Meeting of ISIS-K commanders
                kind: MEETING
                places: [{place: place/nangarhar}]
                participants: [{entity: org/isis-k, role: ORGANIZER}]
                citations:
                  - source: source/doc
                    quote: "ISIS-K once held a meeting of its commanders in Nangarhar."
            """);
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

/// <summary>Events through the API: by place, by perpetrator, by date, on the timeline with the facts.</summary>
public sealed class EventsTests(EventsHost api) : IClassFixture<EventsHost>
{
    private const string Bombing = "event/kabul-airport-bombing";
    private const string Raid = "event/nangarhar-camp-raid";
    private const string Meeting = "event/isis-k-commanders-meeting";

    private static string[] Ids(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!).ToArray();

    private async Task<string[]> EventIds(string arguments) =>
        Ids((await api.QueryAsync($"{{ events({arguments}) {{ totalCount edges {{ node {{ id }} }} }} }}")).Ok().GetProperty("events"));

    [Fact]
    public async Task Events_by_place_come_in_date_order_with_the_undated_last()
    {
        Assert.Equal([Raid, Meeting], await EventIds("place: \"place/nangarhar\""));
        Assert.Equal([Bombing], await EventIds("place: \"place/kabul\""));
        var place = (await api.QueryAsync("""{ place(id: "place/nangarhar") { events { id date } } }""")).Ok().GetProperty("place");
        Assert.Equal([(Raid, "2019"), (Meeting, null)],
            place.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("id").GetString(), e.GetProperty("date").GetString())));
    }

    [Fact]
    public async Task Events_by_perpetrator_say_on_whose_word()
    {
        Assert.Equal([Bombing], await EventIds("participant: \"org/isis-k\", role: PERPETRATOR"));
        Assert.Equal([Raid, Bombing, Meeting], await EventIds("participant: \"org/isis-k\""));
        Assert.Equal([Raid, Bombing], await EventIds("role: PERPETRATOR"));
        Assert.Equal([Raid], await EventIds("participant: \"org/isis-k\", place: \"place/nangarhar\", kind: RAID"));

        var data = (await api.QueryAsync("""
            { organization(id: "org/taliban") { events(role: PERPETRATOR) { id eventKind
                participants { entity { id } role attribution status citations { quote subjectId } } } } }
            """)).Ok();
        var raid = Assert.Single(data.GetProperty("organization").GetProperty("events").EnumerateArray().ToList());
        Assert.Equal((Raid, "RAID"), (raid.GetProperty("id").GetString(), raid.GetProperty("eventKind").GetString()));
        var perpetrator = raid.GetProperty("participants")[0];
        Assert.Equal(("org/taliban", "PERPETRATOR", "ATTRIBUTED", "ASSERTED"),
            (perpetrator.GetProperty("entity").GetProperty("id").GetString(), perpetrator.GetProperty("role").GetString(),
             perpetrator.GetProperty("attribution").GetString(), perpetrator.GetProperty("status").GetString()));
        Assert.Contains("according to local officials", perpetrator.GetProperty("citations")[0].GetProperty("quote").GetString());
        var target = raid.GetProperty("participants")[1];
        Assert.Equal(("org/isis-k", "TARGET", JsonValueKind.Null),
            (target.GetProperty("entity").GetProperty("id").GetString(), target.GetProperty("role").GetString(), target.GetProperty("attribution").ValueKind));
    }

    [Fact]
    public async Task An_event_has_its_date_places_and_casualty_figures_each_cited()
    {
        var data = (await api.QueryAsync("""
            { event(id: "event/kabul-airport-bombing") { __typename kind eventKind name date dateEarliest dateLatest
                places { id } casualties { kind min max of status citations { quote subjectId } } } }
            """)).Ok().GetProperty("event");
        Assert.Equal(("Event", "EVENT", "ATTACK", "2021-08-26"),
            (data.GetProperty("__typename").GetString(), data.GetProperty("kind").GetString(), data.GetProperty("eventKind").GetString(), data.GetProperty("date").GetString()));
        Assert.Equal(("2021-08-26", "2021-08-26"), (data.GetProperty("dateEarliest").GetString(), data.GetProperty("dateLatest").GetString()));
        Assert.Equal(["place/kabul"], data.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([(170, "civilians", "airport, killing 170 civilians"), (13, "US service members", "13 US service members")],
            data.GetProperty("casualties").EnumerateArray().Select(c =>
                (c.GetProperty("min").GetInt32(), c.GetProperty("of").GetString(), c.GetProperty("citations")[0].GetProperty("quote").GetString())));
        Assert.Equal(Bombing, data.GetProperty("casualties")[0].GetProperty("citations")[0].GetProperty("subjectId").GetString());

        var unknownEvent = (await api.QueryAsync("""{ event(id: "org/isis-k") { id } node(id: "event/kabul-airport-bombing") { __typename } statistics { events } }""")).Ok();
        Assert.Equal(3, unknownEvent.GetProperty("statistics").GetProperty("events").GetInt32());
        Assert.Equal(JsonValueKind.Null, unknownEvent.GetProperty("event").ValueKind);
        Assert.Equal("Event", unknownEvent.GetProperty("node").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_date_window_keeps_the_events_that_may_fall_in_it()
    {
        Assert.Equal([Bombing], await EventIds("from: \"2020\", to: \"2022\""));
        Assert.Equal([Bombing], await EventIds("from: \"2021-08-26\", to: \"2021-08-26\""));
        Assert.Empty(await EventIds("from: \"2021-08-27\""));
        Assert.Equal([Raid], await EventIds("to: \"2019-06\""));
        var page = (await api.QueryAsync("{ events(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }")).Ok().GetProperty("events");
        Assert.Equal((3, true), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));
        var cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal([Meeting], await EventIds($"first: 2, after: \"{cursor}\""));
    }

    [Fact]
    public async Task The_timeline_merges_facts_and_events_with_the_undated_last_and_marked()
    {
        var entries = (await api.QueryAsync("""
            { organization(id: "org/isis-k") { timeline { date event undated summary occurrence { id } relationship { type } } } }
            """)).Ok().GetProperty("organization").GetProperty("timeline").EnumerateArray()
            .Select(e => (Date: e.GetProperty("date").GetString(), Kind: e.GetProperty("event").GetString(), Undated: e.GetProperty("undated").GetBoolean(),
                Summary: e.GetProperty("summary").GetString(),
                Occurrence: e.GetProperty("occurrence").ValueKind == JsonValueKind.Null ? null : e.GetProperty("occurrence").GetProperty("id").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("2015", "START", false, "Taliban RIVAL_OF ISIS-K", null),
            ("2019", "EVENT", false, "Raid on an ISIS-K camp in Nangarhar (RAID): ISIS-K as TARGET", Raid),
            ("2021-08-26", "EVENT", false, "Kabul airport bombing (ATTACK): ISIS-K as PERPETRATOR (CLAIMED)", Bombing),
            (null, "START", true, "ISIS-K OPERATES_IN Nangarhar", null),
            (null, "EVENT", true, "Meeting of ISIS-K commanders (MEETING): ISIS-K as ORGANIZER", Meeting),
        ], entries);
        var own = (await api.QueryAsync("""{ event(id: "event/nangarhar-camp-raid") { timeline { date event occurrence { id } } } }""")).Ok();
        var single = Assert.Single(own.GetProperty("event").GetProperty("timeline").EnumerateArray().ToList());
        Assert.Equal(("2019", "EVENT", Raid), (single.GetProperty("date").GetString(), single.GetProperty("event").GetString(), single.GetProperty("occurrence").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_participation_relationship_leads_to_its_event()
    {
        var data = (await api.QueryAsync("""
            { organization(id: "org/isis-k") { relationships(types: [PARTICIPATED_IN]) { to { __typename id } } } }
            """)).Ok();
        Assert.Equal([Meeting, Bombing, Raid], data.GetProperty("organization").GetProperty("relationships").EnumerateArray()
            .Select(r => r.GetProperty("to").GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(data.GetProperty("organization").GetProperty("relationships").EnumerateArray(),
            r => Assert.Equal("Event", r.GetProperty("to").GetProperty("__typename").GetString()));
    }

    [Fact]
    public async Task Asserting_a_participation_again_keeps_its_role_and_a_new_one_without_a_role_is_refused()
    {
        const string mutation = """
            mutation($input: RelationshipInput!) { assertRelationship(input: $input) { id citations { quote } } }
            """;
        object Input(string from, string quote) => new
        {
            input = new
            {
                type = "PARTICIPATED_IN", fromId = from, toId = Bombing, validFrom = "2021-08-26", validTo = "2021-08-26",
                citations = new[] { new { sourceId = "source/doc", quote } },
            },
        };

        var patched = (await api.QueryAsync(mutation, Input("org/isis-k", "ISIS-K claimed the attack."), key: ApiHost.EditorKey)).Ok();
        Assert.Equal(2, patched.GetProperty("assertRelationship").GetProperty("citations").GetArrayLength());
        var perpetrator = (await api.QueryAsync("""{ event(id: "event/kabul-airport-bombing") { participants { entity { id } role attribution } } }"""))
            .Ok().GetProperty("event").GetProperty("participants")[0];
        Assert.Equal(("org/isis-k", "PERPETRATOR", "CLAIMED"),
            (perpetrator.GetProperty("entity").GetProperty("id").GetString(), perpetrator.GetProperty("role").GetString(), perpetrator.GetProperty("attribution").GetString()));

        var refused = await api.QueryAsync(mutation, Input("org/taliban", "ISIS-K claimed the attack."), key: ApiHost.EditorKey);
        Assert.Contains("needs its participation (role)", refused.Raw);
    }
}
