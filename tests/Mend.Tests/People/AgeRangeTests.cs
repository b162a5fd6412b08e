using Mend.Web.Features.People;

namespace Mend.Tests.People;

/// <summary>Ages on other days from a date of birth (exact) or from an age stated on a day (a range of two ages on most days).</summary>
public sealed class AgeRangeTests
{
    private static readonly DateOnly Stated = new(2026, 11, 30);

    private static Person StatedAs(int age) =>
        Person.Create(new PersonDetails(PersonKind.Individual, "Kit", null, null, null, null, age, null, null, null, false, null, null, null, null, [], null),
            Stated.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), null);

    [Theory]
    [InlineData(10, "2026-11-30", 10, 10)]
    [InlineData(10, "2026-01-01", 9, 10)]
    [InlineData(10, "2025-12-01", 9, 10)]
    [InlineData(10, "2025-11-30", 9, 9)]
    [InlineData(10, "2027-11-29", 10, 11)]
    [InlineData(10, "2027-11-30", 11, 11)]
    [InlineData(17, "2026-06-01", 16, 17)]
    [InlineData(0, "2026-06-01", 0, 0)]
    public void AgeRangeOn_FromAStatedAge_CoversEveryoneWhoWasThatAgeThatDay(int stated, string on, int youngest, int oldest)
    {
        var range = StatedAs(stated).AgeRangeOn(DateOnly.Parse(on));
        Assert.Equal(new AgeRange(youngest, oldest), range);
    }

    [Theory]
    [InlineData("2012-02-29", "2026-02-28", 13)]
    [InlineData("2012-02-29", "2026-03-01", 14)]
    [InlineData("2010-12-01", "2026-11-30", 15)]
    [InlineData("2010-12-01", "2026-12-01", 16)]
    public void AgeOf_ADateOfBirth_IsExact(string born, string on, int age) =>
        Assert.Equal(age, AgeRange.AgeOf(DateOnly.Parse(born), DateOnly.Parse(on)));
}
