using System.Text.Json;
using Amplify.DataStore.LocalBackend.Hosting;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Hosting;

public sealed class ClientConfigWriterTests
{
    private static readonly Uri Endpoint = new("https://127.0.0.1:20002/graphql");

    private string directory = null!;

    [SetUp]
    public void CreateDirectory() =>
        directory = Path.Combine(Path.GetTempPath(), "localbackend-config-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void WritesTheGen1AwsExportsForm()
    {
        (string path, _) = ClientConfigWriter.Write(directory, Endpoint, "da2-localkey", "us-east-1");

        Assert.That(path, Is.EqualTo(Path.Combine(directory, "amplifyconfiguration.json")));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("aws_project_region").GetString(), Is.EqualTo("us-east-1"));
            Assert.That(root.GetProperty("aws_appsync_graphqlEndpoint").GetString(), Is.EqualTo("https://127.0.0.1:20002/graphql"));
            Assert.That(root.GetProperty("aws_appsync_region").GetString(), Is.EqualTo("us-east-1"));
            Assert.That(root.GetProperty("aws_appsync_authenticationType").GetString(), Is.EqualTo("API_KEY"));
            Assert.That(root.GetProperty("aws_appsync_apiKey").GetString(), Is.EqualTo("da2-localkey"));
            Assert.That(root.EnumerateObject().Count(), Is.EqualTo(5));
        });
    }

    [Test]
    public void WritesTheGen2AmplifyOutputsForm()
    {
        (_, string path) = ClientConfigWriter.Write(directory, Endpoint, "da2-localkey", "eu-west-1");

        Assert.That(path, Is.EqualTo(Path.Combine(directory, "amplify_outputs.json")));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        JsonElement data = root.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("1"));
            Assert.That(data.GetProperty("url").GetString(), Is.EqualTo("https://127.0.0.1:20002/graphql"));
            Assert.That(data.GetProperty("aws_region").GetString(), Is.EqualTo("eu-west-1"));
            Assert.That(data.GetProperty("api_key").GetString(), Is.EqualTo("da2-localkey"));
            Assert.That(data.GetProperty("default_authorization_type").GetString(), Is.EqualTo("API_KEY"));
            Assert.That(data.GetProperty("authorization_types").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(data.GetProperty("authorization_types").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void WritesIndentedJson()
    {
        (string configuration, string outputs) = ClientConfigWriter.Write(directory, Endpoint, "da2-localkey", "us-east-1");

        Assert.That(File.ReadAllText(configuration), Does.Contain("\n  \"aws_project_region\""));
        Assert.That(File.ReadAllText(outputs), Does.Contain("\n    \"url\""));
    }

    [Test]
    public void ReplacesEarlierFilesWithoutLeavingTempFiles()
    {
        ClientConfigWriter.Write(directory, Endpoint, "da2-first", "us-east-1");

        (string path, _) = ClientConfigWriter.Write(directory, new Uri("https://localhost:30003/graphql"), "da2-second", "us-east-1");

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.That(document.RootElement.GetProperty("aws_appsync_apiKey").GetString(), Is.EqualTo("da2-second"));
        Assert.That(document.RootElement.GetProperty("aws_appsync_graphqlEndpoint").GetString(), Is.EqualTo("https://localhost:30003/graphql"));
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "amplifyconfiguration.json", "amplify_outputs.json" }));
    }

    [Test]
    public void RejectsARelativeEndpoint()
    {
        Assert.Throws<ArgumentException>(() =>
            ClientConfigWriter.Write(directory, new Uri("/graphql", UriKind.Relative), "da2-localkey", "us-east-1"));
    }
}
