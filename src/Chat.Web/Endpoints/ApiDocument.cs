using Chat.Web.Errors;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
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
            o.AddDocumentTransformer((document, context, _) =>
            {
                document.Info.Title = "Chat API";
                document.Info.Description =
                    "REST calls of the chat service. Every failure is an RFC 9457 problem body that also carries " +
                    "`did_succeed: false` and `message`; validation failures add `errors` keyed by field. " +
                    "The real-time hub at `/chat` is described in docs/realtime.md.";
                document.Paths = KeepTrailingSlashes(document.Paths, context.DescriptionGroups);
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Times and a game's votes are written by the service's own converters, which
                // the schema generator cannot see into: it gives no JSON type for them.
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset))
                {
                    schema.Type = JsonSchemaType.String;
                }
                else if (type == typeof(DateTimeOffset?))
                {
                    schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
                }
                else if (type == typeof(IReadOnlyDictionary<string, string>))
                {
                    schema.Type = JsonSchemaType.Object;
                    schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String };
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (status is "429" or "503" && response is OpenApiResponse waited)
                    {
                        waited.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        waited.Headers["Retry-After"] = new OpenApiHeader
                        {
                            Description = "Seconds to wait before sending the request again.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        };
                    }
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The paths as the routes spell them: the generator drops a route's trailing slash,
    /// which would list the contract's <c>GET /api/</c> as <c>/api</c>. Both URLs are served.
    /// </summary>
    private static OpenApiPaths KeepTrailingSlashes(OpenApiPaths paths, IReadOnlyList<ApiDescriptionGroup> groups)
    {
        var slashed = groups.SelectMany(g => g.Items)
            .Select(d => "/" + d.RelativePath)
            .Where(p => p.Length > 1 && p.EndsWith('/'))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p.TrimEnd('/'), StringComparer.Ordinal);
        var renamed = new OpenApiPaths();
        foreach (var (path, item) in paths)
        {
            renamed.Add(slashed.GetValueOrDefault(path, path), item);
        }

        return renamed;
    }

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

    /// <summary>
    /// Declares the problem a call answers while it cannot use the database (503, with
    /// <c>Retry-After</c>): every call that reads or writes it.
    /// </summary>
    public static RouteHandlerBuilder NeedsDatabase(this RouteHandlerBuilder builder) =>
        builder.ProducesProblems(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// A 200 whose body has one of two shapes (<typeparamref name="TFirst"/> or
    /// <typeparamref name="TSecond"/>), each described as a schema of its own.
    /// </summary>
    public static RouteHandlerBuilder ProducesEither<TFirst, TSecond>(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Produces<TFirst>().AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Document is not { } document
                || operation.Responses is null
                || !operation.Responses.TryGetValue("200", out var response)
                || response.Content is null
                || !response.Content.TryGetValue("application/json", out var ok))
            {
                return;
            }

            List<IOpenApiSchema> shapes = [];
            foreach (var type in new[] { typeof(TFirst), typeof(TSecond) })
            {
                document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
                shapes.Add(new OpenApiSchemaReference(type.Name, document));
            }

            // anyOf rather than oneOf: a body of the first shape also has every member the second requires.
            ok.Schema = new OpenApiSchema { AnyOf = shapes };
        });
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
