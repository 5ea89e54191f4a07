namespace GraphIntel.Graph.Ontology;

/// <summary>The kinds of entity the graph holds. Sources are documents, not entities.</summary>
public enum EntityKind { Organization, Person, Place, Event }

/// <summary>What sort of organization an <see cref="EntityKind.Organization"/> is.</summary>
public enum OrganizationKind { ArmedGroup, State, GovernmentAgency, Intergovernmental, PoliticalMovement, Other }

/// <summary>The relationship types of the API contract. Direction reads as a sentence: from TYPE to.</summary>
public enum RelationshipType
{
    AffiliateOf, UnderUmbrellaOf, SplitFrom, RebrandedAs, MergedInto,
    AlliedWith, CooperatesWith, RivalOf, Supports, Hosts,
    Leads, Founded, MemberOf, Designated, OperatesIn, BasedIn,
    /// <summary>An organization, person or place took part in an event, in a <see cref="Model.Participation"/> role.</summary>
    ParticipatedIn,
    /// <summary>An event happened at a place.</summary>
    OccurredIn,
}

/// <summary>What sort of thing happened.</summary>
public enum EventKind { Attack, Raid, Arrest, Capture, Killing, Death, Meeting, Conference, Designation, Other }

/// <summary>The part an entity played in an event.</summary>
public enum ParticipantRole { Perpetrator, Target, Victim, Organizer, Host, Participant }

/// <summary>On what word a perpetrator is named: its own claim, another's attribution, or named and denying it.</summary>
public enum Attribution { Claimed, Attributed, Denied }

/// <summary>What a casualty figure counts.</summary>
public enum CasualtyKind { Killed, Wounded, Kidnapped, Arrested }

/// <summary>How a fact stands. <see cref="Retracted"/> facts are kept for the audit trail and hidden unless asked for.</summary>
public enum ClaimStatus { Asserted, Disputed, Denied, Retracted }

/// <summary>Which relationships of an entity to follow: those that start at it, end at it, or both.</summary>
public enum Direction { Outgoing, Incoming, Both }

/// <summary>Lineage walks backwards to what an organization came from, forwards to what came from it, or both.</summary>
public enum LineageDirection { Ancestors, Descendants, Both }
