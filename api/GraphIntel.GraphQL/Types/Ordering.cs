namespace GraphIntel.GraphQL.Types;

/// <summary>Orderings graphql-js uses when it lists names in messages.</summary>
internal static class Ordering
{
    /// <summary>graphql-js <c>naturalCompare</c>: character order, except runs of digits compare by value.</summary>
    public static int NaturalCompare(string a, string b)
    {
        var ai = 0;
        var bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            if (char.IsAsciiDigit(a[ai]) && char.IsAsciiDigit(b[bi]))
            {
                long an = 0;
                do
                {
                    an = (an * 10) + (a[ai++] - '0');
                }
                while (ai < a.Length && char.IsAsciiDigit(a[ai]) && an > 0);
                long bn = 0;
                do
                {
                    bn = (bn * 10) + (b[bi++] - '0');
                }
                while (bi < b.Length && char.IsAsciiDigit(b[bi]) && bn > 0);
                if (an != bn)
                {
                    return an < bn ? -1 : 1;
                }
            }
            else
            {
                if (a[ai] != b[bi])
                {
                    return a[ai] < b[bi] ? -1 : 1;
                }
                ai++;
                bi++;
            }
        }
        return a.Length - b.Length;
    }

    /// <summary>Sorts in place keeping equal items in their original order, as JavaScript's <c>Array.prototype.sort</c>.</summary>
    public static void StableSort<T>(List<T> items, Comparison<T> comparison)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && comparison(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = item;
        }
    }
}
