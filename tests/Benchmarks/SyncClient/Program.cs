using System;
using System.Threading.Tasks;
using Amplify.DataStore.Benchmarks.SyncClient;

// The C# client side of `Benchmarks sync`, started by SyncBenchmark as a child process (not meant to be run by hand):
//   hydrate --config <amplify_outputs.json> --db <file> --n N
//   outbox  --config <amplify_outputs.json> --db <file> --m M
//   latency --config <amplify_outputs.json> --dir <directory> --k K
// Progress goes to stderr; the figures to stdout as one line "RESULT {json}".
var command = args.Length > 0 ? args[0] : "";
var config = Args.Text(args, "--config") ?? throw new ArgumentException("--config <amplify_outputs.json> is required.");
switch (command)
{
    case "hydrate":
        await Hydration.RunAsync(config, Args.Text(args, "--db")!, Args.Int(args, "--n", 100_000));
        return 0;
    case "outbox":
        await OutboxDrain.RunAsync(config, Args.Text(args, "--db")!, Args.Int(args, "--m", 5_000));
        return 0;
    case "latency":
        await SaveObserveLatency.RunAsync(config, Args.Text(args, "--dir")!, Args.Int(args, "--k", 500));
        return 0;
    default:
        Console.Error.WriteLine("usage: SyncClient hydrate|outbox|latency --config <amplify_outputs.json> ...");
        return 2;
}
