namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Waits for something that happens just after a response (a server span ends after its response is written; a
/// consumer acts after the relay's next round). Not a timing assertion: the deadline only bounds a broken test.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var value = await read();
            if (done(value) || timeout.IsCancellationRequested)
            {
                return value;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    public static Task<T> GetAsync<T>(Func<T> read, Func<T, bool> done) => GetAsync(() => Task.FromResult(read()), done);
}
