using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Amplify.DataStore.Package.Tests;

/// <summary>
/// Reads a built assembly's member references to tell which overload of the package's params methods (In, NotIn,
/// ValueList.Create) the compiler chose: the <c>params T[]</c> one or the <c>params ReadOnlySpan&lt;T&gt;</c> one.
/// </summary>
internal static class ParamsOverloads
{
    private static readonly HashSet<string> Owners = new() { "StringField", "ComparableField", "EqualityField", "ValueList" };

    /// <summary>One entry per distinct referenced overload: "Array" or "ReadOnlySpan" (or the parameter's type name).</summary>
    public static string[] Called(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new TypeNames();
        var result = new List<string>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.GetKind() != MemberReferenceKind.Method) continue;
            if (reader.GetString(member.Name) is not ("In" or "NotIn" or "Create")) continue;
            var owner = member.Parent.Kind switch
            {
                HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(names, null),
                HandleKind.TypeReference => names.GetTypeFromReference(reader, (TypeReferenceHandle)member.Parent, 0),
                _ => "",
            };
            if (!Owners.Contains(owner)) continue;
            var signature = member.DecodeMethodSignature(names, null);
            if (signature.ParameterTypes.Length == 1) result.Add(signature.ParameterTypes[0]);
        }
        return result.ToArray();
    }

    /// <summary>Names types by their simple name without arity; any single-dimensional array is "Array".</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public string GetSZArrayType(string elementType) => "Array";
        public string GetArrayType(string elementType, ArrayShape shape) => "Array";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            => Simple(reader.GetString(reader.GetTypeReference(handle).Name));
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => Simple(reader.GetString(reader.GetTypeDefinition(handle).Name));
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        private static string Simple(string name) => name.IndexOf('`') is var tick and >= 0 ? name[..tick] : name;
    }
}
