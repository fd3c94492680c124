using System;
using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSTimestamp</c>: an integer count of seconds (or, as DataStore uses it for <c>_lastChangedAt</c> and
/// <c>lastSync</c>, milliseconds) since the Unix epoch. The internal value is a <see cref="long"/>, because millisecond
/// values exceed 2^31 and GraphQL's <c>Int</c> would refuse them; 0 (DataStore's "never synced") and negatives are
/// valid. Strings, fractions and booleans are refused, as AppSync does.
/// </summary>
internal sealed class AwsTimestampGraphType : ScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSTimestamp</c>.</summary>
    public AwsTimestampGraphType()
    {
        Name = "AWSTimestamp";
        Description = "The number of seconds (or milliseconds) since 1970-01-01T00:00Z, as an integer; negative values are before the epoch.";
    }

    /// <inheritdoc/>
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLIntValue number => long.TryParse(number.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)
            ? parsed
            : throw AwsScalarErrors.Invalid(Name, number.Value.ToString(), "out of the 64-bit integer range"),
        GraphQLNullValue => null,
        _ => throw AwsScalarErrors.WrongLiteral(Name, value, "an integer"),
    };

    /// <inheritdoc/>
    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        _ => TryConvert(value, out long parsed) ? parsed : throw Refuse(value),
    };

    /// <inheritdoc/>
    public override object? Serialize(object? value) => ParseValue(value);

    /// <inheritdoc/>
    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLIntValue number => long.TryParse(number.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        GraphQLNullValue => true,
        _ => false,
    };

    /// <inheritdoc/>
    public override bool CanParseValue(object? value) => value is null || TryConvert(value, out _);

    // Integral CLR types only: JSON variables arrive as int, long or BigInteger; a double or decimal means the
    // client sent a fraction (or an exponent), which AppSync rejects.
    private static bool TryConvert(object value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            case BigInteger bi when bi >= long.MinValue && bi <= long.MaxValue: result = (long)bi; return true;
            default: result = 0; return false;
        }
    }

    private FormatException Refuse(object value) => value switch
    {
        ulong or BigInteger => AwsScalarErrors.Invalid(Name, value, "out of the 64-bit integer range"),
        _ => AwsScalarErrors.WrongType(Name, value, "an integer"),
    };
}
