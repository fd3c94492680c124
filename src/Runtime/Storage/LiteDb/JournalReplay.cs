using System;
using System.Globalization;
using System.IO;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Applies what a crash left in the <see cref="WriteJournal"/> to the database when it is opened, and keeps the epoch that
/// tells which records the database already holds (stored in <c>__settings</c>).
/// </summary>
internal static class JournalReplay
{
    /// <summary>The setting holding how many journal-clearing commits the database has had.</summary>
    public const string EpochSetting = "storage.journalEpoch";

    /// <summary>The setting holding the database's identity, written into its journal's header.</summary>
    public const string DatabaseIdSetting = "storage.databaseId";

    /// <summary>The identity of <paramref name="database"/>, made (a random non-zero number) and stored the first time.</summary>
    public static long ReadOrCreateDatabaseId(LiteDatabase database)
    {
        if (SettingsDocuments.Get(database, DatabaseIdSetting) is { } stored) return long.Parse(stored, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        long id = Random.Shared.NextInt64(1, long.MaxValue); // only tells files apart; nothing secret
        SettingsDocuments.Set(database, DatabaseIdSetting, id.ToString(CultureInfo.InvariantCulture));
        return id;
    }

    /// <summary>The epoch stored in <paramref name="database"/> (0 when none).</summary>
    public static long ReadEpoch(LiteDatabase database)
        => SettingsDocuments.Get(database, EpochSetting) is { } value ? long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    /// <summary>Writes <paramref name="epoch"/> (in the transaction open on the current thread, if any).</summary>
    public static void WriteEpoch(LiteDatabase database, long epoch)
        => SettingsDocuments.Set(database, EpochSetting, epoch.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Applies the journal's records in one transaction unless the database already holds them, then empties the journal.
    /// Returns the database's epoch afterwards. Call on the thread that opened the database, before any other write.
    /// </summary>
    public static long Run(LiteDatabase database, string databasePath, WriteJournal journal, ILogger logger)
    {
        long epoch = ReadEpoch(database);
        long databaseId = ReadOrCreateDatabaseId(database);
        if (journal.DiscardedBytes > 0) LiteDbLog.JournalTailDiscarded(logger, journal.Path, journal.DiscardedBytes);
        if (journal.Records > 0 && journal.DatabaseId is { } journalOf && journalOf != databaseId)
        {
            // Another database's writes (its data file was replaced by this one): applying them would mix two databases.
            LiteDbLog.StrayFileDiscarded(logger, journal.Path, databasePath, "it belongs to another database file (its header names another database)");
        }
        else if (journal.Records > 0)
        {
            if (journal.Epoch > epoch)
            {
                throw new InvalidDataException(
                    $"The write journal '{journal.Path}' continues epoch {journal.Epoch} but the database is at epoch {epoch}: the database file was replaced or restored. " +
                    "Keep the journal with the database file it belongs to; delete it only to discard its writes.");
            }
            if (journal.Epoch == epoch)
            {
                if (!database.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
                try
                {
                    JournalOperation.ApplyAll(database, journal.Operations);
                    WriteEpoch(database, ++epoch);
                    if (!database.Commit()) throw new InvalidOperationException("The LiteDB transaction was no longer open at commit.");
                }
                catch
                {
                    database.Rollback();
                    throw;
                }
                LiteDbLog.JournalReplayed(logger, journal.Records, journal.Operations.Count, journal.Path);
            }
            // An older epoch: a commit already holds these records (the crash came before the journal was emptied).
        }
        journal.Reset(epoch, databaseId);
        return epoch;
    }
}
