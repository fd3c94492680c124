using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Schema.Validation;

/// <summary>The Amplify directive set: which directives exist, where they go and which arguments they take.</summary>
internal static class DirectiveCatalog
{
    private sealed record Spec(DirectiveSite Site, bool Repeatable, string[] Arguments);

    private static readonly Dictionary<string, Spec> Processed = new(StringComparer.Ordinal)
    {
        ["model"] = new(DirectiveSite.Type, false, new[] { "queries", "mutations", "subscriptions", "timestamps" }),
        ["key"] = new(DirectiveSite.Type, true, new[] { "name", "fields", "queryField" }),
        ["auth"] = new(DirectiveSite.Type, false, new[] { "rules" }),
        ["primaryKey"] = new(DirectiveSite.Field, false, new[] { "sortKeyFields" }),
        ["index"] = new(DirectiveSite.Field, true, new[] { "name", "sortKeyFields", "queryField" }),
        ["hasOne"] = new(DirectiveSite.Field, false, new[] { "fields", "references" }),
        ["hasMany"] = new(DirectiveSite.Field, false, new[] { "indexName", "fields", "limit", "references" }),
        ["belongsTo"] = new(DirectiveSite.Field, false, new[] { "fields", "references" }),
        ["manyToMany"] = new(DirectiveSite.Field, false, new[] { "relationName", "limit" }),
        ["connection"] = new(DirectiveSite.Field, false, new[] { "name", "keyField", "sortField", "limit", "keyName", "fields" }),
        ["default"] = new(DirectiveSite.Field, false, new[] { "value" }),
    };

    private static readonly HashSet<string> IgnoredNames = new(StringComparer.Ordinal)
    {
        "deprecated", "mapsTo", "refersTo", "specifiedBy", "aws_subscribe", "aws_auth", "aws_api_key", "aws_iam",
        "aws_oidc", "aws_cognito_user_pools", "aws_lambda", "aws_publish",
    };

    private static readonly HashSet<string> UnsupportedNames = new(StringComparer.Ordinal)
    {
        "searchable", "function", "http", "predictions", "sql", "versioned", "validate", "generation", "conversation",
    };

    public static DirectiveHandling Classify(string name)
    {
        if (Processed.ContainsKey(name)) return DirectiveHandling.Processed;
        if (IgnoredNames.Contains(name) || name.StartsWith("aws_", StringComparison.Ordinal)) return DirectiveHandling.Ignored;
        if (UnsupportedNames.Contains(name)) return DirectiveHandling.Unsupported;
        return DirectiveHandling.Unknown;
    }

    /// <summary>True when a processed directive may appear at <paramref name="site"/>.</summary>
    public static bool IsAllowedAt(string name, DirectiveSite site) =>
        Processed.TryGetValue(name, out var spec) && (spec.Site == site || (name == "auth" && site == DirectiveSite.Field));

    public static bool IsRepeatable(string name) => Processed.TryGetValue(name, out var spec) && spec.Repeatable;

    public static IReadOnlyList<string> ArgumentsOf(string name) =>
        Processed.TryGetValue(name, out var spec) ? spec.Arguments : Array.Empty<string>();

    public static bool IsRelationship(string name) =>
        name is "hasOne" or "hasMany" or "belongsTo" or "manyToMany" or "connection";

    /// <summary>A human description of where the directive belongs, for messages.</summary>
    public static string DescribeSite(string name) =>
        name == "auth" ? "types and fields"
        : Processed.TryGetValue(name, out var spec) && spec.Site == DirectiveSite.Type ? "object types" : "fields";
}
