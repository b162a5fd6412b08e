using Mend.Web.Platform.Composition;

namespace Mend.Web.Features.Orders;

/// <summary>Registers orders' settings (Mend:Orders) and operations.</summary>
public static class OrdersFeature
{
    public static IServiceCollection AddOrders(this IServiceCollection services) => services
        .AddMendSettings<OrderSettings>("Mend:Orders")
        .AddScoped<RecordOrders>()
        .AddScoped<OrdersDue>();
}
