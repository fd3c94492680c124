using System.Collections.Generic;
using Amplify.DataStore.LocalBackend.Auth;

namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>What a custom conflict handler sees: AppSync's Lambda conflict payload.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Field">The mutation field, e.g. <c>updatePost</c>.</param>
/// <param name="Operation">Update or delete.</param>
/// <param name="ExistingItem">The item as stored now (with its metadata).</param>
/// <param name="NewItem">The item the write would have produced had the versions matched (null for deletes).</param>
/// <param name="Arguments">The mutation's <c>input</c> argument.</param>
/// <param name="Identity">The caller (null for API-key callers, as AppSync passes no identity then).</param>
public sealed record ConflictContext(
    string Model,
    string Field,
    ConflictOperation Operation,
    IReadOnlyDictionary<string, object?> ExistingItem,
    IReadOnlyDictionary<string, object?>? NewItem,
    IReadOnlyDictionary<string, object?> Arguments,
    CallerIdentity? Identity);
