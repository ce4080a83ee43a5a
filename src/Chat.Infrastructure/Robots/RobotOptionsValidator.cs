using Chat.Domain.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// Checks the <c>Robot</c> section at startup, so a typo stops the host with a
/// sentence naming the setting instead of a robot that silently never answers.
/// </summary>
/// <param name="section">The raw <c>Robot</c> section, to spot entries the binder dropped.</param>
internal sealed class RobotOptionsValidator(IConfiguration section) : IValidateOptions<RobotOptions>
{
    private const string Section = RobotOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RobotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.ReplyDelay < TimeSpan.Zero)
        {
            failures.Add($"{Section}:ReplyDelay must not be negative (it is {options.ReplyDelay}).");
        }

        if (options.ReplyTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ReplyTimeout must be positive (it is {options.ReplyTimeout}).");
        }

        foreach (var (key, model) in options.Models)
        {
            failures.AddRange(ModelProblems(key, model));
        }

        // The binder silently skips a dictionary entry it cannot convert (a misspelt
        // Provider, a Seed that is not a number), which would quietly withdraw a model.
        foreach (var entry in section.GetSection(nameof(RobotOptions.Models)).GetChildren())
        {
            if (!options.Models.ContainsKey(entry.Key))
            {
                failures.Add(Unreadable(entry));
            }
        }

        // The failures are joined with "; ", which reads badly after a full stop.
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => f.TrimEnd('.')));
    }

    /// <summary>Whether a model key can be stored on a session and typed by a client without surprises.</summary>
    private static string? KeyProblem(string key)
    {
        if (key.Length is 0 or > ChatSession.MaxRobotLength)
        {
            return $"The model name '{key}' must be 1-{ChatSession.MaxRobotLength} characters, as it is stored on the session.";
        }

        return key.All(IsKeyCharacter)
            ? null
            : $"The model name '{key}' may only use letters, digits, '-', '_', '.' and ':'.";
    }

    private static string Unreadable(IConfigurationSection entry)
    {
        var path = $"{Section}:Models:{entry.Key}";
        try
        {
            entry.Get<RobotModelOptions>();
        }
        catch (InvalidOperationException exception)
        {
            return $"{path} cannot be read: {exception.Message}";
        }

        return $"{path} cannot be read.";
    }

    private static IEnumerable<string> ModelProblems(string key, RobotModelOptions model)
    {
        var path = $"{Section}:Models:{key}";
        var keyProblem = KeyProblem(key);
        if (keyProblem is not null)
        {
            yield return $"{path}: {keyProblem}";
        }

        switch (model.Provider)
        {
            case null:
                yield return $"{path}:Provider is required: {RobotProvider.Offline} or {RobotProvider.OpenAI}.";
                break;
            case RobotProvider.Offline:
                break;
            case RobotProvider.OpenAI:
                if (model.Endpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                {
                    yield return $"{path}:Endpoint must be an absolute http or https address, such as http://localhost:11434/v1.";
                }

                if (string.IsNullOrWhiteSpace(model.Model))
                {
                    yield return $"{path}:Model must name the provider's model, such as llama3.";
                }

                break;
            default:
                yield return $"{path}:Provider '{model.Provider}' is unknown: use {RobotProvider.Offline} or {RobotProvider.OpenAI}.";
                break;
        }
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
