using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace GraphIntel.GraphQL.Execution;

/// <summary>Resolvers that read a property of the parent value, compiled once at start-up.</summary>
internal static class PropertyResolver
{
    public static FieldResolver For(PropertyInfo property)
    {
        var getter = CompileGetter(property);
        var declaringType = property.DeclaringType!;
        return context =>
        {
            var source = context.Source;
            if (source is null || !declaringType.IsInstanceOfType(source))
            {
                throw new InvalidOperationException(
                    $"Field {context.ParentType.Name}.{context.FieldName} reads {declaringType.Name}.{property.Name}, but the parent value is " +
                    (source is null ? "null." : $"a {source.GetType().Name}."));
            }
            return new ValueTask<object?>(getter(source));
        };
    }

    /// <summary>
    /// The getter for parents of the property's type, compiled with the type test inlined; for other parents it returns
    /// <see cref="NotApplicable"/> and the executor calls the resolver instead (which reports the mismatch).
    /// </summary>
    public static Func<object, object?> SourceGetterFor(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var declaringType = property.DeclaringType!;
        var body = Expression.Condition(
            Expression.TypeIs(instance, declaringType),
            Expression.Convert(Expression.Property(Expression.Convert(instance, declaringType), property), typeof(object)),
            Expression.Constant(NotApplicable, typeof(object)));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }

    /// <summary>Returned by a source getter that cannot read its parent; the executor then calls the resolver.</summary>
    internal static readonly object NotApplicable = new();

    internal static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var body = Expression.Convert(
            Expression.Property(Expression.Convert(instance, property.DeclaringType!), property),
            typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}

/// <summary>
/// A field's value from its parent value alone, when it can be had so (see
/// <see cref="Types.SchemaBuilder.BindResolver{TSource, TValue}(string, string, TryResolveFromSource{TSource, TValue}, FieldResolver)"/>);
/// false sends the executor to the field's resolver.
/// </summary>
public delegate bool TryResolveFromSource<in TSource, TValue>(TSource source, out TValue value);

/// <summary>Context-free resolvers: a function of the parent value alone, or a first try before the resolver.</summary>
internal static class SourceResolver
{
    /// <summary>The getter of a first try: its value, or <see cref="PropertyResolver.NotApplicable"/> to call the resolver.</summary>
    public static Func<object, object?> GetterFor<TSource, TValue>(TryResolveFromSource<TSource, TValue> tryFromSource) =>
        source => source is TSource typed && tryFromSource(typed, out var value) ? value : PropertyResolver.NotApplicable;

    /// <summary>The resolver the executor calls when the getter cannot read the parent: it reports the mismatch.</summary>
    public static FieldResolver For<TSource>(Func<TSource, object?> resolve) => context =>
        context.Source is TSource source
            ? new ValueTask<object?>(resolve(source))
            : throw new InvalidOperationException(
                $"Field {context.ParentType.Name}.{context.FieldName} reads a {typeof(TSource).Name}, but the parent value is " +
                (context.Source is null ? "null." : $"a {context.Source.GetType().Name}."));

    /// <summary>The context-free getter: the value for a <typeparamref name="TSource"/> parent, else <see cref="PropertyResolver.NotApplicable"/>.</summary>
    public static Func<object, object?> GetterFor<TSource>(Func<TSource, object?> resolve) =>
        source => source is TSource typed ? resolve(typed) : PropertyResolver.NotApplicable;
}

/// <summary>
/// graphql-js <c>defaultFieldResolver</c>: the entry of a dictionary parent or the property (case-insensitive) of
/// any other parent named like the field. Used only when a schema opts in with <c>UseDefaultFieldResolver</c>.
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    /// <summary>Resolves the field from the parent value.</summary>
    public static ValueTask<object?> Resolve(IResolveFieldContext context)
    {
        var name = context.FieldName;
        switch (context.Source)
        {
            case null:
                return default;
            case IReadOnlyDictionary<string, object?> map:
                return new ValueTask<object?>(map.GetValueOrDefault(name));
            case IDictionary<string, object?> dictionary:
                return new ValueTask<object?>(dictionary.TryGetValue(name, out var value) ? value : null);
            case var source:
                var getter = Getters.GetOrAdd((source.GetType(), name), static key =>
                {
                    var property = key.Item1.GetProperty(key.Item2, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    return property is { CanRead: true } && property.GetIndexParameters().Length == 0
                        ? PropertyResolver.CompileGetter(property)
                        : null;
                });
                return new ValueTask<object?>(getter?.Invoke(source));
        }
    }
}
