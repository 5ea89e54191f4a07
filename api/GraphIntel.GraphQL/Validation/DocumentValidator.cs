using GraphIntel.GraphQL.Language;
using GraphIntel.GraphQL.Types;

namespace GraphIntel.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema (spec §5 "Validation", graphql-js <c>validate</c>): runs every
/// rule's visitor in one walk of the document and returns the errors, at most <c>maxErrors</c> of them plus one
/// that says validation was aborted.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The default bound on the number of errors (graphql-js's).</summary>
    public const int DefaultMaxErrors = 100;

    /// <summary>Validates <paramref name="document"/>; an empty list means it is valid.</summary>
    /// <param name="schema">The schema to validate against.</param>
    /// <param name="document">The parsed document.</param>
    /// <param name="rules">The rules to apply, in order; <see cref="SpecifiedRules.All"/> when null.</param>
    /// <param name="maxErrors">How many errors to collect before aborting.</param>
    public static IReadOnlyList<GraphQLError> Validate(
        Schema schema,
        DocumentNode document,
        IReadOnlyList<IValidationRule>? rules = null,
        int maxErrors = DefaultMaxErrors) => Run(schema, document, rules, maxErrors).Errors;

    /// <summary>Validates <paramref name="document"/> and returns the context: its errors and what rules recorded (operation costs).</summary>
    internal static ValidationContext Run(Schema schema, DocumentNode document, IReadOnlyList<IValidationRule>? rules, int maxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        rules ??= SpecifiedRules.All;
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, maxErrors);
        var visitors = new ValidationVisitor[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            visitors[i] = rules[i].CreateVisitor(context);
        }
        new DocumentWalker(typeInfo, visitors, () => context.IsAborted).Walk(document);
        return context;
    }
}
