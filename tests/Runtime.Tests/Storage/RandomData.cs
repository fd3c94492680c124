using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using Amplify.DataStore.Runtime.Tests.TestModels;

namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>
/// Seeded random items, predicates and sorts for property tests. Values come from small pools full of edge cases (nulls,
/// empty strings, U+0000/U+FFFF, offsets that tie instants, int/long limits, -0.0, huge floats) so that random
/// predicates actually match, tie and hit boundaries.
/// </summary>
internal sealed class RandomData(int seed)
{
    public static readonly string[] Words = ["", "a", "A", "ab", "abc", "b", "B", "ba", "é", "z", "z\uFFFF", "\uFFFF", "a\u0000b", "a%_", "red", "blue", "Red", "\uD83D\uDE00x"];
    public static readonly string[] Dates = ["2024-03-01", "2024-03-01+01:00", "2024-03-01-01:00", "2024-02-29", "1999-12-31", "0044-03-15", "0000-01-01", "9999-12-31Z", "2024-03-02+14:00"];
    public static readonly string[] Times = ["12:00", "12:00:00", "12:00+01:00", "11:00Z", "00:00", "23:59:59.999999999", "13:00:00.5-01:00", "00:00:00.000", "01:00+18:00"];
    public static readonly string[] DateTimes =
    [
        "2024-03-01T12:00:00Z", "2024-03-01T13:00:00+01:00", "2024-03-01T12:00:00.000Z", "2024-03-01T12:00:00.000000001Z",
        "1999-12-31T23:59:59.5-08:00", "0001-01-01T00:00:00Z", "0000-01-01T00:00+18:00", "9999-12-31T23:59:59.999999999+18:00",
    ];
    public static readonly string[] Json = ["null", "1", "{\"a\":1}", "[1,2]", "\"s\"", "true"];
    public static readonly string[] Statuses = ["ACTIVE", "ARCHIVED", "DRAFT"];
    public static readonly int[] Ints = [int.MinValue, -3, -1, 0, 1, 2, 3, 5, 100, int.MaxValue];
    public static readonly double[] Floats = [-1e300, -2.5, -0.5, -0.0, 0.0, 0.1, 0.30000000000000004, 1.0, 2.5, 3.0, 5.0, 1e300, double.Epsilon];
    public static readonly long[] Stamps = [-4_000_000_000_000_000, -100, 0, 1, 5, 1_700_000_000, 253_402_300_799, 9_007_199_254_740_993];

    /// <summary>Fields conditions and sorts pick from; <c>address</c> (embedded) is never compiled.</summary>
    public static readonly string[] ConditionFields = ["id", "name", "count", "rating", "active", "day", "time", "at", "stamp", "data", "status", "tags", "scores", "days", "ownerId", "address"];
    public static readonly string[] SortFields = ["id", "name", "count", "rating", "active", "day", "time", "at", "stamp", "data", "status", "ownerId"];

    private static readonly PredicateOperator[] Operators = Enum.GetValues<PredicateOperator>();

    private readonly Random _random = new(seed);

    public Item Item(int index)
    {
        bool Present() => _random.NextDouble() > 0.25;
        return new Item
        {
            Id = $"{Pick(Words)}-{index:D3}",
            Name = Pick(Words),
            Count = Present() ? Pick(Ints) : null,
            Rating = Present() ? Pick(Floats) : null,
            Active = Present() ? _random.Next(2) == 0 : null,
            Day = Present() ? AwsDate.Parse(Pick(Dates)) : null,
            Time = Present() ? AwsTime.Parse(Pick(Times)) : null,
            At = Present() ? AwsDateTime.Parse(Pick(DateTimes)) : null,
            Stamp = Present() ? AwsTimestamp.FromUnixTimeSeconds(Pick(Stamps)) : null,
            Data = Present() ? AwsJson.Parse(Pick(Json)) : null,
            Status = Present() ? (ItemStatus)_random.Next(3) : null,
            Tags = Present() ? ValueList.From(Many(() => Pick(Words))) : null,
            Scores = Present() ? ValueList.From(Many(() => _random.Next(4) == 0 ? (int?)null : Pick(Ints))) : null,
            Days = Present() ? ValueList.From(Many(() => AwsDate.Parse(Pick(Dates)))) : null,
            Address = Present() ? new Address { Street = Pick(Words) } : null,
            OwnerId = Present() ? Pick(["o1", "o2", "o3"]) : null,
        };
    }

    /// <summary>A random predicate tree; with <paramref name="expressibleOnly"/> LiteDB must be able to evaluate all of it.</summary>
    public PredicateNode Predicate(int depth, bool expressibleOnly)
    {
        if (depth > 0 && _random.NextDouble() < 0.4)
        {
            var kind = (GroupKind)_random.Next(3);
            int count = kind == GroupKind.Not ? 1 : _random.Next(4);
            var children = new PredicateNode[count];
            for (int i = 0; i < count; i++) children[i] = Predicate(depth - 1, expressibleOnly);
            return new PredicateGroup(kind, children);
        }
        if (_random.NextDouble() < 0.03) return MatchAll.Instance;
        return Condition(expressibleOnly);
    }

    public FieldCondition Condition(bool expressibleOnly)
    {
        string field;
        do field = Pick(ConditionFields);
        while (expressibleOnly && field == "address");
        var op = Pick(Operators);
        int count = op switch
        {
            PredicateOperator.Between => _random.NextDouble() < 0.9 ? 2 : _random.Next(4),
            PredicateOperator.In or PredicateOperator.NotIn => _random.Next(4),
            _ => 1,
        };
        var operands = new FieldValue[count];
        for (int i = 0; i < count; i++) operands[i] = Operand(field, expressibleOnly);
        return new FieldCondition(FieldPath.Of(field), op, operands);
    }

    public IReadOnlyList<SortClause> Sort()
    {
        int count = _random.Next(4);
        var clauses = new SortClause[count];
        for (int i = 0; i < count; i++)
        {
            var direction = _random.Next(3) == 0 ? SortDirection.Descending : SortDirection.Ascending;
            clauses[i] = new SortClause(_random.Next(12) == 0 ? "tags" : Pick(SortFields), direction);
        }
        return clauses;
    }

    public int Next(int max) => _random.Next(max);

    private FieldValue Operand(string field, bool expressibleOnly)
    {
        double r = _random.NextDouble();
        if (r < 0.08) return FieldValue.Null;
        if (r < 0.16) return Other(expressibleOnly);
        bool isList = field is "tags" or "scores" or "days";
        if (r < 0.2 && !(expressibleOnly && isList)) return FieldValue.FromList([OwnKind(field, expressibleOnly)]);
        return OwnKind(field, expressibleOnly);
    }

    private FieldValue OwnKind(string field, bool expressibleOnly) => field switch
    {
        "id" or "name" or "tags" => FieldValue.From(Pick(Words)),
        "ownerId" => FieldValue.From(Pick(["o1", "o2", "o3", "o", ""])),
        "count" or "scores" => _random.Next(3) == 0 ? WholeAsFloat(expressibleOnly) : FieldValue.From(Pick(Ints)),
        "stamp" => _random.Next(3) == 0 ? WholeAsFloat(expressibleOnly) : FieldValue.From(Pick(Stamps)),
        "rating" => _random.Next(4) == 0 ? FieldValue.From(Pick(Ints)) : FieldValue.From(Pick(Floats)),
        "active" => FieldValue.From(_random.Next(2) == 0),
        "day" or "days" => FieldValue.From(AwsDate.Parse(Pick(Dates))),
        "time" => FieldValue.From(AwsTime.Parse(Pick(Times))),
        "at" => FieldValue.From(AwsDateTime.Parse(Pick(DateTimes))),
        "data" => FieldValue.From(Pick(Json)),
        "status" => FieldValue.From(Pick([.. Statuses, "active"])),
        _ => FieldValue.From(Pick(Words)),
    };

    // Float operands of whole-number fields: integral, fractional, and (unless only expressible) non-finite or beyond 2^53.
    private FieldValue WholeAsFloat(bool expressibleOnly)
    {
        double[] pool = expressibleOnly
            ? [3.0, 2.5, -0.5, 5.0, 1e15, -2147483648.0, 2147483647.5, 1700000000.0]
            : [3.0, 2.5, -0.5, 5.0, 1e20, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 9007199254740993.0];
        return FieldValue.From(Pick(pool));
    }

    private FieldValue Other(bool expressibleOnly) => _random.Next(7) switch
    {
        0 => FieldValue.From(Pick(Words)),
        1 => FieldValue.From(Pick(Ints)),
        2 => FieldValue.From(expressibleOnly ? 2.5 : Pick(Floats)), // huge floats on whole-number fields stay in memory
        3 => FieldValue.From(_random.Next(2) == 0),
        4 => FieldValue.From(AwsDate.Parse(Pick(Dates))),
        5 => FieldValue.From(AwsTime.Parse(Pick(Times))),
        _ => FieldValue.From(AwsDateTime.Parse(Pick(DateTimes))),
    };

    private List<T> Many<T>(Func<T> next)
    {
        var list = new List<T>();
        for (int i = _random.Next(4); i > 0; i--) list.Add(next());
        return list;
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
