using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>
/// The web host's lifetime inside <see cref="LocalBackend"/>: it installs no signal handlers. The default
/// <c>ConsoleLifetime</c> took SIGINT, SIGQUIT and SIGTERM away from the process, cancelled their default action and
/// only raised <c>ApplicationStopping</c>, which nothing waits for here, so SIGTERM left the process running. Signals
/// belong to whoever embeds the backend; the program's own handler stops it with <see cref="LocalBackend.DisposeAsync"/>.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
