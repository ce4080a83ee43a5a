namespace Chat.Application.Common.Exceptions;

/// <summary>The caller is not signed in (or their sign-in has ended).</summary>
public sealed class UnauthorizedException(string message = "You need to sign in first.") : Exception(message);
