using System;

namespace Amplify.DataStore.Sorting;

/// <summary>A field that can be added to a sort order in either direction.</summary>
/// <typeparam name="TModel">The model type.</typeparam>
/// <typeparam name="TBuilder">The generated builder type.</typeparam>
public readonly struct SortField<TModel, TBuilder>
    where TModel : class, IModel<TModel>
    where TBuilder : SortBuilder<TModel, TBuilder>
{
    private readonly SortBuilder<TModel, TBuilder> _builder;
    private readonly string _field;

    internal SortField(SortBuilder<TModel, TBuilder> builder, string field)
    {
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _field = field;
    }

    /// <summary>Sorts by this field, smallest first.</summary>
    public TBuilder Ascending() => _builder.Then(_field, SortDirection.Ascending);

    /// <summary>Sorts by this field, largest first.</summary>
    public TBuilder Descending() => _builder.Then(_field, SortDirection.Descending);
}
