using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSURL</c>, checked by the rule the client and the schema check share (<see cref="AwsUrlRule"/>):
/// an absolute URL with a scheme (<c>https://host/path</c>, <c>mailto:someone@example.com</c>) and no <c>//</c> in its path.
/// </summary>
internal sealed class AwsUrlGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSURL</c>.</summary>
    public AwsUrlGraphType()
        : base("AWSURL", "A URL as defined by RFC 1738, with a scheme, for example https://example.com/path or mailto:someone@example.com.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an absolute URL with a scheme and no '//' in its path";

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsUrlRule.IsValid(value);
}
