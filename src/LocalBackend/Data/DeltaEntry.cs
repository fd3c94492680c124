using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>One row of the delta table: the full image of an item after an accepted write, in change order.</summary>
/// <param name="Sequence">Server-wide change order (ascending with time).</param>
/// <param name="Model">The model name.</param>
/// <param name="ChangedAtMs">Epoch milliseconds of the write (the item's <c>_lastChangedAt</c>).</param>
/// <param name="Item">The item image after the write.</param>
internal sealed record DeltaEntry(long Sequence, string Model, long ChangedAtMs, IReadOnlyDictionary<string, object?> Item);
