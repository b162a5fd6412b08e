using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Documents;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Documents;

/// <summary>A starter template as shipped: its source text (Features/Documents/Starters/*.txt) and what it is for.</summary>
public sealed record StarterTemplate(string Key, string Name, string Description, DocumentSubject Subject, DocumentPurpose Purpose, Jurisdiction? Jurisdiction,
    string Source);

/// <summary>
/// The templates Mend ships, written in plain English for this project, installed as version 1 of each template the
/// first time templates are used. A service edits them in Word and uploads new versions; Mend never overwrites those.
/// </summary>
public sealed class StarterTemplates(MendDb db, DocumentSettings settings, TimeProvider clock, ILogger<StarterTemplates> log)
{
    public const string ByName = "Mend (starter template)";

    public static readonly Lazy<IReadOnlyList<StarterTemplate>> All = new(Load);

    /// <summary>Installs any starter template not yet in the database (by key). Safe to run on several nodes at once.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        var present = await db.DocumentTemplates.Where(t => t.Key != null).Select(t => t.Key!).ToListAsync(ct);
        var missing = All.Value.Where(s => !present.Contains(s.Key)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var starter in missing)
        {
            db.DocumentTemplates.Add(DocumentTemplate.Create(starter.Key, starter.Name, starter.Description, starter.Subject, starter.Purpose, starter.Jurisdiction,
                starter.Key + ".docx", TemplateWriter.Write(starter.Source, settings.Marking), ByName, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another request (or node) installed them at the same moment: theirs stand.
            log.LogInformation(ex, "Starter templates were installed by another request");
            db.ChangeTracker.Clear();
        }
    }

    private static IReadOnlyList<StarterTemplate> Load()
    {
        var assembly = typeof(StarterTemplates).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith("Mend.Starters.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return Parse(reader.ReadToEnd(), n);
            }).ToList();
    }

    /// <summary>Reads a starter's header (key, name, subject, purpose, jurisdiction, description), then its source after "---".</summary>
    public static StarterTemplate Parse(string text, string name)
    {
        var split = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n---\n", 2);
        if (split.Length != 2)
        {
            throw new InvalidOperationException($"The starter template {name} has no '---' line between its header and its text.");
        }

        var header = split[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        string Get(string key) => header.TryGetValue(key, out var value) ? value
            : throw new InvalidOperationException($"The starter template {name} does not say its {key}.");
        return new StarterTemplate(Get("key"), Get("name"), Get("description"), Enum.Parse<DocumentSubject>(Get("subject")), Enum.Parse<DocumentPurpose>(Get("purpose")),
            Get("jurisdiction") == "Both" ? null : Enum.Parse<Jurisdiction>(Get("jurisdiction")), split[1].Trim('\n'));
    }
}
