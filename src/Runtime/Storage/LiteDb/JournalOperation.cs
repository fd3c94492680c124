using System;
using System.Collections.Generic;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>The kinds of <see cref="JournalOperation"/>.</summary>
internal enum JournalOperationKind : byte
{
    /// <summary>Insert or replace a document by its <c>_id</c>.</summary>
    Upsert = 1,

    /// <summary>Delete the document whose <c>_id</c> is the one in <see cref="JournalOperation.Document"/>.</summary>
    Delete = 2,

    /// <summary>Delete every document of the collection.</summary>
    DeleteAll = 3,
}

/// <summary>
/// One change a write made to a LiteDB collection, in a form that can be applied again: to redo acknowledged writes after
/// a rollback, and to replay the write journal on open. Each sets a document (or a collection) to its final state, so
/// applying a sequence of them gives the same result whatever part of it the file already holds.
/// </summary>
internal readonly record struct JournalOperation(JournalOperationKind Kind, string Collection, BsonDocument? Document)
{
    /// <summary>Applies <paramref name="operations"/> in order, in the transaction open on the current thread.</summary>
    public static void ApplyAll(LiteDatabase database, IEnumerable<JournalOperation> operations)
    {
        foreach (var operation in operations) operation.ApplyTo(database);
    }

    /// <summary>Applies this operation to <paramref name="database"/>.</summary>
    public void ApplyTo(LiteDatabase database)
    {
        var collection = database.GetCollection(Collection);
        switch (Kind)
        {
            case JournalOperationKind.Upsert:
                collection.Upsert(Document!);
                break;
            case JournalOperationKind.Delete:
                collection.Delete(Document![DocumentLayout.IdField]);
                break;
            case JournalOperationKind.DeleteAll:
                collection.DeleteAll();
                break;
            default:
                throw new InvalidOperationException($"Unknown journal operation {(byte)Kind}.");
        }
    }
}
