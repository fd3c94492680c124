namespace Amplify.DataStore.Serialization;

/// <summary>Calls the static read/write members of generated embedded (non-model) types.</summary>
public static class EmbeddedCodec
{
    /// <summary>Writes an embedded value.</summary>
    public static void Write<T>(T value, IModelWriter writer) where T : class, IEmbeddedModel<T> => T.Write(value, writer);

    /// <summary>Reads an embedded value.</summary>
    public static T Read<T>(IModelReader reader) where T : class, IEmbeddedModel<T> => T.Read(reader);
}
