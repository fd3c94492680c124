namespace Amplify.DataStore.Schema.Parsing;

/// <summary>A name written in a directive argument (e.g. one entry of <c>fields: [...]</c>) and where it is.</summary>
internal readonly struct NameRef
{
    public NameRef(string name, SchemaLocation location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; }

    public SchemaLocation Location { get; }

    public override string ToString() => Name;
}
