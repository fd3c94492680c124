using CrashWriter.Models;

namespace CrashWriter;

using Amplify.DataStore;

/// <summary>The second process of the stress test: opens the store again and again while another process owns it.</summary>
internal static class Contend
{
    public static async Task<int> RunAsync(string path, int count)
    {
        int refused = 0, opened = 0;
        var random = new Random(count);
        for (int i = 0; i < count; i++)
        {
            try
            {
                await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(path));
                opened++;
                // Had the open been allowed, this write would race the owner's.
                await store.SaveAsync(new Post { Title = $"intruder {i}", Rating = random.Next(10), Status = PostStatus.Active });
            }
            catch (DataStoreException ex) when (ex.Message.Contains("in use", StringComparison.Ordinal) && ex.Message.Contains(Path.GetFileName(path), StringComparison.Ordinal))
            {
                refused++;
            }
            catch (Exception ex)
            {
                Console.WriteLine($"ERROR {ex.GetType().Name}: {ex.Message}");
            }
        }
        Console.WriteLine($"REFUSED {refused} OPENED {opened}");
        return 0;
    }
}
