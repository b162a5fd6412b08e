using Mend.Web.Platform.GovUk;

namespace Mend.Tests.Platform.GovUk;

public sealed class DatePartsTests
{
    [Theory]
    [InlineData("4", 4)]
    [InlineData("04", 4)]
    [InlineData("April", 4)]
    [InlineData("april", 4)]
    [InlineData("apr", 4)]
    [InlineData("Apr.", 4)]
    [InlineData(" APR ", 4)]
    [InlineData("Sept", 9)]
    [InlineData("sep", 9)]
    [InlineData("dec", 12)]
    [InlineData("12", 12)]
    [InlineData("13", null)]
    [InlineData("0", null)]
    [InlineData("ju", null)]
    [InlineData("juny", null)]
    [InlineData("", null)]
    public void MonthOf_AcceptsNumbersNamesAndAbbreviations(string typed, int? month) =>
        Assert.Equal(month, DateParts.MonthOf(typed));

    [Fact]
    public void Parse_MonthAsAWord_GivesTheDate_AndAnImpossibleDayIsStillRefused()
    {
        Assert.Equal(new DateOnly(2012, 4, 30), new DateParts { Day = "30", Month = "April", Year = "2012" }.Parse("Date").Date);
        Assert.Equal("Date must be a real date", new DateParts { Day = "31", Month = "apr", Year = "2012" }.Parse("Date").Error);
    }
}
