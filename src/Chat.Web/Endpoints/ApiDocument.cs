using Chat.Web.Errors;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Chat.Web.Endpoints;

/// <summary>
/// The OpenAPI 3.1 document of the REST calls at <c>/openapi/v1.json</c>, written with the
/// same JSON options as the calls themselves (snake_case), and a reference page for it
/// at <c>/api-docs</c>.
/// </summary>
public static class ApiDocument
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api-docs";

    private const string ProblemMediaType = "application/problem+json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Chat API";
                document.Info.Description =
                    "REST calls of the chat service. Every failure is an RFC 9457 problem body that also carries " +
                    "`did_succeed: false` and `message`; validation failures add `errors` keyed by field. " +
                    "The real-time hub at `/chat` is described in docs/realtime.md.";
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("Chat API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
        return app;
    }

    /// <summary>Declares the problem responses an endpoint can give, with the body they carry.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            builder.Produces<ProblemBody>(status, ProblemMediaType);
        }

        return builder;
    }

    /// <summary>Query parameters read as text by the endpoint (to name them in errors) are whole numbers on the wire.</summary>
    public static RouteHandlerBuilder WithIntegerQuery(this RouteHandlerBuilder builder, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && names.Contains(parameter.Name))
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer };
                }
            }

            return Task.CompletedTask;
        });
    }
}
