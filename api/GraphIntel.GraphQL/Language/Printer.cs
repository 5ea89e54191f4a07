using System.Text;

namespace GraphIntel.GraphQL.Language;

/// <summary>
/// Prints an AST as GraphQL text, producing exactly what graphql-js <c>print</c> produces (same spacing, line breaks,
/// 80-column argument wrapping, block-string and description layout).
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints <paramref name="node"/> and everything below it.</summary>
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameNode n => n.Value,
            VariableNode n => "$" + n.Name.Value,
            DocumentNode n => Join(n.Definitions, "\n\n"),
            OperationDefinitionNode n => PrintOperationDefinition(n),
            VariableDefinitionNode n => Description(n.Description) +
                Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", PrintOrNull(n.DefaultValue)) + Wrap(" ", Join(n.Directives, " ")),
            SelectionSetNode n => Block(n.Selections),
            FieldNode n => PrintField(n),
            ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Join(n.Directives, " ")),
            InlineFragmentNode n => Join(
                ["...", Wrap("on ", PrintOrNull(n.TypeCondition)), Join(n.Directives, " "), Print(n.SelectionSet)], " "),
            FragmentDefinitionNode n => Description(n.Description) +
                "fragment " + n.Name.Value + " on " + Print(n.TypeCondition) + " " + Wrap("", Join(n.Directives, " "), " ")
                + Print(n.SelectionSet),
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => "[" + Join(n.Values, ", ") + "]",
            ObjectValueNode n => "{" + Join(n.Fields, ", ") + "}",
            ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
            DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(n.Arguments, ", "), ")"),
            NamedTypeNode n => n.Name.Value,
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    /// <summary>graphql-js <c>printString</c>: a double-quoted string with control characters, quote and backslash escaped.</summary>
    public static string PrintString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder(value.Length + 2);
        result.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\b': result.Append("\\b"); break;
                case '\t': result.Append("\\t"); break;
                case '\n': result.Append("\\n"); break;
                case '\f': result.Append("\\f"); break;
                case '\r': result.Append("\\r"); break;
                case < '\u0020' or (>= '\u007F' and <= '\u009F'):
                    result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: result.Append(c); break;
            }
        }
        return result.Append('"').ToString();
    }

    private static string PrintOperationDefinition(OperationDefinitionNode node)
    {
        // Variable definitions go one per line (not indented) when any of them spans several lines.
        var printed = PrintAll(node.VariableDefinitions, out var hasMultilineItems);
        var variableDefinitions = hasMultilineItems
            ? Wrap("(\n", JoinStrings(printed, "\n"), "\n)")
            : Wrap("(", JoinStrings(printed, ", "), ")");
        var prefix = Description(node.Description) + Join(
            [
                OperationKeyword(node.Operation),
                (node.Name?.Value ?? "") + variableDefinitions,
                Join(node.Directives, " "),
            ],
            " ");
        // An anonymous query without description, variables or directives uses the query shorthand.
        return (prefix == "query" ? "" : prefix + " ") + Print(node.SelectionSet);
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = Wrap("", node.Alias?.Value, ": ") + node.Name.Value;
        var argumentsLine = prefix + Wrap("(", Join(node.Arguments, ", "), ")");
        if (argumentsLine.Length > MaxLineLength)
        {
            argumentsLine = prefix + Wrap("(\n", Indent(Join(node.Arguments, "\n")), "\n)");
        }
        return Join([argumentsLine, Join(node.Directives, " "), PrintOrNull(node.SelectionSet)], " ");
    }

    private static string PrintTypeSystem(Node node) => node switch
    {
        SchemaDefinitionNode n => Description(n.Description)
            + Join(["schema", Join(n.Directives, " "), Block(n.OperationTypes)], " "),
        OperationTypeDefinitionNode n => OperationKeyword(n.Operation) + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Description(n.Description)
            + Join(["scalar", n.Name.Value, Join(n.Directives, " ")], " "),
        ObjectTypeDefinitionNode n => Description(n.Description)
            + Join(["type", n.Name.Value, Implements(n.Interfaces), Join(n.Directives, " "), Block(n.Fields)], " "),
        FieldDefinitionNode n => Description(n.Description) + n.Name.Value + ArgumentDefinitions(n.Arguments) + ": "
            + Print(n.Type) + Wrap(" ", Join(n.Directives, " ")),
        InputValueDefinitionNode n => Description(n.Description)
            + Join([n.Name.Value + ": " + Print(n.Type), Wrap("= ", PrintOrNull(n.DefaultValue)), Join(n.Directives, " ")], " "),
        InterfaceTypeDefinitionNode n => Description(n.Description)
            + Join(["interface", n.Name.Value, Implements(n.Interfaces), Join(n.Directives, " "), Block(n.Fields)], " "),
        UnionTypeDefinitionNode n => Description(n.Description)
            + Join(["union", n.Name.Value, Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | "))], " "),
        EnumTypeDefinitionNode n => Description(n.Description)
            + Join(["enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values)], " "),
        EnumValueDefinitionNode n => Description(n.Description) + Join([n.Name.Value, Join(n.Directives, " ")], " "),
        InputObjectTypeDefinitionNode n => Description(n.Description)
            + Join(["input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields)], " "),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value
            + ArgumentDefinitions(n.Arguments) + (n.Repeatable ? " repeatable" : "") + " on " + Join(n.Locations, " | "),
        SchemaExtensionNode n => Join(["extend schema", Join(n.Directives, " "), Block(n.OperationTypes)], " "),
        ScalarTypeExtensionNode n => Join(["extend scalar", n.Name.Value, Join(n.Directives, " ")], " "),
        ObjectTypeExtensionNode n =>
            Join(["extend type", n.Name.Value, Implements(n.Interfaces), Join(n.Directives, " "), Block(n.Fields)], " "),
        InterfaceTypeExtensionNode n =>
            Join(["extend interface", n.Name.Value, Implements(n.Interfaces), Join(n.Directives, " "), Block(n.Fields)], " "),
        UnionTypeExtensionNode n =>
            Join(["extend union", n.Name.Value, Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | "))], " "),
        EnumTypeExtensionNode n => Join(["extend enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values)], " "),
        InputObjectTypeExtensionNode n => Join(["extend input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields)], " "),
        _ => throw new ArgumentException($"Cannot print a node of kind {node.Kind} ({node.GetType().Name}).", nameof(node)),
    };

    private static string OperationKeyword(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation type."),
    };

    private static string Description(StringValueNode? description) => Wrap("", PrintOrNull(description), "\n");

    private static string Implements(IReadOnlyList<NamedTypeNode> interfaces) => Wrap("implements ", Join(interfaces, " & "));

    /// <summary>Argument definitions on one line, or one per line when any of them spans several lines.</summary>
    private static string ArgumentDefinitions(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = PrintAll(arguments, out var hasMultilineItems);
        return hasMultilineItems
            ? Wrap("(\n", Indent(JoinStrings(printed, "\n")), "\n)")
            : Wrap("(", JoinStrings(printed, ", "), ")");
    }

    private static string?[] PrintAll<T>(IReadOnlyList<T> nodes, out bool hasMultilineItems) where T : Node
    {
        hasMultilineItems = false;
        if (nodes.Count == 0)
        {
            return [];
        }
        var printed = new string?[nodes.Count];
        for (var i = 0; i < printed.Length; i++)
        {
            var item = Print(nodes[i]);
            hasMultilineItems |= item.Contains('\n');
            printed[i] = item;
        }
        return printed;
    }

    private static string? PrintOrNull(Node? node) => node is null ? null : Print(node);

    /// <summary>Prints each node and joins the non-empty results with <paramref name="separator"/>.</summary>
    private static string Join<T>(IReadOnlyList<T> nodes, string separator) where T : Node
    {
        if (nodes.Count == 0)
        {
            return "";
        }
        if (nodes.Count == 1)
        {
            return Print(nodes[0]);
        }
        var result = new StringBuilder();
        foreach (var node in nodes)
        {
            var printed = Print(node);
            if (printed.Length == 0)
            {
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(separator);
            }
            result.Append(printed);
        }
        return result.ToString();
    }

    /// <summary>Joins the non-empty strings with <paramref name="separator"/>.</summary>
    private static string Join(ReadOnlySpan<string?> parts, string separator) => JoinStrings(parts, separator);

    private static string JoinStrings(ReadOnlySpan<string?> parts, string separator)
    {
        var result = new StringBuilder();
        var first = true;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }
            if (!first)
            {
                result.Append(separator);
            }
            result.Append(part);
            first = false;
        }
        return result.ToString();
    }

    /// <summary>Each item on its own line inside an indented <c>{ }</c> block; empty when there are no items.</summary>
    private static string Block<T>(IReadOnlyList<T> nodes) where T : Node => Wrap("{\n", Indent(Join(nodes, "\n")), "\n}");

    /// <summary><paramref name="start"/> + value + <paramref name="end"/> when the value is non-empty, otherwise "".</summary>
    private static string Wrap(string start, string? value, string end = "") =>
        string.IsNullOrEmpty(value) ? "" : start + value + end;

    /// <summary>Indents every line of <paramref name="text"/> by two spaces.</summary>
    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  ", StringComparison.Ordinal));
}
