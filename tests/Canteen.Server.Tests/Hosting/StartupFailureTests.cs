using System.Net;
using System.Net.Sockets;
using Canteen.Server.Hosting;
using Canteen.Server.Tests.Crash;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace Canteen.Server.Tests.Hosting;

/// <summary>
/// A start-up failure the operator fixes on the host (the port is taken, the data directory is unusable, the database
/// is down) stops the real server with exit code 3 and one line saying what to fix, not the runtime's crash dump.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Main_PortTaken_ExitsWithOneLineSayingSo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}");

        var line = await RunUntilItFails(address, []);

        Assert.Contains($"{address.ToString().TrimEnd('/')}: address already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_DataDirectoryIsAFile_ExitsWithOneLineNamingIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            var line = await RunUntilItFails(FreeAddress(), ["--Canteen:DataDirectory=" + file]);

            Assert.Contains("data directory (Canteen:DataDirectory)", line, StringComparison.Ordinal);
            Assert.Contains($"'{file}'", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Main_PostgresUnreachable_ExitsWithOneLineNamingTheSettingNotThePassword()
    {
        const string Password = "pw-never-printed-7f3a";
        var port = ServerCommand.FreeLoopbackPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Username=canteen;Password={Password};Database=canteen;Timeout=5";

        var line = await RunUntilItFails(
            FreeAddress(), ["--Canteen:Storage=postgres", "--Canteen:Postgres:ConnectionString=" + connectionString], Password);

        Assert.Contains("PostgreSQL (Canteen:Postgres:ConnectionString)", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AddressInUseInsideOtherExceptions_GivesAddressAndHint()
    {
        // As Kestrel wraps it; a host is not started here, as it would share the process's meters with the test servers.
        var inUse = new IOException(
            "Failed to bind to address http://127.0.0.1:5599: address already in use.",
            new AddressInUseException("Address already in use", new SocketException((int)SocketError.AddressAlreadyInUse)));

        var reason = StartupFailure.Describe(new AggregateException(new InvalidOperationException("wrapper", inUse)));

        Assert.Equal(
            "Failed to bind to address http://127.0.0.1:5599: address already in use. Another process is listening there: stop it or choose another address with --urls.",
            reason);
    }

    [Fact]
    public void Describe_DatabaseFailures_NameTheDatabaseAndTheCause()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5999", new SocketException((int)SocketError.ConnectionRefused));
        var login = new PostgresException("password authentication failed for user \"canteen\"", "FATAL", "FATAL", "28P01");
        var sqlite = new SqliteException("SQLite Error 14: 'unable to open database file'.", 14);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Canteen:DataDirectory", "/srv/canteen")]).Build();

        var reason = StartupFailure.Describe(new InvalidOperationException("wrapper", new AggregateException(refused)));
        Assert.Equal(
            $"PostgreSQL (Canteen:Postgres:ConnectionString) cannot be used: Failed to connect to 127.0.0.1:5999: {new SocketException((int)SocketError.ConnectionRefused).Message}",
            reason);
        Assert.Equal(
            "PostgreSQL (Canteen:Postgres:ConnectionString) cannot be used: 28P01: password authentication failed for user \"canteen\"",
            StartupFailure.Describe(login));
        Assert.Equal(
            "the SQLite database in the data directory /srv/canteen (Canteen:DataDirectory) cannot be used: SQLite Error 14: 'unable to open database file'.",
            StartupFailure.Describe(sqlite, configuration));
    }

    [Fact]
    public void Describe_RedisUnreachable_NamesTheSettingWithoutTheLibrarysAdvice()
    {
        var redis = new RedisConnectionException(
            ConnectionFailureType.UnableToConnect,
            "It was not possible to connect to the redis server(s). Error connecting right now. To allow this multiplexer "
            + "to continue retrying until it's able to connect, use abortConnect=false in your connection string or "
            + "AbortOnConnectFail=false; in your code.");

        Assert.Equal(
            "Redis (Canteen:Redis:Configuration) cannot be used: It was not possible to connect to the redis server(s). Error connecting right now.",
            StartupFailure.Describe(new AggregateException(redis)));
    }

    [Fact]
    public void Describe_FileSystemFailure_SaysWhenItIsTheDataDirectory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Canteen:DataDirectory", "/srv/canteen")]).Build();
        var inside = new UnauthorizedAccessException("Access to the path '/srv/canteen/signing.key' is denied.");
        var elsewhere = new IOException("The file '/srv/canteen-old' already exists.");

        Assert.Equal(
            "the data directory (Canteen:DataDirectory) cannot be used: Access to the path '/srv/canteen/signing.key' is denied.",
            StartupFailure.Describe(new InvalidOperationException("wrapper", inside), configuration));
        Assert.Equal("The file '/srv/canteen-old' already exists.", StartupFailure.Describe(elsewhere, configuration));
        Assert.Equal("The file '/srv/canteen-old' already exists.", StartupFailure.Describe(elsewhere));
    }

    [Fact]
    public void Describe_AnyOtherFailure_IsNotTheEnvironment()
    {
        Assert.Null(StartupFailure.Describe(new InvalidOperationException("Failed to bind to address http://127.0.0.1:1")));
        Assert.Null(StartupFailure.Describe(new NullReferenceException()));
        Assert.Null(StartupFailure.Describe(new AggregateException(new ArgumentException("x"), new TimeoutException())));

        // A socket error that Kestrel did not throw while listening is not about --urls.
        Assert.Null(StartupFailure.Describe(new SocketException((int)SocketError.AccessDenied)));

        // What the test host throws from Build to take the host over: it must get through Program unchanged.
        Assert.Null(StartupFailure.Describe(new HostAbortedException()));

        // A server answer that means the code is wrong (no such table), or SQLite's own "SQL error": a bug.
        Assert.Null(StartupFailure.Describe(new PostgresException("relation \"orders\" does not exist", "ERROR", "ERROR", "42P01")));
        Assert.Null(StartupFailure.Describe(new SqliteException("SQLite Error 1: 'no such table: orders'.", 1)));

        // An assembly that does not load is a broken install, whose stack trace matters.
        Assert.Null(StartupFailure.Describe(new FileLoadException("Could not load file or assembly 'X'.")));
    }

    private static Uri FreeAddress() => new($"http://127.0.0.1:{ServerCommand.FreeLoopbackPort()}");

    /// <summary>Starts the server, expects it to fail with exit code 3 and one stderr line, and returns that line.</summary>
    private static async Task<string> RunUntilItFails(Uri address, IReadOnlyList<string> settings, string? secret = null)
    {
        var run = await FailedStart.RunAsync(address, settings);

        Assert.Equal(3, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Canteen cannot start: ", line, StringComparison.Ordinal);
        // The host still logs the failure as a JSON record on stdout, for the log pipeline; what it must not do
        // is crash with the runtime's plain-text dump.
        var everything = run.Output + line;
        Assert.DoesNotContain("Unhandled exception", everything, StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        return line;
    }
}
