using System;
using System.Text.Json;

namespace Amplify.DataStore;

/// <summary>
/// An AppSync <c>AWSJSON</c> value: any JSON value (object, array, string, number, boolean or null) held as JSON text.
/// On the AppSync wire it travels as a JSON <em>string</em> containing that text.
/// </summary>
/// <remarks>
/// <para>
/// The text is stored in a canonical minified form: insignificant whitespace removed, property order and number
/// spellings kept (<c>1.0</c> stays <c>1.0</c>), strings re-escaped uniformly (only what JSON requires; non-ASCII kept
/// except characters beyond the Basic Multilingual Plane, such as emoji, which become <c>\u</c> escape pairs).
/// <see cref="ToString"/> and <see cref="RawText"/> return that form, so <c>{"a": 1}</c> becomes <c>{"a":1}</c>;
/// parsing the result again returns it unchanged.
/// </para>
/// <para>Equality and ordering are ordinal on the canonical text. <c>default(AwsJson)</c> is the JSON <c>null</c>.</para>
/// </remarks>
public readonly struct AwsJson : IEquatable<AwsJson>, IComparable<AwsJson>
{
    private const string NullText = "null";
    private const string ExpectedFormat = "exactly one JSON value (object, array, string, number, true, false or null)";

    private readonly string? _text;

    private AwsJson(string canonicalText) => _text = canonicalText;

    /// <summary>The JSON <c>null</c> value.</summary>
    public static AwsJson Null => default;

    /// <summary>The canonical minified JSON text.</summary>
    public string RawText => _text ?? NullText;

    /// <summary>The kind of JSON value.</summary>
    public JsonValueKind ValueKind => RawText[0] switch
    {
        '{' => JsonValueKind.Object,
        '[' => JsonValueKind.Array,
        '"' => JsonValueKind.String,
        't' => JsonValueKind.True,
        'f' => JsonValueKind.False,
        'n' => JsonValueKind.Null,
        _ => JsonValueKind.Number,
    };

    /// <summary>Validates JSON text and stores it in canonical form.</summary>
    /// <exception cref="FormatException">The text is not exactly one valid JSON value; the message says where.</exception>
    public static AwsJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(json, out var result, out var error) ? result : throw new FormatException(FormatError(json, error!));
    }

    /// <summary>Validates JSON text, returning false when it is null or not exactly one valid JSON value.</summary>
    public static bool TryParse(string? json, out AwsJson result)
    {
        if (json is null)
        {
            result = default;
            return false;
        }
        return TryParse(json, out result, out _);
    }

    internal static bool TryParse(string json, out AwsJson result, out string? error)
    {
        if (AwsJsonText.TryCanonicalize(json, out var canonical, out error))
        {
            result = new AwsJson(canonical!);
            return true;
        }
        result = default;
        return false;
    }

    /// <summary>Validates UTF-8 JSON text and stores it in canonical form.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8Json, out AwsJson result, out string? error)
    {
        if (AwsJsonText.TryCanonicalize(utf8Json, out var canonical, out error))
        {
            result = new AwsJson(canonical!);
            return true;
        }
        result = default;
        return false;
    }

    /// <summary>Wraps text already in canonical form.</summary>
    internal static AwsJson FromCanonical(string canonicalText) => new(canonicalText);

    internal static string FormatError(string json, string error) => AwsFormatError.Message("AWSJSON", json, error, ExpectedFormat);

    /// <summary>The value of a <see cref="JsonElement"/>.</summary>
    /// <exception cref="ArgumentException">The element is <see cref="JsonValueKind.Undefined"/>.</exception>
    public static AwsJson FromElement(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined) throw new ArgumentException("The JsonElement has no value.", nameof(element));
        return new(AwsJsonText.Write(element));
    }

    /// <summary>The value as a standalone <see cref="JsonElement"/> (not tied to any disposable document).</summary>
    public JsonElement ToElement()
    {
        using var document = JsonDocument.Parse(RawText);
        return document.RootElement.Clone();
    }

    /// <summary>True when both have the same canonical text.</summary>
    public bool Equals(AwsJson other) => string.Equals(RawText, other.RawText, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AwsJson other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => RawText.GetHashCode(StringComparison.Ordinal);

    /// <summary>Orders ordinally by canonical text.</summary>
    public int CompareTo(AwsJson other) => string.CompareOrdinal(RawText, other.RawText);

    /// <summary>The canonical minified JSON text (same as <see cref="RawText"/>).</summary>
    public override string ToString() => RawText;

    /// <summary>Same canonical text.</summary>
    public static bool operator ==(AwsJson left, AwsJson right) => left.Equals(right);

    /// <summary>Different canonical text.</summary>
    public static bool operator !=(AwsJson left, AwsJson right) => !left.Equals(right);
}
