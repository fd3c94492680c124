using System.Reflection;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.PredicateOperators;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Runtime.Tests.TestModels;

namespace Amplify.DataStore.Runtime.Tests.Predicates;

/// <summary>
/// The runtime's consumers of the shared operator table (src/Common/Predicates/OperatorTable.cs): the dynamic
/// predicate API accepts exactly the table's operators for every field kind × operator, and each typed field handle
/// exposes exactly its category's operators. The generator and the analyzers are checked in Analyzers.Tests.
/// </summary>
public sealed class OperatorTableTests
{
    // The kinds by GraphQL type, written out here rather than derived from the table.
    private static readonly (string Field, OperatorCategory Category)[] SampleFields =
    [
        ("id", OperatorCategory.Text), ("name", OperatorCategory.Text), ("email", OperatorCategory.Text),
        ("count", OperatorCategory.Ordered), ("rating", OperatorCategory.Ordered), ("day", OperatorCategory.Ordered),
        ("time", OperatorCategory.Ordered), ("at", OperatorCategory.Ordered), ("stamp", OperatorCategory.Ordered),
        ("active", OperatorCategory.Equality),
        ("tags", OperatorCategory.List), ("scores", OperatorCategory.List),
        ("data", OperatorCategory.None), ("address", OperatorCategory.None), ("history", OperatorCategory.None), ("payloads", OperatorCategory.None),
    ];

    private static IEnumerable<TestCaseData> FieldOperatorPairs() =>
        from f in SampleFields from op in OperatorTable.All select new TestCaseData(f.Field, f.Category.ToString(), op).SetArgDisplayNames(f.Field, op);

    [TestCaseSource(nameof(FieldOperatorPairs))]
    public void Dynamic_predicates_accept_exactly_the_tables_operators(string field, string categoryName, string op)
    {
        var category = Enum.Parse<OperatorCategory>(categoryName);
        Assert.That(DynamicPredicate.CategoryOf(MetadataOf<Sample>().FindField(field)!), Is.EqualTo(category));
        object?[] operands = op == "between" ? ["x", "y"] : ["x"];
        bool accepted;
        try
        {
            DynamicPredicate.Create<Sample>(field, op, operands);
            accepted = true;
        }
        catch (ArgumentException ex)
        {
            // A refused operator (or a field without predicates) names the operator or field; an operand that does
            // not fit the field means the operator itself was accepted.
            accepted = ex.ParamName == "operands";
        }
        Assert.That(accepted, Is.EqualTo(OperatorTable.Allows(category, op)));
    }

    private static ModelMetadata MetadataOf<T>() where T : class, IModel<T> => T.Metadata;

    [Test]
    public void Enum_fields_take_the_equality_row()
    {
        var field = new FieldMetadata { Name = "color", PropertyName = "Color", Kind = FieldKind.Enum, TypeName = "Color" };
        Assert.That(DynamicPredicate.CategoryOf(field), Is.EqualTo(OperatorCategory.Equality));
        Assert.That(DynamicPredicate.CategoryOf(new FieldMetadata { Name = "c", PropertyName = "C", Kind = FieldKind.Enum, TypeName = "Color", IsList = true }), Is.EqualTo(OperatorCategory.List));
    }

    [TestCase("Text")]
    [TestCase("Ordered")]
    [TestCase("Equality")]
    [TestCase("List")]
    public void Each_typed_handle_exposes_exactly_its_categorys_operators(string categoryName)
    {
        var category = Enum.Parse<OperatorCategory>(categoryName);
        var name = OperatorTable.HandleTypeName(category);
        var handle = typeof(FieldHandle<>).Assembly.GetTypes().Single(t => t.Namespace == "Amplify.DataStore.Predicates" && t.IsPublic && t.Name.Split('`')[0] == name);
        var methods = handle.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Predicate<>))
            .Select(m => m.Name).Distinct().ToList();
        Assert.That(methods.Select(OperatorTable.OperatorOfMethod), Is.EquivalentTo(OperatorTable.OperatorsFor(category)));
    }

    [Test]
    public void Every_operator_maps_to_the_runtime_operator_of_its_method_name()
    {
        foreach (var op in OperatorTable.All)
        {
            var predicate = DynamicPredicate.Create<Sample>("name", op, op == "between" ? ["a", "b"] : ["a"]);
            Assert.That(((FieldCondition)predicate.Node).Operator.ToString(), Is.EqualTo(OperatorTable.MethodName(op)));
        }
    }
}
