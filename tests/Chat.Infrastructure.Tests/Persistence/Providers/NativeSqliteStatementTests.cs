using Chat.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace Chat.Infrastructure.Tests.Persistence.Providers;

/// <summary>
/// The message writer's prepared statement stores each value exactly as
/// <see cref="SqliteCommand"/> (and so EF) stores it: a row written either way reads
/// and compares alike.
/// </summary>
public sealed class NativeSqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public NativeSqliteStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (way TEXT NOT NULL, v)";
        create.ExecuteNonQuery();
    }

    public static TheoryData<string> Timestamps =>
    [
        "2026-12-07T07:20:57.1234567+00:00",
        "2026-12-07T07:20:57.1200000+00:00",
        "2026-12-07T07:20:57.0000001+00:00",
        "2026-12-07T07:20:57.0000000+00:00",
        "2026-01-01T00:00:00.5000000+00:00",
        "2024-02-29T23:59:59.9999999+05:30",
        "1999-12-31T12:00:00.0100000-08:00",
        "0042-03-04T05:06:07.0800000+14:00",
    ];

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void Bind_ATimestamp_StoresTheTextSqliteCommandStores(string roundTrip)
    {
        var value = DateTimeOffset.Parse(roundTrip, System.Globalization.CultureInfo.InvariantCulture);

        var (native, command) = StoreBothWays(value);

        Assert.Equal(command, native);
        Assert.Equal(value, DateTimeOffset.Parse((string)native!, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string> Texts =>
    [
        "hello",
        "",
        "נקודה 👋 café Zoë 日本語",
        "👨‍👩‍👧‍👦 " + new string('x', 3000),
        string.Concat(Enumerable.Repeat("😀", 2000)),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Bind_Text_StoresTheSameTextAsSqliteCommand_EmptyStayingEmpty(string text)
    {
        var (native, command) = StoreBothWays(text);

        Assert.Equal(text, command);
        Assert.Equal(text, native);
        Assert.Equal(["text", "text"], Types());
    }

    [Fact]
    public void Bind_NullText_StoresNull()
    {
        var (native, command) = StoreBothWays((string?)null);

        Assert.Null(native);
        Assert.Null(command);
        Assert.Equal(["null", "null"], Types());
    }

    [Fact]
    public void Bind_LongTextAfterShortText_ReplacesTheValueWholly()
    {
        using var statement = NativeSqliteStatement.Prepare(_connection, "INSERT INTO t (way, v) VALUES ('native', @v)");
        var v = statement.Parameter("@v");

        statement.Bind(v, new string('a', 5000));
        statement.Execute();
        statement.Bind(v, "short");
        statement.Execute();

        Assert.Equal([new string('a', 5000), "short"], Values("native"));
    }

    [Fact]
    public void ReadFirst_ARowFound_ReadsItsIntegersAndText()
    {
        Insert("a", "café 👋");
        Insert("b", "other");
        using var statement = NativeSqliteStatement.Prepare(_connection, "SELECT rowid, v FROM t WHERE way = @way");
        statement.Bind(statement.Parameter("@way"), "a");

        Assert.True(statement.ReadFirst());
        Assert.Equal(1, statement.Int64(0));
        Assert.Equal("café 👋", statement.Text(1));
        statement.Reset();
    }

    [Fact]
    public void ReadFirst_NoRow_AnswersFalse_AndTheStatementRunsAgainWithOtherValues()
    {
        Insert("b", "found");
        using var statement = NativeSqliteStatement.Prepare(_connection, "SELECT v FROM t WHERE way = @way");
        var way = statement.Parameter("@way");

        statement.Bind(way, "missing");
        Assert.False(statement.ReadFirst());
        statement.Reset();
        statement.Bind(way, "b");
        Assert.True(statement.ReadFirst());
        Assert.Equal("found", statement.Text(0));
        statement.Reset();
    }

    [Fact]
    public void Text_Null_ReadsAsNull()
    {
        using var statement = NativeSqliteStatement.Prepare(_connection, "SELECT NULL");

        Assert.True(statement.ReadFirst());
        Assert.Null(statement.Text(0));
        statement.Reset();
    }

    private void Insert(string way, string value)
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (way, v) VALUES (@way, @v)";
        insert.Parameters.AddWithValue("@way", way);
        insert.Parameters.AddWithValue("@v", value);
        insert.ExecuteNonQuery();
    }

    private (object? Native, object? Command) StoreBothWays<T>(T value)
    {
        using (var statement = NativeSqliteStatement.Prepare(_connection, "INSERT INTO t (way, v) VALUES ('native', @v)"))
        {
            var v = statement.Parameter("@v");
            switch (value)
            {
                case DateTimeOffset timestamp:
                    statement.Bind(v, timestamp);
                    break;
                default:
                    statement.Bind(v, (string?)(object?)value);
                    break;
            }
            Assert.Equal(1, statement.Execute());
        }

        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (way, v) VALUES ('command', @v)";
        insert.Parameters.AddWithValue("@v", (object?)value ?? DBNull.Value);
        insert.ExecuteNonQuery();

        return (Values("native").Single(), Values("command").Single());
    }

    private List<object?> Values(string way)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT v FROM t WHERE way = @way ORDER BY rowid";
        select.Parameters.AddWithValue("@way", way);
        using var reader = select.ExecuteReader();
        var values = new List<object?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }
        return values;
    }

    private List<string> Types()
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT typeof(v) FROM t ORDER BY rowid";
        using var reader = select.ExecuteReader();
        var types = new List<string>();
        while (reader.Read())
        {
            types.Add(reader.GetString(0));
        }
        return types;
    }

    public void Dispose() => _connection.Dispose();
}
