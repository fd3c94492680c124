using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSTime</c>: <c>hh:mm</c> or <c>hh:mm:ss</c>, an optional fraction of 1–9 digits after the seconds,
/// and an optional offset.
/// </summary>
internal sealed class AwsTimeGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSTime</c>.</summary>
    public AwsTimeGraphType()
        : base("AWSTime", "An extended ISO 8601 time string in the format hh:mm:ss.sss, with an optional time zone offset.")
    {
    }

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsTemporalGrammar.IsTime(value);

    /// <inheritdoc/>
    protected override string Rule => "expected hh:mm, hh:mm:ss or hh:mm:ss.f (1-9 digits) with an optional offset";
}
