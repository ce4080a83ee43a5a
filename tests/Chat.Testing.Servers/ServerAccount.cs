namespace Chat.Testing.Servers;

/// <summary>
/// The account the test server runs as. PostgreSQL refuses to run as root, and CI
/// runs the tests as root: then the server's programs run through <c>runuser</c> as
/// the unprivileged <c>postgres</c> system account, which the postgresql packages
/// create and which is created here (<c>useradd --system</c>) when missing. Run as
/// anyone else, the server runs as that same user.
/// </summary>
internal sealed class ServerAccount
{
    public const string SystemUser = "postgres";

    private readonly string? _runAs;

    private ServerAccount(string? runAs) => _runAs = runAs;

    public static async Task<ServerAccount> Prepare(CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(runAs: null);
        }

        if (!await Processes.Succeeds("id", ["-u", SystemUser], cancellationToken))
        {
            await Processes.Run(
                "useradd",
                ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SystemUser],
                workingDirectory: null,
                cancellationToken);
        }

        return new ServerAccount(SystemUser);
    }

    /// <summary>Hands a folder made by the test process to the server's account.</summary>
    public async Task Own(string folder, CancellationToken cancellationToken)
    {
        if (_runAs is not null)
        {
            await Processes.Run("chown", ["-R", $"{_runAs}:", folder], workingDirectory: null, cancellationToken);
        }
    }

    /// <summary>Runs one of the server's programs as this account, from a folder it can enter.</summary>
    public Task<string> Run(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        _runAs is null
            ? Processes.Run(program, arguments, workingDirectory, cancellationToken)
            : Processes.Run("runuser", ["-u", _runAs, "--", program, .. arguments], workingDirectory, cancellationToken);
}
