using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSIPAddress</c>, checked by the rule the client and the schema check share
/// (<see cref="AwsIPAddressRule"/>): IPv4 in quad-dotted notation or IPv6 without brackets or zone, with an optional
/// CIDR suffix <c>/n</c>.
/// </summary>
internal sealed class AwsIpAddressGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSIPAddress</c>.</summary>
    public AwsIpAddressGraphType()
        : base("AWSIPAddress", "An IPv4 address in quad-dotted notation or an IPv6 address in colon-separated notation, with an optional /prefix CIDR suffix.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an IPv4 or IPv6 address with an optional /prefix";

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsIPAddressRule.IsValid(value);
}
