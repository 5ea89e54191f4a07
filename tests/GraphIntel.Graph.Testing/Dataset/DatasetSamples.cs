namespace GraphIntel.Graph.Testing;

/// <summary>Small data-set files the data-set reader's and the seed CLI's tests both write.</summary>
public static class DatasetSamples
{
    /// <summary>An events file with one killing, its place, its participants in roles and a casualty figure with citations.</summary>
    public const string KillingYaml = """
        events:
          - id: event/killing-of-hafiz-saeed-khan
            name: Killing of Hafiz Saeed Khan
            kind: KILLING
            date: "2016"
            description: The emir of ISIS-K is killed.
            places:
              - place: place/nangarhar
            participants:
              - entity: person/hafiz-saeed-khan
                role: VICTIM
              - entity: org/taliban
                role: PERPETRATOR
                attribution: ATTRIBUTED
                status: DISPUTED
                citations:
                  - source: source/doc
                    quote: "The Taliban are rivals of ISIS-K."
            casualties:
              - kind: KILLED
                min: 1
                max: 1
                of: the emir
                citations:
                  - source: source/doc
                    quote: "Its emir Hafiz Saeed Khan was killed in 2016."
            citations:
              - source: source/doc
                quote: "Its emir Hafiz Saeed Khan was killed in 2016."

        """;
}
