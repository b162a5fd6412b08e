namespace Mend.Web.Features.People;

/// <summary>The youngest and oldest a person can have been on a day, in whole years (equal when the date of birth is known).</summary>
public sealed record AgeRange(int Youngest, int Oldest)
{
    public bool IsExact => Youngest == Oldest;

    /// <summary>True only when every age in the range is under <paramref name="limit"/>.</summary>
    public bool AllUnder(int limit) => Oldest < limit;

    /// <summary>True when some age in the range is under <paramref name="limit"/>.</summary>
    public bool AnyUnder(int limit) => Youngest < limit;

    /// <summary>Age in whole years on <paramref name="day"/> of someone born on <paramref name="born"/> (someone born on 29 February has their birthday on 1 March in other years).</summary>
    public static int AgeOf(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born > day.AddYears(-age) ? age - 1 : age;
    }

    public override string ToString() => IsExact ? $"{Youngest}" : $"{Youngest} or {Oldest}";
}
