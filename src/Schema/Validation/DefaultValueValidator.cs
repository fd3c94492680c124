using System.Collections.Generic;
using System.Globalization;
using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.Schema.Validation;

/// <summary>Checks that a <c>@default(value:)</c> literal can be read as the field's type (ADS1016).</summary>
internal static class DefaultValueValidator
{
    /// <summary>
    /// Returns null when <paramref name="value"/> is valid for the field, otherwise the reason it is not
    /// (completing the sentence "The value … ").
    /// </summary>
    public static string? Validate(FieldType type, bool isList, string value, IReadOnlyList<string>? enumValues)
    {
        if (isList) return "cannot be used on a list field; @default only supports scalar and enum fields";
        switch (type.Kind)
        {
            case TypeKind.Enum:
                if (enumValues is null) return null; // the enum is invalid itself; reported elsewhere
                foreach (var v in enumValues)
                {
                    if (v == value) return null;
                }
                return $"is not a value of enum '{type.Name}' ({string.Join(", ", enumValues)})";
            case TypeKind.Model:
            case TypeKind.NonModel:
                return $"cannot be used on a field of object type '{type.Name}'; @default only supports scalar and enum fields";
        }

        bool ok = type.Scalar switch
        {
            ScalarKind.ID or ScalarKind.String => true,
            ScalarKind.Int => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            ScalarKind.Float => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) && !double.IsNaN(d),
            ScalarKind.Boolean => value is "true" or "false",
            // The AWS scalars use the rules the runtime and the local backend share, so a default the schema
            // accepts is never refused by the store or the server.
            ScalarKind.AWSDate => AwsTemporalGrammar.IsDate(value),
            ScalarKind.AWSTime => AwsTemporalGrammar.IsTime(value),
            ScalarKind.AWSDateTime => AwsTemporalGrammar.IsDateTime(value),
            ScalarKind.AWSTimestamp => AwsTimestampRule.TryParse(value, out _),
            ScalarKind.AWSJSON => AwsJsonRule.IsValid(value),
            ScalarKind.AWSEmail => AwsEmailRule.IsValid(value),
            ScalarKind.AWSURL => AwsUrlRule.IsValid(value),
            ScalarKind.AWSPhone => AwsPhoneRule.IsValid(value),
            ScalarKind.AWSIPAddress => AwsIPAddressRule.IsValid(value),
            _ => true,
        };
        return ok ? null : $"is not a valid {type.Name}{Hint(type.Scalar)}";
    }

    private static string Hint(ScalarKind scalar) => scalar switch
    {
        ScalarKind.Boolean => " (use \"true\" or \"false\")",
        ScalarKind.AWSDate => " (expected YYYY-MM-DD, years 0000-9999, optionally with an offset Z or ±hh:mm[:ss] up to ±18:00)",
        ScalarKind.AWSTime => " (expected hh:mm:ss.sss, optionally with an offset)",
        ScalarKind.AWSDateTime => " (expected YYYY-MM-DDThh:mm:ss.sssZ; the offset is required)",
        ScalarKind.AWSTimestamp => " (expected seconds since the Unix epoch as a plain 64-bit integer)",
        ScalarKind.AWSEmail => " (expected an ASCII address local-part@domain)",
        ScalarKind.AWSURL => " (expected an absolute URL with a scheme and no '//' in its path)",
        ScalarKind.AWSPhone => " (expected an optional '+' and 4-15 digits grouped by spaces, hyphens, dots or one pair of parentheses)",
        ScalarKind.AWSIPAddress => " (expected an IPv4 or IPv6 address with an optional /prefix)",
        _ => string.Empty,
    };
}
