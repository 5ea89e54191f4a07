using GraphIntel.GraphQL.Execution;
using GraphIntel.GraphQL.Language;

namespace GraphIntel.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from an SDL document (type definitions and <c>extend</c> definitions), then binds
/// resolvers, CLR types, scalar coercions and type resolvers to it. <see cref="Build"/> validates the schema (spec §3)
/// and the bindings both ways — every object field has a resolver, every binding names an existing type or field —
/// and reports every problem at once in a <see cref="SchemaValidationException"/>.
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly DocumentNode? _document;
    private readonly string _sourceName;
    private readonly List<GraphQLError> _errors = [];
    private readonly List<(string Type, string Field, FieldResolver Resolver, Func<object, object?>? SourceGetter)> _resolvers = [];
    private readonly List<(string Type, string Field, FieldResolver Subscriber)> _subscribers = [];
    private readonly List<(string Type, Type ClrType)> _typeBindings = [];
    private readonly List<(string Type, Type ClrType)> _enumBindings = [];
    private readonly List<(string Type, IScalarCoercion Coercion)> _scalarBindings = [];
    private readonly List<(string Type, TypeResolver Resolver)> _typeResolvers = [];
    private readonly List<(string Type, IsTypeOfCheck Check)> _isTypeOfChecks = [];
    private bool _useDefaultFieldResolver;
    private bool _built;

    private SchemaBuilder(string sdl, string sourceName)
    {
        _sourceName = sourceName;
        try
        {
            _document = Parser.Parse(new Source(sdl, sourceName));
        }
        catch (GraphQLException syntaxError)
        {
            _errors.AddRange(syntaxError.Errors);
        }
    }

    /// <summary>Starts a schema from SDL; <paramref name="sourceName"/> names the text in error reports.</summary>
    public static SchemaBuilder FromSdl(string sdl, string sourceName = "schema")
    {
        ArgumentNullException.ThrowIfNull(sdl);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new SchemaBuilder(sdl, sourceName);
    }

    /// <summary>Binds the resolver of the object-type field <paramref name="typeName"/>.<paramref name="fieldName"/>.</summary>
    public SchemaBuilder BindResolver(string typeName, string fieldName, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers.Add((typeName, fieldName, resolver, null));
        return this;
    }

    /// <summary>
    /// Binds a resolver that reads nothing but its parent value (graphql-js's <c>source</c>) as a
    /// <typeparamref name="TSource"/>. The executor calls it without building a resolver context, as it reads a bound
    /// property; a parent of another type is a field error that names both types.
    /// </summary>
    public SchemaBuilder BindSourceResolver<TSource>(string typeName, string fieldName, Func<TSource, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers.Add((typeName, fieldName, SourceResolver.For(resolver), SourceResolver.GetterFor(resolver)));
        return this;
    }

    /// <summary>
    /// Binds <paramref name="resolver"/> behind a context-free first try: the executor calls
    /// <paramref name="tryFromSource"/> with the parent value and takes its value when it returns true (say, a value
    /// already in memory), and calls the resolver, with a context, only when it returns false or the parent is not a
    /// <typeparamref name="TSource"/>. Both must answer alike: the first try is only a cheaper way to the same value.
    /// </summary>
    public SchemaBuilder BindResolver<TSource, TValue>(
        string typeName, string fieldName, TryResolveFromSource<TSource, TValue> tryFromSource, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(tryFromSource);
        ArgumentNullException.ThrowIfNull(resolver);
        _resolvers.Add((typeName, fieldName, resolver, SourceResolver.GetterFor(tryFromSource)));
        return this;
    }

    /// <summary>Binds a synchronous resolver.</summary>
    public SchemaBuilder BindResolver(string typeName, string fieldName, Func<IResolveFieldContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        FieldResolver adapted = context => new ValueTask<object?>(resolver(context));
        return BindResolver(typeName, fieldName, adapted);
    }

    /// <summary>Binds an asynchronous resolver returning a <see cref="Task{TResult}"/>.</summary>
    public SchemaBuilder BindResolver<T>(string typeName, string fieldName, Func<IResolveFieldContext, Task<T>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        FieldResolver adapted = async context => await resolver(context).ConfigureAwait(false);
        return BindResolver(typeName, fieldName, adapted);
    }

    /// <summary>
    /// Binds the source event stream of the subscription root field <paramref name="typeName"/>.<paramref name="fieldName"/>
    /// (graphql-js <c>subscribe</c>): called once per subscription with the root value and the field's arguments; each
    /// event it yields is the root value of one execution of the selection set. Without a bound resolver the field's
    /// value is the event itself (with <see cref="UseDefaultFieldResolver"/>, the event's entry named like the field, as
    /// in graphql-js). Disposing the subscription's response stream disposes the enumerator (unsubscribe).
    /// </summary>
    public SchemaBuilder BindSubscriber(string typeName, string fieldName, Func<IResolveFieldContext, IAsyncEnumerable<object?>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(subscribe);
        return BindSubscriber(typeName, fieldName, context => new ValueTask<IAsyncEnumerable<object?>>(subscribe(context)));
    }

    /// <summary>Binds a source event stream that is created asynchronously (say, after an authorization check).</summary>
    public SchemaBuilder BindSubscriber(string typeName, string fieldName, Func<IResolveFieldContext, ValueTask<IAsyncEnumerable<object?>>> subscribe)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(subscribe);
        _subscribers.Add((typeName, fieldName, async context => await subscribe(context).ConfigureAwait(false)));
        return this;
    }

    /// <summary>
    /// Binds the object type <paramref name="typeName"/> to <typeparamref name="T"/>: every field without a bound resolver
    /// reads the property of <typeparamref name="T"/> with the same name (case-insensitive), and values of
    /// <typeparamref name="T"/> resolve to this type where an interface or union is expected.
    /// </summary>
    public SchemaBuilder BindType<T>(string typeName) => BindType(typeName, typeof(T));

    /// <summary>Non-generic <see cref="BindType{T}"/>.</summary>
    public SchemaBuilder BindType(string typeName, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(clrType);
        _typeBindings.Add((typeName, clrType));
        return this;
    }

    /// <summary>Binds the enum type <paramref name="typeName"/> to the CLR enum <typeparamref name="TEnum"/> (value names match member names, case- and underscore-insensitively).</summary>
    public SchemaBuilder BindEnum<TEnum>(string typeName)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(typeName);
        _enumBindings.Add((typeName, typeof(TEnum)));
        return this;
    }

    /// <summary>Binds the coercion of the custom scalar <paramref name="typeName"/>.</summary>
    public SchemaBuilder BindScalar(string typeName, IScalarCoercion coercion)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(coercion);
        _scalarBindings.Add((typeName, coercion));
        return this;
    }

    /// <summary>Binds how values of the interface or union <paramref name="typeName"/> find their object type.</summary>
    public SchemaBuilder BindTypeResolver(string typeName, TypeResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(resolver);
        _typeResolvers.Add((typeName, resolver));
        return this;
    }

    /// <summary>Binds an <c>isTypeOf</c> check to the object type <paramref name="typeName"/>.</summary>
    public SchemaBuilder BindIsTypeOf(string typeName, IsTypeOfCheck check)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(check);
        _isTypeOfChecks.Add((typeName, check));
        return this;
    }

    /// <summary>
    /// Opts out of the "every field has a resolver" check: fields with nothing bound read the entry or property of the
    /// parent value with the field's name (graphql-js <c>defaultFieldResolver</c>). Meant for tests and prototypes.
    /// </summary>
    public SchemaBuilder UseDefaultFieldResolver()
    {
        _useDefaultFieldResolver = true;
        return this;
    }

    /// <summary>Builds and validates the schema; throws <see cref="SchemaValidationException"/> listing every problem.</summary>
    public Schema Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("SchemaBuilder.Build can be called only once.");
        }
        _built = true;
        if (_document is null)
        {
            throw new SchemaValidationException(_errors, _sourceName);
        }
        var schema = BuildDefinitions(_document);
        if (schema is not null)
        {
            // Like graphql-js, type validation runs only on SDL without definition errors (it would report their echoes).
            var sdlIsValid = _errors.Count == 0;
            ApplyBindings(schema);
            if (sdlIsValid)
            {
                _errors.AddRange(SdlDirectiveValidator.Validate(_document, schema.Directives));
                _errors.AddRange(SchemaValidator.Validate(schema));
            }
        }
        if (_errors.Count > 0 || schema is null)
        {
            throw new SchemaValidationException(_errors, _sourceName);
        }
        return schema;
    }

    /// <summary>Builds the named types of a document without validating them (the introspection types, whose names are reserved).</summary>
    internal static IReadOnlyDictionary<string, NamedType> BuildIntrospectionTypes(string sdl)
    {
        var builder = new SchemaBuilder(sdl, "introspection");
        var types = builder._document is null ? null : builder.BuildTypeMap(builder._document);
        if (builder._errors.Count > 0 || types is null)
        {
            throw new SchemaValidationException(builder._errors, "introspection");
        }
        return types;
    }

    private void Error(string message, Node? node = null) =>
        _errors.Add(node is null ? new GraphQLError(message) : new GraphQLError(message, [node]));
}
