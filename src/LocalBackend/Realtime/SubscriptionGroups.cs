using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Amplify.DataStore.LocalBackend.Api;
using GraphQL;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>
/// Subscriptions that would receive byte-identical events share one source stream: same document, variables and
/// caller (so the same filters and auth decisions). Each event is executed and serialized once per group and the
/// frame sent to every member with its own id; DataStore clients all send the same few documents, so 200 subscribers
/// of a model cost one execution per event, not 200.
/// </summary>
internal sealed class SubscriptionGroups(GraphQLApi api, ILogger logger)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);

    /// <summary>The number of distinct groups (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _groups.Count;
        }
    }

    /// <summary>
    /// Adds <paramref name="id"/> on <paramref name="connection"/> to the group <paramref name="key"/>; the first member's
    /// <paramref name="stream"/> becomes the group's source, later members' streams are never subscribed. Dispose to leave.
    /// </summary>
    public IDisposable Join(string key, IObservable<ExecutionResult> stream, RealtimeConnection connection, string id)
    {
        var member = new Member(connection, id);
        Group group;
        bool created = false;
        lock (_gate)
        {
            if (!_groups.TryGetValue(key, out group!))
            {
                group = new Group(this, key);
                _groups[key] = group;
                created = true;
            }
            group.Add(member);
        }
        if (created) group.Attach(stream.Subscribe(group));
        return new Membership(this, group, member);
    }

    private void Leave(Group group, Member member)
    {
        bool empty;
        lock (_gate)
        {
            empty = group.Remove(member);
            if (empty && _groups.TryGetValue(group.Key, out var current) && ReferenceEquals(current, group)) _groups.Remove(group.Key);
        }
        if (empty) group.Dispose();
    }

    private sealed record Member(RealtimeConnection Connection, string Id);

    private sealed class Membership(SubscriptionGroups owner, Group group, Member member) : IDisposable
    {
        private bool _left;

        public void Dispose()
        {
            if (_left) return;
            _left = true;
            owner.Leave(group, member);
        }
    }

    private sealed class Group(SubscriptionGroups owner, string key) : IObserver<ExecutionResult>, IDisposable
    {
        private readonly object _sync = new();
        private ImmutableArray<Member> _members = ImmutableArray<Member>.Empty;
        private IDisposable? _source;
        private bool _disposed;

        public string Key => key;

        public void Add(Member member) => ImmutableInterlocked.Update(ref _members, m => m.Add(member));

        /// <summary>Removes a member; true when none are left.</summary>
        public bool Remove(Member member) => ImmutableInterlocked.Update(ref _members, m => m.Remove(member)) && _members.IsEmpty;

        public void Attach(IDisposable source)
        {
            lock (_sync)
            {
                if (_disposed) source.Dispose();
                else _source = source;
            }
        }

        public void OnNext(ExecutionResult value)
        {
            var payload = value.Errors is { Count: > 0 } ? owner.Api.ToJson(value).ToJsonString() : owner.Api.Serializer.Serialize(value);
            if (Encoding.UTF8.GetByteCount(payload) > RealtimeConnection.MaxPayloadBytes)
            {
                // AppSync drops events over 240 KB without telling the subscriber.
                owner.Logger.LogWarning("Dropped an event for {Count} subscription(s): payload over {Limit} bytes.", _members.Length, RealtimeConnection.MaxPayloadBytes);
                return;
            }
            foreach (var member in _members) member.Connection.SendData(member.Id, RealtimeFrames.DataPrefix(member.Id) + payload + "}");
        }

        public void OnCompleted()
        {
            foreach (var member in _members) member.Connection.Send(RealtimeFrames.Complete(member.Id));
        }

        public void OnError(Exception error)
        {
            foreach (var member in _members) member.Connection.Send(RealtimeFrames.Error(member.Id, "InternalFailure", error.Message));
        }

        public void Dispose()
        {
            lock (_sync)
            {
                _disposed = true;
                _source?.Dispose();
            }
        }
    }

    private GraphQLApi Api => api;

    private ILogger Logger => logger;
}
