namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// AppSync's <c>AWSPhone</c>, shared by the runtime, the local backend and the schema's <c>@default</c> check.
/// AppSync documents only that digit groups may be separated by spaces or hyphens and that a country code is
/// optional. The rule: an optional leading <c>+</c>, then digits grouped by single spaces, hyphens or dots, with at
/// most one pair of parentheses around a digit group (<c>+1 (206) 555-0100</c>); it starts with a digit or
/// <c>(</c> (after the <c>+</c>) and ends with a digit. It holds 4–15 digits: 15 is E.164's maximum (a longer
/// number cannot be a real one, so the service has no reason to take it), and fewer than 4 digits is a service
/// code such as 911, not a number AppSync is documented to accept.
/// </summary>
internal static class AwsPhoneRule
{
    /// <summary>Fewest digits accepted.</summary>
    public const int MinDigits = 4;

    /// <summary>Most digits accepted (E.164).</summary>
    public const int MaxDigits = 15;

    /// <summary>Whether <paramref name="value"/> is a valid AWSPhone.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length == 0) return false;
        int digits = 0;
        bool inParentheses = false, sawParentheses = false, parenthesisHasDigit = false;
        char previous = '\0';
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= '0' && c <= '9')
            {
                digits++;
                parenthesisHasDigit |= inParentheses;
            }
            else if (c == '+')
            {
                if (i != 0) return false;
            }
            else if (c == '(')
            {
                if (sawParentheses) return false;
                inParentheses = sawParentheses = true;
                parenthesisHasDigit = false;
            }
            else if (c == ')')
            {
                if (!inParentheses || !parenthesisHasDigit) return false;
                inParentheses = false;
            }
            else if (c == ' ' || c == '-' || c == '.')
            {
                // Separators go between digit groups, one at a time (a space may follow ')' or precede '(').
                if (inParentheses || previous is '\0' or '+' or ' ' or '-' or '.' or '(') return false;
            }
            else
            {
                return false;
            }
            previous = c;
        }
        return !inParentheses && previous >= '0' && previous <= '9' && digits >= MinDigits && digits <= MaxDigits;
    }
}
