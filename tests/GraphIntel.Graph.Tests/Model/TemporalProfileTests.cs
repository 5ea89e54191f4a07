using GraphIntel.Graph.Model;

namespace GraphIntel.Graph.Tests.Model;

/// <summary>
/// KNOWN / POSSIBLE / EXCLUDED, checked against a brute-force enumeration of every world the sources allow: each
/// (start day, end day) pair inside the bounds that holds on a day of every attestation. A fact is KNOWN for A when it
/// holds on some day of A in every world, EXCLUDED when in none, POSSIBLE otherwise. The enumeration knows nothing of
/// <see cref="TemporalProfile"/>'s evidence and core; it is the definition the profile must agree with.
/// </summary>
public sealed class TemporalProfileTests
{
    /// <summary>The truth table of README "Time": one row per shape of bound, on year, month and day dates.</summary>
    [Theory]
    // exact start and end
    [InlineData("2019/2020", "2018", "EXCLUDED")]
    [InlineData("2019/2020", "2019", "KNOWN")]          // it began in 2019: held on its first day
    [InlineData("2019/2020", "2019-06", "POSSIBLE")]    // began some time in 2019: perhaps after June
    [InlineData("2019/2020", "2020-06", "POSSIBLE")]    // ended some time in 2020: perhaps before June
    [InlineData("2019-06/2020-06", "2019-12", "KNOWN")] // between a known start and a known end
    [InlineData("2019-06/2020-06", "2019-06-15", "POSSIBLE")]
    [InlineData("2019-06-15/2020-06", "2019-06-15", "KNOWN")]
    [InlineData("2019-06-15/2020-06", "2019-06-14", "EXCLUDED")]
    [InlineData("2019-06/2020-06-30", "2020-06-30", "KNOWN")]
    [InlineData("2019-06/2020-06-30", "2020-07-01", "EXCLUDED")]
    // unknown ends: nothing is known, only the other bound excludes
    [InlineData("../..", "2019", "POSSIBLE")]
    [InlineData("2019/..", "2020", "POSSIBLE")]         // an end not given is not "ongoing"
    [InlineData("2019/..", "2018-12", "EXCLUDED")]
    [InlineData("../2019", "2018", "POSSIBLE")]         // a start not given is not "since forever"
    [InlineData("../2019", "2020", "EXCLUDED")]
    // half-open ends
    [InlineData("2019/[..2020-06]", "2019", "KNOWN")]
    [InlineData("2019/[..2020-06]", "2020-03", "POSSIBLE")]
    [InlineData("2019/[..2020-06]", "2020-07", "EXCLUDED")]
    [InlineData("2019/[2020-06..]", "2020-03", "KNOWN")]   // still held when the end could first fall
    [InlineData("2019/[2020-06..]", "2020-06", "KNOWN")]
    [InlineData("2019/[2020-06..]", "2020-07", "POSSIBLE")]
    [InlineData("[..2019-03]/2020", "2019-05", "KNOWN")]
    [InlineData("[..2019-03]/2020", "2019-02", "POSSIBLE")]
    [InlineData("[2019-03..]/..", "2019-02", "EXCLUDED")]
    [InlineData("[2019-03..2019-05]/2020", "2019-06", "KNOWN")]
    [InlineData("[2019-03..2019-05]/2020", "2019-04", "POSSIBLE")]
    [InlineData("[2019-03..2019-05]/2020", "2019", "KNOWN")]
    public void The_truth_table_holds_and_agrees_with_enumeration(string interval, string asOf, string expected)
    {
        var validity = Validity.Parse(interval);
        var date = PartialDate.Parse(asOf);
        Assert.Equal(expected, TemporalProfile.Of(validity, []).StatusOn(date).ToString().ToUpperInvariant());
        Assert.Equal(expected, TemporalOracle.Enumerated(validity, [], date)?.ToString().ToUpperInvariant());
    }

    [Theory]
    [InlineData("../..", "2019-05", "2019", "KNOWN")]        // "in 2019-05" says it held in 2019
    [InlineData("../..", "2019-05", "2019-05", "KNOWN")]
    [InlineData("../..", "2019-05", "2019-06", "POSSIBLE")]
    [InlineData("../..", "2019", "2019-05", "POSSIBLE")]     // "in 2019" does not say May
    [InlineData("2019-01/..", "2020-06", "2020-01", "KNOWN")] // from a known start to a later attestation
    [InlineData("2019-01/..", "2020-06", "2020-07", "POSSIBLE")]
    [InlineData("../[2020-12..]", "2019-06", "2019-08", "KNOWN")] // from an attestation to an end known to be later
    [InlineData("../[..2020-12]", "2019-06", "2019-08", "POSSIBLE")] // it may have ended in June 2019
    public void Attestations_put_a_fact_in_force(string interval, string attested, string asOf, string expected)
    {
        var validity = Validity.Parse(interval);
        PartialDate[] attestations = [PartialDate.Parse(attested)];
        var date = PartialDate.Parse(asOf);
        Assert.Equal(expected, TemporalProfile.Of(validity, attestations).StatusOn(date).ToString().ToUpperInvariant());
        Assert.Equal(expected, TemporalOracle.Enumerated(validity, attestations, date)?.ToString().ToUpperInvariant());
    }

    [Fact]
    public void Two_attestations_put_the_fact_in_force_between_them()
    {
        PartialDate[] attestations = [PartialDate.Parse("2019-03"), PartialDate.Parse("2020-09")];
        var profile = TemporalProfile.Of(Validity.Unknown, attestations);
        Assert.Equal(TemporalStatus.Known, profile.StatusOn(PartialDate.Parse("2019-12-25")));
        Assert.Equal(TemporalStatus.Possible, profile.StatusOn(PartialDate.Parse("2019-03-10")));
    }

    [Fact]
    public void Random_bounds_and_attestations_agree_with_enumeration()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 150; i++)
        {
            var validity = new Validity(RandomBound(random), RandomBound(random));
            if (validity.Problem() is not null) continue;
            var attestations = Enumerable.Range(0, random.Next(3)).Select(_ => RandomDate(random)).ToArray();
            var profile = TemporalProfile.Of(validity, attestations);
            foreach (var asOf in Enumerable.Range(0, 6).Select(_ => RandomDate(random)))
            {
                var expected = TemporalOracle.Enumerated(validity, attestations, asOf);
                if (expected is null) break; // no world fits the attestations: contradictory data, refused on load
                Assert.True(expected == profile.StatusOn(asOf),
                    $"{validity} attested [{string.Join(", ", attestations)}] on {asOf}: enumeration {expected}, profile {profile.StatusOn(asOf)}");
            }
        }
    }

    [Theory]
    [InlineData("2017", "2017")]
    [InlineData("..2024", "[..2024]")]
    [InlineData("[..2024]", "[..2024]")]
    [InlineData("2015..", "[2015..]")]
    [InlineData(" [2016-02..2018] ", "[2016-02..2018]")]
    [InlineData("[2017..2017]", "2017")]
    [InlineData("..", "..")]
    [InlineData("", "..")]
    public void Bounds_parse_and_print_as_EDTF(string text, string canonical)
    {
        Assert.Equal(canonical, DateBound.Parse(text).ToString());
        Assert.Equal(DateBound.Parse(text), DateBound.Parse(canonical));
    }

    [Theory]
    [InlineData("[2018..2016]", "ends (2016) before it begins (2018)")]
    [InlineData("[2016..2018", "unmatched bracket")]
    [InlineData("[2016]", "a bracketed bound is a range")]
    [InlineData("2017-13", "month 13 is not 01..12")]
    [InlineData("[..]", "write an unknown bound as '..'")]
    [InlineData("2016..2017-02-30", "has no day 30")]
    public void Malformed_bounds_say_what_is_wrong(string text, string expected)
    {
        Assert.False(DateBound.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("2015-01/2016-07")]
    [InlineData("2019/[..2024-01]")]
    [InlineData("../..")]
    [InlineData("[2015..]/..")]
    public void Intervals_round_trip(string text) => Assert.Equal(text, Validity.Parse(text).ToString());

    [Theory]
    [InlineData("2017", "not an interval")]
    [InlineData("2020/2019", "ends (2019) before it starts (2020)")]
    [InlineData("[2020..]/[..2019]", "before it starts")]
    [InlineData("2019/2020/2021", "not an interval")]
    public void Malformed_intervals_say_what_is_wrong(string text, string expected)
    {
        Assert.False(Validity.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_lifecycle_end_bounds_an_open_end_and_leaves_an_earlier_one()
    {
        var died = PartialDate.Parse("2016-07");
        Assert.Equal("2015-01/[..2016-07]", Validity.Parse("2015-01/..").NoLaterThan(died).ToString());
        Assert.Equal("2015-01/2016-02", Validity.Parse("2015-01/2016-02").NoLaterThan(died).ToString());
        Assert.Equal("2015-01/[2016-03..2016-07]", Validity.Parse("2015-01/[2016-03..]").NoLaterThan(died).ToString());
    }

    private static PartialDate RandomDate(Random random)
    {
        var year = 2019 + random.Next(2);
        return random.Next(3) switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, 1 + random.Next(12)),
            _ => new PartialDate(year, 1 + random.Next(12), 1 + random.Next(28)),
        };
    }

    private static DateBound RandomBound(Random random) => random.Next(5) switch
    {
        0 => DateBound.Unknown,
        1 => DateBound.On(RandomDate(random)),
        2 => DateBound.OnOrBefore(RandomDate(random)),
        3 => DateBound.OnOrAfter(RandomDate(random)),
        _ => Range(RandomDate(random), RandomDate(random)),
    };

    private static DateBound Range(PartialDate a, PartialDate b) => a.Start <= b.Start ? new(a, b) : new(b, a);
}
