using Mend.Web.Platform;

namespace Mend.Web.Features.Orders;

/// <summary>Mend:Orders: how often each intervention level meets, and whether the service is in the intensive supervision pilot.</summary>
public sealed class OrderSettings : Platform.Composition.ISelfValidating<OrderSettings>
{
    /// <summary>
    /// The minimum appointments a month for each level. The defaults are the YJB's Scaled Approach (2010): 2, 4 and 12;
    /// National Standards (2019) leave the frequency to each service, so set your own.
    /// </summary>
    public int StandardContactsPerMonth { get; set; } = 2;

    public int EnhancedContactsPerMonth { get; set; } = 4;

    public int IntensiveContactsPerMonth { get; set; } = 12;

    /// <summary>The service's youth justice team is listed in SI 2023/705 (extended activity of up to 365 days).</summary>
    public bool IntensiveSupervisionPilot { get; set; }

    /// <summary>A referral order's first panel meets within this many working days of the order (local practice).</summary>
    public int InitialPanelWorkingDays { get; set; } = 20;

    public int ContactsPerMonth(InterventionLevel level) => level switch
    {
        InterventionLevel.Intensive => IntensiveContactsPerMonth,
        InterventionLevel.Enhanced => EnhancedContactsPerMonth,
        _ => StandardContactsPerMonth,
    };

    public OrderSettings Validated()
    {
        foreach (var (name, value) in new[] { ("Standard", StandardContactsPerMonth), ("Enhanced", EnhancedContactsPerMonth), ("Intensive", IntensiveContactsPerMonth) })
        {
            if (value is < 0 or > 60)
            {
                throw new MendConfigurationException($"Mend:Orders:{name}ContactsPerMonth is {value}; use 0 to 60.");
            }
        }

        if (InitialPanelWorkingDays is < 1 or > 60)
        {
            throw new MendConfigurationException($"Mend:Orders:InitialPanelWorkingDays is {InitialPanelWorkingDays}; use 1 to 60 working days.");
        }

        return this;
    }
}
