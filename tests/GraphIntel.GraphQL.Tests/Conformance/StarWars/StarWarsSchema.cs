using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Tests.Conformance.StarWars;

/// <summary>
/// The starwars conformance schema (tests/conformance/starwars/schema.graphql) bound to C# resolvers. This is the
/// twin of starwars/resolvers.mjs: same data, same behaviour, same error messages. Each request needs a fresh
/// <see cref="StarWarsStore"/> in its user context under <see cref="StoreKey"/> (see <see cref="NewUserContext"/>).
/// </summary>
internal static class StarWarsSchema
{
    /// <summary>The user-context key of the request's <see cref="StarWarsStore"/>.</summary>
    public const string StoreKey = "starwars.store";

    private const double FeetPerMeter = 3.28084;

    private static readonly Lazy<string> LazySdl = new(() => File.ReadAllText(SdlPath));

    /// <summary>The path of schema.graphql.</summary>
    public static string SdlPath => Path.Combine(RepositoryPaths.StarWars, "schema.graphql");

    /// <summary>The SDL text.</summary>
    public static string Sdl => LazySdl.Value;

    /// <summary>A user context holding a fresh copy of data.json.</summary>
    public static Dictionary<string, object?> NewUserContext() => new() { [StoreKey] = StarWarsStore.Load() };

    /// <summary>Builds the executable schema.</summary>
    public static Schema Build() =>
        SchemaBuilder.FromSdl(Sdl, "starwars/schema.graphql")
            .BindType<HumanData>("Human")
            .BindType<DroidData>("Droid")
            .BindType<StarshipData>("Starship")
            .BindType<ReviewData>("Review")
            .BindType<ColorData>("Color")
            .BindType<FriendsConnectionData>("FriendsConnection")
            .BindType<PageInfoData>("PageInfo")
            .BindScalar("Date", DateCoercion.Instance)
            .BindTypeResolver("Character", ResolveType)
            .BindTypeResolver("Node", ResolveType)
            .BindTypeResolver("SearchResult", ResolveType)
            .BindQueryResolvers()
            .BindMutationResolvers()
            .BindCharacterResolvers("Human")
            .BindCharacterResolvers("Droid")
            .BindResolver("Human", "verifiedHomePlanet", c => Source<HumanData>(c).HomePlanet)
            .BindResolver("Human", "height", c => InUnit(Source<HumanData>(c).Height, Argument<string>(c, "unit")))
            .BindResolver("Human", "starships", c => Source<HumanData>(c).Starships.Select(id => Store(c).Starship(id)).ToList())
            .BindResolver("Droid", "serialNumber", async c =>
            {
                await Task.Yield();
                return "SN-" + Source<DroidData>(c).Id;
            })
            .BindResolver("Starship", "length", c => InUnit(Source<StarshipData>(c).Length, Argument<string>(c, "unit")))
            .Build();

    private static SchemaBuilder BindQueryResolvers(this SchemaBuilder builder) => builder
        .BindResolver("Query", "hero", c => Hero(c))
        .BindResolver("Query", "heroAsync", async c =>
        {
            await Task.Yield();
            return Hero(c);
        })
        .BindResolver("Query", "human", c => Store(c).Character(Argument<string>(c, "id")!) as HumanData)
        .BindResolver("Query", "droid", c => Store(c).Character(Argument<string>(c, "id")!) as DroidData)
        .BindResolver("Query", "character", c => Store(c).Character(Argument<string>(c, "id")!))
        .BindResolver("Query", "node", c =>
        {
            var id = Argument<string>(c, "id")!;
            return (object?)Store(c).Character(id) ?? Store(c).Starship(id);
        })
        .BindResolver("Query", "starship", c => Store(c).Starship(Argument<string>(c, "id")!))
        .BindResolver("Query", "characters", c => Characters(Store(c), Map(c.Arguments["filter"])))
        .BindResolver("Query", "charactersByIds", c => List(c.Arguments["ids"]).Select(id => Store(c).Character((string)id!)).ToList())
        .BindResolver("Query", "charactersOrNull", c => List(c.Arguments["ids"]).Select(id => Store(c).Character((string)id!)).ToList())
        .BindResolver("Query", "search", c =>
        {
            var needle = Argument<string>(c, "text")!.ToLowerInvariant();
            var store = Store(c);
            return store.Characters.Where(x => x.Name.ToLowerInvariant().Contains(needle, StringComparison.Ordinal)).Cast<object>()
                .Concat(store.Starships.Where(x => x.Name.ToLowerInvariant().Contains(needle, StringComparison.Ordinal)))
                .ToList();
        })
        .BindResolver("Query", "reviews", c => Store(c).Reviews.Where(r => r.Episode == Argument<string>(c, "episode")).ToList())
        .BindResolver("Query", "failingNonNull", c => throw new InvalidOperationException("failingNonNull always fails."))
        .BindResolver("Query", "failingWithExtensions", c => throw new GraphQLException(new GraphQLError(
            "failingWithExtensions always fails.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "TEAPOT",
                ["detail"] = new Dictionary<string, object?> { ["retryable"] = false, ["attempts"] = 3 },
            })))
        .BindResolver("Query", "transpose", c => Transpose(List(c.Arguments["matrix"])))
        .BindResolver("Query", "addDays", c => AddDays((string)c.Arguments["date"]!, c.Arguments.GetValueOrDefault("days") is { } days ? ToInt(days) : 0))
        .BindResolver("Query", "echo", c => CanonicalJson.Write(c.Arguments));

    private static SchemaBuilder BindMutationResolvers(this SchemaBuilder builder) => builder
        .BindResolver("Mutation", "createReview", c => AddReview(Store(c), Argument<string>(c, "episode")!, Map(c.Arguments["review"])))
        .BindResolver("Mutation", "createReviewAndCount", c =>
        {
            var store = Store(c);
            var review = AddReview(store, Argument<string>(c, "episode")!, Map(c.Arguments["review"]));
            return store.Reviews.Count(r => r.Episode == review.Episode);
        })
        .BindResolver("Mutation", "failingMutation", c => throw new InvalidOperationException("failingMutation always fails."))
        .BindResolver("Mutation", "renameCharacter", c =>
        {
            var character = Store(c).Character(Argument<string>(c, "id")!);
            if (character is not null)
            {
                character.Name = Argument<string>(c, "name")!;
            }
            return character;
        });

    private static SchemaBuilder BindCharacterResolvers(this SchemaBuilder builder, string typeName) => builder
        .BindResolver(typeName, "friends", c => Source<CharacterData>(c).Friends.Select(id => Store(c).Character(id)).ToList())
        .BindResolver(typeName, "friendsConnection", c => FriendsConnection(
            Source<CharacterData>(c),
            c.Arguments.GetValueOrDefault("first") is { } first ? ToInt(first) : null,
            Argument<string>(c, "after"),
            Store(c)))
        .BindResolver(typeName, "secretBackstory", c => throw new InvalidOperationException("secretBackstory is secret."));

    private static string? ResolveType(object value, IResolveFieldContext context) => value switch
    {
        HumanData => "Human",
        DroidData => "Droid",
        StarshipData => "Starship",
        _ => null,
    };

    private static CharacterData? Hero(IResolveFieldContext c)
    {
        var store = Store(c);
        return store.Character(store.Heroes[Argument<string>(c, "episode") ?? "default"]);
    }

    private static FriendsConnectionData FriendsConnection(CharacterData character, int? first, string? after, StarWarsStore store)
    {
        if (first < 0)
        {
            throw new InvalidOperationException("`first` must not be negative.");
        }
        var all = character.Friends;
        var start = 0;
        if (after is not null)
        {
            var index = all.IndexOf(after);
            if (index < 0)
            {
                throw new InvalidOperationException($"No friend with id \"{after}\".");
            }
            start = index + 1;
        }
        var end = first is { } count ? Math.Min(all.Count, start + count) : all.Count;
        var page = all.GetRange(start, end - start);
        return new FriendsConnectionData(
            all.Count,
            page.Select(store.Character).ToList(),
            new PageInfoData(page.Count > 0 ? page[0] : null, page.Count > 0 ? page[^1] : null, end < all.Count));
    }

    private static List<CharacterData> Characters(StarWarsStore store, IReadOnlyDictionary<string, object?> filter)
    {
        var nameContains = (filter.GetValueOrDefault("nameContains") ?? filter.GetValueOrDefault("nameLike")) is string name
            ? name.ToLowerInvariant()
            : null;
        var appearsIn = filter.GetValueOrDefault("appearsIn") is { } episodes ? List(episodes).Cast<string>().ToList() : null;
        var bornBefore = filter.GetValueOrDefault("bornBefore") as string;
        var found = store.Characters.Where(c =>
            (nameContains is null || c.Name.ToLowerInvariant().Contains(nameContains, StringComparison.Ordinal))
            && (appearsIn is null || c.AppearsIn.Any(appearsIn.Contains))
            && (bornBefore is null || (c is HumanData { Born: { } born } && string.CompareOrdinal(born, bornBefore) < 0)))
            .ToList();
        if (filter.GetValueOrDefault("limit") is { } limitValue)
        {
            var limit = ToInt(limitValue);
            if (limit < 0)
            {
                throw new InvalidOperationException("`limit` must not be negative.");
            }
            found = found.Take(limit).ToList();
        }
        return found;
    }

    private static ReviewData AddReview(StarWarsStore store, string episode, IReadOnlyDictionary<string, object?> review)
    {
        var stars = ToInt(review["stars"]!);
        if (stars is < 0 or > 5)
        {
            throw new InvalidOperationException($"stars must be between 0 and 5, got {stars}.");
        }
        var color = review.GetValueOrDefault("favoriteColor") is { } colorValue ? Map(colorValue) : null;
        var stored = new ReviewData
        {
            Episode = episode,
            Stars = stars,
            Commentary = review.GetValueOrDefault("commentary") as string,
            FavoriteColor = color is null
                ? null
                : new ColorData { Red = ToInt(color["red"]!), Green = ToInt(color["green"]!), Blue = ToInt(color["blue"]!) },
        };
        store.Reviews.Add(stored);
        return stored;
    }

    private static List<List<object?>> Transpose(IReadOnlyList<object?> matrix)
    {
        var rows = matrix.Select(row => row is null ? [] : List(row)).ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        return Enumerable.Range(0, width)
            .Select(j => rows.Select(row => j < row.Count ? row[j] : null).ToList())
            .ToList();
    }

    private static string AddDays(string isoDate, int days) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            .AddDays(days)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static double? InUnit(double? meters, string? unit) =>
        meters is { } value && unit == "FOOT" ? value * FeetPerMeter : meters;

    private static StarWarsStore Store(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(StoreKey, out var store) && store is StarWarsStore starWarsStore
            ? starWarsStore
            : throw new InvalidOperationException($"The request's user context has no StarWarsStore under \"{StoreKey}\".");

    private static T Source<T>(IResolveFieldContext context) =>
        context.Source is T source
            ? source
            : throw new InvalidOperationException($"{context.ParentType.Name}.{context.FieldName}: expected a {typeof(T).Name} source, got {context.Source?.GetType().Name ?? "null"}.");

    private static T? Argument<T>(IResolveFieldContext context, string name)
        where T : class =>
        context.Arguments.TryGetValue(name, out var value) ? (T?)value : null;

    private static int ToInt(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<object?> List(object? value) => value switch
    {
        IReadOnlyList<object?> list => list,
        System.Collections.IEnumerable sequence and not string => sequence.Cast<object?>().ToList(),
        _ => throw new InvalidOperationException($"Expected a list argument, got {value?.GetType().Name ?? "null"}."),
    };

    private static IReadOnlyDictionary<string, object?> Map(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(),
        _ => throw new InvalidOperationException($"Expected an input object argument, got {value?.GetType().Name ?? "null"}."),
    };
}
