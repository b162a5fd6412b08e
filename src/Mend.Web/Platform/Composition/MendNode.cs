namespace Mend.Web.Platform.Composition;

/// <summary>
/// This node's name, from <c>Mend:Node:Name</c> (at most 200 characters), by default the machine's name and the process id,
/// so two nodes on one machine differ. Recorded against the hourly jobs a node ran (<see cref="Time.JobRun"/>).
/// </summary>
public sealed record MendNode(string Name)
{
    public static MendNode From(IConfiguration configuration) =>
        new(configuration["Mend:Node:Name"] is { Length: > 0 } name ? name.Trim() : $"{Environment.MachineName}:{Environment.ProcessId}");
}
