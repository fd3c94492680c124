using System;
using Amplify.DataStore;
using Amplify.DataStore.Hosting;
using Amplify.DataStore.Metadata;
using Microsoft.Extensions.Hosting;

// The conventional namespace for IServiceCollection extensions: AddDataStore shows up wherever services are registered.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="DataStore"/> in a Microsoft.Extensions.DependencyInjection host (generic host, ASP.NET Core, MAUI).</summary>
public static class DataStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="DataStore"/> for <paramref name="schema"/>, opened when the host starts and disposed when
    /// it stops. See <see cref="AddDataStore(IServiceCollection, ModelSchema, Action{IServiceProvider, DataStoreOptionsBuilder})"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="schema">The generated <c>AmplifyModels.Schema</c>.</param>
    /// <param name="configure">Chooses storage (<c>o.UseLiteDb("app.db")</c>) and options, as in <see cref="DataStore.OpenAsync"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDataStore</c> was already called on <paramref name="services"/>.</exception>
    public static IServiceCollection AddDataStore(this IServiceCollection services, ModelSchema schema, Action<DataStoreOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddDataStore(schema, (_, options) => configure(options));
    }

    /// <summary>
    /// Registers one <see cref="DataStore"/> for <paramref name="schema"/>: a hosted service opens it when the host starts
    /// (logging through the host's <c>ILoggerFactory</c> unless <paramref name="configure"/> calls <c>UseLoggerFactory</c>)
    /// and, when <paramref name="configure"/> calls <c>UseAppSync</c>, starts sync; when the host stops it stops sync and
    /// disposes the store. An error while opening fails the host's start with that error.
    /// </summary>
    /// <remarks>
    /// <para>Resolve <see cref="DataStore"/> once the host has started (it is a singleton; do not dispose it). Resolving it
    /// earlier throws <see cref="InvalidOperationException"/>. The host creates every hosted service before it starts any,
    /// so a hosted service takes <see cref="IDataStoreAccessor"/> in its constructor and awaits
    /// <see cref="IDataStoreAccessor.GetStoreAsync"/> in its <c>StartAsync</c>. Hosted services start in registration
    /// order and stop in reverse: one registered after <c>AddDataStore</c> gets the store at once and can use it until
    /// its <c>StopAsync</c> returns.</para>
    /// <example>
    /// <code>
    /// builder.Services.AddDataStore(AmplifyModels.Schema, (sp, o) => o
    ///     .UseLiteDb(Path.Combine(sp.GetRequiredService&lt;IHostEnvironment&gt;().ContentRootPath, "app.db"))
    ///     .UseAppSync(AmplifyConfig.Load("amplify_outputs.json")));
    /// </code>
    /// </example>
    /// </remarks>
    /// <param name="services">The host's services.</param>
    /// <param name="schema">The generated <c>AmplifyModels.Schema</c>.</param>
    /// <param name="configure">Chooses storage and options, with the host's services at hand (configuration, paths); runs
    /// when the host starts.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddDataStore</c> was already called on <paramref name="services"/>:
    /// a host has one store.</exception>
    public static IServiceCollection AddDataStore(this IServiceCollection services, ModelSchema schema, Action<IServiceProvider, DataStoreOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(configure);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DataStoreLifetime))
            {
                throw new InvalidOperationException("AddDataStore was already called on these services: a host has one DataStore.");
            }
        }
        services.AddSingleton(sp => new DataStoreLifetime(schema, configure, sp));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DataStoreLifetime>());
        services.AddSingleton<IDataStoreAccessor>(sp => sp.GetRequiredService<DataStoreLifetime>());
        services.AddSingleton(sp => sp.GetRequiredService<DataStoreLifetime>().Store);
        return services;
    }
}
