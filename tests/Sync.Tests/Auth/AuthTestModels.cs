using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Sync.Tests.Auth;

/// <summary>Builds model metadata with given <c>@auth</c> rules; the auth pieces never touch the codec.</summary>
internal static class AuthTestModels
{
    public static ModelMetadata Model(params AuthRuleMetadata[] rules) => Model(Array.Empty<FieldMetadata>(), rules);

    public static ModelMetadata Model(FieldMetadata[] extraFields, params AuthRuleMetadata[] rules) => new()
    {
        Name = "Post",
        PluralName = "Posts",
        Fields = new[] { new FieldMetadata { Name = "id", PropertyName = "Id", Kind = FieldKind.Scalar, TypeName = "ID", Scalar = ScalarType.ID, IsRequired = true } }
            .Concat(extraFields).ToArray(),
        PrimaryKey = new PrimaryKeyMetadata { Fields = new[] { "id" } },
        AuthRules = rules,
        Codec = UnusedCodec.Instance,
    };

    public static FieldMetadata StringField(string name, bool isList = false)
        => new() { Name = name, PropertyName = char.ToUpperInvariant(name[0]) + name[1..], Kind = FieldKind.Scalar, TypeName = "String", Scalar = ScalarType.String, IsList = isList };

    public static AuthRuleMetadata Rule(string allow, string? provider = null, params string[] operations)
        => new() { Allow = allow, Provider = provider, Operations = operations };

    private sealed class UnusedCodec : IModelCodec
    {
        public static readonly UnusedCodec Instance = new();

        public Type ClrType => typeof(object);

        public void Write(object model, IModelWriter writer) => throw new NotSupportedException();

        public object Read(IModelReader reader) => throw new NotSupportedException();

        public FieldValue GetFieldValue(object model, string fieldName) => throw new NotSupportedException();

        public FieldValue ConvertValue(string fieldName, object? value) => throw new NotSupportedException();
    }
}
