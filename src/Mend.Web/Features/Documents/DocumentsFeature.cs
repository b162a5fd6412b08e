using Mend.Web.Platform.Composition;
using Mend.Web.Platform.Documents;

namespace Mend.Web.Features.Documents;

/// <summary>Registers letters and reports: settings (Mend:Documents, Mend:Pdf), the PDF converter and the operations.</summary>
public static class DocumentsFeature
{
    public static IServiceCollection AddDocuments(this IServiceCollection services) => services
        .AddMendSettings<DocumentSettings>("Mend:Documents")
        .AddMendSettings<PdfSettings>("Mend:Pdf")
        .AddSingleton<PdfConverter>()
        .AddScoped<StarterTemplates>()
        .AddScoped<DocumentValues>()
        .AddScoped<ProduceDocuments>()
        .AddScoped<ManageTemplates>()
        .AddScoped<LettersDue>()
        .AddScoped<PrintRuns>();
}
