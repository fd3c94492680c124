using System;
using System.Threading.Tasks;
using Amplify.DataStore.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- generator [--models 400] [--fields 15]
// dotnet run -c Release --project tests/Benchmarks -- analyzers [--files 500] [--models 100] [--repeat 3]
// dotnet run -c Release --project tests/Benchmarks -- local [--n 10000] [--repeat 5] [--only save-16,query-all]  (scenario name prefixes)
// dotnet run -c Release --project tests/Benchmarks -- sync [--n 100000] [--m 5000] [--k 500] [--repeat 2] [--js-cap 600] [--only hydrate|outbox|latency] [--server <LocalBackend.dll>]
// dotnet run -c Release --project tests/Benchmarks -- backend [--n 4000] [--repeat 3] [--only throughput|attacks] [--server <LocalBackend.dll>]
var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "generator":
        GeneratorBenchmark.Run(Options.Int(args, "--models", 400), Options.Int(args, "--fields", 15));
        return 0;
    case "local":
        return await LocalStoreBenchmark.RunAsync(Options.Int(args, "--n", 10_000), Options.Int(args, "--repeat", 5), Options.Text(args, "--only")) ? 0 : 1;
    case "backend":
    {
        // Throughput runs the backend embedded; the attacks run it as a child process so its memory and CPU are its own.
        var only = Options.Text(args, "--only");
        var ok = only is null or "throughput" ? await BackendBenchmark.RunAsync(Options.Int(args, "--n", 4_000), Options.Int(args, "--repeat", 3)) : true;
        if (only is null or "attacks") ok &= await BackendAttackBenchmark.RunAsync(Options.Text(args, "--server"));
        return ok ? 0 : 1;
    }
    case "sync":
        return await SyncBenchmark.RunAsync(Options.Int(args, "--n", 100_000), Options.Int(args, "--m", 5_000), Options.Int(args, "--k", 500), Options.Int(args, "--repeat", 2),
            Options.Int(args, "--js-cap", 600), Options.Text(args, "--only"), Options.Text(args, "--server")) ? 0 : 1;
    case "analyzers":
        return await AnalyzerBenchmark.RunAsync(Options.Int(args, "--files", 500), Options.Int(args, "--models", 100), Options.Int(args, "--repeat", 3)) ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: Benchmarks generator [--models N] [--fields N] | local [--n 10000] [--repeat 5] [--only prefixes] | backend [--n 4000] [--repeat 3] [--only throughput|attacks] [--server dll] | sync [--n 100000] [--m 5000] [--k 500] [--repeat 2] [--js-cap 600] [--only hydrate|outbox|latency] | analyzers [--files 500] [--models 100] [--repeat 3]");
        return command == "help" ? 0 : 2;
}
