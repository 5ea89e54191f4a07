using System.Globalization;
using CsCheck;

namespace GraphIntel.Testing.Fuzz;

/// <summary>
/// CsCheck generators of GraphQL documents for fuzzing the parser and the HTTP endpoint: valid executable documents
/// built from the grammar (spec §2: operations, variables with defaults, aliases, arguments of every value kind with
/// escapes and block strings, directives, fragments and inline fragments, comments, commas and odd whitespace), and
/// mutations of valid documents and of the real corpus (<see cref="FuzzCorpus"/>): inserted punctuators, keywords and
/// unusual characters (lone surrogates, NUL, BOM, line separators), deletions, duplications, truncations and deep
/// nesting. Linked into the test projects and the benchmarks (tests/Shared), so both run the same cases.
/// </summary>
public static class GraphQLDocumentGen
{
    private const string NameStart = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    private const string NameContinue = NameStart + "0123456789";

    private static readonly string[] KnownNames =
    [
        "id", "name", "node", "entity", "organization", "relationships", "citations", "quote", "a", "b", "_", "__typename",
        "on", "query", "mutation", "subscription", "fragment", "true", "false", "null", "type", "input", "extend", "schema",
    ];

    /// <summary>A Name (spec §2.1.9); keywords included, since they are valid names in most places.</summary>
    public static readonly Gen<string> Name = Gen.Frequency(
        (3, (IGen<string>)Gen.OneOf(KnownNames)),
        (2, Gen.Char[NameStart].Select(Gen.String[Gen.Char[NameContinue], 0, 12], (c, s) => c + s)));

    /// <summary>A name that is valid where a keyword isn't (fragment names cannot be "on"; enum values not true/false/null).</summary>
    private static readonly Gen<string> PlainName = Name.Where(n => n is not ("on" or "true" or "false" or "null"));

    /// <summary>Text of a comment: any Unicode scalar value of the BMP but line ends.</summary>
    private static readonly Gen<string> CommentText = Gen.String[Gen.Char['\u0020', '\uD7FF'], 0, 20];

    /// <summary>Whitespace and ignored tokens between tokens: spaces, tabs, commas, line ends of every kind, comments, a BOM.</summary>
    public static readonly Gen<string> Ignored = Gen.Frequency(
        (12, (IGen<string>)Gen.Const(" ")),
        (2, Gen.OneOf("\n", "\t", ",", "\r\n", "\r", " , ", "\uFEFF")),
        (1, Gen.String[Gen.Char[" \t,"], 0, 3].Select(CommentText, (w, text) => w + "#" + text + "\n")));

    private static readonly Gen<string> StringCharacters = Gen.Frequency(
        (6, (IGen<string>)Gen.String[Gen.Char["abc xyz019-_:é€"], 0, 12]),
        (2, Gen.OneOf("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u{1F600}", "\\uD83D\\uDE00", "😀", "\u2028", "ł")),
        (1, Gen.String[Gen.Char['\u0000', '\uD7FF'], 0, 8].Select(Escape)));

    private static readonly Gen<string> BlockStringCharacters = Gen.Frequency(
        (6, (IGen<string>)Gen.String[Gen.Char["abc xyz\n\t019-_:é\""], 0, 24]),
        (1, Gen.OneOf("\\\"\"\"", "\n  indented\n    more\n", "\"\"", "\\n", "\r\n", "  \n  ")));

    private static readonly Gen<string> IntValue = Gen.Frequency(
        (4, (IGen<string>)Gen.Int[-1000, 1000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("0", "-0", "2147483647", "-2147483648", "9007199254740993", "123456789012345678901234567890")));

    private static readonly Gen<string> FloatValue = Gen.Frequency(
        (4, (IGen<string>)Gen.Int[-1000, 1000].Select(Gen.Int[0, 999], (i, f) => $"{i}.{f}")),
        (2, Gen.Int[-100, 100].Select(Gen.Int[-40, 40], Gen.Bool, (i, e, upper) => $"{i}{(upper ? 'E' : 'e')}{e}")),
        (1, Gen.OneOf("1.5e+10", "-0.0", "0.1E-3", "1e400", "6.02214076e23")));

    private static readonly Gen<string> StringValue = Gen.Frequency(
        (4, (IGen<string>)StringCharacters.Array[0, 4].Select(parts => "\"" + string.Concat(parts) + "\"")),
        (1, BlockStringCharacters.Array[0, 3].Select(parts => "\"\"\"" + string.Concat(parts).Replace("\"\"\"", "\\\"\"\"").TrimEnd('"', '\\') + "\"\"\"")));

    private static readonly Gen<string> Variable = Name.Select(n => "$" + n);

    private static readonly Gen<string> ScalarValue = Gen.Frequency(
        (3, (IGen<string>)IntValue), (2, FloatValue), (3, StringValue), (1, Gen.OneOf("true", "false", "null")),
        (2, PlainName), (2, Variable));

    private static readonly Gen<string>[] Values = BuildValues(3, ScalarValue);
    private static readonly Gen<string>[] ConstValues = BuildValues(3, Gen.Frequency(
        (3, (IGen<string>)IntValue), (2, FloatValue), (3, StringValue), (1, Gen.OneOf("true", "false", "null")), (2, PlainName)));

    private static Gen<string>[] BuildValues(int depth, Gen<string> scalar)
    {
        var levels = new Gen<string>[depth + 1];
        levels[0] = scalar;
        for (var d = 1; d <= depth; d++)
        {
            var inner = levels[d - 1];
            var list = inner.Array[0, 3].Select(Ignored, (items, w) => "[" + w + string.Join(w, items) + "]");
            var field = Name.Select(Ignored, inner, (n, w, v) => n + w + ":" + w + v);
            var obj = field.Array[0, 3].Select(Ignored, (fields, w) => "{" + w + string.Join(", ", fields) + w + "}");
            levels[d] = Gen.Frequency((4, (IGen<string>)scalar), (1, list), (1, obj));
        }
        return levels;
    }

    /// <summary>A value literal of any kind, nested up to three levels (lists, objects, variables included).</summary>
    public static Gen<string> Value => Values[^1];

    private static readonly Gen<string> Arguments = Name.Select(Ignored, Value, (n, w, v) => n + ":" + w + v)
        .Array[0, 3].Select(Ignored, (args, w) => args.Length == 0 ? "" : "(" + string.Join("," + w, args) + ")");

    private static readonly Gen<string> Directives = DirectivesWith(Arguments);

    private static readonly Gen<string> ConstDirectives = DirectivesWith(Name.Select(Ignored, ConstValues[^1], (n, w, v) => n + ":" + w + v)
        .Array[0, 2].Select(args => args.Length == 0 ? "" : "(" + string.Join(", ", args) + ")"));

    private static Gen<string> DirectivesWith(Gen<string> arguments) => Name.Select(arguments, (n, a) => "@" + n + a)
        .Array[0, 2].Select(ds => ds.Length == 0 ? "" : " " + string.Join(" ", ds));

    private static readonly Gen<string> TypeReference = Gen.Recursive<string>((depth, inner) => depth >= 2
        ? Name
        : Gen.Frequency(
            (4, (IGen<string>)Name),
            (1, inner.Select(t => "[" + t + "]")),
            (1, Name.Select(n => n + "!")),
            (1, inner.Select(t => "[" + t + "]!"))));

    private static readonly Gen<string>[] SelectionSets = BuildSelectionSets(3);

    private static Gen<string>[] BuildSelectionSets(int depth)
    {
        var levels = new Gen<string>[depth + 1];
        var leafField = Gen.Select(Gen.Bool, Name, Name, Arguments, Directives,
            (aliased, alias, name, args, directives) => (aliased ? alias + ": " : "") + name + args + directives);
        levels[0] = Wrap(leafField.Array[1, 3]);
        for (var d = 1; d <= depth; d++)
        {
            var inner = levels[d - 1];
            var field = Gen.Frequency(
                (3, (IGen<string>)leafField),
                (2, leafField.Select(inner, (f, s) => f + " " + s)));
            var spread = PlainName.Select(Directives, (n, ds) => "..." + n + ds);
            var inline = Gen.Select(Gen.Bool, Name, Directives, inner, (typed, type, ds, s) => "..." + (typed ? " on " + type : "") + ds + " " + s);
            var selection = Gen.Frequency((6, (IGen<string>)field), (1, spread), (1, inline));
            levels[d] = Wrap(selection.Array[1, 4]);
        }
        return levels;

        Gen<string> Wrap(Gen<string[]> selections) =>
            selections.Select(Ignored, (items, w) => "{" + w + string.Join(w, items) + w + "}");
    }

    private static readonly Gen<string> VariableDefinitions = Gen.Select(Name, TypeReference, Gen.Bool, ConstValues[^1], ConstDirectives,
            (n, t, hasDefault, v, ds) => "$" + n + ": " + t + (hasDefault ? " = " + v : "") + ds)
        .Array[0, 3].Select(defs => defs.Length == 0 ? "" : "(" + string.Join(", ", defs) + ")");

    private static readonly Gen<string> Operation = Gen.Frequency(
        (1, (IGen<string>)SelectionSets[^1]),
        (4, Gen.Select(Gen.OneOf("query", "mutation", "subscription"), Gen.Bool, Name, VariableDefinitions, Directives, SelectionSets[^1],
            (op, named, n, vars, ds, s) => op + (named ? " " + n : "") + vars + ds + " " + s)));

    private static readonly Gen<string> Fragment = Gen.Select(PlainName, Name, Directives, SelectionSets[^1],
        (n, type, ds, s) => "fragment " + n + " on " + type + ds + " " + s);

    /// <summary>
    /// A syntactically valid executable document: one or more operations and fragments, with ignored tokens between
    /// them. (Valid in grammar only: names, types and fragments need not exist in any schema.)
    /// </summary>
    public static readonly Gen<string> ValidDocument = Gen.Frequency((4, (IGen<string>)Operation), (1, Fragment))
        .Array[1, 3].Select(Ignored, (definitions, w) => w + string.Join("\n" + w, definitions) + w);

    private static readonly string[] InsertedFragments =
    [
        "{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "&", "|", ".", "..", "...", "\"", "\"\"\"", "\\", "\\u", "\\u{", "\\u{110000}",
        "\\uD800", " ", "\n", "\r", "\t", ",", "#", "-", "+", "e", "E", "0", "00", "7", "1.", ".5", "0x1", "x", "_", "on ", "query ", "extend ",
        "fragment ", "type ", "schema ", "\u00e9", "\U0001F600", "\u2028", "\uFEFF", "\uD800", "\uDC00", "\0", "\u0007", "\u007F", "\u00A0",
    ];

    /// <summary>A mutation of <paramref name="text"/>: one to four edits (insert, delete, duplicate, truncate, swap, replace a character).</summary>
    public static Gen<string> Mutate(string text) => Edit.Array[1, 4].Select(edits =>
    {
        foreach (var edit in edits) text = edit(text);
        return text;
    });

    /// <summary>Mutations of documents drawn from <paramref name="seeds"/> (the corpus), or of generated valid documents when null.</summary>
    public static Gen<string> Mutated(IReadOnlyList<string>? seeds = null)
    {
        var seed = seeds is { Count: > 0 } ? Gen.Frequency((3, (IGen<string>)Gen.OneOf(seeds.ToArray())), (2, ValidDocument)) : ValidDocument;
        return seed.SelectMany(Mutate);
    }

    /// <summary>Deep nesting of selection sets, lists, objects and list types around a small document: the parser's depth limit must catch it.</summary>
    public static readonly Gen<string> DeeplyNested = Gen.Int[1, 3000].Select(Gen.Int[0, 3], (depth, shape) => shape switch
    {
        0 => new string('{', depth) + "a" + new string('}', depth),
        1 => "{ a(v: " + new string('[', depth) + "1" + new string(']', depth) + ") }",
        2 => "{ a(v: " + string.Concat(Enumerable.Repeat("{b: ", depth)) + "1" + new string('}', depth) + ") }",
        _ => "query($v: " + new string('[', depth) + "Int" + new string(']', depth) + ") { a }",
    });

    /// <summary>Any document the fuzzers try: generated valid, mutated (corpus and generated), and deeply nested.</summary>
    public static Gen<string> Any(IReadOnlyList<string>? seeds = null) => Gen.Frequency(
        (4, (IGen<string>)ValidDocument), (6, Mutated(seeds)), (1, DeeplyNested));

    private static readonly Gen<Func<string, string>> Edit = Gen.Frequency(
        (4, (IGen<Func<string, string>>)Gen.Int[0, int.MaxValue].Select(Gen.OneOf(InsertedFragments), (at, s) => (Func<string, string>)(t => t.Insert(at % (t.Length + 1), s)))),
        (2, Gen.Int[0, int.MaxValue].Select(Gen.String[0, 3], (at, s) => (Func<string, string>)(t => t.Insert(at % (t.Length + 1), s)))),
        (3, Gen.Int[0, int.MaxValue].Select(Gen.Int[1, 8], (at, n) => (Func<string, string>)(t => Remove(t, at, n)))),
        (2, Gen.Int[0, int.MaxValue].Select(Gen.Int[1, 40], (at, n) => (Func<string, string>)(t => Duplicate(t, at, n)))),
        (1, Gen.Int[0, int.MaxValue].Select(at => (Func<string, string>)(t => t[..(at % (t.Length + 1))]))),
        (1, Gen.Int[0, int.MaxValue].Select(Gen.Int[0, int.MaxValue], (a, b) => (Func<string, string>)(t => Swap(t, a, b)))),
        (1, Gen.Int[0, int.MaxValue].Select(Gen.Char, (at, c) => (Func<string, string>)(t => t.Length == 0 ? t : t.Remove(at % t.Length, 1).Insert(at % t.Length, c.ToString())))));

    private static string Remove(string text, int at, int count)
    {
        if (text.Length == 0) return text;
        var start = at % text.Length;
        return text.Remove(start, Math.Min(count, text.Length - start));
    }

    private static string Duplicate(string text, int at, int count)
    {
        if (text.Length == 0) return text;
        var start = at % text.Length;
        return text.Insert(start, text.Substring(start, Math.Min(count, text.Length - start)));
    }

    private static string Swap(string text, int a, int b)
    {
        if (text.Length < 2) return text;
        var chars = text.ToCharArray();
        (chars[a % chars.Length], chars[b % chars.Length]) = (chars[b % chars.Length], chars[a % chars.Length]);
        return new string(chars);
    }

    /// <summary>Any string as the body of a GraphQL string literal: quotes, backslashes and control characters escaped.</summary>
    private static string Escape(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '"' or '\\') builder.Append('\\').Append(c);
            else if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
