using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace Amplify.DataStore.Runtime.Tests;

/// <summary>New model IDs are lowercase version-7 UUIDs, unique and ordered by creation time.</summary>
public class ModelIdTests
{
    [Test]
    public void Ids_are_lowercase_version_7_uuids()
    {
        var id = ModelId.NewId();
        Assert.That(id, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(Guid.TryParse(id, out _), Is.True);
    }

    [Test]
    public void Ids_are_unique_and_sort_by_creation_millisecond()
    {
        var first = Enumerable.Range(0, 10_000).Select(_ => ModelId.NewId()).ToList();
        Assert.That(first.Distinct().Count(), Is.EqualTo(first.Count));
        Thread.Sleep(5);
        var later = ModelId.NewId();
        Assert.That(first.All(id => string.CompareOrdinal(id, later) < 0), Is.True, "a later millisecond sorts after");
        var ms = Convert.ToInt64(later.Replace("-", "")[..12], 16);
        Assert.That(Math.Abs(ms - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), Is.LessThan(60_000));
    }
}
