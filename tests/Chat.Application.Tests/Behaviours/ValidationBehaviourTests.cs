using Chat.Application.Common.Behaviours;
using FluentValidation;
using Mediator;

namespace Chat.Application.Tests.Behaviours;

public sealed class ValidationBehaviourTests
{
    private int _handled;

    [Fact]
    public async Task Handle_WithFailuresFromSeveralValidators_ThrowsOneExceptionWithAllOfThem()
    {
        var first = new InlineValidator<Probe>();
        first.RuleFor(p => p.Name).NotEmpty().WithMessage("name is required");
        var second = new InlineValidator<Probe>();
        second.RuleFor(p => p.Count).GreaterThan(0).WithMessage("count must be positive");
        second.RuleFor(p => p.Name).Must(n => n != null).WithMessage("name must be given");

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => Run(new Probe(null, 0), first, second));

        Assert.Equal(
            ["name is required", "count must be positive", "name must be given"],
            refused.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(0, _handled);
    }

    [Fact]
    public async Task Handle_AValidMessage_ReachesTheHandler()
    {
        var validator = new InlineValidator<Probe>();
        validator.RuleFor(p => p.Name).NotEmpty();

        var response = await Run(new Probe("ok", 1), validator);

        Assert.Equal("handled ok", response);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Handle_AMessageWithoutValidators_ReachesTheHandler()
    {
        Assert.Equal("handled ", await Run(new Probe("", 0)));
    }

    public sealed record Probe(string? Name, int Count) : ICommand<string>;

    private Task<string> Run(Probe probe, params IValidator<Probe>[] validators) =>
        new ValidationBehaviour<Probe, string>(validators)
            .Handle(probe, (message, _) =>
            {
                _handled++;
                return ValueTask.FromResult($"handled {message.Name}");
            }, Ct)
            .AsTask();
}

/// <summary>The behaviour validates synchronously, which holds only while no validator has an async rule.</summary>
public sealed class ValidatorsAreSynchronousTests
{
    public static TheoryData<Type> Validators() =>
        [.. typeof(Chat.Application.DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))];

    [Theory]
    [MemberData(nameof(Validators))]
    public void Validator_HasNoAsyncRuleOrCondition(Type validatorType)
    {
        // Ports a validator reads (such as the robot catalogue) are substitutes: only the rules' kind matters here.
        var constructor = validatorType.GetConstructors().Single();
        var ports = constructor.GetParameters().Select(p => NSubstitute.Substitute.For([p.ParameterType], [])).ToArray();
        var rules = ((IEnumerable<FluentValidation.IValidationRule>)constructor.Invoke(ports)).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.False(rule.HasAsyncCondition, $"{validatorType.Name}.{rule.PropertyName} has an async condition"));
        Assert.All(rules.SelectMany(rule => rule.Components), component =>
            Assert.False(
                component.HasAsyncCondition || OnlyAsync(component.Validator.GetType()),
                $"{validatorType.Name} has the async rule {component.Validator.Name}"));
    }

    /// <summary>A property validator that can run only asynchronously, such as MustAsync's.</summary>
    private static bool OnlyAsync(Type validator)
    {
        var contracts = validator.GetInterfaces().Where(i => i.IsGenericType).Select(i => i.GetGenericTypeDefinition()).ToList();
        return contracts.Contains(typeof(FluentValidation.Validators.IAsyncPropertyValidator<,>))
            && !contracts.Contains(typeof(FluentValidation.Validators.IPropertyValidator<,>));
    }
}
