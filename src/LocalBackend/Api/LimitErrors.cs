using System.Globalization;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The errors of the request limits, in AppSync's error shape (<c>errorType</c> and <c>message</c> at the root). Each
/// message names the limit, its value and the option that sets it.
/// </summary>
internal static class LimitErrors
{
    public static AppSyncError DepthExceeded(int depth, int limit)
        => new("QueryDepthLimitExceeded", $"The query has a depth of {depth}, which exceeds the maximum query depth of {limit} (--max-depth, LocalBackendOptions.MaxQueryDepth).");

    public static AppSyncError NestingExceeded(int limit)
        => new("QueryDepthLimitExceeded", $"The document nests selections, fragments or values more than {limit} levels deep, which exceeds the maximum query depth (--max-depth, LocalBackendOptions.MaxQueryDepth).");

    public static AppSyncError ResolversExceeded(double resolvers, int limit)
        => new("ResolverCountLimitExceeded", $"The query may invoke {Count(resolvers)} resolvers, which exceeds the resolver limit of {limit} per request (--max-resolvers, LocalBackendOptions.MaxResolvers).");

    public static AppSyncError CostExceeded(double cost, int limit)
        => new("QueryCostLimitExceeded", $"The query may resolve {Count(cost)} fields (fragments expanded, lists counted at their limit, 100 when absent), which exceeds the maximum query cost of {limit} (--max-cost, LocalBackendOptions.MaxQueryCost).");

    public static AppSyncError Timeout(System.TimeSpan limit)
        => new("ExecutionTimeout", $"Execution timed out: the request ran longer than {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (--timeout, LocalBackendOptions.ExecutionTimeout).");

    public static AppSyncError ResponseTooLarge(int limit)
        => new("ResponseSizeLimitExceeded", $"The response exceeds the maximum response size of {limit} bytes (--max-response-bytes, LocalBackendOptions.MaxResponseBytes); select fewer fields or lower the limit.");

    private static string Count(double value) => value >= 1e15 ? value.ToString("0.###E+0", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);
}
