using System.Text.RegularExpressions;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSEmail</c>: <c>local-part@domain</c>. AppSync cites RFC 822 without giving its exact rule; this uses
/// the WHATWG HTML "valid e-mail address" definition (the pragmatic subset browsers and most validators use):
/// local part of letters, digits and <c>.!#$%&amp;'*+/=?^_`{|}~-</c>; domain of dot-separated labels of letters,
/// digits and inner hyphens, each at most 63 characters.
/// </summary>
internal sealed partial class AwsEmailGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSEmail</c>.</summary>
    public AwsEmailGraphType()
        : base("AWSEmail", "An email address in the format local-part@domain-part.")
    {
    }

    /// <inheritdoc/>
    protected override bool IsValid(string value) => EmailPattern().IsMatch(value);

    // \A and \z rather than ^ and $: $ would also match before a trailing newline.
    [GeneratedRegex(@"\A[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
