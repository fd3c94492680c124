namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSPhone</c>. AppSync only says digit groups may be separated by spaces or hyphens and that numbers
/// without a country code are taken as North American; it does not publish its exact rule, so this one is deliberately
/// lenient but structural: an optional leading <c>+</c>, then digits separated by single spaces, hyphens or dots,
/// with optional non-nested parentheses around a digit group (<c>+1 (555) 123-4567</c>); it must start with a digit
/// or <c>(</c>, end with a digit, and hold between 3 and 15 digits (15 being the E.164 maximum).
/// </summary>
internal sealed class AwsPhoneGraphType : AwsStringScalarGraphType
{
    private const int MinDigits = 3;
    private const int MaxDigits = 15;

    /// <summary>Creates the scalar, named <c>AWSPhone</c>.</summary>
    public AwsPhoneGraphType()
        : base("AWSPhone", "A phone number: an optional +, then 3 to 15 digits in groups separated by spaces, hyphens, dots or parentheses.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an optional '+' and 3-15 digits separated by spaces, hyphens, dots or parentheses";

    /// <inheritdoc/>
    protected override bool IsValid(string value)
    {
        int pos = value.StartsWith('+') ? 1 : 0;
        int digits = 0;
        bool inParentheses = false;
        bool previousWasSeparator = true; // so the number cannot start with a separator
        for (; pos < value.Length; pos++)
        {
            char c = value[pos];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                previousWasSeparator = false;
            }
            else if (c == '(')
            {
                if (inParentheses)
                    return false; // one level deep only
                inParentheses = true;
                previousWasSeparator = true;
            }
            else if (c == ')')
            {
                if (!inParentheses || !char.IsAsciiDigit(value[pos - 1]))
                    return false;
                inParentheses = false;
                previousWasSeparator = false;
            }
            else if (c is ' ' or '-' or '.')
            {
                if (previousWasSeparator)
                    return false;
                previousWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return !inParentheses
            && value.Length > 0
            && char.IsAsciiDigit(value[^1])
            && digits is >= MinDigits and <= MaxDigits;
    }
}
