using System.Security.Cryptography;
using Mend.Web.Features.Cases;
using Mend.Web.Features.People;
using Mend.Web.Features.Victims;
using Mend.Web.Platform;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;

namespace Mend.Tests.Victims;

/// <summary>The victim's own rules and the Victims' Code deadlines, without a database.</summary>
public sealed class VictimRulesTests
{
    private static readonly FieldEncryption Encryption =
        new(new EncryptionSettings { CurrentKeyId = 1, Keys = new() { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } });

    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly VictimSettings Settings = new();

    private static Victim Adult(EnhancedReasons enhanced = EnhancedReasons.None) =>
        Victim.Start(Guid.NewGuid(), Guid.NewGuid(), null, DetailsSource.PolicePassedDetails, Monday, enhanced, 40, new AgeRange(39, 39), Now);

    private static ContactDetails Phone(ContactDirection direction = ContactDirection.Outgoing, string? via = null, ContactMethod method = ContactMethod.Phone, long? address = null) =>
        new(Now, direction, method, via, ContactOutcome.Spoke, null, address);

    private static RecordDetails Rj(DateOnly on, string? late = null) => new(RecordKind.RjInformation, on, null, null, RjResponse.Yes, ContactMethod.Phone, late);

    [Theory]
    [InlineData(15, 15, true)]
    [InlineData(17, 17, true)]
    [InlineData(18, 18, false)]
    [InlineData(40, 40, false)]
    [InlineData(17, 18, true)] // a stated age that could have been 17 at the offence: the stricter deadline applies
    [InlineData(18, 19, false)]
    public void Start_ChildAtTheOffence_GetsTheEnhancedServiceAutomatically(int youngest, int oldest, bool enhanced)
    {
        var victim = Victim.Start(Guid.NewGuid(), Guid.NewGuid(), null, DetailsSource.PolicePassedDetails, Monday, EnhancedReasons.None, 19,
            new AgeRange(youngest, oldest), Now);

        Assert.Equal(enhanced, victim.Enhanced.HasFlag(EnhancedReasons.ChildAtOffence));
        Assert.Equal("18 to 24", victim.AgeBand);
        var due = Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, Monday).Single(e => e.Entitlement == Entitlement.RjInformation).DueOn;
        Assert.Equal(WorkingDays.Shipped.Add(Monday, enhanced ? 1 : 5, Jurisdiction.EnglandAndWales), due);
    }

    [Fact]
    public void Start_NoAgeKnown_IsNotEnhancedByAge()
    {
        var victim = Victim.Start(Guid.NewGuid(), Guid.NewGuid(), null, DetailsSource.PolicePassedDetails, Monday, EnhancedReasons.None, null, null, Now);
        Assert.False(victim.Enhanced.HasFlag(EnhancedReasons.ChildAtOffence));
    }

    [Fact]
    public void RjInformation_IsDueIn5WorkingDays_Or1ForEnhancedRights()
    {
        var standard = Entitlements.For(WorkingDays.Shipped, Adult(), Jurisdiction.EnglandAndWales, null, Settings, Monday).Single(e => e.Entitlement == Entitlement.RjInformation);
        var enhanced = Entitlements.For(WorkingDays.Shipped, Adult(EnhancedReasons.PersistentlyTargeted), Jurisdiction.EnglandAndWales, null, Settings, Monday).Single(e => e.Entitlement == Entitlement.RjInformation);

        Assert.Equal(new DateOnly(2026, 11, 30), standard.DueOn);
        Assert.Equal(new DateOnly(2026, 11, 24), enhanced.DueOn);
        Assert.Equal(EntitlementState.Due, standard.State);
        Assert.Equal(EntitlementState.Overdue, Entitlements.For(WorkingDays.Shipped, Adult(), Jurisdiction.EnglandAndWales, null, Settings, new DateOnly(2026, 12, 1)).Single().State);
    }

    [Fact]
    public void RjInformation_Late_NeedsAReason_AndCountsAsMetLate()
    {
        var victim = Adult();
        var due = new DateOnly(2026, 11, 30);

        var ex = Assert.Throws<DomainRuleException>(() => victim.Record(Rj(due.AddDays(1)), due, Encryption, "Ada", Now));
        Assert.Contains("Say why it was late", ex.Message, StringComparison.Ordinal);

        victim.Record(Rj(due.AddDays(1), "Victim was in hospital"), due, Encryption, "Ada", Now);
        var status = Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, due.AddDays(2)).Single(e => e.Entitlement == Entitlement.RjInformation);
        Assert.Equal(EntitlementState.MetLate, status.State);
        Assert.Equal("Victim was in hospital", status.Reason);
        Assert.True(victim.Agreed(ChoiceKind.TakePartInRj));
    }

    [Fact]
    public void DeclinedContact_RefusesOutgoingContactAndRjInformation_SayingWhy_ButTheyMayStillContactUs()
    {
        var victim = Adult();
        victim.RecordChoice(ChoiceKind.Contact, false, Monday, null, "Ada", Now);

        var ex = Assert.Throws<DomainRuleException>(() => victim.RecordContact(Phone(), false, "Ada", Now));
        Assert.Contains("do not want to be contacted", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainRuleException>(() => victim.Record(Rj(Monday), null, Encryption, "Ada", Now));
        victim.RecordContact(Phone(ContactDirection.Incoming), false, "Ada", Now);

        Assert.Single(victim.Contacts);
        var rj = Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, Monday.AddDays(30)).Single(e => e.Entitlement == Entitlement.RjInformation);
        Assert.Equal(EntitlementState.NotApplicable, rj.State);
    }

    [Fact]
    public void DoNotContactDirectly_BlockedMethods_AndUnsafeAddresses_AreEachRefused()
    {
        var victim = Adult();
        victim.ChangeDetails(DetailsSource.PolicePassedDetails, Monday, EnhancedReasons.None, 40, new AgeRange(39, 39), ContactMethod.Email, null, ContactMethods.Text, [7]);

        Assert.Contains("directly", Assert.Throws<DomainRuleException>(() => victim.RecordContact(Phone(), doNotContactDirectly: true, "Ada", Now)).Message, StringComparison.Ordinal);
        victim.RecordContact(Phone(via: "Her mother"), doNotContactDirectly: true, "Ada", Now);
        Assert.Contains("text message", Assert.Throws<DomainRuleException>(() => victim.RecordContact(Phone(method: ContactMethod.Text), false, "Ada", Now)).Message, StringComparison.Ordinal);
        Assert.Contains("address must not be used", Assert.Throws<DomainRuleException>(() => victim.RecordContact(Phone(method: ContactMethod.Letter, address: 7), false, "Ada", Now)).Message, StringComparison.Ordinal);
        victim.RecordContact(Phone(method: ContactMethod.Letter, address: 8), false, "Ada", Now);
        Assert.Equal(2, victim.Contacts.Count);
    }

    [Fact]
    public void Withdrawing_KeptInformed_StopsUpdates_AndTheDeadline()
    {
        var victim = Adult();
        victim.RecordChoice(ChoiceKind.KeptInformed, true, Monday, null, "Ada", Now);
        victim.Record(new(RecordKind.ProgressUpdate, Monday.AddDays(7), "Court date set", null, null, ContactMethod.Phone, null), null, Encryption, "Ada", Now);
        Assert.Contains(Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, Monday.AddDays(8)), e => e.Entitlement == Entitlement.ProgressUpdate && e.IsOpen);

        victim.RecordChoice(ChoiceKind.KeptInformed, false, Monday.AddDays(9), "Does not want to hear more", "Ada", Now);

        Assert.Throws<DomainRuleException>(() => victim.Record(new(RecordKind.ProgressUpdate, Monday.AddDays(10), "x", null, null, null, null), null, Encryption, "Ada", Now));
        Assert.DoesNotContain(Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, Monday.AddDays(60)), e => e.Entitlement == Entitlement.ProgressUpdate && e.IsOpen);
    }

    [Fact]
    public void ProgressUpdates_AreDueEvery20WorkingDays_AndTheConclusionAfterClosing()
    {
        var victim = Adult();
        victim.RecordChoice(ChoiceKind.KeptInformed, true, Monday, null, "Ada", Now);

        var open = Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, Monday).Single(e => e.Entitlement == Entitlement.ProgressUpdate);
        // 20 working days from Monday 23 November 2026.
        Assert.Equal(new DateOnly(2026, 12, 21), open.DueOn);

        var closed = Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, new DateOnly(2026, 12, 23), Settings, new DateOnly(2026, 12, 23));
        Assert.Equal(new DateOnly(2027, 1, 4), closed.Single(e => e.Entitlement == Entitlement.ConclusionNotice).DueOn);
        Assert.DoesNotContain(closed, e => e.Entitlement == Entitlement.ProgressUpdate && e.IsOpen);
    }

    [Fact]
    public void SupportReferral_IsDueIn2WorkingDays_OfWantingIt()
    {
        var victim = Adult();
        Assert.Throws<DomainRuleException>(() => victim.Record(new(RecordKind.SupportReferral, Monday, null, "Victim Support", null, null, null), null, Encryption, "Ada", Now));
        victim.Record(new(RecordKind.SupportWanted, new DateOnly(2026, 11, 27), null, null, null, null, null), null, Encryption, "Ada", Now);

        var due = Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, new DateOnly(2026, 11, 27)).Single(e => e.Entitlement == Entitlement.SupportReferral);
        Assert.Equal(new DateOnly(2026, 12, 1), due.DueOn);

        victim.Record(new(RecordKind.SupportReferral, new DateOnly(2026, 11, 30), null, "Victim Support", null, null, null), due.DueOn, Encryption, "Ada", Now);
        Assert.Equal(EntitlementState.MetOnTime, Entitlements.For(WorkingDays.Shipped, victim, Jurisdiction.EnglandAndWales, null, Settings, new DateOnly(2026, 12, 5)).Single(e => e.Entitlement == Entitlement.SupportReferral).State);
    }

    [Fact]
    public void SharingViews_NeedsTheVictimsAgreement()
    {
        var victim = Adult();
        var views = victim.RecordViews(DecisionMaker.ReferralOrderPanel, "I want him to know how scared I was", true, null, Monday, Encryption, "Ada", Now);

        Assert.Throws<DomainRuleException>(() => victim.ShareViews(views, "Panel", Monday, "Ada", Now));
        victim.RecordChoice(ChoiceKind.ShareViews, true, Monday, null, "Ada", Now);
        victim.ShareViews(views, "Referral order panel, 3 December", Monday, "Ada", Now);

        Assert.Single(views.Shares);
        Assert.DoesNotContain("scared", views.ViewsCiphertext, StringComparison.Ordinal);
    }

    [Fact]
    public void SurveyLink_WorksOnce_AndExpires()
    {
        var victim = Adult();
        Assert.Throws<DomainRuleException>(() => victim.StartSurvey("hash", Now.AddDays(28), Now));
        victim.RecordChoice(ChoiceKind.SatisfactionSurvey, true, Monday, null, "Ada", Now);
        var survey = victim.StartSurvey("hash", Now.AddDays(28), Now);

        Assert.Contains("expired", survey.WhyLinkUnusable(Now.AddDays(29)), StringComparison.Ordinal);
        Assert.Throws<DomainRuleException>(() => survey.Complete(5, true, true, null, byVictim: true, Encryption, Now.AddDays(29)));
        survey.Complete(4, true, true, "Thank you", byVictim: true, Encryption, Now.AddDays(1));
        Assert.Contains("already been answered", survey.WhyLinkUnusable(Now.AddDays(2)), StringComparison.Ordinal);
        Assert.Throws<DomainRuleException>(() => survey.Complete(1, false, false, null, byVictim: true, Encryption, Now.AddDays(2)));
        Assert.Equal(4, survey.Satisfaction);
    }

    [Fact]
    public void DecliningTheService_WithdrawsEveryChoice_AndMinimisingKeepsOnlyWhatCounts()
    {
        var victim = Adult();
        victim.RecordChoice(ChoiceKind.KeptInformed, true, Monday, null, "Ada", Now);
        victim.RecordContact(Phone(), false, "Ada", Now);
        victim.DeclineService(Monday.AddDays(1), "Ada", Now);

        Assert.All(Enum.GetValues<ChoiceKind>(), k => Assert.False(victim.Agreed(k)));
        Assert.Throws<DomainRuleException>(() => victim.RecordContact(Phone(), false, "Ada", Now));

        victim.Minimise(Now.AddDays(31));
        Assert.Empty(victim.Contacts);
        Assert.Equal("25 to 64", victim.AgeBand);
        Assert.Equal(Monday.AddDays(1), victim.DeclinedOn);
        Assert.Throws<DomainRuleException>(() => victim.RecordChoice(ChoiceKind.Contact, true, Monday, null, "Ada", Now));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(5, 0)]
    [InlineData(2, 3)]
    public void Settings_ThatMakeNoSense_StopStartUp(int days, int enhanced)
    {
        var settings = new VictimSettings { RjInformationWorkingDays = days, EnhancedRjInformationWorkingDays = enhanced };

        var ex = Assert.Throws<MendConfigurationException>(() => settings.Validated());
        Assert.StartsWith("Mend:Victims:", ex.Message, StringComparison.Ordinal);
    }
}
