namespace GraphIntel.Graph.Model;

/// <summary>How a fact stands on a date (see <see cref="TemporalProfile"/> for the rules).</summary>
public enum TemporalStatus
{
    /// <summary>Its bounds or an attestation put it in force at some moment of the date's span.</summary>
    Known,
    /// <summary>Nothing the sources say puts it in force then, and nothing excludes it.</summary>
    Possible,
    /// <summary>Its bounds put it wholly before or wholly after the date's span.</summary>
    Excluded,
}

/// <summary>What an <c>asOf</c> read returns: KNOWN facts only (the default), or POSSIBLE ones too.</summary>
public enum TemporalCertainty { Known, Possible }
