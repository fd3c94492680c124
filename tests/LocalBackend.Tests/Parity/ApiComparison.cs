using GraphQLParser;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Tests.Parity;

/// <summary>One way two APIs differ: <paramref name="Kind"/> groups it in the summary, <paramref name="Line"/> is what the known-differences files hold.</summary>
internal sealed record ApiDifference(string Kind, string Line);

/// <summary>
/// Compares the API two SDL documents describe: the types reachable from Query, Mutation and Subscription (a type no
/// operation can reach is not part of what a client sees), their fields with types and arguments, input fields and enum
/// values. Descriptions, directives (only AppSync's @aws_* appear), scalar definitions and ordering are ignored.
/// </summary>
internal static class ApiComparison
{
    private static readonly string[] Roots = ["Query", "Mutation", "Subscription"];

    /// <summary>The differences of <paramref name="ours"/> from <paramref name="transformer"/>, sorted so the lines are stable.</summary>
    public static List<ApiDifference> Compare(string ours, string transformer)
    {
        var a = Reachable(Parser.Parse(ours));
        var b = Reachable(Parser.Parse(transformer));
        var differences = new List<ApiDifference>();
        foreach (var name in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            bool root = Roots.Contains(name);
            if (!a.TryGetValue(name, out var mine))
            {
                differences.Add(new($"{b[name].Kind} missing", $"{b[name].Kind} {name}: missing"));
                continue;
            }
            if (!b.TryGetValue(name, out var theirs))
            {
                differences.Add(new($"{mine.Kind} extra", $"{mine.Kind} {name}: extra (not in the transformer's API)"));
                continue;
            }
            if (mine.Kind != theirs.Kind)
            {
                differences.Add(new("type kind", $"{name}: {mine.Kind} (ours) vs {theirs.Kind} (transformer)"));
                continue;
            }
            var member = root ? "root field" : mine.Kind == "input" ? "input field" : mine.Kind == "enum" ? "enum value" : mine.Kind == "union" ? "union member" : "field";
            foreach (var field in mine.Members.Keys.Union(theirs.Members.Keys).Order(StringComparer.Ordinal))
            {
                var path = $"{name}.{field}";
                if (!mine.Members.TryGetValue(field, out var f1)) { differences.Add(new($"{member} missing", $"{path}: missing")); continue; }
                if (!theirs.Members.TryGetValue(field, out var f2)) { differences.Add(new($"{member} extra", $"{path}: extra (not in the transformer's API)")); continue; }
                if (f1.Type != f2.Type) differences.Add(new($"{member} type", $"{path}: type {f1.Type} (ours) vs {f2.Type} (transformer)"));
                foreach (var argument in f1.Arguments.Keys.Union(f2.Arguments.Keys).Order(StringComparer.Ordinal))
                {
                    var argPath = $"{path}({argument})";
                    if (!f1.Arguments.TryGetValue(argument, out var t1)) differences.Add(new("argument missing", $"{argPath}: missing"));
                    else if (!f2.Arguments.TryGetValue(argument, out var t2)) differences.Add(new("argument extra", $"{argPath}: extra (not in the transformer's API)"));
                    else if (t1 != t2) differences.Add(new("argument type", $"{argPath}: type {t1} (ours) vs {t2} (transformer)"));
                }
            }
        }
        return differences;
    }

    /// <summary>A named type: its kind as SDL spells it, and its fields (input fields, enum values, union members) by name.</summary>
    private sealed record TypeShape(string Kind, Dictionary<string, MemberShape> Members, IReadOnlyList<string> Referenced);

    /// <summary>A field's type text ("" for enum values and union members) and its arguments' type texts.</summary>
    private sealed record MemberShape(string Type, Dictionary<string, string> Arguments);

    private static Dictionary<string, TypeShape> Reachable(GraphQLDocument document)
    {
        // A schema block may give the root types other names; they are compared under the standard ones.
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in document.Definitions.OfType<GraphQLSchemaDefinition>())
        {
            foreach (var operation in schema.OperationTypes)
            {
                rename[operation.Type!.Name.StringValue] = operation.Operation switch
                {
                    OperationType.Query => "Query",
                    OperationType.Mutation => "Mutation",
                    _ => "Subscription",
                };
            }
        }
        string Name(GraphQLName name) => rename.TryGetValue(name.StringValue, out var standard) ? standard : name.StringValue;

        var all = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    all[Name(o.Name)] = Fields("type", o.Fields?.Items, Name);
                    break;
                case GraphQLInterfaceTypeDefinition i:
                    all[Name(i.Name)] = Fields("interface", i.Fields?.Items, Name);
                    break;
                case GraphQLInputObjectTypeDefinition i:
                    var inputs = (i.Fields?.Items ?? []).ToDictionary(f => f.Name.StringValue, f => new MemberShape(TypeText(f.Type, Name), new()), StringComparer.Ordinal);
                    all[Name(i.Name)] = new TypeShape("input", inputs, (i.Fields?.Items ?? []).Select(f => NamedType(f.Type, Name)).ToList());
                    break;
                case GraphQLEnumTypeDefinition e:
                    all[Name(e.Name)] = new TypeShape("enum", (e.Values?.Items ?? []).ToDictionary(v => v.Name.StringValue, _ => new MemberShape("", new()), StringComparer.Ordinal), []);
                    break;
                case GraphQLUnionTypeDefinition u:
                    var members = (u.Types?.Items ?? []).Select(t => Name(t.Name)).ToList();
                    all[Name(u.Name)] = new TypeShape("union", members.ToDictionary(m => m, _ => new MemberShape("", new()), StringComparer.Ordinal), members);
                    break;
            }
        }

        var reached = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        var pending = new Queue<string>(Roots.Where(all.ContainsKey));
        while (pending.TryDequeue(out var name))
        {
            if (reached.ContainsKey(name)) continue;
            // Scalars are not compared as types: AppSync's AWS* scalars are built in (the transformer prints no
            // definition, we print one); every use of a scalar is compared by its type text.
            if (!all.TryGetValue(name, out var shape)) continue;
            reached[name] = shape;
            foreach (var next in shape.Referenced) pending.Enqueue(next);
        }
        return reached;
    }

    private static TypeShape Fields(string kind, List<GraphQLFieldDefinition>? fields, Func<GraphQLName, string> name)
    {
        var members = new Dictionary<string, MemberShape>(StringComparer.Ordinal);
        var referenced = new List<string>();
        foreach (var field in fields ?? [])
        {
            var arguments = (field.Arguments?.Items ?? []).ToDictionary(a => a.Name.StringValue, a => TypeText(a.Type, name), StringComparer.Ordinal);
            members[field.Name.StringValue] = new MemberShape(TypeText(field.Type, name), arguments);
            referenced.Add(NamedType(field.Type, name));
            referenced.AddRange((field.Arguments?.Items ?? []).Select(a => NamedType(a.Type, name)));
        }
        return new TypeShape(kind, members, referenced);
    }

    private static string TypeText(GraphQLType type, Func<GraphQLName, string> name) => type switch
    {
        GraphQLNonNullType n => TypeText(n.Type, name) + "!",
        GraphQLListType l => "[" + TypeText(l.Type, name) + "]",
        GraphQLNamedType named => name(named.Name),
        _ => throw new ArgumentException(type.GetType().Name),
    };

    private static string NamedType(GraphQLType type, Func<GraphQLName, string> name) => type switch
    {
        GraphQLNonNullType n => NamedType(n.Type, name),
        GraphQLListType l => NamedType(l.Type, name),
        GraphQLNamedType named => name(named.Name),
        _ => throw new ArgumentException(type.GetType().Name),
    };
}
