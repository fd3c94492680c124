using System;
using System.Linq.Expressions;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Linq;

/// <summary>
/// Translates LINQ-style predicates (<c>p =&gt; p.Rating &gt; 4 &amp;&amp; p.Status == PostStatus.Active</c>) into the
/// same <see cref="Predicate{T}"/> tree the generated typed builders produce
/// (<c>Post.Where(p =&gt; p.Rating.Gt(4) &amp; p.Status.Eq(PostStatus.Active))</c>), equal by
/// <see cref="Predicate{T}.Equals(Predicate{T})"/> and <see cref="Predicate{T}.ToString"/>.
/// </summary>
/// <remarks>
/// <para>The grammar, where <em>field</em> is a property of the parameter or of a <c>@belongsTo</c> parent
/// (<c>c.Post!.Id</c>, path <c>post.id</c>) and <em>value</em> is anything that does not read the parameter
/// (constants, captured variables, method calls on them):</para>
/// <list type="bullet">
/// <item><c>field == value</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, either way round
/// (<c>4 &lt; p.Rating</c> is <c>p.Rating &gt; 4</c>); <c>field == null</c>; nullable and enum members under the
/// conversions C# inserts; ordering only for fields whose typed handle offers it (not enums, Booleans or lists).
/// <c>string.CompareOrdinal(field, value) &gt; 0</c> (or <c>string.Compare(..., StringComparison.Ordinal)</c>)
/// orders strings, and <c>field.CompareTo(value) &lt; 0</c> orders other fields (dates and times have no C#
/// <c>&lt;</c> operator); <c>field.Equals(value)</c> is <c>==</c>.</item>
/// <item><c>&amp;&amp;</c>, <c>||</c> (and non-short-circuit <c>&amp;</c>, <c>|</c>) become
/// <see cref="Predicate.And{T}"/> / <see cref="Predicate.Or{T}"/>, flattened as the typed operators are.</item>
/// <item><c>!condition</c> is always <see cref="Predicate.Not{T}"/> (a NOT group): <c>!p.Done</c> is
/// <c>not(done Eq true)</c> and <c>!p.Title.Contains(s)</c> is <c>not(title Contains s)</c>, never rewritten to
/// <c>Eq false</c> or <c>NotContains</c>, because NOT keeps C#'s meaning for items whose field is missing.</item>
/// <item>A Boolean field alone (<c>p.Done</c>, <c>p.Flag.Value</c>) is <c>Eq true</c>; <c>p.Count.HasValue</c>
/// is <c>Ne null</c>.</item>
/// <item><c>field.Contains(value)</c> and <c>field.StartsWith(value)</c> on string fields (Contains and
/// BeginsWith, ordinal as the store compares; a <c>StringComparison</c> argument must be <c>Ordinal</c>).</item>
/// <item><c>p.Tags.Contains(value)</c> on a list field is Contains; <c>values.Contains(p.Field)</c> over a captured
/// array, list, set or any enumerable, or an inline <c>new[] { ... }</c>, is In.</item>
/// <item>A sub-expression that does not read the parameter and is a Boolean folds: <c>true</c> is
/// <see cref="Predicate{T}.All"/>, <c>false</c> drops out of <c>||</c> and makes <c>&amp;&amp;</c> false; a whole
/// predicate that is always false throws, since no predicate expresses it.</item>
/// </list>
/// <para>Values are converted with the model's generated <c>ConvertValue</c>, so enums become their wire names and
/// scalars the same <see cref="FieldValue"/> the typed builders produce; a number of another numeric type that C#
/// widened the comparison to (<c>p.Rating &gt; 4.5</c>) is kept as it is.</para>
/// <para>Anything else — two fields compared, arithmetic or method calls on fields, invoking a delegate with the
/// parameter, embedded-type members — throws <see cref="NotSupportedException"/> naming the sub-expression.</para>
/// <para>Reflection: typed predicates use none. LINQ predicates read captured variables with
/// <c>FieldInfo</c>/<c>PropertyInfo.GetValue</c> on the closure object, and evaluate other parameter-free
/// expressions (method calls, arithmetic on captured values) with the expression interpreter. A nested path finds
/// the parent model's metadata in the <see cref="ModelSchema"/> when one is passed; without one, it reads the parent
/// type's static <c>Metadata</c> through one cached generic instantiation per parent type.</para>
/// </remarks>
public static class PredicateTranslator
{
    /// <summary>Translates <paramref name="expression"/> into a typed predicate over <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="expression">A predicate such as <c>p =&gt; p.Rating &gt; 4 &amp;&amp; p.Status == PostStatus.Active</c>.</param>
    /// <returns>The predicate the typed API would build for the same condition.</returns>
    /// <exception cref="NotSupportedException">A part of <paramref name="expression"/> has no predicate equivalent; the message names it.</exception>
    public static Predicate<T> Translate<T>(Expression<Func<T, bool>> expression)
        where T : class, IModel<T>
        => Translate(expression, schema: null);

    /// <summary>
    /// Translates <paramref name="expression"/>, finding the metadata of <c>@belongsTo</c> parents in
    /// <paramref name="schema"/> (no reflection for nested paths such as <c>c =&gt; c.Post!.Id == id</c>).
    /// </summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="expression">A predicate such as <c>c =&gt; c.Post!.Id == id</c>.</param>
    /// <param name="schema">The generated <c>AmplifyModels.Schema</c>, or null to read parent metadata from the parent types.</param>
    /// <returns>The predicate the typed API would build for the same condition.</returns>
    /// <exception cref="NotSupportedException">A part of <paramref name="expression"/> has no predicate equivalent; the message names it.</exception>
    public static Predicate<T> Translate<T>(Expression<Func<T, bool>> expression, ModelSchema? schema)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(expression);
        return PredicateExpressionTranslator<T>.Translate(expression, schema);
    }
}
