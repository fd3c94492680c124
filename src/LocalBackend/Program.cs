using System;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend;
using Amplify.DataStore.LocalBackend.Hosting;
using Microsoft.Extensions.Logging;

// dotnet run --project src/LocalBackend -- --schema schema-samples/blog.graphql [options]
return await CommandLine.RunAsync(args);

namespace Amplify.DataStore.LocalBackend
{
    /// <summary>The command-line entry point: parse options, start, print the endpoints, run until Ctrl+C.</summary>
    internal static class CommandLine
    {
        public static async Task<int> RunAsync(string[] args)
        {
            CommandLineOptions parsed;
            try
            {
                parsed = CommandLineOptions.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                Console.Error.WriteLine("Run with --help for the options.");
                return 2;
            }
            if (parsed.ShowHelp)
            {
                Console.WriteLine(CommandLineOptions.Help);
                return 0;
            }

            using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(parsed.Verbose ? LogLevel.Debug : LogLevel.Warning));
            parsed.Options.LoggerFactory = loggerFactory;
            LocalBackend backend;
            try
            {
                backend = await LocalBackend.StartAsync(parsed.Options);
            }
            catch (LocalBackendException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }
            await using (backend)
            {
                Console.WriteLine($"GraphQL endpoint:  {backend.GraphQLEndpoint}");
                Console.WriteLine($"Realtime endpoint: {backend.RealtimeEndpoint}");
                Console.WriteLine($"API key:           {backend.ApiKey}");
                if (backend.CertificatePemPath is { } pem) Console.WriteLine($"TLS certificate:   {pem}  (trust it: NODE_EXTRA_CA_CERTS={pem})");
                if (backend.AmplifyConfigurationPath is { } config) Console.WriteLine($"Client config:     {config}");
                if (backend.AmplifyOutputsPath is { } outputs) Console.WriteLine($"Client outputs:    {outputs}");
                Console.WriteLine($"Data:              {(parsed.Options.InMemory ? "in memory" : System.IO.Path.GetFullPath(parsed.Options.DataDirectory))}");
                Console.WriteLine("Press Ctrl+C to stop.");

                using var stop = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    stop.Cancel();
                };
                try
                {
                    await Task.Delay(parsed.RunFor ?? Timeout.InfiniteTimeSpan, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                Console.WriteLine("Stopping…");
            }
            return 0;
        }
    }
}
