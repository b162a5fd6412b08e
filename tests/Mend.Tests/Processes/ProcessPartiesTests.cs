using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Platform;

namespace Mend.Tests.Processes;

/// <summary>Who each kind of process needs (ProcessParties, after the Restorative Justice Council's definition of a restorative process).</summary>
public sealed class ProcessPartiesTests
{
    private const ParticipantRole Yp = ParticipantRole.YoungPerson;
    private const ParticipantRole V = ParticipantRole.Victim;
    private const ParticipantRole Parent = ParticipantRole.ParentOrCarer;

    public static TheoryData<ProcessKind, ParticipantRole[], bool> Cases => new()
    {
        { ProcessKind.FaceToFaceConference, [Yp, V], true },
        { ProcessKind.FaceToFaceConference, [V], false },
        { ProcessKind.FaceToFaceConference, [Yp], false },
        { ProcessKind.FaceToFaceConference, [Yp, Parent], false },
        { ProcessKind.FaceToFaceConference, [V, Parent], false },
        { ProcessKind.VideoConference, [Yp, V], true },
        { ProcessKind.VideoConference, [V], false },
        { ProcessKind.ShuttleOrIndirect, [Yp, V], true },
        { ProcessKind.ShuttleOrIndirect, [Yp], false },
        { ProcessKind.Letter, [Yp], true },
        { ProcessKind.Letter, [V], false },
        { ProcessKind.CommunityPanel, [Yp], true },
        { ProcessKind.CommunityPanel, [V, Parent], false },
        { ProcessKind.ReferralOrderPanel, [Yp, Parent], true },
        { ProcessKind.SchoolMeeting, [Yp, V], true },
        { ProcessKind.SchoolMeeting, [Yp], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Missing_ByKindAndWhoTakesPart(ProcessKind kind, ParticipantRole[] roles, bool complete)
    {
        var missing = ProcessParties.Missing(kind, roles);
        Assert.Equal(complete, missing is null);
        if (!complete)
        {
            Assert.Throws<DomainRuleException>(() => RjProcess.Plan(Guid.NewGuid(), kind, roles.Select(r => (Guid.NewGuid(), r)), "Ada", DateTime.UtcNow));
        }
    }

    [Fact]
    public void ParentOrCarerReceivingTheServiceForAYoungVictim_RepresentsThePersonHarmed()
    {
        Assert.Null(ProcessParties.Missing(ProcessKind.FaceToFaceConference, [Yp, Parent], harmedRepresented: true));
        Assert.NotNull(ProcessParties.Missing(ProcessKind.FaceToFaceConference, [Parent], harmedRepresented: true));
        RjProcess.Plan(Guid.NewGuid(), ProcessKind.ShuttleOrIndirect, [(Guid.NewGuid(), Yp), (Guid.NewGuid(), Parent)], "Ada", DateTime.UtcNow, harmedRepresented: true);
    }

    [Fact]
    public void EveryKind_HasARule() =>
        Assert.Equal(Enum.GetValues<ProcessKind>().Order(), ProcessParties.Rules.Select(r => r.Kind).Order());
}
