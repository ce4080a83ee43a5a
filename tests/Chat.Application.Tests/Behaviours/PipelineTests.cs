using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Models;
using Chat.Application.Messages.SendMessage;
using Chat.Application.Sessions.TakeSeat;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Application.Tests.Behaviours;

/// <summary>
/// The behaviours each message passes through, as the mediator's generated pipeline
/// registers them: the same outer three for every message, and the retry and the
/// transaction only for the commands marked for them.
/// </summary>
public sealed class PipelineTests
{
    private readonly IServiceCollection _services = new ServiceCollection().AddApplication();

    [Fact]
    public void ARetryableCommand_PassesLoggingTimingValidationRetryAndTransaction_InThatOrder()
    {
        Assert.Equal(
            [typeof(LoggingBehaviour<,>), typeof(PerformanceBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(RetryOnConflictBehaviour<,>), typeof(TransactionBehaviour<,>)],
            BehavioursOf<TakeSeat, SessionDto>());
    }

    [Fact]
    public void AChatMessage_NeitherRetriedNorTransactional_PassesOnlyLoggingTimingAndValidation()
    {
        Assert.Equal(
            [typeof(LoggingBehaviour<,>), typeof(PerformanceBehaviour<,>), typeof(ValidationBehaviour<,>)],
            BehavioursOf<SendMessage, MessageDto>());
    }

    private List<Type> BehavioursOf<TMessage, TResponse>()
        where TMessage : IMessage =>
        [.. _services
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<TMessage, TResponse>))
            .Select(d => d.ImplementationType!.GetGenericTypeDefinition())];
}
