using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.AspNetCore;

/// <summary>Finds the introspection entry points (<c>__schema</c>, <c>__type</c>) in a document.</summary>
internal static class IntrospectionFields
{
    /// <summary>Whether any operation or fragment of <paramref name="document"/> selects <c>__schema</c> or <c>__type</c>, at any depth.</summary>
    public static bool AreSelectedIn(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode executable && Selects(executable.SelectionSet))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Selects(SelectionSetNode? selectionSet)
    {
        if (selectionSet is null)
        {
            return false;
        }
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field when field.Name.Value is "__schema" or "__type":
                    return true;
                case FieldNode field when Selects(field.SelectionSet):
                    return true;
                case InlineFragmentNode inline when Selects(inline.SelectionSet):
                    return true;
            }
        }
        return false;
    }
}
