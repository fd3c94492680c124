using System;

namespace Amplify.DataStore.Linq;

/// <summary>
/// The CLR conversions the C# compiler inserts around model members in expression trees (nullable lifting, enum to
/// its underlying type, numeric widening), told apart from conversions that would change the compared value.
/// </summary>
internal static class ClrConversions
{
    /// <summary>The type without its <see cref="Nullable{T}"/> wrapper.</summary>
    public static Type StripNullable(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>True for the integral primitive types.</summary>
    public static bool IsIntegral(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => !type.IsEnum,
        _ => false,
    };

    /// <summary>True for integral and floating-point primitive types and <see cref="decimal"/>.</summary>
    public static bool IsNumeric(Type type) => IsIntegral(type) || Type.GetTypeCode(type) is TypeCode.Single or TypeCode.Double or TypeCode.Decimal;

    /// <summary>
    /// True when converting a member of <paramref name="from"/> to <paramref name="to"/> keeps every value distinct, so
    /// a comparison after the conversion is a comparison of the member itself.
    /// </summary>
    public static bool IsLossless(Type from, Type to)
    {
        var source = StripNullable(from);
        var target = StripNullable(to);
        if (source == target) return true;
        if (source.IsEnum) return Enum.GetUnderlyingType(source) == target;
        return (Type.GetTypeCode(source), Type.GetTypeCode(target)) switch
        {
            // C#'s implicit numeric conversions for the types model fields use (Int, Float, AWSTimestamp seconds).
            (TypeCode.Int32, TypeCode.Int64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal) => true,
            (TypeCode.Int64, TypeCode.Single or TypeCode.Double or TypeCode.Decimal) => true,
            (TypeCode.Single, TypeCode.Double) => true,
            _ => false,
        };
    }
}
