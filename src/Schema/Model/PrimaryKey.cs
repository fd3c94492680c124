namespace Amplify.DataStore.Schema;

/// <summary>A model's primary key: a partition field plus optional sort-key fields.</summary>
/// <param name="PartitionKey">The hash-key field (usually <c>id</c>).</param>
/// <param name="SortKeys">Sort-key fields, in order (composite keys).</param>
/// <param name="IsCustom">True when declared with <c>@primaryKey</c>/<c>@key</c> rather than the implicit <c>id</c>.</param>
public sealed record PrimaryKey(string PartitionKey, EquatableArray<string> SortKeys, bool IsCustom)
{
    /// <summary>All key fields, partition key first.</summary>
    public EquatableArray<string> Fields
    {
        get
        {
            var all = new string[SortKeys.Count + 1];
            all[0] = PartitionKey;
            for (int i = 0; i < SortKeys.Count; i++) all[i + 1] = SortKeys[i];
            return EquatableArray<string>.FromOwnedArray(all);
        }
    }

    /// <summary>True when the key has sort-key fields.</summary>
    public bool IsComposite => SortKeys.Count > 0;
}
