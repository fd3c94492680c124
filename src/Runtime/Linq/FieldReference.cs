using System;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore.Linq;

/// <summary>A model field an expression reads (<c>p.Rating</c>, <c>c.Post!.Id</c>), with what is needed to compare it.</summary>
internal sealed class FieldReference
{
    /// <summary>Creates the reference.</summary>
    /// <param name="path">The GraphQL field names from the predicate's model.</param>
    /// <param name="field">The field's metadata.</param>
    /// <param name="owner">The model declaring the field (a <c>@belongsTo</c> parent for nested paths).</param>
    /// <param name="propertyType">The C# property's type.</param>
    public FieldReference(FieldPath path, FieldMetadata field, ModelMemberMap owner, Type propertyType)
    {
        Path = path;
        Field = field;
        Owner = owner;
        ValueType = ClrConversions.StripNullable(ElementTypeOf(propertyType) ?? propertyType);
    }

    /// <summary>The field's path.</summary>
    public FieldPath Path { get; }

    /// <summary>The field's metadata.</summary>
    public FieldMetadata Field { get; }

    /// <summary>The model declaring the field.</summary>
    public ModelMemberMap Owner { get; }

    /// <summary>The CLR type of one value (the element type for lists), without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; }

    /// <summary>True for a list field.</summary>
    public bool IsList => Field.IsList;

    /// <summary>True for string-like scalars (ID, String, AWSEmail, AWSURL, AWSPhone, AWSIPAddress).</summary>
    public bool IsString => !IsList && ValueType == typeof(string) && HasEquality;

    /// <summary>True when the typed API offers Eq/Ne/In for the field (scalars and enums, except AWSJSON).</summary>
    public bool HasEquality => Field.Association is null
        && (Field.Kind == FieldKind.Enum || (Field.Kind == FieldKind.Scalar && Field.Scalar != ScalarType.AWSJSON));

    /// <summary>True when the typed API offers Lt/Le/Gt/Ge (strings, numbers, dates and times; not Boolean or enums).</summary>
    public bool IsOrdered => !IsList && HasEquality && Field.Kind == FieldKind.Scalar && Field.Scalar != ScalarType.Boolean;

    /// <summary>
    /// Converts a value compared with the field (an element for lists) to the <see cref="FieldValue"/> the typed builders
    /// produce: the generated <c>ConvertValue</c> for values of the field's type (enums become wire names); integral
    /// values for enums (C# compares enums as their underlying type); other numbers as they are, since a comparison
    /// widened by C# (<c>p.Rating &gt; 4.5</c>) must keep its operand.
    /// </summary>
    /// <returns>False when the value's type cannot be compared with the field.</returns>
    public bool TryConvert(object? value, out FieldValue result)
    {
        result = FieldValue.Null;
        if (value is null) return true;
        var type = value.GetType();
        if (type == ValueType)
        {
            result = Owner.Codec.ConvertValue(Field.Name, value);
            return true;
        }
        if (ValueType.IsEnum && ClrConversions.IsIntegral(type))
        {
            result = Owner.Codec.ConvertValue(Field.Name, Enum.ToObject(ValueType, value));
            return true;
        }
        if (ClrConversions.IsNumeric(ValueType) && ClrConversions.IsNumeric(type))
        {
            result = ClrConversions.IsIntegral(type) && type != typeof(ulong)
                ? FieldValue.From(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
                : FieldValue.From(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    private static Type? ElementTypeOf(Type type)
        => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueList<>) ? type.GetGenericArguments()[0] : null;
}
