using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Scalars;
using Amplify.DataStore.Schema;
using FieldType = GraphQL.Types.FieldType;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// Builds the GraphQL.NET schema AppSync's transformer would generate for the user's sync-enabled models (reference
/// §1.2–1.3): model types with the sync fields, connections, filter/condition/subscription-filter inputs, create/update/
/// delete inputs, and get/list/sync queries, mutations and subscriptions wired to <see cref="ModelOperations"/>.
/// </summary>
internal sealed class ApiSchemaFactory
{
    private readonly SchemaModel _schema;
    private readonly IReadOnlyDictionary<string, ModelOperations> _operations;
    private readonly List<IGraphType> _types = new();
    private readonly HashSet<string> _sharedTypes = new(StringComparer.Ordinal);

    private ApiSchemaFactory(SchemaModel schema, IReadOnlyDictionary<string, ModelOperations> operations)
    {
        _schema = schema;
        _operations = operations;
    }

    /// <summary>The executable schema.</summary>
    public static ISchema Create(SchemaModel schema, IReadOnlyDictionary<string, ModelOperations> operations)
        => new ApiSchemaFactory(schema, operations).Build();

    private ISchema Build()
    {
        _types.AddRange(AwsScalarTypes.CreateAllAws());
        _types.AddRange(OperatorInputTypes.Create());
        foreach (var e in _schema.Enums) AddEnum(e);
        foreach (var nonModel in _schema.NonModels) AddNonModel(nonModel);

        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        var subscription = new ObjectGraphType { Name = "Subscription" };
        foreach (var model in _schema.Models)
        {
            var ops = _operations[model.Name];
            AddModelTypes(model, ops);
            AddRootFields(model, ops, query, mutation, subscription);
        }

        var result = new GraphQL.Types.Schema { Query = query, Mutation = mutation.Fields.Count > 0 ? mutation : null, Subscription = subscription.Fields.Count > 0 ? subscription : null };
        foreach (var type in _types) result.RegisterType(type);
        result.Initialize();
        return result;
    }

    // ---- named types ---------------------------------------------------------------------------------------------

    private void AddEnum(EnumDefinition definition)
    {
        var type = new EnumerationGraphType { Name = definition.Name };
        foreach (var value in definition.Values) type.Add(value, value); // the wire name is the value
        _types.Add(type);
        _types.Add(OperatorInputTypes.EnumInput(definition.Name));
        _types.Add(OperatorInputTypes.EnumListInput(definition.Name));
    }

    private void AddNonModel(NonModelDefinition definition)
    {
        var type = new ObjectGraphType { Name = definition.Name };
        var input = new InputObjectGraphType { Name = definition.Name + "Input" };
        foreach (var field in definition.Fields)
        {
            type.AddField(new FieldType { Name = field.Name, ResolvedType = TypeOf(field, input: false, optional: false), Resolver = ValueResolver(field, ownerField: false) });
            input.AddField(new FieldType { Name = field.Name, ResolvedType = TypeOf(field, input: true, optional: false) });
        }
        _types.Add(type);
        _types.Add(input);
    }

    private void AddModelTypes(ModelDefinition model, ModelOperations ops)
    {
        var ownerFields = ops.Auth.OwnerFields.ToHashSet(StringComparer.Ordinal);
        var type = new ObjectGraphType { Name = model.Name };
        foreach (var field in model.Fields)
        {
            FieldType served;
            if (field.Association is { } association)
            {
                served = RelationshipField(model, field, association);
            }
            else
            {
                // The transformer makes the managed timestamps non-null on the type.
                var fieldType = field.Origin == FieldOrigin.Timestamp ? new NonNullGraphType(Named(field, input: false)) : TypeOf(field, input: false, optional: false);
                served = new FieldType { Name = field.Name, ResolvedType = fieldType, Resolver = ValueResolver(field, ownerFields.Contains(field.Name)) };
            }
            if (field.AuthRules.Count > 0) served.Resolver = new FieldAuthResolver(served.Resolver!, ops.Auth, field.Name, model.Name);
            type.AddField(served);
        }
        type.AddField(new FieldType { Name = SyncFields.Version, ResolvedType = NonNull("Int"), Resolver = IntResolver(SyncFields.Version) });
        type.AddField(new FieldType { Name = SyncFields.Deleted, ResolvedType = Ref("Boolean"), Resolver = RawResolver(SyncFields.Deleted) });
        type.AddField(new FieldType { Name = SyncFields.LastChangedAt, ResolvedType = NonNull("AWSTimestamp"), Resolver = RawResolver(SyncFields.LastChangedAt) });
        if (ops.Auth.ImplicitOwnerField is { } implicitOwner)
        {
            type.AddField(new FieldType { Name = implicitOwner, ResolvedType = Ref("String"), Resolver = OwnerResolver(implicitOwner) });
        }
        _types.Add(type);

        var connection = new ObjectGraphType { Name = $"Model{model.Name}Connection" };
        connection.AddField(new FieldType { Name = "items", ResolvedType = new NonNullGraphType(new ListGraphType(Ref(model.Name))), Resolver = RawResolver("items") });
        connection.AddField(new FieldType { Name = "nextToken", ResolvedType = Ref("String"), Resolver = RawResolver("nextToken") });
        connection.AddField(new FieldType { Name = "startedAt", ResolvedType = Ref("AWSTimestamp"), Resolver = RawResolver("startedAt") });
        _types.Add(connection);

        foreach (var key in KeyQueries(model)) AddKeyConditionTypes(model, key);
        _types.Add(FilterInput(model, ops, $"Model{model.Name}FilterInput", subscription: false, condition: false));
        _types.Add(FilterInput(model, ops, $"Model{model.Name}ConditionInput", subscription: false, condition: true));
        _types.Add(FilterInput(model, ops, $"ModelSubscription{model.Name}FilterInput", subscription: true, condition: false));
        _types.Add(WriteInput(model, $"Create{model.Name}Input", create: true));
        _types.Add(WriteInput(model, $"Update{model.Name}Input", create: false));

        var delete = new InputObjectGraphType { Name = $"Delete{model.Name}Input" };
        foreach (var key in model.PrimaryKey.Fields)
        {
            var keyField = model.FindField(key)!;
            delete.AddField(new FieldType { Name = key, ResolvedType = new NonNullGraphType(Named(keyField, input: true)) });
        }
        delete.AddField(new FieldType { Name = SyncFields.Version, ResolvedType = Ref("Int") });
        _types.Add(delete);
    }

    private InputObjectGraphType FilterInput(ModelDefinition model, ModelOperations ops, string name, bool subscription, bool condition)
    {
        var input = new InputObjectGraphType { Name = name };
        foreach (var field in model.Fields)
        {
            if (field.Association is not null || field.Type.Kind is TypeKind.NonModel or TypeKind.Model) continue;
            // The key fields are not conditionable (the transformer drops id and every primary-key field).
            if (condition && (field.Name == "id" || model.PrimaryKey.Fields.Contains(field.Name))) continue;
            // The transformer lists an implicit hasMany foreign key in the parent's subscription filter, not the child's.
            if (subscription && IsImplicitHasManyKey(model, field)) continue;
            input.AddField(new FieldType { Name = field.Name, ResolvedType = Ref(OperatorInputName(field, subscription)) });
        }
        if (!condition && model.FindField("id") is null)
        {
            // The transformer's filters keep an id entry even when a custom primary key replaces the id field.
            input.AddField(new FieldType { Name = "id", ResolvedType = Ref(subscription ? "ModelSubscriptionIDInput" : "ModelIDInput") });
        }
        if (ops.Auth.ImplicitOwnerField is { } owner)
        {
            input.AddField(new FieldType { Name = owner, ResolvedType = Ref(subscription ? "ModelSubscriptionStringInput" : "ModelStringInput") });
        }
        input.AddField(new FieldType { Name = "and", ResolvedType = new ListGraphType(Ref(name)) });
        input.AddField(new FieldType { Name = "or", ResolvedType = new ListGraphType(Ref(name)) });
        if (!subscription) input.AddField(new FieldType { Name = "not", ResolvedType = Ref(name) });
        input.AddField(new FieldType { Name = SyncFields.Deleted, ResolvedType = Ref("ModelBooleanInput") });
        if (subscription)
        {
            foreach (var key in ImplicitHasManyKeysOf(model)) input.AddField(new FieldType { Name = key.Name, ResolvedType = Ref(OperatorInputName(key, subscription: true)) });
        }
        return input;
    }

    // A foreign key the schema added to this model for another model's @hasMany without fields/index.
    private bool IsImplicitHasManyKey(ModelDefinition model, FieldDefinition field)
        => field.Origin == FieldOrigin.ForeignKey && _schema.Models.Any(parent => parent.Fields.Any(f =>
            f.Association is { Kind: AssociationKind.HasMany } a && a.RelatedModel == model.Name && a.AssociatedWith.Contains(field.Name)));

    // The implicit foreign keys that this model's @hasMany fields added to their children.
    private IEnumerable<FieldDefinition> ImplicitHasManyKeysOf(ModelDefinition model)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in model.Fields)
        {
            if (field.Association is not { Kind: AssociationKind.HasMany } association || _schema.FindModel(association.RelatedModel) is not { } child) continue;
            foreach (var name in association.AssociatedWith)
            {
                if (child.FindField(name) is { Origin: FieldOrigin.ForeignKey } key && seen.Add(name)) yield return key;
            }
        }
    }

    private static string OperatorInputName(FieldDefinition field, bool subscription)
    {
        if (field.Type.Kind == TypeKind.Enum)
        {
            if (subscription) return "ModelSubscriptionStringInput";
            return field.IsList ? $"Model{field.Type.Name}ListInput" : $"Model{field.Type.Name}Input";
        }
        var scalar = field.Type.Scalar switch
        {
            ScalarKind.ID => "ID",
            ScalarKind.Int or ScalarKind.AWSTimestamp => "Int",
            ScalarKind.Float => "Float",
            ScalarKind.Boolean => "Boolean",
            _ => "String",
        };
        return (subscription ? "ModelSubscription" : "Model") + scalar + "Input";
    }

    private InputObjectGraphType WriteInput(ModelDefinition model, string name, bool create)
    {
        var input = new InputObjectGraphType { Name = name };
        foreach (var field in model.Fields)
        {
            if (field.Association is not null || field.Origin == FieldOrigin.Timestamp) continue;
            bool isKey = model.PrimaryKey.Fields.Contains(field.Name);
            IGraphType type;
            if (create && field.Name == "id" && field.Type.Scalar == ScalarKind.ID) type = Ref("ID"); // $util.autoId() fills it
            else if (!create && isKey) type = new NonNullGraphType(Named(field, input: true));
            else if (IsTimestamp(model, field.Name)) type = TypeOf(field, input: true, optional: true); // the resolver fills them
            else type = TypeOf(field, input: true, optional: !create);
            input.AddField(new FieldType { Name = field.Name, ResolvedType = type });
        }
        input.AddField(new FieldType { Name = SyncFields.Version, ResolvedType = Ref("Int") });
        return input;
    }

    private static bool IsTimestamp(ModelDefinition model, string name) => name == model.Timestamps.CreatedAt || name == model.Timestamps.UpdatedAt;

    // ---- key queries ---------------------------------------------------------------------------------------------

    // The key queries whose sort-key conditions the model's API takes: its custom primary key and its indexes.
    private static IEnumerable<KeyQuery> KeyQueries(ModelDefinition model)
    {
        if (model.PrimaryKey.IsCustom) yield return KeyQuery.ForPrimaryKey(model);
        foreach (var index in model.Indexes) yield return KeyQuery.ForIndex(model, index);
    }

    private void AddKeyConditionTypes(ModelDefinition model, KeyQuery key)
    {
        if (key.SortKeys.Count == 1)
        {
            AddShared(KeyConditionTypes.ScalarCondition(KeyConditionTypes.KeyScalar(key.SortKeys[0])));
        }
        else if (key.SortKeys.Count > 1)
        {
            foreach (var input in KeyConditionTypes.Composite(model, key.KeyName, key.SortKeys)) AddShared(input);
        }
    }

    // Adds a type that several models or keys may need once.
    private void AddShared(IGraphType type)
    {
        if (_sharedTypes.Add(type.Name)) _types.Add(type);
    }

    private static QueryArguments KeyArguments(ModelDefinition model, KeyQuery key, bool partitionRequired)
    {
        var partition = model.FindField(key.EqualFields[0])!;
        IGraphType partitionType = partitionRequired ? new NonNullGraphType(Named(partition, input: true)) : Named(partition, input: true);
        var args = new QueryArguments(new QueryArgument(partitionType) { Name = partition.Name });
        if (key.SortArgument is { } sortArgument) args.Add(new QueryArgument(Ref(key.SortArgumentType(model.Name)!)) { Name = sortArgument });
        return args;
    }

    // ---- root fields ---------------------------------------------------------------------------------------------

    private void AddRootFields(ModelDefinition model, ModelOperations ops, ObjectGraphType query, ObjectGraphType mutation, ObjectGraphType subscription)
    {
        var getArgs = new QueryArguments(model.PrimaryKey.Fields.Select(k =>
            new QueryArgument(new NonNullGraphType(Named(model.FindField(k)!, input: true))) { Name = k }));
        query.AddField(new FieldType { Name = "get" + model.Name, ResolvedType = Ref(model.Name), Arguments = getArgs, Resolver = new FuncFieldResolver<object?>(ops.Get) });
        if (model.PrimaryKey.IsCustom)
        {
            // A custom primary key makes listX a Query when its partition key is given (the transformer's arguments).
            var key = KeyQuery.ForPrimaryKey(model);
            var listArgs = KeyArguments(model, key, partitionRequired: false);
            foreach (var arg in PageArguments(model, sync: false)) listArgs.Add(arg);
            listArgs.Add(new QueryArgument(Ref("ModelSortDirection")) { Name = "sortDirection" });
            query.AddField(new FieldType { Name = "list" + model.PluralName, ResolvedType = Ref($"Model{model.Name}Connection"), Arguments = listArgs, Resolver = new FuncFieldResolver<object?>(context => ops.ListOrQuery(context, key)) });
        }
        else
        {
            query.AddField(new FieldType { Name = "list" + model.PluralName, ResolvedType = Ref($"Model{model.Name}Connection"), Arguments = PageArguments(model, sync: false), Resolver = new FuncFieldResolver<object?>(ops.List) });
        }
        query.AddField(new FieldType { Name = "sync" + model.PluralName, ResolvedType = Ref($"Model{model.Name}Connection"), Arguments = PageArguments(model, sync: true), Resolver = new FuncFieldResolver<object?>(ops.Sync) });

        // Every @index gets a query field: its queryField, or the transformer's default name.
        foreach (var index in model.Indexes)
        {
            var name = index.QueryField ?? KeyQuery.DefaultQueryField(model, index);
            if (query.HasField(name)) continue;
            var key = KeyQuery.ForIndex(model, index);
            var args = KeyArguments(model, key, partitionRequired: true);
            args.Add(new QueryArgument(Ref("ModelSortDirection")) { Name = "sortDirection" });
            foreach (var arg in PageArguments(model, sync: false)) args.Add(arg);
            query.AddField(new FieldType { Name = name, ResolvedType = Ref($"Model{model.Name}Connection"), Arguments = args, Resolver = new FuncFieldResolver<object?>(context => ops.Query(context, key, null)) });
        }

        foreach (var (verb, resolve) in new (string, Func<IResolveFieldContext, ValueTask<object?>>)[] { ("create", ops.CreateAsync), ("update", ops.UpdateAsync), ("delete", ops.DeleteAsync) })
        {
            var inputName = char.ToUpperInvariant(verb[0]) + verb[1..] + model.Name + "Input";
            mutation.AddField(new FieldType
            {
                Name = verb + model.Name,
                ResolvedType = Ref(model.Name),
                Arguments = new QueryArguments(
                    new QueryArgument(new NonNullGraphType(Ref(inputName))) { Name = "input" },
                    new QueryArgument(Ref($"Model{model.Name}ConditionInput")) { Name = "condition" }),
                Resolver = new FuncFieldResolver<object?>(resolve),
            });
        }

        foreach (var verb in new[] { "Create", "Update", "Delete" })
        {
            var mutationName = verb.ToLowerInvariant() + model.Name;
            var args = new QueryArguments(new QueryArgument(Ref($"ModelSubscription{model.Name}FilterInput")) { Name = "filter" });
            if (ops.Auth.OwnerRules.Count > 0) args.Add(new QueryArgument(Ref("String")) { Name = "owner" });
            subscription.AddField(new FieldType
            {
                Name = "on" + verb + model.Name,
                ResolvedType = Ref(model.Name),
                Arguments = args,
                StreamResolver = new SourceStreamResolver<object>(context => ops.Subscribe(context, mutationName)),
                Resolver = new FuncFieldResolver<object?>(context => context.Source),
            });
        }
    }

    private static QueryArguments PageArguments(ModelDefinition model, bool sync)
    {
        var args = new QueryArguments(
            new QueryArgument(Ref($"Model{model.Name}FilterInput")) { Name = "filter" },
            new QueryArgument(Ref("Int")) { Name = "limit" },
            new QueryArgument(Ref("String")) { Name = "nextToken" });
        if (sync) args.Add(new QueryArgument(Ref("AWSTimestamp")) { Name = "lastSync" });
        return args;
    }

    // ---- relationships -------------------------------------------------------------------------------------------

    private FieldType RelationshipField(ModelDefinition model, FieldDefinition field, Association association)
    {
        var related = _operations[association.RelatedModel];
        if (association.Kind == AssociationKind.HasMany)
        {
            // The children whose associatedWith fields hold this item's key (or targetNames fields) values.
            var parentFields = association.TargetNames.Count > 0 ? association.TargetNames.ToArray() : model.PrimaryKey.Fields.ToArray();
            var childFields = association.AssociatedWith.ToArray();
            // When the children's index (or primary key) has sort-key fields after the foreign keys, the connection is a
            // Query on it and takes the transformer's sort-key condition argument.
            var key = KeyQuery.ForChildren(related.Model, childFields) is { SortKeys.Count: > 0 } sorted ? sorted : null;
            var arguments = new QueryArguments();
            if (key is not null)
            {
                AddKeyConditionTypes(related.Model, key);
                arguments.Add(new QueryArgument(Ref(key.SortArgumentType(related.Model.Name)!)) { Name = key.SortArgument! });
            }
            arguments.Add(new QueryArgument(Ref($"Model{association.RelatedModel}FilterInput")) { Name = "filter" });
            arguments.Add(new QueryArgument(Ref("ModelSortDirection")) { Name = "sortDirection" });
            arguments.Add(new QueryArgument(Ref("Int")) { Name = "limit" });
            arguments.Add(new QueryArgument(Ref("String")) { Name = "nextToken" });
            return new FieldType
            {
                Name = field.Name,
                ResolvedType = Ref($"Model{association.RelatedModel}Connection"),
                Arguments = arguments,
                Resolver = new FuncFieldResolver<object?>(context =>
                {
                    var parent = (IReadOnlyDictionary<string, object?>)context.Source!;
                    var values = parentFields.Select(f => parent.GetValueOrDefault(f)).ToArray();
                    return key is null ? related.Children(context, childFields, values) : related.Query(context, key, values);
                }),
            };
        }

        var relatedModel = related.Model;
        // A required @belongsTo, and a join model's two parents, are non-null on the type (the transformer's output).
        bool required = field.IsRequired || (model.IsJoinModel && association.Kind == AssociationKind.BelongsTo);
        return new FieldType
        {
            Name = field.Name,
            ResolvedType = required ? new NonNullGraphType(Ref(association.RelatedModel)) : Ref(association.RelatedModel),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                var item = (IReadOnlyDictionary<string, object?>)context.Source!;
                if (association.TargetNames.Count > 0)
                {
                    // This item holds the foreign key (belongsTo, and hasOne in v2).
                    var key = new Dictionary<string, object?>(StringComparer.Ordinal);
                    var keyFields = relatedModel.PrimaryKey.Fields;
                    for (int i = 0; i < keyFields.Count && i < association.TargetNames.Count; i++)
                    {
                        if (item.GetValueOrDefault(association.TargetNames[i]) is not { } v) return null;
                        key[keyFields[i]] = v;
                    }
                    return related.Related(context, key);
                }
                // The related item holds the key (v1 hasOne with a named connection).
                var values = model.PrimaryKey.Fields.Select(f => item.GetValueOrDefault(f)).ToArray();
                return association.AssociatedWith.Count > 0 ? related.FindBy(context, association.AssociatedWith.ToArray(), values) : null;
            }),
        };
    }

    // ---- field values --------------------------------------------------------------------------------------------

    private static IFieldResolver ValueResolver(FieldDefinition field, bool ownerField)
    {
        if (ownerField) return OwnerResolver(field.Name);
        if (field.Type.Kind == TypeKind.Scalar && field.Type.Scalar == ScalarKind.Int) return IntResolver(field.Name);
        return RawResolver(field.Name);
    }

    private static IFieldResolver RawResolver(string name)
        => new FuncFieldResolver<object?>(context => context.Source is IReadOnlyDictionary<string, object?> item ? item.GetValueOrDefault(name) : null);

    // Ints are stored as long; GraphQL Int is 32-bit.
    private static IFieldResolver IntResolver(string name) => new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> item ? item.GetValueOrDefault(name) switch
        {
            long l and >= int.MinValue and <= int.MaxValue => (int)l,
            IReadOnlyList<object?> list => list.Select(v => v is long l2 and >= int.MinValue and <= int.MaxValue ? (object?)(int)l2 : v).ToList(),
            var other => other,
        } : null);

    // AppSync's owner field resolver shows only the part after the last "::" (the user name).
    private static IFieldResolver OwnerResolver(string name) => new FuncFieldResolver<object?>(context =>
        context.Source is IReadOnlyDictionary<string, object?> item ? item.GetValueOrDefault(name) switch
        {
            string s => ModelAuthorization.DisplayOwner(s),
            IReadOnlyList<object?> list => list.Select(v => v is string s2 ? ModelAuthorization.DisplayOwner(s2) : v).ToList(),
            var other => other,
        } : null);

    // ---- type references -----------------------------------------------------------------------------------------

    private static IGraphType TypeOf(FieldDefinition field, bool input, bool optional)
    {
        IGraphType named = Named(field, input);
        if (field.IsList)
        {
            IGraphType element = field.IsRequired ? new NonNullGraphType(named) : named;
            IGraphType list = new ListGraphType(element);
            return field.IsListRequired && !optional ? new NonNullGraphType(list) : list;
        }
        return field.IsRequired && !optional ? new NonNullGraphType(named) : named;
    }

    private static IGraphType Named(FieldDefinition field, bool input) => field.Type.Kind switch
    {
        TypeKind.Scalar => Ref(field.Type.Scalar.ToString()),
        TypeKind.Enum => Ref(field.Type.Name),
        TypeKind.NonModel => Ref(input ? field.Type.Name + "Input" : field.Type.Name),
        _ => Ref(field.Type.Name),
    };

    private static GraphQLTypeReference Ref(string name) => new(name);

    private static NonNullGraphType NonNull(string name) => new(Ref(name));
}
