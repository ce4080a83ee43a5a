using Chat.Domain.Users;
using FluentValidation;

namespace Chat.Application.Users.RegisterUser;

public sealed class RegisterUserValidator : AbstractValidator<RegisterUser>
{
    public RegisterUserValidator()
    {
        RuleFor(c => c.Username).Custom((username, context) =>
        {
            if (Username.Problem(username) is { } problem)
            {
                context.AddFailure(nameof(RegisterUser.Username), problem);
            }
        });
    }
}
