using Amplify.DataStore.Serialization;

namespace Amplify.DataStore;

/// <summary>Implemented by generated non-model (embedded) records, stored inside the models that use them.</summary>
/// <typeparam name="TSelf">The embedded type itself.</typeparam>
public interface IEmbeddedModel<TSelf>
    where TSelf : class, IEmbeddedModel<TSelf>
{
    /// <summary>Writes <paramref name="value"/> as one object.</summary>
    static abstract void Write(TSelf value, IModelWriter writer);

    /// <summary>Reads one object written by <see cref="Write"/>.</summary>
    static abstract TSelf Read(IModelReader reader);
}
