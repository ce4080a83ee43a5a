namespace Chat.Web.Errors;

/// <summary>
/// The shape of every failure body as the API document describes it: RFC 9457 members
/// and the seed's <c>did_succeed</c> and <c>message</c>; <c>errors</c> on validation
/// failures, field name to reasons; <c>trace_id</c> to quote when reporting a problem.
/// <see cref="Problems"/> writes it.
/// </summary>
public sealed record ProblemBody(
    string Title,
    int Status,
    string Detail,
    bool DidSucceed,
    string Message,
    string? Type = null,
    string? Instance = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? TraceId = null);
