using System.Collections.Generic;
using System.Text;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// The GraphQL documents the engine sends for one model, in the shapes the Amplify transformer's SDL defines (reference
/// §5.10): stored fields (embedded types with their sub-fields) plus <c>_version _lastChangedAt _deleted</c>. Foreign keys
/// are selected as the plain fields they are stored as, never the parent object, so a response never carries a record of
/// another model.
/// </summary>
internal sealed class SyncDocuments
{
    public SyncDocuments(ModelSchema schema, ModelMetadata model)
    {
        var selection = new StringBuilder();
        AppendFields(schema, model.Fields, selection);
        selection.Append(" _version _lastChangedAt _deleted");
        var fields = selection.ToString();
        var keyArgs = new StringBuilder();
        var keyVars = new StringBuilder();
        foreach (var key in model.PrimaryKey.Fields)
        {
            var field = model.GetField(key);
            if (keyVars.Length > 0)
            {
                keyVars.Append(", ");
                keyArgs.Append(", ");
            }
            keyVars.Append('$').Append(key).Append(": ").Append(field.TypeName).Append('!');
            keyArgs.Append(key).Append(": $").Append(key);
        }

        SyncField = "sync" + model.PluralName;
        Sync = $"query Sync{model.PluralName}($limit: Int, $nextToken: String, $lastSync: AWSTimestamp, $filter: Model{model.Name}FilterInput) "
             + $"{{ {SyncField}(limit: $limit, nextToken: $nextToken, lastSync: $lastSync, filter: $filter) {{ items {{ {fields} }} nextToken startedAt }} }}";
        GetField = "get" + model.Name;
        Get = $"query Get{model.Name}({keyVars}) {{ {GetField}({keyArgs}) {{ {fields} }} }}";
        CreateField = "create" + model.Name;
        Create = $"mutation Create{model.Name}($input: Create{model.Name}Input!) {{ {CreateField}(input: $input) {{ {fields} }} }}";
        UpdateField = "update" + model.Name;
        Update = $"mutation Update{model.Name}($input: Update{model.Name}Input!, $condition: Model{model.Name}ConditionInput) "
               + $"{{ {UpdateField}(input: $input, condition: $condition) {{ {fields} }} }}";
        DeleteField = "delete" + model.Name;
        Delete = $"mutation Delete{model.Name}($input: Delete{model.Name}Input!, $condition: Model{model.Name}ConditionInput) "
               + $"{{ {DeleteField}(input: $input, condition: $condition) {{ {fields} }} }}";
        _fields = fields;
        _model = model.Name;
    }

    private readonly string _fields;
    private readonly string _model;

    public string SyncField { get; }
    public string Sync { get; }
    public string GetField { get; }
    public string Get { get; }
    public string CreateField { get; }
    public string Create { get; }
    public string UpdateField { get; }
    public string Update { get; }
    public string DeleteField { get; }
    public string Delete { get; }

    /// <summary>The subscription to <c>on{Create|Update|Delete}{Model}</c>, with the filter and owner arguments when given.</summary>
    public string Subscription(string verb, bool withFilter, string? ownerArgument)
    {
        var field = "on" + verb + _model;
        var variables = new List<string>();
        var arguments = new List<string>();
        if (withFilter)
        {
            variables.Add($"$filter: ModelSubscription{_model}FilterInput");
            arguments.Add("filter: $filter");
        }
        if (ownerArgument is not null)
        {
            variables.Add($"${ownerArgument}: String");
            arguments.Add($"{ownerArgument}: ${ownerArgument}");
        }
        var declared = variables.Count > 0 ? "(" + string.Join(", ", variables) + ")" : "";
        var passed = arguments.Count > 0 ? "(" + string.Join(", ", arguments) + ")" : "";
        return $"subscription On{verb}{_model}{declared} {{ {field}{passed} {{ {_fields} }} }}";
    }

    private static void AppendFields(ModelSchema schema, IReadOnlyList<FieldMetadata> fields, StringBuilder selection)
    {
        foreach (var field in fields)
        {
            if (!field.IsStored) continue;
            if (selection.Length > 0 && selection[^1] != '{') selection.Append(' ');
            selection.Append(field.Name);
            if (field.Kind == FieldKind.Embedded && schema.FindEmbeddedType(field.TypeName) is { } embedded)
            {
                selection.Append(" {");
                AppendFields(schema, embedded.Fields, selection);
                selection.Append(" }");
            }
        }
    }
}
