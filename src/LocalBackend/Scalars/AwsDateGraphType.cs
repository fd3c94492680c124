using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>AppSync's <c>AWSDate</c>: <c>YYYY-MM-DD</c> with an optional offset (<c>Z</c>, <c>±hh:mm</c>, <c>±hh:mm:ss</c>).</summary>
internal sealed class AwsDateGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSDate</c>.</summary>
    public AwsDateGraphType()
        : base("AWSDate", "An extended ISO 8601 date string in the format YYYY-MM-DD, with an optional time zone offset.")
    {
    }

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsTemporalGrammar.IsDate(value);

    /// <inheritdoc/>
    protected override string Rule => "expected YYYY-MM-DD with an optional offset Z, ±hh:mm or ±hh:mm:ss";
}
