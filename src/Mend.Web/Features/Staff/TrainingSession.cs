using Mend.Web.Platform;
using Mend.Web.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mend.Web.Features.Staff;

/// <summary>Who a training session was for.</summary>
public enum TrainingAudience
{
    /// <summary>Jersey's parish Honorary Police (centeniers, vingteniers, constable's officers), who run Parish Hall Enquiries.</summary>
    HonoraryPolice,
    Police,
    School,
    Volunteers,
    Staff,

    /// <summary>Another partner agency's staff: social care, health, housing, youth services.</summary>
    PartnerAgency,
    Other,
}

public static class TrainingAudiences
{
    public static string Describe(TrainingAudience audience) => audience switch
    {
        TrainingAudience.HonoraryPolice => "Honorary Police",
        TrainingAudience.Police => "Police",
        TrainingAudience.School => "School staff or pupils",
        TrainingAudience.Volunteers => "Volunteers",
        TrainingAudience.Staff => "Our staff",
        TrainingAudience.PartnerAgency => "Another agency's staff",
        _ => "Others",
    };
}

/// <summary>
/// Training the service delivered to others (restorative approaches for the Honorary Police, a school, volunteers, staff):
/// topic, day, audience, trainer, length, who attended from which organisation, and what they said of it. Counted in the
/// service report by audience.
/// </summary>
public sealed class TrainingSession
{
    public const int TopicLength = 200;
    public const int CommentsLength = 2000;
    public const int MostAttendees = 200;

    private readonly List<SessionAttendee> _attendees = [];

    public Guid Id { get; private set; }
    public string Topic { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public TrainingAudience Audience { get; private set; }
    public Guid TrainerId { get; private set; }
    public string TrainerName { get; private set; } = "";

    /// <summary>The team whose work it was (the recorder's), for the team's service report.</summary>
    public Guid? TeamId { get; private set; }
    public decimal Hours { get; private set; }

    /// <summary>Feedback forms returned, their average rating out of 5, and what people wrote; all optional.</summary>
    public int? FeedbackReturned { get; private set; }
    public decimal? FeedbackAverage { get; private set; }
    public string? FeedbackComments { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public IReadOnlyList<SessionAttendee> Attendees => _attendees;

    public sealed record Details(string? Topic, DateOnly? HeldOn, TrainingAudience? Audience, Guid? TrainerId, decimal? Hours,
        IReadOnlyList<(string Name, string? Organisation)> Attendees, int? FeedbackReturned, decimal? FeedbackAverage, string? FeedbackComments);

    /// <summary>
    /// Every field refused, by the API's name: a topic; held today or before; an audience; a trainer; 0.5 to 40 hours in
    /// half hours; one to 200 attendees, each named; feedback forms no more than the attendees, their average from 1 to 5.
    /// </summary>
    public static Dictionary<string, string> Problems(Details d, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var topic = TextInput.Clean(d.Topic);
        if (topic is null)
        {
            errors["topic"] = "Enter the topic";
        }
        else if (topic.Length > TopicLength)
        {
            errors["topic"] = $"The topic must be {TopicLength} characters or fewer";
        }

        if (d.HeldOn is not { } held)
        {
            errors["heldOn"] = "Enter the date of the session";
        }
        else if (held > today)
        {
            errors["heldOn"] = "The session must have been held today or before: record it afterwards";
        }

        if (d.Audience is not { } audience || !Enum.IsDefined(audience))
        {
            errors["audience"] = "Choose who the session was for";
        }

        if (d.TrainerId is null)
        {
            errors["trainerId"] = "Choose the trainer";
        }

        if (d.Hours is not { } hours || hours < 0.5m || hours > 40m || hours * 2 != decimal.Truncate(hours * 2))
        {
            errors["hours"] = "Enter how long it lasted in hours, from 0.5 to 40, to the half hour";
        }

        if (d.Attendees.Count == 0)
        {
            errors["attendees"] = "List who attended: a name on each line, then a comma and their organisation";
        }
        else if (d.Attendees.Count > MostAttendees)
        {
            errors["attendees"] = $"List at most {MostAttendees} attendees; record a larger event as more than one session";
        }
        else if (d.Attendees.Any(a => TextInput.Clean(a.Name) is not { Length: > 0 and <= SessionAttendee.NameLength }
                     || TextInput.Clean(a.Organisation) is { Length: > SessionAttendee.OrganisationLength }))
        {
            errors["attendees"] = $"Give each attendee a name of up to {SessionAttendee.NameLength} characters and an organisation of up to {SessionAttendee.OrganisationLength}";
        }

        if (d.FeedbackReturned is { } returned && (returned < 0 || returned > d.Attendees.Count))
        {
            errors["feedbackReturned"] = "The feedback forms returned must be between none and the number who attended";
        }

        if (d.FeedbackAverage is { } average && (average < 1 || average > 5 || d.FeedbackReturned is null or 0))
        {
            errors["feedbackAverage"] = d.FeedbackReturned is null or 0 ? "Enter how many forms were returned before their average" : "The average rating must be from 1 to 5";
        }

        if (TextInput.Clean(d.FeedbackComments) is { Length: > CommentsLength })
        {
            errors["feedbackComments"] = $"The comments must be {CommentsLength} characters or fewer";
        }

        return errors;
    }

    /// <exception cref="DomainRuleException">The first problem <see cref="Problems"/> finds, naming its field.</exception>
    public static TrainingSession Record(Details d, string trainerName, Guid? teamId, DateOnly today, string byName, DateTime now)
    {
        if (Problems(d, today) is { Count: > 0 } problems)
        {
            var (field, message) = problems.First();
            throw new DomainRuleException(message, field);
        }

        var session = new TrainingSession
        {
            Id = Guid.NewGuid(),
            Topic = TextInput.Clean(d.Topic)!,
            HeldOn = d.HeldOn!.Value,
            Audience = d.Audience!.Value,
            TrainerId = d.TrainerId!.Value,
            TrainerName = trainerName,
            TeamId = teamId,
            Hours = d.Hours!.Value,
            FeedbackReturned = d.FeedbackReturned,
            FeedbackAverage = d.FeedbackAverage is { } a ? Math.Round(a, 1) : null,
            FeedbackComments = TextInput.Clean(d.FeedbackComments),
            RecordedByName = byName,
            RecordedAt = now,
        };
        session._attendees.AddRange(d.Attendees.Select(a => new SessionAttendee(TextInput.Clean(a.Name)!, TextInput.Clean(a.Organisation))));
        return session;
    }

    /// <summary>Attendees typed one to a line, "Name, Organisation" (the organisation after the first comma, optional); blank lines skipped.</summary>
    public static List<(string Name, string? Organisation)> ParseAttendees(string? lines) =>
        (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.IndexOf(',', StringComparison.Ordinal) is var comma and >= 0 ? (l[..comma].Trim(), (string?)l[(comma + 1)..].Trim()) : (l, null))
            .ToList();
}

/// <summary>Someone who attended a training session, and their organisation ("St Helier parish", "Hautlieu School").</summary>
public sealed class SessionAttendee(string name, string? organisation)
{
    public const int NameLength = 200;
    public const int OrganisationLength = 200;

    public long Id { get; private set; }
    public Guid TrainingSessionId { get; private set; }
    public string Name { get; private set; } = name;
    public string? Organisation { get; private set; } = organisation;
}

internal sealed class TrainingSessionModel : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("TrainingSessions");
        builder.Property(s => s.Topic).HasMaxLength(TrainingSession.TopicLength).IsOneLine();
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.TrainerName).HasMaxLength(200);
        builder.Property(s => s.Hours).HasPrecision(4, 1);
        builder.Property(s => s.FeedbackAverage).HasPrecision(2, 1);
        builder.Property(s => s.FeedbackComments).HasMaxLength(TrainingSession.CommentsLength);
        builder.Property(s => s.RecordedByName).HasMaxLength(200);
        builder.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.TrainingSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Attendees).AutoInclude();
        builder.HasIndex(s => new { s.TeamId, s.HeldOn });
    }
}

internal sealed class SessionAttendeeModel : IEntityTypeConfiguration<SessionAttendee>
{
    public void Configure(EntityTypeBuilder<SessionAttendee> builder)
    {
        builder.ToTable("SessionAttendees");
        builder.Property(a => a.Name).HasMaxLength(SessionAttendee.NameLength).IsOneLine();
        builder.Property(a => a.Organisation).HasMaxLength(SessionAttendee.OrganisationLength).IsOneLine();
    }
}
