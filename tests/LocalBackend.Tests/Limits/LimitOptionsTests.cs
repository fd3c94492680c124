using Amplify.DataStore.LocalBackend.Hosting;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Limits;

/// <summary>The request-limit options: their defaults, the command line, and values out of range.</summary>
public sealed class LimitOptionsTests
{
    [Test]
    public void Defaults_follow_AppSync_where_it_documents_a_limit()
    {
        var options = new LocalBackendOptions();
        Assert.That(options.MaxQueryDepth, Is.EqualTo(25));
        Assert.That(options.MaxResolvers, Is.EqualTo(10_000));
        Assert.That(options.MaxQueryCost, Is.EqualTo(100_000));
        Assert.That(options.ExecutionTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(options.MaxResponseBytes, Is.EqualTo(5 * 1024 * 1024));
        Assert.That(options.MaxSendQueueBytes, Is.EqualTo(8 * 1024 * 1024));
        Assert.That(options.MaxSendQueueFrames, Is.EqualTo(5_000));
    }

    [Test]
    public void The_command_line_sets_every_limit()
    {
        var parsed = CommandLineOptions.Parse(new[]
        {
            "--schema", "s.graphql", "--max-depth", "75", "--max-resolvers", "20000", "--max-cost", "5000", "--timeout", "5",
            "--max-response-bytes", "1048576", "--send-queue-bytes", "1048576", "--send-queue-frames", "100",
        }).Options;
        Assert.That(parsed.MaxQueryDepth, Is.EqualTo(75));
        Assert.That(parsed.MaxResolvers, Is.EqualTo(20_000));
        Assert.That(parsed.MaxQueryCost, Is.EqualTo(5_000));
        Assert.That(parsed.ExecutionTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(parsed.MaxResponseBytes, Is.EqualTo(1_048_576));
        Assert.That(parsed.MaxSendQueueBytes, Is.EqualTo(1_048_576));
        Assert.That(parsed.MaxSendQueueFrames, Is.EqualTo(100));
        foreach (var option in new[] { "--max-depth", "--max-resolvers", "--max-cost", "--timeout", "--max-response-bytes", "--send-queue-bytes", "--send-queue-frames" })
        {
            Assert.That(CommandLineOptions.Help, Does.Contain(option));
        }
    }

    [TestCase("--max-depth", "0")]
    [TestCase("--max-depth", "76")]
    [TestCase("--max-resolvers", "0")]
    [TestCase("--timeout", "0")]
    [TestCase("--send-queue-bytes", "1000")]
    public void Values_out_of_range_are_refused_naming_the_option(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLineOptions.Parse(new[] { "--schema", "s.graphql", option, value }))!;
        Assert.That(error.Message, Does.StartWith(option).And.Contain(value));
    }

    [Test]
    public void An_embedded_backend_refuses_a_limit_out_of_range()
    {
        var error = Assert.ThrowsAsync<LocalBackendException>(async () => await Backend.StartAsync(configure: o => o.MaxQueryDepth = 0))!;
        Assert.That(error.Message, Does.Contain("MaxQueryDepth").And.Contain("1 to 75"));
    }
}
