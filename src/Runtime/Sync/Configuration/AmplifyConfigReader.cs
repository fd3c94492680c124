using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Amplify.DataStore;

/// <summary>
/// Reads the API section of the three configuration shapes Amplify writes into an <see cref="AmplifyConfig"/>, naming the
/// JSON path of anything missing or invalid.
/// </summary>
internal static class AmplifyConfigReader
{
    /// <summary>The section naming a certificate to trust (top level in Gen 1 files, under <c>custom</c> in Gen 2 outputs).</summary>
    private const string TrustSection = "amplify_datastore_dotnet";
    private const string TrustKey = "trusted_certificate_pem";

    public static AmplifyConfig Read(JsonElement root, string source, string? apiName, string? baseDirectory)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error(source, "$", "must be a JSON object");
        var config = ReadApi(root, source, apiName);
        var trustAt = root.TryGetProperty("custom", out var custom) && custom.ValueKind == JsonValueKind.Object ? "$.custom." : "$.";
        var trustParent = trustAt == "$." ? root : custom;
        if (trustParent.TryGetProperty(TrustSection, out var section) && section.ValueKind == JsonValueKind.Object
            && OptionalString(section, TrustKey, trustAt + TrustSection + "." + TrustKey, source) is { Length: > 0 } pem)
        {
            var path = baseDirectory is null ? pem : System.IO.Path.Combine(baseDirectory, pem);
            return new AmplifyConfig
            {
                GraphQLEndpoint = config.GraphQLEndpoint,
                Region = config.Region,
                DefaultAuthorization = config.DefaultAuthorization,
                AdditionalAuthorizations = config.AdditionalAuthorizations,
                ApiKey = config.ApiKey,
                TrustedCertificate = LoopbackCertificateTrust.Load(path, $"{source}: {trustAt}{TrustSection}.{TrustKey}"),
            };
        }
        return config;
    }

    private static AmplifyConfig ReadApi(JsonElement root, string source, string? apiName)
    {
        if (root.TryGetProperty("version", out _) || root.TryGetProperty("data", out _)) return ReadOutputs(root, source);
        if (root.TryGetProperty("api", out var api)) return ReadGen1(api, source, apiName);
        if (root.TryGetProperty("aws_appsync_graphqlEndpoint", out _)) return ReadAwsExports(root, source);
        throw new AmplifyConfigException(
            $"{source} has no AppSync API: expected a Gen 2 'data' section (amplify_outputs.json), 'api.plugins.awsAPIPlugin' " +
            "(Gen 1 amplifyconfiguration.json) or 'aws_appsync_graphqlEndpoint' (aws-exports keys).");
    }

    /// <summary>Gen 2 <c>amplify_outputs.json</c>: <c>{ version: "1…", data: { url, aws_region, api_key, default_authorization_type, authorization_types } }</c>.</summary>
    private static AmplifyConfig ReadOutputs(JsonElement root, string source)
    {
        var version = OptionalString(root, "version", "$.version", source);
        if (version is null || !version.StartsWith('1'))
        {
            throw Error(source, "$.version", $"is {(version is null ? "missing" : $"'{version}'")}; this reader understands amplify_outputs version 1");
        }
        if (!root.TryGetProperty("data", out var data)) throw Error(source, "$.data", "is missing: the backend has no data (AppSync) resource");
        if (data.ValueKind != JsonValueKind.Object) throw Error(source, "$.data", "must be an object");
        var additional = new List<AuthorizationType>();
        if (data.TryGetProperty("authorization_types", out var types))
        {
            if (types.ValueKind != JsonValueKind.Array) throw Error(source, "$.data.authorization_types", "must be an array of authorization types");
            int i = 0;
            foreach (var type in types.EnumerateArray())
            {
                var path = $"$.data.authorization_types[{i++}]";
                if (type.ValueKind != JsonValueKind.String) throw Error(source, path, "must be a string");
                additional.Add(AuthorizationTypeOf(type.GetString()!, path, source));
            }
        }
        return Build(source, "$.data",
            endpoint: RequiredString(data, "url", "$.data.url", source),
            region: OptionalString(data, "aws_region", "$.data.aws_region", source),
            authorization: RequiredString(data, "default_authorization_type", "$.data.default_authorization_type", source),
            apiKey: OptionalString(data, "api_key", "$.data.api_key", source),
            apiKeyPath: "$.data.api_key",
            additional);
    }

    /// <summary>Gen 1 <c>amplifyconfiguration.json</c>: <c>api.plugins.awsAPIPlugin.&lt;name&gt; { endpointType: "GraphQL", endpoint, region, authorizationType, apiKey }</c>.</summary>
    private static AmplifyConfig ReadGen1(JsonElement api, string source, string? apiName)
    {
        if (!api.TryGetProperty("plugins", out var plugins) || !plugins.TryGetProperty("awsAPIPlugin", out var apis) || apis.ValueKind != JsonValueKind.Object)
        {
            throw Error(source, "$.api.plugins.awsAPIPlugin", "is missing or not an object");
        }
        var graphQL = apis.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("endpointType", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "GraphQL")
            .ToList();
        JsonProperty chosen;
        if (apiName is not null)
        {
            chosen = graphQL.FirstOrDefault(p => p.Name == apiName);
            if (chosen.Value.ValueKind == JsonValueKind.Undefined)
            {
                throw Error(source, $"$.api.plugins.awsAPIPlugin.{apiName}", $"is not a GraphQL API here (GraphQL APIs: {Names(graphQL)})");
            }
        }
        else if (graphQL.Count == 1)
        {
            chosen = graphQL[0];
        }
        else
        {
            throw Error(source, "$.api.plugins.awsAPIPlugin", graphQL.Count == 0
                ? "holds no API with \"endpointType\": \"GraphQL\""
                : $"holds several GraphQL APIs ({Names(graphQL)}); name the one to sync with (AmplifyConfig.Load(path, apiName))");
        }
        var at = "$.api.plugins.awsAPIPlugin." + chosen.Name;
        var entry = chosen.Value;
        return Build(source, at,
            endpoint: RequiredString(entry, "endpoint", at + ".endpoint", source),
            region: OptionalString(entry, "region", at + ".region", source),
            authorization: RequiredString(entry, "authorizationType", at + ".authorizationType", source),
            apiKey: OptionalString(entry, "apiKey", at + ".apiKey", source),
            apiKeyPath: at + ".apiKey",
            Array.Empty<AuthorizationType>());
    }

    /// <summary>The flat keys of <c>aws-exports</c>: <c>aws_appsync_graphqlEndpoint</c>, <c>aws_appsync_region</c>, <c>aws_appsync_authenticationType</c>, <c>aws_appsync_apiKey</c>.</summary>
    private static AmplifyConfig ReadAwsExports(JsonElement root, string source)
        => Build(source, "$",
            endpoint: RequiredString(root, "aws_appsync_graphqlEndpoint", "$.aws_appsync_graphqlEndpoint", source),
            region: OptionalString(root, "aws_appsync_region", "$.aws_appsync_region", source),
            authorization: RequiredString(root, "aws_appsync_authenticationType", "$.aws_appsync_authenticationType", source),
            apiKey: OptionalString(root, "aws_appsync_apiKey", "$.aws_appsync_apiKey", source),
            apiKeyPath: "$.aws_appsync_apiKey",
            Array.Empty<AuthorizationType>());

    private static AmplifyConfig Build(string source, string at, string endpoint, string? region, string authorization, string? apiKey, string apiKeyPath, IReadOnlyList<AuthorizationType> additional)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new AmplifyConfigException($"{source}: the GraphQL endpoint '{endpoint}' under {at} is not an absolute http(s) URL.");
        }
        var mode = AuthorizationTypeOf(authorization, at, source);
        if ((mode == AuthorizationType.ApiKey || additional.Contains(AuthorizationType.ApiKey)) && string.IsNullOrEmpty(apiKey))
        {
            throw Error(source, apiKeyPath, "is missing, but the API uses API_KEY authorization");
        }
        return new AmplifyConfig
        {
            GraphQLEndpoint = uri,
            Region = region,
            DefaultAuthorization = mode,
            AdditionalAuthorizations = additional.Where(a => a != mode).Distinct().ToArray(),
            ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey,
        };
    }

    private static AuthorizationType AuthorizationTypeOf(string name, string path, string source) => name switch
    {
        "API_KEY" => AuthorizationType.ApiKey,
        "AWS_IAM" => AuthorizationType.AwsIam,
        "AMAZON_COGNITO_USER_POOLS" => AuthorizationType.AmazonCognitoUserPools,
        "OPENID_CONNECT" => AuthorizationType.OpenIdConnect,
        "AWS_LAMBDA" => AuthorizationType.AwsLambda,
        _ => throw Error(source, path, $"names the authorization type '{name}'; expected API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA"),
    };

    private static string RequiredString(JsonElement parent, string name, string path, string source)
        => OptionalString(parent, name, path, source) is { Length: > 0 } value ? value : throw Error(source, path, "is missing or empty");

    private static string? OptionalString(JsonElement parent, string name, string path, string source)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(source, path, $"must be a string, not {value.ValueKind}");
    }

    private static string Names(IEnumerable<JsonProperty> apis)
    {
        var names = string.Join(", ", apis.Select(p => p.Name));
        return names.Length == 0 ? "none" : names;
    }

    private static AmplifyConfigException Error(string source, string path, string problem) => new($"{source}: {path} {problem}.");
}
