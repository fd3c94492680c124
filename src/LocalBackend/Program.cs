using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend;
using Amplify.DataStore.LocalBackend.Hosting;
using Microsoft.Extensions.Logging;

// dotnet run --project src/LocalBackend -- --schema schema-samples/blog.graphql [options]
return await CommandLine.RunAsync(args);

namespace Amplify.DataStore.LocalBackend
{
    /// <summary>
    /// The command-line entry point: parse options, start, print the endpoints, run until SIGINT (Ctrl+C) or SIGTERM
    /// (docker stop, systemd, CI runners), then stop gracefully and exit 0. A second signal during the stop is left to
    /// the runtime, which ends the process at once.
    /// </summary>
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

            using var stop = new CancellationTokenSource();
            PosixSignal? received = null;
            void OnSignal(PosixSignalContext context)
            {
                if (received is not null) return; // the second one: default action, the process ends now
                received = context.Signal;
                context.Cancel = true;
                stop.Cancel();
            }
            // Registered before starting, so a signal that arrives during startup still stops gracefully.
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

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

                try
                {
                    await Task.Delay(parsed.RunFor ?? Timeout.InfiniteTimeSpan, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                Console.WriteLine(received is { } signal ? $"Stopping ({signal})…" : "Stopping…");
            }
            Console.WriteLine("Stopped.");
            return 0;
        }
    }
}
