using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Validation;

/// <summary>What a visitor wants after entering a node.</summary>
public enum VisitAction
{
    /// <summary>Visit the node's children.</summary>
    Continue,

    /// <summary>Skip the node's children (for this visitor only) and do not call its leave method for the node.</summary>
    SkipChildren,
}

/// <summary>
/// Receives the nodes of a document in depth-first order, after <see cref="TypeInfo"/> has entered them (so the
/// context's type information describes the node) and before it leaves them. Override what a rule needs.
/// </summary>
public abstract class ValidationVisitor
{
    // One Enter (and, where a rule needs it, Leave) per node kind; the parameter type says which.
    public virtual VisitAction Enter(DocumentNode node) => VisitAction.Continue;
    public virtual void Leave(DocumentNode node) { }
    public virtual VisitAction Enter(OperationDefinitionNode node) => VisitAction.Continue;
    public virtual void Leave(OperationDefinitionNode node) { }
    public virtual VisitAction Enter(VariableDefinitionNode node) => VisitAction.Continue;
    public virtual void Leave(VariableDefinitionNode node) { }
    public virtual VisitAction Enter(VariableNode node) => VisitAction.Continue;
    public virtual VisitAction Enter(SelectionSetNode node) => VisitAction.Continue;
    public virtual void Leave(SelectionSetNode node) { }
    public virtual VisitAction Enter(FieldNode node) => VisitAction.Continue;
    public virtual void Leave(FieldNode node) { }
    public virtual VisitAction Enter(ArgumentNode node) => VisitAction.Continue;
    public virtual void Leave(ArgumentNode node) { }
    public virtual VisitAction Enter(FragmentSpreadNode node) => VisitAction.Continue;
    public virtual void Leave(FragmentSpreadNode node) { }
    public virtual VisitAction Enter(InlineFragmentNode node) => VisitAction.Continue;
    public virtual void Leave(InlineFragmentNode node) { }
    public virtual VisitAction Enter(FragmentDefinitionNode node) => VisitAction.Continue;
    public virtual void Leave(FragmentDefinitionNode node) { }
    public virtual VisitAction Enter(DirectiveNode node) => VisitAction.Continue;
    public virtual void Leave(DirectiveNode node) { }
    public virtual VisitAction Enter(NamedTypeNode node) => VisitAction.Continue;

    /// <summary>Any value literal other than a variable (those arrive at <see cref="Enter(VariableNode)"/>).</summary>
    public virtual VisitAction Enter(ValueNode node) => VisitAction.Continue;
    public virtual void Leave(ValueNode node) { }
    public virtual VisitAction Enter(ObjectFieldNode node) => VisitAction.Continue;
    public virtual void Leave(ObjectFieldNode node) { }

    /// <summary>
    /// A type-system definition or extension, or one of its parts (field, argument, input field, enum value and
    /// operation type definitions). <c>ExecutableDefinitionsRule</c> rejects them, but, as in graphql-js, the rules
    /// still check what they contain (type names, directives, argument values).
    /// </summary>
    public virtual VisitAction EnterTypeSystem(Node node) => VisitAction.Continue;
    public virtual void LeaveTypeSystem(Node node) { }
}
