using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphIntel.GraphQL.Tests.Conformance.StarWars;

/// <summary>
/// The mutable data of the starwars conformance schema, read from tests/conformance/starwars/data.json, the
/// same file graphql-js reads. Every query gets a fresh store, so mutations cannot leak between queries.
/// </summary>
internal sealed class StarWarsStore
{
    private static readonly Lazy<string> DataJson = new(() => File.ReadAllText(Path.Combine(RepositoryPaths.StarWars, "data.json")));

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public required List<CharacterData> Characters { get; init; }

    public required List<StarshipData> Starships { get; init; }

    public required List<ReviewData> Reviews { get; init; }

    /// <summary>The hero's id per episode name, and under "default" for no episode.</summary>
    public required Dictionary<string, string> Heroes { get; init; }

    /// <summary>A fresh copy of data.json.</summary>
    public static StarWarsStore Load() =>
        JsonSerializer.Deserialize<StarWarsStore>(DataJson.Value, JsonOptions)
        ?? throw new InvalidDataException("tests/conformance/starwars/data.json holds null.");

    public CharacterData? Character(string id) => Characters.Find(c => c.Id == id);

    public StarshipData? Starship(string id) => Starships.Find(s => s.Id == id);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HumanData), "Human")]
[JsonDerivedType(typeof(DroidData), "Droid")]
internal abstract class CharacterData
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required List<string> Friends { get; init; }

    public required List<string> AppearsIn { get; init; }

    public string? Nickname { get; init; }
}

internal sealed class HumanData : CharacterData
{
    public string? HomePlanet { get; init; }

    public double? Height { get; init; }

    public double? Mass { get; init; }

    public string? Born { get; init; }

    public required List<string> Starships { get; init; }
}

internal sealed class DroidData : CharacterData
{
    public string? PrimaryFunction { get; init; }
}

internal sealed class StarshipData
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public double? Length { get; init; }

    public required List<List<double>> Coordinates { get; init; }
}

internal sealed class ReviewData
{
    public required string Episode { get; init; }

    public required int Stars { get; init; }

    public string? Commentary { get; init; }

    public ColorData? FavoriteColor { get; init; }
}

internal sealed class ColorData
{
    public required int Red { get; init; }

    public required int Green { get; init; }

    public required int Blue { get; init; }
}

/// <summary>A page of a character's friends (the FriendsConnection type).</summary>
internal sealed record FriendsConnectionData(int TotalCount, IReadOnlyList<CharacterData?> Friends, PageInfoData PageInfo);

/// <summary>The PageInfo type.</summary>
internal sealed record PageInfoData(string? StartCursor, string? EndCursor, bool HasNextPage);
