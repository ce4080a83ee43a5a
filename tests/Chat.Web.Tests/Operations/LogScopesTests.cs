using Chat.Web.Telemetry;
using Chat.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Web.Tests.Operations;

/// <summary>
/// Log scopes are captured only when an output writes them (<see cref="LogScopes"/>):
/// read through a logger factory set up as the host sets up its own, with a provider
/// that reads the scopes around each line as the console's formatters do.
/// </summary>
public sealed class LogScopesTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public void TheServiceAsShipped_CapturesNoScopes()
    {
        Assert.False(app.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.CaptureScopes);
    }

    [Fact]
    public void ALine_CarriesNoScope_WhenNoOutputWritesScopes()
    {
        Assert.Empty(ScopesAroundALine([]));
    }

    [Theory]
    [InlineData("Logging:Console:FormatterOptions:IncludeScopes")]
    [InlineData("Logging:Console:IncludeScopes")]
    [InlineData("Logging:OpenTelemetry:IncludeScopes")]
    public void ALine_CarriesItsScope_WhenAnOutputWritesScopes(string setting)
    {
        Assert.Equal(["request 7"], ScopesAroundALine(new() { [setting] = "true" }));
    }

    [Fact]
    public void AnOutputThatLeavesScopesOut_DoesNotHaveThemCaptured()
    {
        Assert.Empty(ScopesAroundALine(new() { ["Logging:Console:FormatterOptions:IncludeScopes"] = "false" }));
    }

    [Theory]
    [InlineData("true", "false", true)]
    [InlineData("false", "true", false)]
    public void CaptureScopesSetting_DecidesOutright(string capture, string include, bool captured)
    {
        var scopes = ScopesAroundALine(new()
        {
            [LogScopes.CaptureSetting] = capture,
            ["Logging:Console:FormatterOptions:IncludeScopes"] = include,
        });

        Assert.Equal(captured, scopes.Count == 1);
    }

    private static List<object?> ScopesAroundALine(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var output = new ScopeReadingOutput();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(output))
            .AddLogScopesWhenWritten(configuration);
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Chat.Test");

        using (logger.BeginScope("request 7"))
        {
            logger.Log(LogLevel.Warning, default, "a line", null, (line, _) => line);
        }

        return output.ScopesOfLastLine;
    }

    /// <summary>An output that reads the scopes around each line, as the console's formatters do.</summary>
    private sealed class ScopeReadingOutput : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider? _scopes;

        public List<object?> ScopesOfLastLine { get; } = [];

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ScopesOfLastLine.Clear();
            _scopes?.ForEachScope((scope, lines) => lines.Add(scope), ScopesOfLastLine);
        }

        public void Dispose()
        {
        }
    }
}
