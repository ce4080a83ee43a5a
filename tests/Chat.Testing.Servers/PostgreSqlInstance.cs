using System.Net;
using Npgsql;

namespace Chat.Testing.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a new temporary folder, then
/// <c>pg_ctl start</c> on a free loopback port with its socket in that folder.
/// Throwaway, durability is switched off (fsync, synchronous commit, full-page
/// writes): the data lives only as long as the test run. Durable, the server
/// commits as a production server does, for measurements. Stopping deletes the folder.
/// </summary>
public sealed class PostgreSqlInstance
{
    public const string Superuser = "postgres";

    /// <summary>The database initdb creates, to connect to when creating others.</summary>
    public const string AdminDatabase = "postgres";

    private const int StartAttempts = 3;

    private readonly PostgreSqlBinaries _binaries;
    private readonly ServerAccount _account;
    private readonly string _folder;
    private readonly PostgreSqlDurability _durability;

    private PostgreSqlInstance(PostgreSqlBinaries binaries, ServerAccount account, string folder, PostgreSqlDurability durability, int port)
    {
        _binaries = binaries;
        _account = account;
        _folder = folder;
        _durability = durability;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    private string LogFile => Path.Combine(_folder, "server.log");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = Superuser,
        Database = database,
        MaxPoolSize = 40,
    }.ConnectionString;

    public static Task<PostgreSqlInstance> Start(PostgreSqlBinaries binaries, CancellationToken cancellationToken) =>
        Start(binaries, PostgreSqlDurability.Throwaway, cancellationToken);

    public static async Task<PostgreSqlInstance> Start(PostgreSqlBinaries binaries, PostgreSqlDurability durability, CancellationToken cancellationToken)
    {
        var account = await ServerAccount.Prepare(cancellationToken);
        var folder = Directory.CreateTempSubdirectory("chat-pg-").FullName;
        try
        {
            await account.Own(folder, cancellationToken);
            await account.Run(
                binaries.InitDb,
                ["-D", Path.Combine(folder, "data"), "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
                folder,
                cancellationToken);

            for (var attempt = 1; ; attempt++)
            {
                var instance = new PostgreSqlInstance(binaries, account, folder, durability, FreePort.Next());
                try
                {
                    await instance.PgCtl(["start", "-w", "-t", "60", "-l", instance.LogFile, "-o", instance.ServerOptions()], cancellationToken);
                    return instance;
                }
                catch (InvalidOperationException) when (attempt < StartAttempts)
                {
                    // Most likely another process took the port between the probe and the start: try another.
                }
                catch (InvalidOperationException ex)
                {
                    throw new InvalidOperationException($"PostgreSQL did not start. Its log:{Environment.NewLine}{ReadLog(instance.LogFile)}", ex);
                }
            }
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public async Task Stop()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await PgCtl(["stop", "-w", "-m", "fast"], timeout.Token);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The server's main process (its connections' processes are its children), or null when it is not running.</summary>
    public int? PostmasterProcessId =>
        File.Exists(Path.Combine(DataFolder, "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public async Task CreateDatabase(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(AdminDatabase));
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server but keeps its data, for tests of a database that goes away for a while.</summary>
    public Task<string> Pause(CancellationToken cancellationToken) =>
        PgCtl(["stop", "-w", "-m", "fast"], cancellationToken);

    /// <summary>Starts a paused server again, on the same port.</summary>
    public Task<string> Resume(CancellationToken cancellationToken) =>
        PgCtl(["start", "-w", "-t", "60", "-l", LogFile, "-o", ServerOptions()], cancellationToken);

    private Task<string> PgCtl(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        _account.Run(_binaries.PgCtl, [.. arguments.Take(1), "-D", DataFolder, .. arguments.Skip(1)], _folder, cancellationToken);

    private string ServerOptions() =>
        $"-p {Port} -k '{_folder}' -c listen_addresses=127.0.0.1 -c max_connections=200 "
        + (_durability == PostgreSqlDurability.Durable
            ? "-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
            : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    private static string ReadLog(string logFile) => File.Exists(logFile) ? File.ReadAllText(logFile) : "(no log written)";
}
