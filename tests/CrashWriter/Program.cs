// Child process for the crash and file-ownership tests (console output is the protocol with the test).
//   CrashWriter <db> [writers] [default|journal-only|no-journal]
//       Saves posts from several concurrent writers and prints "ACK <id>" after each awaited save returns; the crash
//       test kills it with SIGKILL at a random moment and then checks every ACKed id survived. "journal-only": acknowledged
//       saves stay in the write journal (LiteDB never commits them before the kill); "no-journal": every batch commits to
//       LiteDB before it is acknowledged.
//   CrashWriter <db> random-ops <count> <seed>
//       Owns the store and runs <count> random saves, updates, conditional saves, deletes and queries, checking each
//       against its own model of the contents; prints "DONE <count> <digest>" and keeps the store open until it reads a
//       line on standard input.
//   CrashWriter <db> contend <count>
//       Tries <count> times to open the store and run an operation; prints "REFUSED <n> OPENED <m>" ("in use" errors vs
//       opens that succeeded) and "ERROR <message>" for any other failure.
using CrashWriter.Models;

namespace CrashWriter;

using Amplify.DataStore;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: CrashWriter <database file> [writers] [default|journal-only|no-journal] | random-ops <count> <seed> | contend <count>");
            return 2;
        }
        if (args.Length > 1 && args[1] == "random-ops") return await RandomOps.RunAsync(args[0], Int(args[2]), Int(args[3]));
        if (args.Length > 1 && args[1] == "contend") return await Contend.RunAsync(args[0], Int(args[2]));
        return await SaveLoop.RunAsync(args[0], args.Length > 1 ? Int(args[1]) : 4, args.Length > 2 ? args[2] : "default");
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
