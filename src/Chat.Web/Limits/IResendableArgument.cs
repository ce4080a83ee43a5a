using Chat.Application.Common.Models;
using Mediator;

namespace Chat.Web.Limits;

/// <summary>
/// A hub call's argument that may resend something already stored. Over its method's
/// limit such a call is not refused at once: what it resends is looked up, and the call
/// is answered with it, since a resend stores nothing new (docs/realtime.md). Only a
/// call that resends nothing stored is refused.
/// </summary>
public interface IResendableArgument
{
    /// <summary>The lookup of what this call would resend, or null when it cannot be a resend (it carries no client id).</summary>
    IQuery<MessageDto?>? Resent { get; }
}
