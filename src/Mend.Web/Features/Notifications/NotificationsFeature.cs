using Mend.Web.Platform.Composition;

namespace Mend.Web.Features.Notifications;

/// <summary>Registers notifications' settings (Mend:Notifications) and the notifier.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .AddMendSettings<NotificationSettings>("Mend:Notifications")
        .AddScoped<Notify>();
}
