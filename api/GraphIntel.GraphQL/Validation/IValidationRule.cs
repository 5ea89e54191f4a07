namespace GraphIntel.GraphQL.Validation;

/// <summary>
/// One validation rule (spec §5 "Validation"): given the context of one document, it creates a visitor that reports
/// the rule's errors through <see cref="ValidationContext.ReportError"/> while <see cref="DocumentValidator"/> walks
/// the document. Rules are stateless; per-document state lives in the visitor.
/// </summary>
public interface IValidationRule
{
    /// <summary>The rule's name (graphql-js's, e.g. <c>FieldsOnCorrectTypeRule</c>).</summary>
    string Name { get; }

    /// <summary>Creates the visitor that checks the document of <paramref name="context"/>.</summary>
    ValidationVisitor CreateVisitor(ValidationContext context);
}
