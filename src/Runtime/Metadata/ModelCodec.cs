using System;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Metadata;

/// <summary>The <see cref="IModelCodec"/> of a generated model, calling its static members (no reflection).</summary>
/// <typeparam name="T">The model type.</typeparam>
public sealed class ModelCodec<T> : IModelCodec
    where T : class, IModel<T>
{
    /// <summary>The shared instance.</summary>
    public static ModelCodec<T> Instance { get; } = new();

    private ModelCodec()
    {
    }

    /// <inheritdoc/>
    public Type ClrType => typeof(T);

    /// <inheritdoc/>
    public void Write(object model, IModelWriter writer) => T.Write(Cast(model), writer);

    /// <inheritdoc/>
    public object Read(IModelReader reader) => T.Read(reader);

    /// <inheritdoc/>
    public FieldValue GetFieldValue(object model, string fieldName) => T.GetFieldValue(Cast(model), fieldName);

    /// <inheritdoc/>
    public FieldValue ConvertValue(string fieldName, object? value) => T.ConvertValue(fieldName, value);

    /// <inheritdoc/>
    public object WithoutParents(object model) => T.WithoutParents(Cast(model));

    private static T Cast(object model) => model as T
        ?? throw new ArgumentException($"Expected a {typeof(T).Name} but got {model?.GetType().Name ?? "null"}.", nameof(model));
}
