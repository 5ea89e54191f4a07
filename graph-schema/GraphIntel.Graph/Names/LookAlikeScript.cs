namespace GraphIntel.Graph.Names;

/// <summary>The scripts whose letters pass for each other (Latin "KIB", Cyrillic "КІВ", Greek "ΚΙΒ"), in the order of <see cref="UnicodeTables.ScriptOf"/>.</summary>
public enum LookAlikeScript
{
    None = 0,
    Latin = 1,
    Greek = 2,
    Cyrillic = 3,
}
