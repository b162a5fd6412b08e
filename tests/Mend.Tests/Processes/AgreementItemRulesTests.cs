using Mend.Web.Features.Cases;
using Mend.Web.Features.Processes;
using Mend.Web.Platform;

namespace Mend.Tests.Processes;

/// <summary>An outcome-agreement item's rules, kept in the entity and named by field, at their boundaries.</summary>
public sealed class AgreementItemRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(AgreementItemKind.Apology, "Write a letter", "Sam", 0, null, null)]
    [InlineData(AgreementItemKind.Apology, "", "Sam", 0, null, "what")]
    [InlineData(AgreementItemKind.Apology, "Write a letter", " ", 0, null, "who")]
    [InlineData(AgreementItemKind.Apology, "Write a letter", "Sam", -1, null, "dueOn")]
    [InlineData(AgreementItemKind.ReparationHours, "Garden work", "Sam", 7, null, "hours")]
    [InlineData(AgreementItemKind.ReparationHours, "Garden work", "Sam", 7, 0.5, null)]
    [InlineData(AgreementItemKind.ReparationHours, "Garden work", "Sam", 7, 200.0, null)]
    [InlineData(AgreementItemKind.ReparationHours, "Garden work", "Sam", 7, 200.5, "hours")]
    public void AgreementItemProblems_NameTheField_AndTheEntityRefusesTheSame(AgreementItemKind kind, string what, string who, int dueInDays, double? hours, string? field)
    {
        var problems = RjProcess.AgreementItemProblems(kind, what, who, Today.AddDays(dueInDays), (decimal?)hours, Today);
        Assert.Equal(field is null ? [] : [field], problems.Keys);

        var process = RjProcess.Plan(Guid.NewGuid(), ProcessKind.Letter, [(Guid.NewGuid(), ParticipantRole.YoungPerson)], "Ada", DateTime.UtcNow);
        if (field is null)
        {
            process.AddAgreementItem(kind, what, who, Today.AddDays(dueInDays), (decimal?)hours, Today);
        }
        else
        {
            Assert.Equal(field, Assert.Throws<DomainRuleException>(() => process.AddAgreementItem(kind, what, who, Today.AddDays(dueInDays), (decimal?)hours, Today)).Field);
        }
    }

    [Fact]
    public void AgreementItemProblems_LongTexts_AreRefusedAtTheirLimits()
    {
        Assert.Empty(RjProcess.AgreementItemProblems(AgreementItemKind.Other, new string('w', 1000), new string('p', 200), Today, null, Today));
        Assert.Equal(["what", "who"], RjProcess.AgreementItemProblems(AgreementItemKind.Other, new string('w', 1001), new string('p', 201), Today, null, Today).Keys);
    }
}
