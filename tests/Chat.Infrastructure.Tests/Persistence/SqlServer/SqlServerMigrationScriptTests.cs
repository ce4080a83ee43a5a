using System.Reflection;
using Chat.Infrastructure.Tests.Persistence.Support;
using Chat.Testing.Servers;

namespace Chat.Infrastructure.Tests.Persistence.SqlServer;

/// <summary>
/// SQL Server cannot run here, so its migrations are checked as a DBA would receive
/// them: the EF tool pinned in the repository's tool manifest generates the
/// idempotent script, which must create the tables and the unique indexes that
/// the service's rules rest on. It runs with the other tests, so `.ci/run` checks it too.
/// </summary>
public sealed class SqlServerMigrationScriptTests
{
    /// <summary>Seconds on an idle machine; the margin is for a busy one.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task IdempotentScript_CreatesTheTablesAndTheUniqueIndexes()
    {
        var script = await GenerateScript();

        foreach (var table in new[] { "Users", "Sessions", "Messages", "SessionMembers" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Matches(@"CREATE UNIQUE INDEX \[UX_Users_SignedInName\] ON \[Users\] \(\[NormalizedUsername\]\) WHERE .SignedOutAt. IS NULL", script);
        Assert.Matches(@"CREATE UNIQUE INDEX \[UX_Sessions_Room\] ON \[Sessions\] \(\[NormalizedRoom\]\)", script);
        Assert.Matches(@"CREATE UNIQUE INDEX \[UX_SessionMembers_OneSessionPerUser\] ON \[SessionMembers\] \(\[UserId\]\) WHERE .LeftAt. IS NULL", script);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <c>dotnet ef migrations script --idempotent</c> on the assemblies this test
    /// run already built (<c>--no-build</c>, same configuration), which keeps it to seconds.
    /// </summary>
    private static async Task<string> GenerateScript()
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        budget.CancelAfter(Budget);
        var output = Path.Combine(Directory.CreateTempSubdirectory("chat-sqlserver-").FullName, "migrations.sql");
        try
        {
            await Processes.Run("dotnet", ["tool", "restore"], RepositoryRoot.Path, budget.Token);
            await Processes.Run(
                "dotnet",
                [
                    "ef", "migrations", "script", "--idempotent",
                    "--context", "SqlServerChatDbContext",
                    "--project", Path.Combine("src", "Chat.Infrastructure"),
                    "--configuration", BuildConfiguration,
                    "--no-build",
                    "--output", output,
                ],
                RepositoryRoot.Path,
                budget.Token);
            return await File.ReadAllTextAsync(output, budget.Token);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    private static string BuildConfiguration =>
        typeof(SqlServerMigrationScriptTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
