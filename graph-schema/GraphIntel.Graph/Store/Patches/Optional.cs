namespace GraphIntel.Graph.Store.Patches;

/// <summary>
/// A patch field: either not given (the stored value is kept) or given, possibly as null (the stored value is
/// cleared). This is what tells "omitted" from "cleared" apart.
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    private Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>Not given: keep what is stored.</summary>
    public static Optional<T> Unset => default;

    /// <summary>Whether the patch names this field.</summary>
    public bool IsSet { get; }

    /// <summary>The given value (only meaningful when <see cref="IsSet"/>).</summary>
    public T Value => _value;

    /// <summary>The given value when set, else <paramref name="stored"/>.</summary>
    public T Or(T stored) => IsSet ? _value : stored;

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => IsSet ? $"{_value}" : "(unset)";
}
