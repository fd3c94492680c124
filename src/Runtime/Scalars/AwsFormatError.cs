namespace Amplify.DataStore;

/// <summary>Builds the messages for AWS scalar text that does not parse: the input quoted, why, and what was expected.</summary>
internal static class AwsFormatError
{
    private const int MaxQuotedLength = 64;

    /// <summary>E.g. <c>'2023-02-29' is not a valid AWSDate: day 29 does not exist in 2023-02 … Expected YYYY-MM-DD ….</c></summary>
    public static string Message(string scalarName, string input, string? reason, string expected)
        => reason is null
            ? $"{Quote(input)} is not a valid {scalarName}. Expected {expected}."
            : $"{Quote(input)} is not a valid {scalarName}: {reason.TrimEnd('.', ' ')}. Expected {expected}.";

    /// <summary>The input quoted, and shortened when long, for an error message.</summary>
    public static string Quote(string? input)
    {
        if (input is null) return "null";
        return input.Length <= MaxQuotedLength ? $"'{input}'" : $"'{input[..MaxQuotedLength]}…' ({input.Length} characters)";
    }
}
