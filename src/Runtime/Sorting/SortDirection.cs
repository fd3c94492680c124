namespace Amplify.DataStore.Sorting;

/// <summary>Sort direction.</summary>
public enum SortDirection
{
    /// <summary>Smallest first.</summary>
    Ascending,
    /// <summary>Largest first.</summary>
    Descending,
}
