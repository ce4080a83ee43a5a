namespace Chat.Web.Telemetry;

/// <summary>
/// Log scopes (the request's id, path, trace and span ids, and the connection's id,
/// attached to every line logged under them) are captured only when an output writes
/// them: when some logging setting <c>…:IncludeScopes</c> is true, as
/// <c>Logging:Console:FormatterOptions:IncludeScopes</c> is for the console. Setting
/// <c>Logging:CaptureScopes</c> decides it outright.
/// </summary>
/// <remarks>
/// No output writes scopes by default, yet capturing them costs every request a few
/// objects, and a hub connection's request keeps them for the connection's life: three
/// scopes of two objects and an array each, about 0.7 KB on every idle connection
/// (ADR-004, fifteenth revision).
/// </remarks>
public static class LogScopes
{
    public const string CaptureSetting = "Logging:CaptureScopes";

    private const string IncludeSettingSuffix = ":IncludeScopes";

    public static IServiceCollection AddLogScopesWhenWritten(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<LoggerFilterOptions>(options =>
        {
            if (configuration[CaptureSetting] is null)
            {
                options.CaptureScopes = AreWritten(configuration);
            }
        });
        return services;
    }

    /// <summary>Whether a logging setting asks an output to write scopes.</summary>
    public static bool AreWritten(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection("Logging").AsEnumerable().Any(setting =>
            setting.Key.EndsWith(IncludeSettingSuffix, StringComparison.OrdinalIgnoreCase)
            && bool.TryParse(setting.Value, out var included)
            && included);
    }
}
