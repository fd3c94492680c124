using Amplify.DataStore.LocalBackend.Scalars;
using Amplify.DataStore.Schema;
using GraphQL.Types;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Scalars;

public class AwsScalarTypesTests
{
    [TestCase(ScalarKind.ID, typeof(IdGraphType), "ID")]
    [TestCase(ScalarKind.String, typeof(StringGraphType), "String")]
    [TestCase(ScalarKind.Int, typeof(IntGraphType), "Int")]
    [TestCase(ScalarKind.Float, typeof(FloatGraphType), "Float")]
    [TestCase(ScalarKind.Boolean, typeof(BooleanGraphType), "Boolean")]
    [TestCase(ScalarKind.AWSDate, typeof(AwsDateGraphType), "AWSDate")]
    [TestCase(ScalarKind.AWSTime, typeof(AwsTimeGraphType), "AWSTime")]
    [TestCase(ScalarKind.AWSDateTime, typeof(AwsDateTimeGraphType), "AWSDateTime")]
    [TestCase(ScalarKind.AWSTimestamp, typeof(AwsTimestampGraphType), "AWSTimestamp")]
    [TestCase(ScalarKind.AWSJSON, typeof(AwsJsonGraphType), "AWSJSON")]
    [TestCase(ScalarKind.AWSEmail, typeof(AwsEmailGraphType), "AWSEmail")]
    [TestCase(ScalarKind.AWSURL, typeof(AwsUrlGraphType), "AWSURL")]
    [TestCase(ScalarKind.AWSPhone, typeof(AwsPhoneGraphType), "AWSPhone")]
    [TestCase(ScalarKind.AWSIPAddress, typeof(AwsIpAddressGraphType), "AWSIPAddress")]
    public void Create_returns_a_new_instance_of_the_matching_type(ScalarKind kind, Type expectedType, string expectedName)
    {
        ScalarGraphType first = AwsScalarTypes.Create(kind);
        ScalarGraphType second = AwsScalarTypes.Create(kind);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf(expectedType));
            Assert.That(first.Name, Is.EqualTo(expectedName));
            Assert.That(second, Is.Not.SameAs(first));
        });
    }

    [Test]
    public void Create_covers_every_scalar_kind_but_None()
    {
        ScalarKind[] kinds = Enum.GetValues<ScalarKind>().Where(kind => kind != ScalarKind.None).ToArray();

        Assert.That(kinds.Select(NameOfCreated), Is.EqualTo(kinds.Select(kind => kind.ToString())));
        Assert.That(() => AwsScalarTypes.Create(ScalarKind.None), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => AwsScalarTypes.Create((ScalarKind)999), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void CreateAllAws_returns_the_nine_AWS_scalars_fresh_each_time()
    {
        ScalarGraphType[] first = AwsScalarTypes.CreateAllAws().ToArray();
        ScalarGraphType[] second = AwsScalarTypes.CreateAllAws().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(NameOf), Is.EquivalentTo(new[]
            {
                "AWSDate", "AWSTime", "AWSDateTime", "AWSTimestamp", "AWSJSON", "AWSEmail", "AWSURL", "AWSPhone", "AWSIPAddress",
            }));
            Assert.That(first.Zip(second).All(pair => !ReferenceEquals(pair.First, pair.Second)), Is.True);
        });
    }

    // Method groups rather than lambdas: GraphQL.Analyzers' FieldNameAnalyzer crashes (AD0001) on a lambda reading a graph type's Name.
    private static string NameOfCreated(ScalarKind kind) => NameOf(AwsScalarTypes.Create(kind));

    private static string NameOf(ScalarGraphType scalar) => scalar.Name;
}
