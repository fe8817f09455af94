using MedicApp.Api;
using MedicApp.Api.Demo;
using MedicApp.Api.Drill;

if (args is ["demo", ..])
{
    return await DemoCommand.RunAsync(args[1..]);
}

if (args is ["drill", ..])
{
    return await DrillCommand.RunAsync(args[1..]);
}

var app = WebApplication.CreateBuilder(args).AddMedicAppApi().Build().UseMedicAppApi();
await app.RunAsync();
return 0;

/// <summary>The API's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
