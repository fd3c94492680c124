using System.Collections.Generic;

namespace Amplify.DataStore;

/// <summary>A snapshot of a live query (<c>ObserveQuery</c>): the matching items, in order.</summary>
/// <typeparam name="T">The model type.</typeparam>
/// <param name="Items">The items that match, sorted as requested (else by key).</param>
/// <param name="IsSynced">True once the model has been synced with the cloud; always false in local-only mode.</param>
public sealed record QuerySnapshot<T>(IReadOnlyList<T> Items, bool IsSynced)
    where T : class, IModel<T>;
