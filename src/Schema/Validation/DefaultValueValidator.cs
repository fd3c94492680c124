using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Amplify.DataStore.Schema.Validation;

/// <summary>Checks that a <c>@default(value:)</c> literal can be read as the field's type (ADS1016).</summary>
internal static class DefaultValueValidator
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const string Offset = @"(Z|[+-]\d{2}:\d{2}(:\d{2})?)";
    private const string Time = @"\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?";

    private static readonly Regex DatePattern = new(@"^(\d{4}-\d{2}-\d{2})" + Offset + "?$", Options);
    private static readonly Regex TimePattern = new(@"^(" + Time + ")" + Offset + "?$", Options);
    private static readonly Regex DateTimePattern = new(@"^(\d{4}-\d{2}-\d{2})T(" + Time + ")" + Offset + "$", Options);
    private static readonly Regex EmailPattern = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", Options);
    private static readonly Regex PhonePattern = new(@"^\+?[0-9][0-9 ().\-]*[0-9]$", Options);

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
            ScalarKind.AWSDate => IsDate(value),
            ScalarKind.AWSTime => IsTime(value),
            ScalarKind.AWSDateTime => IsDateTime(value),
            ScalarKind.AWSTimestamp => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            ScalarKind.AWSJSON => JsonSyntax.IsValid(value),
            ScalarKind.AWSEmail => EmailPattern.IsMatch(value),
            ScalarKind.AWSURL => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.Length > 0,
            ScalarKind.AWSPhone => PhonePattern.IsMatch(value),
            ScalarKind.AWSIPAddress => IsIPAddress(value),
            _ => true,
        };
        return ok ? null : $"is not a valid {type.Name}{Hint(type.Scalar)}";
    }

    private static string Hint(ScalarKind scalar) => scalar switch
    {
        ScalarKind.Boolean => " (use \"true\" or \"false\")",
        ScalarKind.AWSDate => " (expected YYYY-MM-DD)",
        ScalarKind.AWSTime => " (expected hh:mm:ss.sss, optionally with an offset)",
        ScalarKind.AWSDateTime => " (expected YYYY-MM-DDThh:mm:ss.sssZ; the offset is required)",
        ScalarKind.AWSTimestamp => " (expected seconds since the Unix epoch)",
        _ => string.Empty,
    };

    private static bool IsDate(string value)
    {
        var match = DatePattern.Match(value);
        return match.Success && IsCalendarDate(match.Groups[1].Value) && IsOffset(match.Groups[2].Value);
    }

    private static bool IsTime(string value)
    {
        var match = TimePattern.Match(value);
        return match.Success && IsClockTime(match.Groups[1].Value) && IsOffset(match.Groups[4].Value);
    }

    private static bool IsDateTime(string value)
    {
        var match = DateTimePattern.Match(value);
        return match.Success && IsCalendarDate(match.Groups[1].Value) && IsClockTime(match.Groups[2].Value) && IsOffset(match.Groups[5].Value);
    }

    private static bool IsCalendarDate(string date) =>
        DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsClockTime(string time)
    {
        var parts = time.Split(':');
        if (int.Parse(parts[0], CultureInfo.InvariantCulture) > 23 || int.Parse(parts[1], CultureInfo.InvariantCulture) > 59) return false;
        return parts.Length < 3 || double.Parse(parts[2], CultureInfo.InvariantCulture) < 60;
    }

    private static bool IsOffset(string offset)
    {
        if (offset.Length <= 1) return true; // empty or "Z"
        var parts = offset.Substring(1).Split(':');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) <= 23 && int.Parse(parts[1], CultureInfo.InvariantCulture) <= 59
            && (parts.Length < 3 || int.Parse(parts[2], CultureInfo.InvariantCulture) <= 59);
    }

    private static bool IsIPAddress(string value)
    {
        int slash = value.IndexOf('/');
        string address = slash < 0 ? value : value.Substring(0, slash);
        if (!IPAddress.TryParse(address, out var ip)) return false;
        // IPAddress.TryParse accepts shorthand such as "1" for IPv4; require the dotted or colon form.
        if (address.IndexOf('.') < 0 && address.IndexOf(':') < 0) return false;
        if (slash < 0) return true;
        int max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return int.TryParse(value.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int prefix) && prefix <= max;
    }
}
