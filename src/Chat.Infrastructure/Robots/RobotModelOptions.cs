namespace Chat.Infrastructure.Robots;

/// <summary>Which kind of language model stands behind a robot.</summary>
public enum RobotProvider
{
    /// <summary>The built-in rule-based responder: no network, deterministic for its seed.</summary>
    Offline,

    /// <summary>Any endpoint speaking the OpenAI chat-completions format (OpenAI, Ollama, vLLM, llama.cpp server).</summary>
    OpenAI,
}

/// <summary>One entry of <c>Robot:Models</c>.</summary>
public sealed class RobotModelOptions
{
    /// <summary>Required, so that a forgotten line cannot silently turn a remote model into the offline one.</summary>
    public RobotProvider? Provider { get; set; }

    /// <summary>
    /// Configuration sources can add models but not remove them, so a host that
    /// layers its own settings over the defaults switches one off with this.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Offline: makes the replies reproducible; two robots with different seeds talk differently.</summary>
    public int Seed { get; set; }

    /// <summary>OpenAI: the base address, ending before <c>/chat/completions</c> (e.g. <c>http://localhost:11434/v1</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>OpenAI: the key sent as a bearer token; local servers usually need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>OpenAI: the provider's model name, which may differ from the key a host picks.</summary>
    public string? Model { get; set; }
}
