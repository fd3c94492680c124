namespace Amplify.DataStore.Schema.Validation;

/// <summary>Where a directive was found; used to check that processed directives sit where they belong.</summary>
internal enum DirectiveSite
{
    Type,
    Field,
    Enum,
    EnumValue,
}
