using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Npgsql;
using StackExchange.Redis;
using static SQLitePCL.raw;

namespace Canteen.Server.Hosting;

/// <summary>
/// Makes a start-up failure caused by the server's environment (the address is taken, the data directory is unusable,
/// the database or Redis cannot be reached or refuses the login) stop start-up with one line saying what to fix,
/// instead of the runtime's crash dump: the operator fixes these on the host, and a stack trace only hides the cause.
/// </summary>
internal static class StartupFailure
{
    /// <summary>SQLSTATE classes: connection, authorization, catalog, schema, resources, operator, system error.</summary>
    private static readonly string[] EnvironmentSqlStates = ["08", "28", "3D", "3F", "53", "57", "58"];

    /// <summary>
    /// The one-line reason start-up failed when the cause is the environment, searched through wrapping exceptions
    /// (<see cref="ExceptionCauses"/>); null for any
    /// other failure, which is likely a bug and keeps its full report. Built from exception messages, which name
    /// hosts, ports, users and paths but never a password, and from setting names, never their values.
    /// </summary>
    /// <param name="failure">What start-up threw.</param>
    /// <param name="configuration">The server's configuration when it was built, to recognise the data directory.</param>
    public static string? Describe(Exception failure, IConfiguration? configuration = null) =>
        ExceptionCauses.FirstReason(failure, e => Reason(e, configuration));

    private static string? Reason(Exception e, IConfiguration? configuration) => e switch
    {
        // Kestrel's "Failed to bind to address http://…: address already in use."
        IOException { InnerException: AddressInUseException } =>
            $"{e.Message} Another process is listening there: stop it or choose another address with --urls.",

        // Any other listening failure (permission denied below port 1024, an address this host does not have) comes
        // from Kestrel as it is, sometimes a bare SocketException without the address: name the setting instead.
        IOException or SocketException when ThrownBy(e, "Microsoft.AspNetCore.Server.Kestrel") =>
            $"Failed to bind to {configuration?["urls"] ?? "the listening address"}: {e.Message.TrimEnd('.')}. "
            + "Choose another address with --urls.",

        // Of the server's answers only those about the connection, the login (28P01 wrong password), the database or
        // schema missing, privileges, resources, shutdown or I/O; a syntax error or a broken constraint is a bug.
        // Anything else Npgsql throws is the connection failing.
        PostgresException { SqlState: var state } when !EnvironmentSqlStates.Contains(state[..2]) && state != "42501" => null,
        NpgsqlException => $"PostgreSQL (Canteen:Postgres:ConnectionString) cannot be used: {WithCause(e)}",

        // SQLite's messages name no file: say which one.
        SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SQLITE_PERM or SQLITE_BUSY or SQLITE_READONLY
            or SQLITE_IOERR or SQLITE_CORRUPT or SQLITE_FULL or SQLITE_CANTOPEN or SQLITE_NOTADB =>
            $"the SQLite database in the data directory {Named(DataDirectory(configuration))}(Canteen:DataDirectory) "
            + $"cannot be used: {e.Message}",

        // Cut the library's advice to set abortConnect=false: that would start a server whose stock authority is down.
        RedisConnectionException or RedisTimeoutException =>
            $"Redis (Canteen:Redis:Configuration) cannot be used: {e.Message.Split(" To allow this multiplexer", 2)[0]}",

        // An assembly that does not load is a broken install, not a file of the operator's.
        FileLoadException => null,
        IOException or UnauthorizedAccessException when DataDirectory(configuration) is { } directory
            && (e.Message.Contains($"'{directory}'", StringComparison.Ordinal)
                || e.Message.Contains($"'{directory}{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) =>
            $"the data directory (Canteen:DataDirectory) cannot be used: {e.Message}",
        IOException or UnauthorizedAccessException => e.Message,
        _ => null,
    };

    /// <summary>"Failed to connect to 127.0.0.1:5999" alone does not say what happened; the socket error inside does.</summary>
    private static string WithCause(Exception e) =>
        e.InnerException is { } cause && !e.Message.Contains(cause.Message, StringComparison.Ordinal)
            ? $"{e.Message.TrimEnd('.')}: {cause.Message}"
            : e.Message;

    /// <summary>Resolved as the storage and the signing key resolve it, so it matches the paths in their errors.</summary>
    private static string? DataDirectory(IConfiguration? configuration) =>
        configuration is null ? null : Path.GetFullPath(configuration["Canteen:DataDirectory"] ?? "./data");

    private static string Named(string? directory) => directory is null ? "" : directory + " ";

    private static bool ThrownBy(Exception e, string namespacePrefix) =>
        new StackTrace(e).GetFrames().Any(f =>
            f.GetMethod()?.DeclaringType?.Namespace?.StartsWith(namespacePrefix, StringComparison.Ordinal) == true);
}
