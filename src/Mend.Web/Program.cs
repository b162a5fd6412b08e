using Mend.Web;
using Mend.Web.Platform;
using Mend.Web.Platform.Commands;

var command = MendCommands.Find(args);
try
{
    var builder = WebApplication.CreateBuilder(command is null ? args : []);
    builder.AddMend();
    var app = builder.Build();
    app.UseMend();

    if (command is not null)
    {
        return await command.RunAsync(app, args[1..]);
    }

    await app.PrepareAsync();
    await app.RunAsync();
    // A check that failed after start-up (KeyFingerprintCheck) stops the application with exit code 2.
    return Environment.ExitCode;
}
catch (MendConfigurationException ex)
{
    Console.Error.WriteLine($"Mend cannot start: {ex.Message}");
    return 2;
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
