using Scr.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddScrWeb();
var app = builder.Build();
app.UseScrWeb();
app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
