using Mend.Web.Features.People;

namespace Mend.Tests.People;

public sealed class PostcodeTests
{
    private static Dictionary<string, string> ErrorsFor(string postcode) =>
        new PersonInput { GivenName = "Ada", AddressLine1 = "1 High Street", Postcode = postcode }.Validate(new DateOnly(2026, 11, 30), out _);

    [Theory]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData("SW1A\u00A01AA", "SW1A 1AA")]
    [InlineData(" sw1a  1aa ", "SW1A 1AA")]
    [InlineData("SW1A\t1AA", "SW1A 1AA")]
    [InlineData("je2 4qb", "JE2 4QB")]
    [InlineData("GY1 1AA", "GY1 1AA")]
    [InlineData("IM1 1AA", "IM1 1AA")]
    [InlineData("BFPO 801", "BFPO 801")]
    [InlineData("bfpo801", "BFPO 801")]
    [InlineData("BFPO\u00A02", "BFPO 2")]
    [InlineData("M1 1AE", "M1 1AE")]
    public void Postcode_AnySpacingOrCase_IsAcceptedAndNormalised(string typed, string kept)
    {
        Assert.Equal(kept, PersonInput.NormalisePostcode(typed));
        Assert.False(ErrorsFor(typed).ContainsKey(nameof(PersonInput.Postcode)));
        Assert.Equal(AddressDetails.PostcodeKeyOf(kept), AddressDetails.PostcodeKeyOf(typed));
    }

    [Theory]
    [InlineData("not a postcode")]
    [InlineData("BFPO 12345")]
    [InlineData("SW1A 1A")]
    [InlineData("12345")]
    public void Postcode_Malformed_IsAFieldError(string typed) =>
        Assert.Equal("Enter a real postcode, like SW1A 1AA, JE2 4QB or BFPO 801", ErrorsFor(typed)[nameof(PersonInput.Postcode)]);
}
