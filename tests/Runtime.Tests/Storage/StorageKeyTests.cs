using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>
/// <see cref="StorageKey.ToModelKey"/> names one record unambiguously (the outbox's ModelKey): a string ID is itself,
/// composite keys are JSON arrays, so values containing the old <c>#</c> separator no longer collide.
/// </summary>
public class StorageKeyTests
{
    private static StorageKey Key(params FieldValue[] values) => new(values);

    [Test]
    public void ASingleStringKey_IsItsValue()
    {
        Assert.That(StorageKey.Of("abc#def").ToModelKey(), Is.EqualTo("abc#def"));
        Assert.That(StorageKey.Of("").ToModelKey(), Is.EqualTo(""));
    }

    [Test]
    public void CompositeKeys_ThatJoinedWithHashLookAlike_AreDistinct()
    {
        var left = Key(FieldValue.From("a#b"), FieldValue.From("c"));
        var right = Key(FieldValue.From("a"), FieldValue.From("b#c"));
        Assert.That(left.ToString(), Is.EqualTo(right.ToString()), "the display form is ambiguous, which is why it is not the model key");
        Assert.That(left.ToModelKey(), Is.Not.EqualTo(right.ToModelKey()));
        Assert.That(left.ToModelKey(), Is.EqualTo("[\"a#b\",\"c\"]"));
    }

    [Test]
    public void CompositeKeys_KeepValueKinds_AndEscapeText()
    {
        Assert.That(Key(FieldValue.From("x\"y"), FieldValue.From(7), FieldValue.From(1.5), FieldValue.From(true), FieldValue.Null).ToModelKey(),
            Is.EqualTo("[\"x\\u0022y\",7,1.5,true,null]"));
        Assert.That(Key(FieldValue.From("7"), FieldValue.From("x")).ToModelKey(), Is.Not.EqualTo(Key(FieldValue.From(7), FieldValue.From("x")).ToModelKey()));
        Assert.That(Key(FieldValue.From(42)).ToModelKey(), Is.EqualTo("[42]"), "a non-string single key is not confused with the string \"42\"");
    }
}
