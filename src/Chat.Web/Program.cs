using Chat.Application;
using Chat.Infrastructure;
using Chat.Infrastructure.Persistence;
using Chat.Web;
using Chat.Web.Endpoints;
using Chat.Web.Hubs;
using Chat.Web.Identity;
using Chat.Web.Json;
using Chat.Web.Telemetry;

// The app's own folder, not the working directory, holds its wwwroot and appsettings:
// `dotnet /srv/chat/Chat.Web.dll` serves the same site from wherever it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddHostDefaults();
builder.Services.AddApplication().AddInfrastructure(builder.Configuration).AddWeb().AddChatTelemetry(builder.Configuration);

var app = builder.Build();
await app.Services.MigrateChatDatabase();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<HubOriginCheck>();
app.UseMiddleware<HubRequestActivity>();
app.UseDefaultFiles();
app.UseStaticFiles();

// Before authentication: a lobby listing the cache holds is the same for everyone and
// needs no sign-in, so a poll it answers does not decrypt the caller's cookie (ADR-019).
// A request it does not answer goes on through everything below.
app.UseOutputCache();
app.UseSignIn();
app.UseRateLimiter();
app.UseMiddleware<JsonBodyCharset>();

app.MapGroup("/api").MapStatus().MapRegistration().MapLobby().MapLobbySessions().MapLobbyUsers().MapRobots().MapMessages().MapLogout().MapVotes().MapStats();
app.MapChatHub();
app.MapApiDocument();
app.MapHealth();

await app.RunAsync();

/// <summary>Visible to the test host.</summary>
public partial class Program;
