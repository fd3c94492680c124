using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema;
using GraphQL.Types;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// Maps the schema model's <see cref="ScalarKind"/> to GraphQL.NET scalar types. Every call returns a new instance:
/// a graph type belongs to one schema once initialized, and the backend may build more than one schema.
/// </summary>
internal static class AwsScalarTypes
{
    /// <summary>A new graph type for <paramref name="kind"/>; the built-in types for the GraphQL scalars.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="ScalarKind.None"/> or unknown.</exception>
    public static ScalarGraphType Create(ScalarKind kind) => kind switch
    {
        ScalarKind.ID => new IdGraphType(),
        ScalarKind.String => new StringGraphType(),
        ScalarKind.Int => new IntGraphType(),
        ScalarKind.Float => new FloatGraphType(),
        ScalarKind.Boolean => new BooleanGraphType(),
        ScalarKind.AWSDate => new AwsDateGraphType(),
        ScalarKind.AWSTime => new AwsTimeGraphType(),
        ScalarKind.AWSDateTime => new AwsDateTimeGraphType(),
        ScalarKind.AWSTimestamp => new AwsTimestampGraphType(),
        ScalarKind.AWSJSON => new AwsJsonGraphType(),
        ScalarKind.AWSEmail => new AwsEmailGraphType(),
        ScalarKind.AWSURL => new AwsUrlGraphType(),
        ScalarKind.AWSPhone => new AwsPhoneGraphType(),
        ScalarKind.AWSIPAddress => new AwsIpAddressGraphType(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar kind."),
    };

    /// <summary>One new instance of each of AppSync's nine AWS scalars, for registering with a schema.</summary>
    public static IEnumerable<ScalarGraphType> CreateAllAws()
    {
        yield return new AwsDateGraphType();
        yield return new AwsTimeGraphType();
        yield return new AwsDateTimeGraphType();
        yield return new AwsTimestampGraphType();
        yield return new AwsJsonGraphType();
        yield return new AwsEmailGraphType();
        yield return new AwsUrlGraphType();
        yield return new AwsPhoneGraphType();
        yield return new AwsIpAddressGraphType();
    }
}
