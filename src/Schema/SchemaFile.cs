namespace Amplify.DataStore.Schema;

/// <summary>One schema source file (a project may have several; they merge into one schema).</summary>
/// <param name="Path">The file path, used in diagnostics.</param>
/// <param name="Text">The full SDL text.</param>
public sealed record SchemaFile(string Path, string Text);
