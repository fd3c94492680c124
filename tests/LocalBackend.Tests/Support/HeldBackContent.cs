using System.Net;
using System.Text;

namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>
/// A request body sent in two parts: the first at once, the rest only when <see cref="Release"/> is called, so the
/// request is provably in flight at the server for as long as a test wants (e.g. across a shutdown signal).
/// </summary>
internal sealed class HeldBackContent : HttpContent
{
    private readonly byte[] _body;
    private readonly int _firstPartLength;
    private readonly TaskCompletionSource _firstPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldBackContent(string text, int firstPartLength)
    {
        _body = Encoding.UTF8.GetBytes(text);
        _firstPartLength = firstPartLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    /// <summary>
    /// Completes once the first part has been written to the connection (after <c>100 Continue</c> when the request
    /// expects it).
    /// </summary>
    public Task FirstPartSent => _firstPartSent.Task;

    /// <summary>Lets the rest of the body go.</summary>
    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, _firstPartLength));
        await stream.FlushAsync();
        _firstPartSent.TrySetResult();
        await _released.Task;
        await stream.WriteAsync(_body.AsMemory(_firstPartLength));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
