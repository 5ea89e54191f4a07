using GraphIntel.GraphQL.Validation.Rules;

namespace GraphIntel.GraphQL.Validation;

/// <summary>
/// The validation rules of the specification, in graphql-js's order (chosen so that the clearest error comes first),
/// plus graphql-js's recommended introspection depth bound. Limit rules (<c>MaxDepthRule</c>, <c>MaxCostRule</c>)
/// are configured separately.
/// </summary>
public static class SpecifiedRules
{
    /// <summary>All specified rules, in order.</summary>
    public static IReadOnlyList<IValidationRule> All { get; } =
    [
        ExecutableDefinitionsRule.Instance,        // §5.1.1 Executable Definitions
        UniqueOperationNamesRule.Instance,         // §5.2.1.1 Operation Name Uniqueness
        LoneAnonymousOperationRule.Instance,       // §5.2.2.1 Lone Anonymous Operation
        SingleFieldSubscriptionsRule.Instance,     // §5.2.3.1 Single Root Field
        KnownTypeNamesRule.Instance,               // §5.5.1.2 Fragment Spread Type Existence
        FragmentsOnCompositeTypesRule.Instance,    // §5.5.1.3 Fragments On Composite Types
        VariablesAreInputTypesRule.Instance,       // §5.8.2 Variables Are Input Types
        ScalarLeafsRule.Instance,                  // §5.3.3 Leaf Field Selections
        FieldsOnCorrectTypeRule.Instance,          // §5.3.1 Field Selections
        UniqueFragmentNamesRule.Instance,          // §5.5.1.1 Fragment Name Uniqueness
        KnownFragmentNamesRule.Instance,           // §5.5.2.1 Fragment Spread Target Defined
        NoUnusedFragmentsRule.Instance,            // §5.5.1.4 Fragments Must Be Used
        PossibleFragmentSpreadsRule.Instance,      // §5.5.2.3 Fragment Spread Is Possible
        NoFragmentCyclesRule.Instance,             // §5.5.2.2 Fragment Spreads Must Not Form Cycles
        UniqueVariableNamesRule.Instance,          // §5.8.1 Variable Uniqueness
        NoUndefinedVariablesRule.Instance,         // §5.8.3 All Variable Uses Defined
        NoUnusedVariablesRule.Instance,            // §5.8.4 All Variables Used
        KnownDirectivesRule.Instance,              // §5.7.1 Directives Are Defined, §5.7.2 Directives Are In Valid Locations
        UniqueDirectivesPerLocationRule.Instance,  // §5.7.3 Directives Are Unique Per Location
        KnownArgumentNamesRule.Instance,           // §5.4.1 Argument Names
        UniqueArgumentNamesRule.Instance,          // §5.4.2 Argument Uniqueness
        ValuesOfCorrectTypeRule.Instance,          // §5.6.1 Values of Correct Type, §5.6.4 Input Object Required Fields
        ProvidedRequiredArgumentsRule.Instance,    // §5.4.2.1 Required Arguments
        VariablesInAllowedPositionRule.Instance,   // §5.8.5 All Variable Usages Are Allowed
        OverlappingFieldsCanBeMergedRule.Instance, // §5.3.2 Field Selection Merging
        UniqueInputFieldNamesRule.Instance,        // §5.6.3 Input Object Field Uniqueness
        MaxIntrospectionDepthRule.Instance,        // not in the spec: graphql-js recommendedRules (introspection depth bound)
    ];
}
