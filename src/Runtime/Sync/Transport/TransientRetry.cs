using System;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// The retry strategy for GraphQL requests (Polly.Core): transient failures (<see cref="AppSyncException.IsTransient"/>:
/// network, timeout, 5xx, throttling) are sent again with jittered exponential backoff, without a limit on attempts —
/// a queued mutation is never dropped for being unlucky; only the caller's cancellation (going offline, stopping) ends
/// the retries. When the server says how long to wait (<c>Retry-After</c>), that is the delay instead of the backoff.
/// Anything else (conflicts, failed conditions, unauthorized, bad requests) is not retried here: the sync engine routes it.
/// </summary>
internal static class TransientRetry
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="firstDelay">The backoff's base delay (default 1 s).</param>
    /// <param name="maxDelay">The longest backoff between attempts (default 5 minutes).</param>
    /// <param name="timeProvider">The clock for the delays (tests use their own); null for the system's.</param>
    /// <param name="onRetry">Called before each new attempt, e.g. to log it.</param>
    /// <param name="handle">Which transient failures to retry here (default: all of them).</param>
    public static ResiliencePipeline Create(TimeSpan? firstDelay = null, TimeSpan? maxDelay = null, TimeProvider? timeProvider = null,
        Func<OnRetryArguments<object>, ValueTask>? onRetry = null, Func<AppSyncException, bool>? handle = null)
    {
        var shouldRetry = handle ?? (static e => e.IsTransient);
        var options = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<AppSyncException>(e => e.IsTransient && shouldRetry(e)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay ?? TimeSpan.FromSeconds(1),
            MaxDelay = maxDelay ?? TimeSpan.FromMinutes(5),
            MaxRetryAttempts = int.MaxValue,
            // Null keeps the backoff; the server's Retry-After replaces it.
            DelayGenerator = static args => new ValueTask<TimeSpan?>(
                args.Outcome.Exception is AppSyncException { RetryAfter: { } wait } ? wait : null),
            OnRetry = onRetry,
        };
        var builder = new ResiliencePipelineBuilder();
        if (timeProvider is not null) builder.TimeProvider = timeProvider;
        return builder.AddRetry(options).Build();
    }
}
