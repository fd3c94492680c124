using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>The GraphQL and AWS AppSync scalars by name.</summary>
internal static class BuiltInScalars
{
    private static readonly Dictionary<string, ScalarKind> ByName = new(StringComparer.Ordinal)
    {
        ["ID"] = ScalarKind.ID,
        ["String"] = ScalarKind.String,
        ["Int"] = ScalarKind.Int,
        ["Float"] = ScalarKind.Float,
        ["Boolean"] = ScalarKind.Boolean,
        ["AWSDate"] = ScalarKind.AWSDate,
        ["AWSTime"] = ScalarKind.AWSTime,
        ["AWSDateTime"] = ScalarKind.AWSDateTime,
        ["AWSTimestamp"] = ScalarKind.AWSTimestamp,
        ["AWSJSON"] = ScalarKind.AWSJSON,
        ["AWSEmail"] = ScalarKind.AWSEmail,
        ["AWSURL"] = ScalarKind.AWSURL,
        ["AWSPhone"] = ScalarKind.AWSPhone,
        ["AWSIPAddress"] = ScalarKind.AWSIPAddress,
    };

    public static bool TryGet(string name, out ScalarKind kind) => ByName.TryGetValue(name, out kind);

    public static bool Contains(string name) => ByName.ContainsKey(name);
}
