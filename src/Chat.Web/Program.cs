using Chat.Application;
using Chat.Infrastructure;
using Chat.Infrastructure.Persistence;
using Chat.Web;
using Chat.Web.Endpoints;
using Chat.Web.Hubs;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddApplication().AddInfrastructure(builder.Configuration).AddWeb();

var app = builder.Build();
await app.Services.MigrateChatDatabase();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<HubOriginCheck>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapGroup("/api").MapStatus().MapUsers().MapLobby().MapRobots().MapMessages();
app.MapHub<ChatHub>(HubAddress.Path);
app.MapHealth();

await app.RunAsync();

/// <summary>Visible to the test host.</summary>
public partial class Program;
