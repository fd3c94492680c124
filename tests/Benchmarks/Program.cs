using System;
using Amplify.DataStore.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- generator [--models 400] [--fields 15]
var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "generator":
        GeneratorBenchmark.Run(Options.Int(args, "--models", 400), Options.Int(args, "--fields", 15));
        return 0;
    default:
        Console.Error.WriteLine("usage: Benchmarks generator [--models N] [--fields N]");
        return command == "help" ? 0 : 2;
}
