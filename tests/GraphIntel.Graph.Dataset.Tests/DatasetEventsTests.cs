using GraphIntel.Graph.Model;
using GraphIntel.Graph.Ontology;

namespace GraphIntel.Graph.Dataset.Tests;

/// <summary>
/// <c>seed/data/events/*.yaml</c> (format: <c>seed/data/README.md</c>, "Events"): each event is an EVENT entity, its
/// participants PARTICIPATED_IN facts and its places OCCURRED_IN facts; every mistake is reported at its file:line.
/// </summary>
public sealed class DatasetEventsTests : IDisposable
{
    private const string Events = "seed/data/events/zz-test.yaml";
    private readonly TempDataset _dataset = new();

    public void Dispose() => _dataset.Dispose();

    /// <summary>A valid event of the mini data set's document: the killing of Hafiz Saeed Khan in 2016.</summary>

    private IReadOnlyList<string> ProblemsWith(string yaml) => _dataset.Write(Events, yaml).Problems();

    /// <summary>The valid event with one line replaced.</summary>
    private IReadOnlyList<string> ProblemsWithKillingWhere(string line, string replacement)
    {
        Assert.Contains(line, DatasetSamples.KillingYaml);
        return ProblemsWith(DatasetSamples.KillingYaml.Replace(line, replacement));
    }

    [Fact]
    public void An_event_becomes_an_event_entity_with_its_kind_date_and_casualties()
    {
        var result = _dataset.Write(Events, DatasetSamples.KillingYaml).Read();
        Assert.Empty(result.Problems);
        var killing = result.ChangeSet.Entities.Single(e => e.Id == "event/killing-of-hafiz-saeed-khan");
        Assert.Equal((EntityKind.Event, "Killing of Hafiz Saeed Khan", "The emir of ISIS-K is killed."), (killing.Kind, killing.Name, killing.Description));
        Assert.Equal(new EventDetails(EventKind.Killing, DateBound.On(new PartialDate(2016))), killing.Event! with { Casualties = [] });
        var killed = Assert.Single(killing.Event!.Casualties);
        Assert.Equal((CasualtyKind.Killed, 1, 1, "the emir", ClaimStatus.Asserted), (killed.Kind, killed.Min, killed.Max, killed.Of, killed.Status));
        Assert.Equal("Its emir Hafiz Saeed Khan was killed in 2016.", Assert.Single(killed.Citations).Quote);
        Assert.Equal(1, result.Summary.EntitiesByKind[EntityKind.Event]);
    }

    [Fact]
    public void Participants_and_places_become_facts_dated_by_the_event_citing_it_unless_they_cite_their_own()
    {
        var relationships = _dataset.Write(Events, DatasetSamples.KillingYaml).Read().ChangeSet.Relationships
            .Where(r => r.Type is RelationshipType.ParticipatedIn or RelationshipType.OccurredIn)
            .ToDictionary(r => r.Id);
        const string eventId = "event/killing-of-hafiz-saeed-khan";
        Assert.Equal(
        [
            $"rel/OCCURRED_IN/{eventId}/place/nangarhar/2016-2016",
            $"rel/PARTICIPATED_IN/org/taliban/{eventId}/2016-2016",
            $"rel/PARTICIPATED_IN/person/hafiz-saeed-khan/{eventId}/2016-2016",
        ], relationships.Keys.Order(StringComparer.Ordinal));
        var victim = relationships[$"rel/PARTICIPATED_IN/person/hafiz-saeed-khan/{eventId}/2016-2016"];
        Assert.Equal(new Participation(ParticipantRole.Victim), victim.Participation);
        Assert.Equal((ClaimStatus.Asserted, "Its emir Hafiz Saeed Khan was killed in 2016."), (victim.Status, Assert.Single(victim.Citations).Quote));
        Assert.Equal(Validity.Between(new PartialDate(2016), new PartialDate(2016)), victim.Validity);
        var perpetrator = relationships[$"rel/PARTICIPATED_IN/org/taliban/{eventId}/2016-2016"];
        Assert.Equal(new Participation(ParticipantRole.Perpetrator, Attribution.Attributed), perpetrator.Participation);
        Assert.Equal((ClaimStatus.Disputed, "The Taliban are rivals of ISIS-K."), (perpetrator.Status, Assert.Single(perpetrator.Citations).Quote));
        var place = relationships[$"rel/OCCURRED_IN/{eventId}/place/nangarhar/2016-2016"];
        Assert.Null(place.Participation);
        Assert.Equal("Its emir Hafiz Saeed Khan was killed in 2016.", Assert.Single(place.Citations).Quote);
    }

    [Fact]
    public void An_undated_event_has_undated_facts()
    {
        var result = _dataset.Write(Events, DatasetSamples.KillingYaml.Replace("    date: \"2016\"\n", "")).Read();
        Assert.Empty(result.Problems);
        Assert.True(result.ChangeSet.Entities.Single(e => e.Kind == EntityKind.Event).Event!.Date.IsUnknown);
        Assert.All(result.ChangeSet.Relationships.Where(r => r.Type == RelationshipType.OccurredIn),
            r => Assert.Equal(new Validity(DateBound.Unknown, DateBound.Unknown), r.Validity));
    }

    [Fact]
    public void No_events_folder_an_empty_one_and_an_empty_list_are_all_fine()
    {
        Assert.Empty(_dataset.Problems());
        Directory.CreateDirectory(Path.Combine(_dataset.Root, "seed", "data", "events"));
        Assert.Empty(_dataset.Problems());
        Assert.Empty(ProblemsWith("events: []\n"));
        Assert.DoesNotContain(_dataset.Read().ChangeSet.Entities, e => e.Kind == EntityKind.Event);
    }

    [Fact]
    public void A_misspelt_key_is_unknown_with_a_suggestion()
    {
        Assert.Equal(
            [$"{Events}:14:9: event event/killing-of-hafiz-saeed-khan: participant org/taliban: unknown key 'atribution'; did you mean 'attribution'? (allowed: entity, role, attribution, status, citations)"],
            ProblemsWithKillingWhere("attribution: ATTRIBUTED", "atribution: ATTRIBUTED"));
        Assert.Equal(
            [$"{Events}:1:1: unknown section 'event'; did you mean 'events'? (allowed: events)"],
            ProblemsWith(DatasetSamples.KillingYaml.Replace("events:", "event:")));
    }

    [Fact]
    public void An_unknown_participant_or_place_is_reported_with_the_closest_id()
    {
        Assert.Equal(
            [$"{Events}:10:17: event event/killing-of-hafiz-saeed-khan: participant person/hafiz-saeed-kahn: entity: unknown id 'person/hafiz-saeed-kahn'; did you mean 'person/hafiz-saeed-khan'?"],
            ProblemsWithKillingWhere("entity: person/hafiz-saeed-khan", "entity: person/hafiz-saeed-kahn"));
        Assert.Equal(
            [$"{Events}:8:16: event event/killing-of-hafiz-saeed-khan: place place/nangarharr: place: unknown id 'place/nangarharr'; did you mean 'place/nangarhar'?"],
            ProblemsWithKillingWhere("place: place/nangarhar", "place: place/nangarharr"));
    }

    [Fact]
    public void A_bad_kind_role_or_date_is_reported_where_it_is_written()
    {
        Assert.Equal(
            [$"{Events}:4:11: event event/killing-of-hafiz-saeed-khan: kind: 'KILLIN' is not an EventKind; did you mean 'KILLING'? (expected one of ATTACK, RAID, ARREST, CAPTURE, KILLING, DEATH, MEETING, CONFERENCE, DESIGNATION, OTHER)"],
            ProblemsWithKillingWhere("kind: KILLING", "kind: KILLIN"));
        Assert.Equal(
            [$"{Events}:11:15: event event/killing-of-hafiz-saeed-khan: participant person/hafiz-saeed-khan: role: 'CASUALTY' is not a ParticipantRole (expected one of PERPETRATOR, TARGET, VICTIM, ORGANIZER, HOST, PARTICIPANT)"],
            ProblemsWithKillingWhere("role: VICTIM", "role: CASUALTY"));
        var badDate = Assert.Single(ProblemsWithKillingWhere("date: \"2016\"", "date: \"2016-13\""));
        Assert.StartsWith($"{Events}:5:11: event event/killing-of-hafiz-saeed-khan: date: ", badDate);
    }

    [Fact]
    public void Attribution_is_for_perpetrators_only()
    {
        Assert.Equal(
            [$"{Events}:12:22: event event/killing-of-hafiz-saeed-khan: participant person/hafiz-saeed-khan: 'attribution' applies to PERPETRATOR participants only, not VICTIM"],
            ProblemsWithKillingWhere("        role: VICTIM\n", "        role: VICTIM\n        attribution: CLAIMED\n"));
    }

    [Fact]
    public void A_participant_must_not_be_an_event_and_a_place_must_be_a_place()
    {
        var problems = ProblemsWith(DatasetSamples.KillingYaml + """
              - id: event/other
                name: Other event
                kind: OTHER
                places:
                  - place: org/taliban
                participants:
                  - entity: event/killing-of-hafiz-saeed-khan
                    role: PARTICIPANT
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            """);
        Assert.Equal(
        [
            $"{Events}:34:9: event event/other: place org/taliban: OCCURRED_IN connects event to place, not event to organization",
            $"{Events}:36:9: event event/other: participant event/killing-of-hafiz-saeed-khan: PARTICIPATED_IN connects organization or person or place to event, not event to event",
        ], problems);
    }

    [Fact]
    public void A_casualty_range_must_not_run_backwards_and_needs_a_figure_and_a_citation()
    {
        Assert.Equal(
            [$"{Events}:21:14: event event/killing-of-hafiz-saeed-khan: casualty figure: min (3) is greater than max (1)"],
            ProblemsWithKillingWhere("min: 1", "min: 3"));
        var problems = ProblemsWithKillingWhere("""
                    min: 1
                    max: 1
                    of: the emir
                    citations:
                      - source: source/doc
                        quote: "Its emir Hafiz Saeed Khan was killed in 2016."
            """, "        of: the emir");
        Assert.Equal(
        [
            $"{Events}:20:9: event event/killing-of-hafiz-saeed-khan: casualty figure: gives neither min nor max",
            $"{Events}:20:9: event event/killing-of-hafiz-saeed-khan: casualty figure: no citations; every fact needs at least one (source and verbatim quote)",
        ], problems);
    }

    [Fact]
    public void Quotes_are_checked_verbatim_once_each_even_when_participants_and_places_inherit_them()
    {
        const string eventQuote = "        quote: \"Its emir Hafiz Saeed Khan was killed in 2016.\"\n";
        Assert.EndsWith(eventQuote, DatasetSamples.KillingYaml);
        Assert.Equal(
            [$"{Events}:29:16: event event/killing-of-hafiz-saeed-khan: quote not found verbatim in source/doc: \"Its emir Hafiz Saeed Khan was shot in 2016.\""],
            ProblemsWith(DatasetSamples.KillingYaml[..^eventQuote.Length] + eventQuote.Replace("killed", "shot")));
        Assert.Equal(
            [$"{Events}:26:20: event event/killing-of-hafiz-saeed-khan: casualty figure: quote not found verbatim in source/doc: \"Its emir was killed in 2017.\""],
            ProblemsWithKillingWhere(eventQuote + "    citations:", "        quote: \"Its emir was killed in 2017.\"\n    citations:"));
    }

    [Fact]
    public void An_event_id_has_the_event_prefix()
    {
        Assert.Equal(
            [$"{Events}:2:9: event org/killing: id 'org/killing' must start with 'event/'"],
            ProblemsWithKillingWhere("id: event/killing-of-hafiz-saeed-khan", "id: org/killing").Where(p => p.Contains(":2:")).ToList());
    }
}
