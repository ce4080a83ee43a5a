using System.Collections.Concurrent;
using Chat.Infrastructure.Tests.Robots.Support;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// <see cref="ChatApp"/> with three robots on offer: the offline <c>eliza</c>,
/// <c>stubby</c> behind a local chat-completions stub that answers, and <c>broken</c>
/// behind one that answers 500. The stubs start before the server, which is given
/// their addresses. The robot pauses only briefly, so the tests wait for little.
/// A failing model is a warning by design; an error means a turn broke.
/// </summary>
public sealed class RobotApp : ChatApp
{
    public const string StubReply = "haha same here";
    public const string StubProviderModel = "stub-model";

    private StubCompletionsServer? _answering;
    private StubCompletionsServer? _failing;

    /// <summary>What the stub that answers was asked.</summary>
    internal ConcurrentQueue<StubRequest> AnsweringRequests => _answering!.Requests;

    /// <summary>What the stub that fails was asked.</summary>
    internal ConcurrentQueue<StubRequest> FailingRequests => _failing!.Requests;

    protected override async ValueTask BeforeStart()
    {
        _answering = await StubCompletionsServer.StartAsync(StubReplies.Answer(StubReply));
        _failing = await StubCompletionsServer.StartAsync(StubReplies.Status(500));
        Settings["Robot:ReplyDelay"] = "00:00:00.050";
        Settings["Robot:Models:eliza:Provider"] = "Offline";
        OpenAIModel("stubby", _answering.Endpoint);
        OpenAIModel("broken", _failing.Endpoint);
    }

    protected override async ValueTask AfterStop()
    {
        await (_answering?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_failing?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private void OpenAIModel(string name, Uri endpoint)
    {
        Settings[$"Robot:Models:{name}:Provider"] = "OpenAI";
        Settings[$"Robot:Models:{name}:Endpoint"] = endpoint.ToString();
        Settings[$"Robot:Models:{name}:Model"] = StubProviderModel;
    }
}
