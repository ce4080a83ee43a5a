using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Chat.Infrastructure.Robots.OpenAICompatible;

/// <summary>Builds the client for an endpoint speaking the OpenAI chat-completions format.</summary>
internal static class OpenAICompatibleChatClient
{
    /// <summary>Local servers (Ollama, llama.cpp) ignore the key, but the SDK refuses an empty one.</summary>
    private const string PlaceholderKey = "unused";

    public static IChatClient Create(RobotModelOptions model, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = new OpenAIClientOptions
        {
            Endpoint = model.Endpoint,
            NetworkTimeout = timeout,

            // A retry after a 500 or a timeout would answer long after the
            // conversation moved on; the robot rather skips the turn.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var key = string.IsNullOrEmpty(model.ApiKey) ? PlaceholderKey : model.ApiKey;
        return new ChatClient(model.Model, new ApiKeyCredential(key), options).AsIChatClient();
    }
}
