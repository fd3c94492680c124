using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSEmail</c>: <c>local-part@domain</c>, ASCII only, checked by the rule the client and the schema
/// check share (<see cref="AwsEmailRule"/>), so an address the client accepts is never refused here.
/// </summary>
internal sealed class AwsEmailGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSEmail</c>.</summary>
    public AwsEmailGraphType()
        : base("AWSEmail", "An email address in the format local-part@domain-part.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an ASCII address local-part@domain, e.g. user@example.com";

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsEmailRule.IsValid(value);
}
