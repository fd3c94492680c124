namespace Amplify.DataStore.TestCases;

/// <summary>One AWS scalar text and whether AppSync's rule accepts it.</summary>
/// <param name="Scalar">The scalar's GraphQL name, e.g. <c>AWSPhone</c>.</param>
/// <param name="Text">
/// The value as written: the string for the string-like scalars, the integer literal for <c>AWSTimestamp</c>.
/// </param>
/// <param name="Accepted">Whether the store, the backend and the schema's <c>@default</c> check all accept it.</param>
/// <param name="Why">What the case is about; "was:" names a component that disagreed before the rules were shared.</param>
public sealed record AwsScalarCase(string Scalar, string Text, bool Accepted, string Why)
{
    /// <summary>A readable test name (control characters escaped).</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        foreach (char c in Text) text.Append(c < ' ' ? $"\\u{(int)c:X4}" : c.ToString());
        return $"{Scalar} {(Accepted ? "accepts" : "rejects")} \"{text}\" ({Why})";
    }
}

/// <summary>
/// The one table of accept/reject cases for the AWS scalars, run against the store (a save through DataStore), the
/// local backend (a mutation over HTTP) and the schema's <c>@default</c> check. Linked into each test project, so a
/// case added here is checked by all three.
/// </summary>
public static class AwsScalarCases
{
    /// <summary>Every case.</summary>
    public static readonly AwsScalarCase[] All =
    [
        // AWSDate: YYYY-MM-DD, years 0000-9999, a real day, optional offset Z / ±hh:mm[:ss] up to ±18:00.
        new("AWSDate", "2024-02-29", true, "leap day"),
        new("AWSDate", "2000-02-29", true, "leap day, divisible by 400"),
        new("AWSDate", "1900-02-29", false, "no leap day in a century year"),
        new("AWSDate", "2023-02-29", false, "no leap day"),
        new("AWSDate", "2024-04-31", false, "April has 30 days"),
        new("AWSDate", "0000-01-01", true, "year 0000; was: schema refused"),
        new("AWSDate", "9999-12-31", true, "last year"),
        new("AWSDate", "-0001-01-01", false, "signed year; was: store accepted"),
        new("AWSDate", "-9999-01-01", false, "signed year; was: store accepted"),
        new("AWSDate", "10000-01-01", false, "five-digit year"),
        new("AWSDate", "1970-01-01Z", true, "UTC offset"),
        new("AWSDate", "1970-01-01-07:00", true, "negative offset"),
        new("AWSDate", "1970-01-01+05:30", true, "positive offset"),
        new("AWSDate", "1970-01-01+05:30:15", true, "offset with seconds, as AppSync documents"),
        new("AWSDate", "1970-01-01+18:00", true, "largest offset"),
        new("AWSDate", "1970-01-01+23:00", false, "offset beyond ±18:00; was: backend and schema accepted"),
        new("AWSDate", "1970-01-01+0530", false, "offset without colon"),
        new("AWSDate", "2024-1-01", false, "one-digit month"),
        new("AWSDate", "2024/01/01", false, "slashes"),
        new("AWSDate", " 2024-01-01", false, "leading space"),
        new("AWSDate", "2024-01-01T00:00Z", false, "a date-time is not a date"),

        // AWSTime: hh:mm[:ss[.f{1,9}]], optional offset.
        new("AWSTime", "12:30", true, "no seconds"),
        new("AWSTime", "23:59:59", true, "last second"),
        new("AWSTime", "12:30:45.1", true, "one fraction digit"),
        new("AWSTime", "12:30:45.123456789", true, "nanoseconds"),
        new("AWSTime", "12:30:45.1234567890", false, "ten fraction digits"),
        new("AWSTime", "12:30.5", false, "fraction without seconds"),
        new("AWSTime", "12:30:45.", false, "empty fraction"),
        new("AWSTime", "00:00Z", true, "UTC offset"),
        new("AWSTime", "12:30:45-08:00", true, "negative offset"),
        new("AWSTime", "12:30:45+05:30:15", true, "offset with seconds"),
        new("AWSTime", "12:30:45+19:00", false, "offset beyond ±18:00; was: backend and schema accepted"),
        new("AWSTime", "12:30:45+14:60", false, "offset minutes 60"),
        new("AWSTime", "24:00", false, "hour 24"),
        new("AWSTime", "12:60", false, "minute 60"),
        new("AWSTime", "23:59:60", false, "leap second"),
        new("AWSTime", "1:30", false, "one-digit hour"),

        // AWSDateTime: date, T, time, required offset.
        new("AWSDateTime", "2024-02-29T12:30:45.123Z", true, "leap day, milliseconds"),
        new("AWSDateTime", "2024-01-31T12:30Z", true, "no seconds"),
        new("AWSDateTime", "2024-01-31T12:30:45.123456789+05:30", true, "nanoseconds and offset"),
        new("AWSDateTime", "2024-01-31T12:30:45-07:00:30", true, "offset with seconds"),
        new("AWSDateTime", "0000-01-01T00:00Z", true, "year 0000; was: schema refused"),
        new("AWSDateTime", "9999-12-31T23:59:59.999999999-18:00", true, "last instant, smallest offset"),
        new("AWSDateTime", "-0001-01-01T00:00Z", false, "signed year; was: store accepted"),
        new("AWSDateTime", "2024-01-31T12:30:45+23:00", false, "offset beyond ±18:00; was: backend and schema accepted"),
        new("AWSDateTime", "2024-01-31T12:30:45", false, "the offset is required"),
        new("AWSDateTime", "2024-01-31 12:30:45Z", false, "space instead of T"),
        new("AWSDateTime", "2024-01-31t12:30Z", false, "lower-case t"),
        new("AWSDateTime", "2023-02-29T00:00Z", false, "no leap day"),
        new("AWSDateTime", "2024-01-31T12:30:45Z ", false, "trailing space"),

        // AWSTimestamp: a 64-bit integer (seconds), no sign '+', fraction, exponent or leading zeros.
        new("AWSTimestamp", "0", true, "the epoch"),
        new("AWSTimestamp", "1700000000", true, "seconds"),
        new("AWSTimestamp", "-1", true, "before the epoch"),
        new("AWSTimestamp", "9223372036854775807", true, "largest 64-bit value"),
        new("AWSTimestamp", "-9223372036854775808", true, "smallest 64-bit value"),
        new("AWSTimestamp", "9223372036854775808", false, "out of the 64-bit range"),
        new("AWSTimestamp", "-9223372036854775809", false, "out of the 64-bit range"),
        new("AWSTimestamp", "1.5", false, "fraction"),
        new("AWSTimestamp", "1e3", false, "exponent"),
        new("AWSTimestamp", "+5", false, "explicit plus; was: schema accepted"),
        new("AWSTimestamp", "007", false, "leading zeros; was: schema accepted"),

        // AWSEmail: ASCII dot-atom local part @ host name.
        new("AWSEmail", "user@example.com", true, "plain"),
        new("AWSEmail", "first.last+tag@sub.example.co.uk", true, "dots, plus, subdomains"),
        new("AWSEmail", "o'brien@example.com", true, "apostrophe"),
        new("AWSEmail", "user@localhost", true, "single-label domain; was: schema refused"),
        new("AWSEmail", "jörg@example.com", false, "non-ASCII local part; was: store and schema accepted"),
        new("AWSEmail", "user@exämple.com", false, "non-ASCII domain; was: store and schema accepted"),
        new("AWSEmail", ".user@example.com", false, "leading dot; was: backend and schema accepted"),
        new("AWSEmail", "us..er@example.com", false, "doubled dot; was: backend and schema accepted"),
        new("AWSEmail", "user.@example.com", false, "trailing dot in local part; was: backend and schema accepted"),
        new("AWSEmail", new string('a', 64) + "@example.com", true, "64-character local part"),
        new("AWSEmail", new string('a', 65) + "@example.com", false, "65-character local part; was: backend and schema accepted"),
        new("AWSEmail", "user@", false, "no domain"),
        new("AWSEmail", "@example.com", false, "no local part"),
        new("AWSEmail", "user@@example.com", false, "two @"),
        new("AWSEmail", "user name@example.com", false, "space"),
        new("AWSEmail", "user@example..com", false, "empty label; was: schema accepted"),
        new("AWSEmail", "user@-example.com", false, "label starts with a hyphen; was: schema accepted"),
        new("AWSEmail", "\"quoted\"@example.com", false, "quoted local part; was: schema accepted"),
        new("AWSEmail", "user@[127.0.0.1]", false, "IP-literal domain; was: schema accepted"),

        // AWSPhone: optional +, 4-15 digits grouped by single spaces, hyphens, dots or one pair of parentheses.
        new("AWSPhone", "+1 206-555-0100", true, "with +, spaces and dashes"),
        new("AWSPhone", "206-555-0100", true, "dashes, no country code"),
        new("AWSPhone", "206 555 0100", true, "spaces"),
        new("AWSPhone", "206.555.0100", true, "dots"),
        new("AWSPhone", "(206) 555-0100", true, "area code in parentheses; was: schema refused"),
        new("AWSPhone", "+1 (206) 555-0100", true, "country code and parentheses"),
        new("AWSPhone", "+442071838750", true, "E.164 without separators"),
        new("AWSPhone", "2071838750", true, "no +"),
        new("AWSPhone", "1234", true, "four digits"),
        new("AWSPhone", "123456789012345", true, "fifteen digits (E.164 maximum)"),
        new("AWSPhone", "911", false, "three digits; was: backend accepted"),
        new("AWSPhone", "1234567890123456", false, "sixteen digits; was: store and schema accepted"),
        new("AWSPhone", "12345678901234567", false, "seventeen digits; was: store and schema accepted"),
        new("AWSPhone", "+ 1 206 555 0100", false, "space after +"),
        new("AWSPhone", "206--555-0100", false, "doubled dash; was: schema accepted"),
        new("AWSPhone", "206 - 555 0100", false, "spaced dash; was: schema accepted"),
        new("AWSPhone", "-206-555-0100", false, "leading dash"),
        new("AWSPhone", "206-555-0100-", false, "trailing dash"),
        new("AWSPhone", "+1(206)(555)0100", false, "two pairs of parentheses; was: backend and schema accepted"),
        new("AWSPhone", "(206 555) 0100", false, "space inside parentheses; was: backend accepted"),
        new("AWSPhone", "206 555 0100 ext 8", false, "extension"),
        new("AWSPhone", "555-CALL-NOW", false, "letters"),
        new("AWSPhone", " 2065550100", false, "leading space"),

        // AWSURL: scheme of 2+ characters, no white space, a host after //, no // in the path.
        new("AWSURL", "https://www.amazon.com/dp/B000NZW3KC/", true, "AppSync's example"),
        new("AWSURL", "mailto:example@example.com", true, "AppSync's example"),
        new("AWSURL", "http://localhost:8080/path?q=1#frag", true, "port, query and fragment"),
        new("AWSURL", "ftp://ftp.example.com/file.txt", true, "other scheme"),
        new("AWSURL", "www.example.com", false, "no scheme"),
        new("AWSURL", "example.com/path", false, "no scheme"),
        new("AWSURL", "/relative/path", false, "no scheme; was: schema accepted (Uri read it as a file path)"),
        new("AWSURL", "C:\\path\\file", false, "drive letter, not a scheme; was: backend and schema accepted"),
        new("AWSURL", "https://example.com//double", false, "// in the path; was: schema accepted"),
        new("AWSURL", "https://exa mple.com", false, "space"),
        new("AWSURL", "https://", false, "no host"),
        new("AWSURL", "http:///path", false, "empty host"),
        new("AWSURL", "https://example.com/a\tb", false, "tab; was: schema accepted"),

        // AWSIPAddress: dotted quad or unbracketed IPv6, optional /prefix.
        new("AWSIPAddress", "123.12.34.56", true, "IPv4"),
        new("AWSIPAddress", "0.0.0.0", true, "IPv4 zeros"),
        new("AWSIPAddress", "255.255.255.255", true, "IPv4 maximum"),
        new("AWSIPAddress", "10.0.0.0/8", true, "IPv4 CIDR"),
        new("AWSIPAddress", "1a2b:3c4b::1234:4567", true, "IPv6, AppSync's example"),
        new("AWSIPAddress", "::1", true, "IPv6 loopback"),
        new("AWSIPAddress", "::ffff:192.0.2.1", true, "IPv4-mapped IPv6"),
        new("AWSIPAddress", "2001:db8::/32", true, "IPv6 CIDR"),
        new("AWSIPAddress", "2001:db8::/128", true, "IPv6 largest prefix"),
        new("AWSIPAddress", "2001:db8::/129", false, "IPv6 prefix too long"),
        new("AWSIPAddress", "256.1.1.1", false, "octet above 255"),
        new("AWSIPAddress", "1.2", false, "two parts; was: schema accepted"),
        new("AWSIPAddress", "01.2.3.4", false, "leading zero; was: schema accepted"),
        new("AWSIPAddress", "1.2.3.4/33", false, "IPv4 prefix too long"),
        new("AWSIPAddress", "1.2.3.4/08", false, "prefix with leading zero; was: schema accepted"),
        new("AWSIPAddress", "[::1]", false, "brackets; was: schema accepted"),
        new("AWSIPAddress", "fe80::1%eth0", false, "zone id; was: schema accepted"),
        new("AWSIPAddress", "localhost", false, "host name"),
        new("AWSIPAddress", "1.2.3.4 ", false, "trailing space"),

        // AWSJSON: exactly one JSON value, at most 64 levels deep, valid Unicode (no escaped lone surrogate).
        new("AWSJSON", "{\"a\":1}", true, "object"),
        new("AWSJSON", " { \"a\" : [true, false, null] } ", true, "whitespace around and inside"),
        new("AWSJSON", "[1,2,3]", true, "array"),
        new("AWSJSON", "\"text\"", true, "string"),
        new("AWSJSON", "-1.5e3", true, "number"),
        new("AWSJSON", "true", true, "literal"),
        new("AWSJSON", "\"\\ud83d\\ude00\"", true, "escaped surrogate pair"),
        new("AWSJSON", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", true, "64 levels"),
        new("AWSJSON", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", true, "a value inside 64 levels"),
        new("AWSJSON", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", false, "65 levels"),
        new("AWSJSON", "\"\\ud800\"", false, "escaped lone high surrogate"),
        new("AWSJSON", "\"\\udc00x\"", false, "escaped lone low surrogate"),
        new("AWSJSON", "{", false, "unterminated"),
        new("AWSJSON", "{\"a\":1,}", false, "trailing comma"),
        new("AWSJSON", "{'a':1}", false, "single quotes"),
        new("AWSJSON", "NaN", false, "not a JSON number"),
        new("AWSJSON", "01", false, "leading zero"),
        new("AWSJSON", "1 2", false, "two values"),
        new("AWSJSON", "", false, "empty"),
    ];
}
