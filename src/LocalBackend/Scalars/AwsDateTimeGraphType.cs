using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSDateTime</c>: an AWSDate, <c>T</c>, an AWSTime, and a required offset
/// (<c>Z</c>, <c>±hh:mm</c> or <c>±hh:mm:ss</c>).
/// </summary>
internal sealed class AwsDateTimeGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSDateTime</c>.</summary>
    public AwsDateTimeGraphType()
        : base("AWSDateTime", "An extended ISO 8601 date and time string in the format YYYY-MM-DDThh:mm:ss.sssZ; the time zone offset is required.")
    {
    }

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsTemporalGrammar.IsDateTime(value);

    /// <inheritdoc/>
    protected override string Rule => "expected YYYY-MM-DDThh:mm[:ss[.f]] followed by Z, ±hh:mm or ±hh:mm:ss";
}
