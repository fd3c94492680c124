using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>Reads <c>@auth(rules: [...])</c> into <see cref="AuthRule"/>s with Amplify's defaults applied.</summary>
internal static class AuthRuleReader
{
    private static readonly string[] Strategies = { "owner", "groups", "public", "private", "custom" };
    private static readonly string[] Providers = { "apiKey", "iam", "oidc", "userPools", "function", "identityPool" };
    private static readonly string[] Operations = { "create", "update", "delete", "read", "get", "list", "sync", "listen", "search" };
    private static readonly string[] RuleKeys =
    {
        "allow", "provider", "ownerField", "identityClaim", "groupClaim", "groups", "groupsField", "groupField",
        "operations", "queries", "mutations",
    };

    private static readonly EquatableArray<string> DefaultOperations = EquatableArray.Create("create", "update", "delete", "read");

    /// <summary>Which providers each strategy can use, as the Amplify transformer enforces.</summary>
    private static readonly Dictionary<string, string[]> ProvidersByStrategy = new(StringComparer.Ordinal)
    {
        ["public"] = new[] { "apiKey", "iam", "identityPool" },
        ["private"] = new[] { "userPools", "oidc", "iam", "identityPool" },
        ["owner"] = new[] { "userPools", "oidc" },
        ["groups"] = new[] { "userPools", "oidc" },
        ["custom"] = new[] { "function" },
    };

    public static List<AuthRule> Read(DirectiveArguments arguments)
    {
        var rules = new List<AuthRule>();
        var argument = arguments.Get("rules");
        if (argument is null)
        {
            arguments.ReportMissing("rules");
            return rules;
        }

        foreach (var item in AsList(argument.Value))
        {
            if (item is not GraphQLObjectValue rule)
            {
                arguments.ReportInvalid(arguments.At(item), $"each entry of 'rules' must be an object such as {{ allow: owner }}, not {DirectiveArguments.Describe(item)}.");
                continue;
            }
            if (ReadRule(arguments, rule) is { } authRule) rules.Add(authRule);
        }
        return rules;
    }

    private static AuthRule? ReadRule(DirectiveArguments arguments, GraphQLObjectValue rule)
    {
        var values = new Dictionary<string, GraphQLObjectField>(StringComparer.Ordinal);
        bool valid = true;
        foreach (var field in rule.Fields ?? new List<GraphQLObjectField>())
        {
            string key = field.Name.StringValue;
            if (Array.IndexOf(RuleKeys, key) < 0)
            {
                arguments.ReportInvalid(arguments.At(field), $"auth rule has unknown key '{key}'.");
                valid = false;
            }
            else if (!values.ContainsKey(key))
            {
                values.Add(key, field);
            }
        }

        string? allow = Word(arguments, values, "allow", Strategies, ref valid);
        if (allow is null)
        {
            if (!values.ContainsKey("allow")) arguments.ReportInvalid(arguments.At(rule), "auth rule is missing 'allow'.");
            return null;
        }

        string? provider = Word(arguments, values, "provider", Providers, ref valid);
        if (provider is not null && Array.IndexOf(ProvidersByStrategy[allow], provider) < 0)
        {
            arguments.ReportInvalid(arguments.At(values["provider"].Value),
                $"auth rule 'allow: {allow}' cannot use provider '{provider}'; use one of: {string.Join(", ", ProvidersByStrategy[allow])}.");
            valid = false;
        }

        var operations = WordList(arguments, values, "operations", Operations, ref valid);
        string? ownerField = Text(arguments, values, "ownerField", ref valid);
        string? identityClaim = Text(arguments, values, "identityClaim", ref valid);
        string? groupClaim = Text(arguments, values, "groupClaim", ref valid);
        // v2 spells it groupsField, v1 groupField; modelgen only knows the v1 spelling.
        string? groupsField = Text(arguments, values, "groupsField", ref valid) ?? Text(arguments, values, "groupField", ref valid);
        var groups = TextList(arguments, values, "groups", ref valid);
        if (!valid) return null;

        var ops = operations is null ? DefaultOperations : operations.ToEquatableArray();
        return allow switch
        {
            "owner" => new AuthRule(allow, provider ?? "userPools", ownerField ?? "owner",
                identityClaim is null or "username" ? "cognito:username" : identityClaim, null,
                EquatableArray<string>.Empty, null, ops),
            "groups" => new AuthRule(allow, provider ?? "userPools", null, null, groupClaim ?? "cognito:groups",
                (groups ?? new List<string>()).ToEquatableArray(),
                groupsField ?? (groups is { Count: > 0 } ? null : "groups"), ops),
            _ => new AuthRule(allow, provider, null, null, null, EquatableArray<string>.Empty, null, ops),
        };
    }

    private static IEnumerable<GraphQLValue> AsList(GraphQLValue value)
    {
        if (value is GraphQLListValue list) return list.Values ?? new List<GraphQLValue>();
        return new[] { value };
    }

    /// <summary>An enum-valued key (a string is accepted too) restricted to <paramref name="allowed"/>.</summary>
    private static string? Word(DirectiveArguments arguments, Dictionary<string, GraphQLObjectField> values, string key, string[] allowed, ref bool valid)
    {
        if (!values.TryGetValue(key, out var field) || field.Value is GraphQLNullValue) return null;
        var word = AsWord(field.Value);
        if (word is null || Array.IndexOf(allowed, word) < 0)
        {
            arguments.ReportInvalid(arguments.At(field.Value),
                $"auth rule '{key}' must be one of: {string.Join(", ", allowed)}; found {DirectiveArguments.Describe(field.Value)}.");
            valid = false;
            return null;
        }
        return word;
    }

    private static List<string>? WordList(DirectiveArguments arguments, Dictionary<string, GraphQLObjectField> values, string key, string[] allowed, ref bool valid)
    {
        if (!values.TryGetValue(key, out var field) || field.Value is GraphQLNullValue) return null;
        var result = new List<string>();
        foreach (var item in AsList(field.Value))
        {
            var word = AsWord(item);
            if (word is null || Array.IndexOf(allowed, word) < 0)
            {
                arguments.ReportInvalid(arguments.At(item),
                    $"auth rule '{key}' entries must be one of: {string.Join(", ", allowed)}; found {DirectiveArguments.Describe(item)}.");
                valid = false;
                return null;
            }
            if (!result.Contains(word)) result.Add(word);
        }
        return result;
    }

    private static string? Text(DirectiveArguments arguments, Dictionary<string, GraphQLObjectField> values, string key, ref bool valid)
    {
        if (!values.TryGetValue(key, out var field) || field.Value is GraphQLNullValue) return null;
        if (field.Value is GraphQLStringValue s) return s.Value.ToString();
        arguments.ReportInvalid(arguments.At(field.Value), $"auth rule '{key}' must be a string, not {DirectiveArguments.Describe(field.Value)}.");
        valid = false;
        return null;
    }

    private static List<string>? TextList(DirectiveArguments arguments, Dictionary<string, GraphQLObjectField> values, string key, ref bool valid)
    {
        if (!values.TryGetValue(key, out var field) || field.Value is GraphQLNullValue) return null;
        var result = new List<string>();
        foreach (var item in AsList(field.Value))
        {
            if (item is GraphQLStringValue s)
            {
                result.Add(s.Value.ToString());
                continue;
            }
            arguments.ReportInvalid(arguments.At(item), $"auth rule '{key}' must be a list of strings, but it contains {DirectiveArguments.Describe(item)}.");
            valid = false;
            return null;
        }
        return result;
    }

    private static string? AsWord(GraphQLValue value) => value switch
    {
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLStringValue s => s.Value.ToString(),
        _ => null,
    };
}
