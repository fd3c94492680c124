using System;
using System.Globalization;
using Amplify.DataStore.LocalBackend.Conflicts;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>The command line of the backend program.</summary>
internal sealed class CommandLineOptions
{
    public const string Help = """
        Amplify DataStore local backend: an AppSync-compatible sync API for your schema, on 127.0.0.1.

        usage: dotnet run --project src/LocalBackend -- --schema <file.graphql> [options]

          --schema <path>                 schema file (repeat for several files)
          --port <n>                      port on 127.0.0.1 (default 20002; 0 = any free port)
          --data-dir <path>               data, certificate and API key directory (default .amplify-local)
          --in-memory                     keep data in memory only
          --conflict <automerge|optimistic>
                                          conflict strategy (default automerge)
          --conflict-model <Model>=<automerge|optimistic>
                                          per-model override (repeatable)
          --api-key <key>                 API key (default: generated once, kept in the data directory)
          --delta-ttl <minutes>           delta sync table TTL (default 30)
          --tombstone-ttl <minutes>       tombstone TTL (default 43200 = 30 days)
          --keep-alive <seconds>          realtime ka interval (default 60)
          --tls <on|off>                  HTTPS/WSS with a generated self-signed certificate (default on)
          --jwt-secret <secret>           accept HS256 bearer JWTs signed with this secret (repeatable)
          --jwt-public-key <pem-file>     accept RS256/ES256 bearer JWTs verified with this public key (repeatable)
          --jwt-issuer <iss>              required JWT issuer
          --jwt-audience <aud>            required JWT audience
          --config-dir <path>             where amplifyconfiguration.json and amplify_outputs.json go (default .)
          --no-client-config              do not write the client configuration files
          --max-depth <n>                 deepest field nesting a document may select, 1-75 (default 25)
          --max-resolvers <n>             resolver invocations one request may cause (default 10000)
          --max-cost <n>                  fields one request may resolve, lists counted at their limit (default 100000)
          --timeout <seconds>             execution time of one query or mutation (default 30)
          --max-response-bytes <n>        largest HTTP response body (default 5242880 = 5 MiB)
          --send-queue-bytes <n>          bytes queued for one realtime client before it is dropped (default 8388608)
          --send-queue-frames <n>         frames queued for one realtime client before it is dropped (default 5000)
          --run-for <seconds>             stop after this long (for scripts)
          --verbose                       log requests and sockets
          --help                          this text
        """;

    public LocalBackendOptions Options { get; } = new() { Port = 20002 };

    public bool ShowHelp { get; private set; }

    public bool Verbose { get; private set; }

    public TimeSpan? RunFor { get; private set; }

    public static CommandLineOptions Parse(string[] args)
    {
        var result = new CommandLineOptions();
        var o = result.Options;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--help" or "-h": result.ShowHelp = true; break;
                case "--schema": o.SchemaPaths.Add(Value()); break;
                case "--port": o.Port = Int(args[i], Value(), 0, 65535); break;
                case "--data-dir": o.DataDirectory = Value(); break;
                case "--in-memory": o.InMemory = true; break;
                case "--conflict": o.ConflictStrategy = Strategy(Value()); break;
                case "--conflict-model":
                {
                    var pair = Value().Split('=', 2);
                    if (pair.Length != 2 || pair[0].Length == 0) throw new ArgumentException("--conflict-model takes <Model>=<automerge|optimistic>.");
                    o.ModelConflictStrategies[pair[0]] = Strategy(pair[1]);
                    break;
                }
                case "--api-key": o.ApiKey = Value(); break;
                case "--delta-ttl": o.DeltaSyncTtl = TimeSpan.FromMinutes(Int(args[i], Value(), 1, int.MaxValue)); break;
                case "--tombstone-ttl": o.TombstoneTtl = TimeSpan.FromMinutes(Int(args[i], Value(), 0, int.MaxValue)); break;
                case "--keep-alive": o.KeepAliveInterval = TimeSpan.FromSeconds(Int(args[i], Value(), 1, 3600)); break;
                case "--tls":
                    o.UseTls = Value() switch
                    {
                        "on" => true,
                        "off" => false,
                        var v => throw new ArgumentException($"--tls takes on or off, not '{v}'."),
                    };
                    break;
                case "--jwt-secret": o.Jwt.HmacSecrets.Add(Value()); break;
                case "--jwt-public-key": o.Jwt.PublicKeyPems.Add(System.IO.File.ReadAllText(Value())); break;
                case "--jwt-issuer": o.Jwt.Issuer = Value(); break;
                case "--jwt-audience": o.Jwt.Audience = Value(); break;
                case "--config-dir": o.ClientConfigDirectory = Value(); break;
                case "--no-client-config": o.WriteClientConfig = false; break;
                case "--max-depth": o.MaxQueryDepth = Int(args[i], Value(), 1, 75); break;
                case "--max-resolvers": o.MaxResolvers = Int(args[i], Value(), 1, int.MaxValue); break;
                case "--max-cost": o.MaxQueryCost = Int(args[i], Value(), 1, int.MaxValue); break;
                case "--timeout": o.ExecutionTimeout = TimeSpan.FromSeconds(Int(args[i], Value(), 1, 3600)); break;
                case "--max-response-bytes": o.MaxResponseBytes = Int(args[i], Value(), 1024, int.MaxValue); break;
                case "--send-queue-bytes": o.MaxSendQueueBytes = Int(args[i], Value(), 512 * 1024, int.MaxValue); break;
                case "--send-queue-frames": o.MaxSendQueueFrames = Int(args[i], Value(), 10, int.MaxValue); break;
                case "--run-for": result.RunFor = TimeSpan.FromSeconds(Int(args[i], Value(), 1, int.MaxValue)); break;
                case "--verbose": result.Verbose = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        if (!result.ShowHelp && o.SchemaPaths.Count == 0) throw new ArgumentException("--schema <file.graphql> is required.");
        return result;
    }

    private static ConflictStrategy Strategy(string value) => value switch
    {
        "automerge" => ConflictStrategy.Automerge,
        "optimistic" => ConflictStrategy.OptimisticConcurrency,
        _ => throw new ArgumentException($"Unknown conflict strategy '{value}': use automerge or optimistic (custom handlers are for embedded use)."),
    };

    private static int Int(string option, string value, int min, int max)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{option} takes a whole number from {min} to {max}, not '{value}'.");
}
