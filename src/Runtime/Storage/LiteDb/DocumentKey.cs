using System;
using System.Globalization;
using System.Text;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Maps a <see cref="StorageKey"/> to the document's <c>_id</c>. A single String/ID/Int/AWSTimestamp/Float key is stored
/// as itself. Any other key (composite, or of another scalar) becomes one string whose ordinal order is the order of the
/// key values (as <see cref="Predicates.Evaluation.ItemComparer"/> orders keys), so ordering by <c>_id</c> is key order and
/// different keys never collide.
/// </summary>
/// <remarks>
/// Components, in key order: strings escaped (<c>U+0000</c> → <c>U+0001 U+0002</c>, <c>U+0001</c> → <c>U+0001 U+0003</c>)
/// and terminated by <c>U+0001 U+0001</c>, which sorts below every escaped or plain character, so a shorter component
/// sorts first; integers as 16 hex digits of the sign-flipped value; floats as 16 hex digits of their order-preserving
/// bits; booleans as <c>0</c>/<c>1</c>; AWSDate/AWSTime/AWSDateTime as their escaped <see cref="TemporalSortKey"/>.
/// </remarks>
internal static class DocumentKey
{
    private const char Escape = '\u0001';

    /// <summary>The <c>_id</c> of <paramref name="key"/>, or null when no stored item can have it (null or mistyped values).</summary>
    /// <exception cref="ArgumentException">The key does not have one value per primary-key field.</exception>
    public static BsonValue? ToId(ModelStorage storage, StorageKey key)
    {
        var values = key.Values;
        var fields = storage.KeyFields;
        if (values.Count != fields.Count)
        {
            throw new ArgumentException($"Model '{storage.Model.Name}' has {fields.Count} key field(s) but the key has {values.Count} value(s).", nameof(key));
        }
        if (storage.HasRawId) return Raw(fields[0]!.Class, values[0]);
        var text = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            if (fields[i] is not { } field || !Append(text, field.Class, values[i])) return null;
        }
        return text.ToString();
    }

    private static BsonValue? Raw(StorageClass cls, FieldValue value) => cls switch
    {
        StorageClass.String => value.AsString() is { } s ? new BsonValue(s) : null,
        StorageClass.Int32 => value.Kind == FieldValueKind.Integer && value.AsInteger() is >= int.MinValue and <= int.MaxValue
            ? new BsonValue((int)value.AsInteger()) : null,
        StorageClass.Int64 => value.Kind == FieldValueKind.Integer ? new BsonValue(value.AsInteger()) : null,
        StorageClass.Double => value.Kind is FieldValueKind.Integer or FieldValueKind.Float ? new BsonValue(value.AsDouble()) : null,
        _ => null,
    };

    private static bool Append(StringBuilder text, StorageClass cls, FieldValue value)
    {
        switch (cls)
        {
            case StorageClass.String when value.AsString() is { } s:
                AppendEscaped(text, s);
                return true;
            case StorageClass.Int32 or StorageClass.Int64 when value.Kind == FieldValueKind.Integer:
                text.Append(((ulong)(value.AsInteger() ^ long.MinValue)).ToString("X16", CultureInfo.InvariantCulture));
                return true;
            case StorageClass.Double when value.Kind is FieldValueKind.Integer or FieldValueKind.Float:
                text.Append(OrderedBits(value.AsDouble()).ToString("X16", CultureInfo.InvariantCulture));
                return true;
            case StorageClass.Boolean when value.Kind == FieldValueKind.Boolean:
                text.Append(value.AsBoolean() ? '1' : '0');
                return true;
            case StorageClass.Date when value.Kind == FieldValueKind.Date:
            case StorageClass.Time when value.Kind == FieldValueKind.Time:
            case StorageClass.DateTime when value.Kind == FieldValueKind.DateTime:
                AppendEscaped(text, TemporalSortKey.For(value)!);
                return true;
            default:
                return false;
        }
    }

    // Bits whose unsigned order is double.CompareTo's order: NaN lowest, -0.0 equal to 0.0.
    private static ulong OrderedBits(double value)
    {
        if (double.IsNaN(value)) return 0;
        if (value == 0) value = 0; // folds -0.0 into 0.0
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000) != 0 ? ~bits : bits | 0x8000_0000_0000_0000;
    }

    private static void AppendEscaped(StringBuilder text, string value)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '\u0000': text.Append(Escape).Append('\u0002'); break;
                case Escape: text.Append(Escape).Append('\u0003'); break;
                default: text.Append(c); break;
            }
        }
        text.Append(Escape).Append(Escape);
    }
}
