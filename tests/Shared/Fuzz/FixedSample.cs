using CsCheck;

namespace GraphIntel.Testing.Fuzz;

/// <summary>A fixed sample of a generator: the same values for the same seed, every run and on every machine.</summary>
public static class FixedSample
{
    /// <summary>The first <paramref name="count"/> values <paramref name="gen"/> makes from PCG stream 1 at <paramref name="seed"/>.</summary>
    public static T[] Of<T>(Gen<T> gen, int count, ulong seed)
    {
        var pcg = new PCG(1, seed);
        var values = new T[count];
        for (var i = 0; i < count; i++) values[i] = gen.Generate(pcg, null, out _);
        return values;
    }
}
