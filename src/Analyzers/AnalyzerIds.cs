namespace Amplify.DataStore.Analyzers;

/// <summary>
/// ID ranges: <c>ADS1xxx</c> are schema diagnostics reported by the generator at the .graphql location;
/// <c>ADS2xxx</c> are reserved for the usage analyzers in this assembly (predicates, keys, subscriptions).
/// </summary>
public static class AnalyzerIds
{
    /// <summary>The first ID of the usage-analyzer range.</summary>
    public const string FirstUsageRuleId = "ADS2001";
}
