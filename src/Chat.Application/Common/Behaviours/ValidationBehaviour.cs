using FluentValidation;
using Mediator;

namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the message and throws one <see cref="ValidationException"/> with all failures.
/// </summary>
/// <remarks>
/// Validators check the shape of the input and nothing else, so they are
/// synchronous: a rule that needs the database belongs in the handler, inside its
/// transaction. That keeps this behaviour, which every message passes, free of
/// async machinery (a test holds every validator to it).
/// </remarks>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = [.. validators];

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in _validators)
        {
            // A context per validator: a result's Errors is its context's running list
            // of failures, so a shared context would repeat every earlier validator's.
            var result = validator.Validate(new ValidationContext<TMessage>(message));
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        return failures is null ? next(message, cancellationToken) : throw new ValidationException(failures);
    }
}
