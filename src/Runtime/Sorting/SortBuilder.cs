using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Sorting;

/// <summary>
/// Base of the generated <c>T.SortFields</c> builders: each field property returns a <see cref="SortField{TModel,TBuilder}"/>
/// whose <c>Ascending()</c>/<c>Descending()</c> return the builder again, so keys chain:
/// <c>Post.Sort(s =&gt; s.Rating.Descending().Title.Ascending())</c>.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
/// <typeparam name="TSelf">The generated builder type.</typeparam>
public abstract class SortBuilder<TModel, TSelf>
    where TModel : class, IModel<TModel>
    where TSelf : SortBuilder<TModel, TSelf>
{
    private readonly SortClause[] _clauses;

    /// <summary>Creates a builder holding <paramref name="clauses"/>.</summary>
    protected SortBuilder(SortClause[] clauses) => _clauses = clauses ?? throw new ArgumentNullException(nameof(clauses));

    /// <summary>The keys chosen so far.</summary>
    public IReadOnlyList<SortClause> Clauses => _clauses;

    /// <summary>Creates a builder of the generated type holding <paramref name="clauses"/>.</summary>
    protected abstract TSelf With(SortClause[] clauses);

    /// <summary>A sort handle for the field named <paramref name="fieldName"/>.</summary>
    protected SortField<TModel, TSelf> Field(string fieldName) => new(this, fieldName);

    internal TSelf Then(string field, SortDirection direction)
    {
        var next = new SortClause[_clauses.Length + 1];
        _clauses.CopyTo(next, 0);
        next[^1] = new SortClause(field, direction);
        return With(next);
    }

    /// <summary>The finished sort order.</summary>
    public SortOrder<TModel> ToSortOrder() => new(_clauses);

    /// <summary>Converts a builder to its sort order.</summary>
    public static implicit operator SortOrder<TModel>(SortBuilder<TModel, TSelf> builder) => builder.ToSortOrder();
}
