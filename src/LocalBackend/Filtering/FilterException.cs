using System;

namespace Amplify.DataStore.LocalBackend.Filtering;

/// <summary>
/// A filter or condition the evaluator cannot interpret: an unknown operator or a malformed operand. The message
/// names the field and operator, e.g. <c>Invalid filter on 'rating': 'between' needs exactly 2 values</c>, so it can
/// be returned to the client as a GraphQL error.
/// </summary>
internal sealed class FilterException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> (or <c>and</c>/<c>or</c>/<c>not</c>) with the problem in <paramref name="problem"/>.</summary>
    public FilterException(string field, string problem)
        : base($"Invalid filter on '{field}': {problem}")
    {
        Field = field;
    }

    /// <summary>The filter key the problem was found under.</summary>
    public string Field { get; }
}
