using Mend.Web.Features.Cases;

namespace Mend.Web.Features.Reports;

/// <summary>
/// The words a report uses in each jurisdiction: youth justice services in England and Wales report on children and
/// the Victims' Code; the Jersey Probation and After-Care Service on young people and adults, Parish Hall Enquiries
/// and the Jersey Code of Practice for Victims of Crime.
/// </summary>
public sealed record ReportWords(string Service, string Person, string People, string Disposals, string VictimsCode)
{
    public static readonly ReportWords EnglandAndWales = new("youth justice service", "child", "children", "orders and out-of-court disposals",
        "Victims' Code");

    public static readonly ReportWords Jersey = new("Probation and After-Care Service", "young person", "young people and adults",
        "court orders and Parish Hall Enquiry decisions", "Jersey Code of Practice for Victims of Crime");

    public static ReportWords For(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction.Jersey ? Jersey : EnglandAndWales;
}
