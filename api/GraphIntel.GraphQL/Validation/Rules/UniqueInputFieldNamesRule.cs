using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation.Rules;

/// <summary>Input object field uniqueness (spec §5.6.3): an input object literal gives each field at most once.</summary>
public sealed class UniqueInputFieldNamesRule : IValidationRule
{
    /// <summary>The rule.</summary>
    public static UniqueInputFieldNamesRule Instance { get; } = new();

    /// <inheritdoc />
    public string Name => nameof(UniqueInputFieldNamesRule);

    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly Stack<Dictionary<string, NameNode>> _knownNames = new();

        public override VisitAction Enter(ValueNode node)
        {
            if (node is ObjectValueNode)
            {
                _knownNames.Push(new Dictionary<string, NameNode>(StringComparer.Ordinal));
            }
            return VisitAction.Continue;
        }

        public override void Leave(ValueNode node)
        {
            if (node is ObjectValueNode)
            {
                _knownNames.Pop();
            }
        }

        public override VisitAction Enter(ObjectFieldNode node)
        {
            var known = _knownNames.Peek();
            var name = node.Name.Value;
            if (known.TryGetValue(name, out var first))
            {
                context.ReportError($"There can be only one input field named \"{name}\".", first, node.Name);
            }
            else
            {
                known[name] = node.Name;
            }
            return VisitAction.Continue;
        }
    }
}
