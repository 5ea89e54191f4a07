using GraphIntel.Graph.Dataset;

namespace GraphIntel.Graph.Testing;

/// <summary>
/// A small, valid data set in a temporary folder, laid out like the repository (seed/sources, seed/data/…).
/// Tests add or replace files to introduce exactly one problem and read it back with the real reader.
/// </summary>
public sealed class TempDataset : IDisposable
{
    public const string DocumentText = """
        The Islamic State Khorasan Province (ISIS-K) was founded in 2015.
        Its emir Hafiz Saeed Khan was killed in 2016.
        ISIS-K operates in Nangarhar. The Taliban are rivals of ISIS-K.
        Some call the group IS-K; the Taliban call it Daesh.
        """;

    public const string SourcesYaml = """
        - id: source/doc
          file: doc.txt
          title: A document
          published: "2024-03"
        """;

    public const string EntitiesYaml = """
        organizations:
          - id: org/isis-k
            name: Islamic State Khorasan Province
            organizationKind: ARMED_GROUP
            aliases: [ISIS-K]
            founded: "2015"
            citations:
              - source: source/doc
                quote: "The Islamic State Khorasan Province (ISIS-K) was founded in 2015."
                supports: founded
          - id: org/taliban
            name: Taliban
            organizationKind: ARMED_GROUP
            citations:
              - source: source/doc
                quote: "The Taliban are rivals of ISIS-K."
        people:
          - id: person/hafiz-saeed-khan
            name: Hafiz Saeed Khan
            citations:
              - source: source/doc
                quote: "Its emir Hafiz Saeed Khan was killed in 2016."
        places:
          - id: place/nangarhar
            name: Nangarhar
            citations:
              - source: source/doc
                quote: "ISIS-K operates in Nangarhar."
        """;

    public const string FactsYaml = """
        relationships:
          - type: LEADS
            from: person/hafiz-saeed-khan
            to: org/isis-k
            validFrom: "2015"
            validTo: "2016"
            role: emir
            endReason: killed
            citations:
              - source: source/doc
                quote: "Its emir Hafiz Saeed Khan was killed in 2016."
          - type: RIVAL_OF
            from: org/taliban
            to: org/isis-k
            validFrom: "2015"
            citations:
              - source: source/doc
                quote: "The Taliban are rivals of ISIS-K."
        strengthEstimates:
          - organization: org/isis-k
            max: 6000
            asOf: "2024"
            estimatedBy: Anvar Yuldoshev
            citations:
              - source: source/doc
                quote: "ISIS-K operates in Nangarhar."
        aliases:
          - entity: org/isis-k
            names: [IS-K]
            citations:
              - source: source/doc
                quote: "Some call the group IS-K;"
        """;

    public TempDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "graphintel-dataset-" + Guid.NewGuid().ToString("N"));
        Write("seed/sources/doc.txt", DocumentText);
        Write("seed/sources/sources.yaml", SourcesYaml);
        Write("seed/data/entities/base.yaml", EntitiesYaml);
        Write("seed/data/facts/base.yaml", FactsYaml);
    }

    public string Root { get; }

    /// <summary>Writes (or replaces) a file under the root; the path uses '/'.</summary>
    public TempDataset Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempDataset Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return this;
    }

    public DatasetReadResult Read() => DatasetReader.Read(Root);

    /// <summary>Every problem as "file:line:column: message".</summary>
    public IReadOnlyList<string> Problems() => Read().Problems.Select(p => p.ToString()).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a store file still open on some platform: the temp folder is cleaned by the OS */ }
    }
}
