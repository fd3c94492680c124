using System.Collections.Generic;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Engine;

/// <summary>
/// What <see cref="StorageEngine.CompleteSendingAsync"/> did: the changes it stored from the server's copy, and the next
/// outbox head it marked in flight (null when it was not asked to, or the outbox is empty).
/// </summary>
internal readonly record struct SendingCompleted(IReadOnlyList<StoredChange> Applied, OutboxEntry? Next);
